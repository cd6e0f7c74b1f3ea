import { useFormat, useTranslation } from '../../i18n';
import type { OccurrenceRow } from './planning-model';

type Props = {
  row: OccurrenceRow;
  /** What the chip names besides the module: the client, or the technician. */
  show: 'client' | 'technician';
  onOpen(row: OccurrenceRow): void;
};

/** One planned occurrence in the planning grid: its module, who or where, its status colour. */
export function OccurrenceChip({ row, show, onOpen }: Props) {
  const { t } = useTranslation('planning');
  const fmt = useFormat();
  const module = row.ticket.plannedService;
  const other =
    show === 'client' ? (row.client?.name ?? row.ticket.clientId) : (row.technician?.name ?? t('unassigned'));
  const status = t(`status.${row.status}`);
  return (
    <button
      type="button"
      className={`occurrence occurrence-${row.status}`}
      onClick={() => onOpen(row)}
      aria-label={t('chipLabel', {
        module: t(`module.${module}`),
        client: other,
        date: fmt.date(`${row.day}T12:00:00Z`),
        status,
      })}
      title={`${t(`module.${module}`)} — ${other} — ${status}`}
    >
      <span className="occurrence-module">{module}</span>
      <span className="occurrence-name">{other}</span>
    </button>
  );
}
