import { useState } from 'react';
import { useData } from '../../data/react';
import { useTranslation } from '../../i18n';
import { FormStatus, type FormMessage } from '../../ui/FormStatus';
import { download } from '../reports/export-table';

/**
 * The lead's "Export de réversibilité" of one client (CG art. 23): the server makes the ZIP from
 * the central store (every document of the client, the comptes-rendus as PDFs, a README), so
 * this needs the network; offline it says so and nothing is lost.
 */
export function ExportClientButton({ clientId }: { clientId: string }) {
  const { t } = useTranslation('reversibility');
  const data = useData();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage | null>(null);

  const run = async () => {
    if (!data.server) return;
    setBusy(true);
    setMessage(null);
    try {
      const { blob, fileName } = await data.server.clientExport(clientId);
      download(fileName, blob, 'application/zip');
      setMessage({ kind: 'ok', text: t('done', { fileName }) });
    } catch (error) {
      const text = error instanceof TypeError ? t('offline') : t('failed', { message: (error as Error).message });
      setMessage({ kind: 'error', text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-buttons">
      <button
        type="button"
        className="btn"
        disabled={busy || !data.server}
        onClick={() => void run()}
        title={t('hint')}
      >
        {busy ? t('working') : t('button')}
      </button>
      <FormStatus message={message} />
    </div>
  );
}
