import { useState } from 'react';
import { useData } from '../../data/react';
import { useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { FormStatus, type FormMessage } from '../../ui/FormStatus';
import { parseInventoryCsv, type CsvError, type CsvReport } from './csv-import';

type Props = { clientId: string; onClose(): void };

/**
 * Imports an inventory from a CSV file with a report per line. A file with errors imports
 * nothing unless the user confirms importing its valid lines only.
 */
export function CsvImportDialog({ clientId, onClose }: Props) {
  const { t } = useTranslation('dossier');
  const { t: tc } = useTranslation('clients');
  const data = useData();
  const [report, setReport] = useState<CsvReport | null>(null);
  const [status, setStatus] = useState<FormMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const valid = report?.lines.filter((l) => l.equipment) ?? [];
  const invalid = (report?.lines.length ?? 0) - valid.length;

  const read = async (file: File | undefined) => {
    setStatus(null);
    setReport(file ? parseInventoryCsv(await file.text(), clientId) : null);
  };
  const importValid = async () => {
    setBusy(true);
    try {
      for (const line of valid) if (line.equipment) await data.equipment.save(line.equipment);
      setStatus({ kind: 'ok', text: t('csv.done', { count: valid.length }) });
      setReport(null);
    } catch (error) {
      setStatus({
        kind: 'error',
        text: t('csv.failed', { message: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setBusy(false);
    }
  };
  const describe = (e: CsvError) =>
    e.key === 'field'
      ? t('csv.errors.field', { column: e.column, message: tc(`errors.${e.message ?? 'format'}`, e.params ?? {}) })
      : t(`csv.errors.${e.key}`, { column: e.column, value: e.value });

  return (
    <Dialog
      open
      wide
      title={t('csv.title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {tc('cancel')}
          </button>
          {report && valid.length > 0 && (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void importValid()}>
              {invalid > 0
                ? t('csv.importValid', { count: valid.length })
                : t('csv.importAll', { count: valid.length })}
            </button>
          )}
        </>
      }
    >
      <p className="muted">{t('csv.help')}</p>
      <div className="field">
        <label htmlFor="csv-file">{t('csv.file')}</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void read(e.target.files?.[0])} />
      </div>
      <FormStatus message={status} as="p" />
      {report?.problem && (
        <p className="form-error" role="alert">
          {t(`csv.${report.problem}`)}
        </p>
      )}
      {report && !report.problem && (
        <>
          <p role="status">{t('csv.summary', { valid: valid.length, invalid })}</p>
          {invalid > 0 && <p className="notice notice-warn">{t('csv.confirmValid')}</p>}
          {report.unknownColumns.length > 0 && (
            <p className="muted">{t('csv.unknownColumns', { columns: report.unknownColumns.join(', ') })}</p>
          )}
          <div className="table-scroll csv-report">
            <table className="table">
              <caption className="visually-hidden">{t('csv.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('csv.line')}</th>
                  <th scope="col">{t('csv.status')}</th>
                  <th scope="col">{t('csv.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {report.lines.map((line) => (
                  <tr key={line.line}>
                    <td>{line.line}</td>
                    <td>
                      <span className={line.equipment ? 'chip chip-ok' : 'chip chip-danger'}>
                        {line.equipment ? t('csv.ok') : t('csv.error')}
                      </span>
                    </td>
                    <td>{line.equipment ? line.equipment.name : line.errors.map(describe).join(' ; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Dialog>
  );
}
