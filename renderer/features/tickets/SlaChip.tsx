import { useTranslation } from '../../i18n';
import type { TicketSla } from './derive';

/** The 30-minute commitment at a glance: minutes left, at risk, met, breached. */
export function SlaChip({ sla }: { sla: TicketSla }) {
  const { t } = useTranslation('tickets');
  const minutes = Math.floor(sla.commitment?.remainingMinutes ?? 0);
  if (sla.chip === 'pending')
    return (
      <span className="chip" aria-busy="true">
        …
      </span>
    );
  const label =
    sla.chip === 'running'
      ? t('sla.running', { minutes })
      : sla.chip === 'at_risk'
        ? t('sla.at_risk', { minutes })
        : t(`sla.${sla.chip}`);
  return <span className={`chip chip-sla-${sla.chip}`}>{label}</span>;
}
