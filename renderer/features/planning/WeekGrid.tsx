import { useFormat, useTranslation } from '../../i18n';
import { OccurrenceChip } from './OccurrenceChip';
import type { GroupBy, OccurrenceRow, RowGroup } from './planning-model';

type Props = {
  groups: readonly RowGroup[];
  days: readonly string[];
  today: string;
  groupBy: GroupBy;
  onOpen(row: OccurrenceRow): void;
};

/** A week: one row per technician (or client), one column per day. */
export function WeekGrid({ groups, days, today, groupBy, onOpen }: Props) {
  const { t } = useTranslation('planning');
  const fmt = useFormat();
  const weekday = (day: string) =>
    new Intl.DateTimeFormat(fmt.locale === 'en' ? 'en-GB' : 'fr-FR', { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(`${day}T12:00:00Z`),
    );
  return (
    <table className="planning-grid" aria-label={t('weekOf', { date: fmt.date(`${days[0] ?? today}T12:00:00Z`) })}>
      <thead>
        <tr>
          <th scope="col">{t(`groupBy.${groupBy}`)}</th>
          {days.map((day) => (
            <th key={day} scope="col" className={day === today ? 'today' : undefined}>
              {weekday(day)} {fmt.date(`${day}T12:00:00Z`).slice(0, 5)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.key || 'none'}>
            <th scope="row">{group.label}</th>
            {days.map((day) => (
              <td key={day} className={day === today ? 'today' : undefined}>
                <div className="cell-list">
                  {group.rows
                    .filter((row) => row.day === day)
                    .map((row) => (
                      <OccurrenceChip
                        key={row.ticket.id}
                        row={row}
                        show={groupBy === 'technician' ? 'client' : 'technician'}
                        onOpen={onOpen}
                      />
                    ))}
                </div>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
