import type { VaultEntry } from '../../../../shared/schemas';
import { useLive } from '../../../data/react';
import { useFormat, useTranslation } from '../../../i18n';

/** Who revealed or copied which password, when, from which device — synced, append-only (leads). */
export function RevealLog({ clientId, entries }: { clientId: string; entries: readonly VaultEntry[] }) {
  const { t } = useTranslation('dossier');
  const fmt = useFormat();
  const log = useLive((d) => d.logbook.reveals$(clientId), [clientId]).data ?? [];
  const labels = new Map(entries.map((e) => [e.id, e.label]));
  return (
    <section className="card" aria-labelledby="reveal-log-title">
      <h2 id="reveal-log-title">{t('vault.log.title')}</h2>
      <p className="muted">{t('vault.log.intro')}</p>
      {log.length === 0 ? (
        <p className="muted">{t('vault.log.none')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('vault.log.title')}</caption>
          <thead>
            <tr>
              {(['at', 'who', 'action', 'entry', 'device'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`vault.log.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {log.slice(0, 200).map((line) => (
              <tr key={line.id}>
                <td>{fmt.dateTime(line.at)}</td>
                <td>{line.authorName}</td>
                <td>{line.reveal?.action === 'copy' ? t('vault.log.copy') : t('vault.log.reveal')}</td>
                <td>{(line.reveal && labels.get(line.reveal.entryId)) ?? line.text}</td>
                <td className="muted">{line.reveal?.deviceName ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
