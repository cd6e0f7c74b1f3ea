import { useFormat } from '../../i18n';
import { OccurrenceChip } from './OccurrenceChip';
import type { GroupBy, OccurrenceRow } from './planning-model';

type Props = {
  weeks: readonly (readonly string[])[];
  rows: readonly OccurrenceRow[];
  month: string;
  today: string;
  groupBy: GroupBy;
  onOpen(row: OccurrenceRow): void;
};

/** A month as a calendar: a row per week, a cell per day with its occurrences. */
export function MonthGrid({ weeks, rows, month, today, groupBy, onOpen }: Props) {
  const fmt = useFormat();
  const locale = fmt.locale === 'en' ? 'en-GB' : 'fr-FR';
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const byDay = new Map<string, OccurrenceRow[]>();
  for (const row of rows) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
  return (
    <table className="planning-grid month" aria-label={monthName.format(new Date(`${month}-15T12:00:00Z`))}>
      <thead>
        <tr>
          {(weeks[0] ?? []).map((day) => (
            <th key={day} scope="col">
              {weekday.format(new Date(`${day}T12:00:00Z`))}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const classes = [day === today ? 'today' : '', day.slice(0, 7) !== month ? 'other-month' : '']
                .filter(Boolean)
                .join(' ');
              return (
                <td key={day} className={classes || undefined}>
                  <div className="month-day">{Number(day.slice(8, 10))}</div>
                  <div className="cell-list">
                    {(byDay.get(day) ?? []).map((row) => (
                      <OccurrenceChip
                        key={row.ticket.id}
                        row={row}
                        show={groupBy === 'technician' ? 'client' : 'technician'}
                        onOpen={onOpen}
                      />
                    ))}
                  </div>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
