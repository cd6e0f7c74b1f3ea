import { useTranslation } from '../../i18n';
import type { ReportFacts } from './facts';

/**
 * What the figures leave out, said plainly: contracts whose ledger could not be computed,
 * interventions of contracts missing on this device, work still in progress.
 */
export function LeadWarnings({ facts, showInProgress = true }: { facts: ReportFacts; showInProgress?: boolean }) {
  const { t } = useTranslation('reports');
  const broken = [...facts.ledgers.byContract.values()].filter((r) => !r.ok);
  const orphans = facts.ledgers.orphans.length;
  if (broken.length === 0 && orphans === 0 && (!showInProgress || facts.inProgress === 0)) return null;
  return (
    <ul className="plain-list lead-warnings">
      {broken.map((r) => (
        <li key={r.contract.id} className="notice notice-warn" role="alert">
          {t('warnings.broken', { number: r.contract.number, message: r.ok ? '' : r.error })}
        </li>
      ))}
      {orphans > 0 && <li className="notice notice-warn">{t('warnings.orphans', { count: orphans })}</li>}
      {showInProgress && facts.inProgress > 0 && (
        <li className="notice muted">{t('warnings.inProgress', { count: facts.inProgress })}</li>
      )}
    </ul>
  );
}
