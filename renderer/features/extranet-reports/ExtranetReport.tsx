import { useState } from 'react';
import { href } from '../../app/router';
import { useData } from '../../data/react';
import { useTranslation } from '../../i18n';
import { FormStatus, type FormMessage } from '../../ui/FormStatus';
import { download } from '../reports/export-table';
import { InterventionReport } from '../visits/InterventionReport';
import './extranet-reports.css';

/**
 * `/comptes-rendus/:id`: the staff's print view of a compte-rendu (visits/InterventionReport),
 * for the client, with "Télécharger le PDF" — the server's rendering, so it needs the network.
 * Offline it says so and offers the print view, drawn from the documents on the device.
 */
export function ExtranetReport({ interventionId }: { interventionId: string }) {
  const { t } = useTranslation('extranet-reports');
  return (
    <InterventionReport
      interventionId={interventionId}
      extranet={{
        back: { href: href('/comptes-rendus'), label: t('report.back') },
        actions: (print) => <DownloadPdf interventionId={interventionId} print={print} />,
      }}
    />
  );
}

function DownloadPdf({ interventionId, print }: { interventionId: string; print(): void }) {
  const { t } = useTranslation('extranet-reports');
  const data = useData();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [offline, setOffline] = useState(false);

  const run = async () => {
    setMessage(null);
    setOffline(false);
    // No server session at all (never signed in online) is the same as no network here.
    if (!data.server || !navigator.onLine) {
      setOffline(true);
      return;
    }
    setBusy(true);
    try {
      const { blob, fileName } = await data.server.compteRenduPdf(interventionId);
      download(fileName, blob, 'application/pdf');
      setMessage({ kind: 'ok', text: t('report.downloaded', { fileName }) });
    } catch (error) {
      // fetch rejects with a TypeError when the server cannot be reached (server-actions.ts).
      if (error instanceof TypeError) setOffline(true);
      else setMessage({ kind: 'error', text: t('report.failed', { message: (error as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="btn" disabled={busy} onClick={() => void run()}>
        {busy ? t('report.downloading') : t('report.download')}
      </button>
      <FormStatus message={message} />
      {offline && (
        <p className="form-error extranet-offline" role="alert">
          {t('report.offline')}{' '}
          <button type="button" className="btn" onClick={print}>
            {t('report.printInstead')}
          </button>
        </p>
      )}
    </>
  );
}
