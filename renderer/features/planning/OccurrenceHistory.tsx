import type { Ticket, User } from '../../../shared/schemas';
import { useFormat, useTranslation } from '../../i18n';

const PLANNING_FIELDS = new Set(['plannedFor', 'assigneeId', 'cancellation']);

/** The occurrence's moves, assignments and cancellations, newest first, each with its reason. */
export function OccurrenceHistory({ ticket, users }: { ticket: Ticket; users: readonly User[] }) {
  const { t } = useTranslation('planning');
  const fmt = useFormat();
  const names = new Map(users.map((u) => [u.id, u.name]));
  const day = (json: string | undefined) => {
    try {
      const value: unknown = json === undefined ? undefined : JSON.parse(json);
      return typeof value === 'string' ? fmt.date(`${value}T12:00:00Z`) : '—';
    } catch {
      return '—';
    }
  };
  const person = (json: string | undefined) => {
    try {
      const value: unknown = json === undefined ? undefined : JSON.parse(json);
      return typeof value === 'string' ? (names.get(value) ?? value) : '—';
    } catch {
      return '—';
    }
  };
  const entries = ticket.history.filter((h) => h.kind === 'edit' && h.field && PLANNING_FIELDS.has(h.field));
  if (entries.length === 0) return <p className="muted">{t('occurrence.noHistory')}</p>;
  return (
    <ol className="history-list">
      {[...entries].reverse().map((entry, i) => {
        const base = { date: fmt.dateTime(entry.at), who: names.get(entry.by) ?? entry.by };
        let text: string;
        if (entry.field === 'plannedFor')
          text = t('occurrence.historyMove', { ...base, from: day(entry.from), to: day(entry.to) });
        else if (entry.field === 'assigneeId')
          text = entry.to
            ? t('occurrence.historyAssign', { ...base, to: person(entry.to) })
            : t('occurrence.historyUnassign', base);
        else text = entry.to ? t('occurrence.historyCancel', base) : t('occurrence.historyRestore', base);
        return (
          <li key={i}>
            {text}
            {entry.note && ` (${t('occurrence.reason', { reason: entry.note })})`}
          </li>
        );
      })}
    </ol>
  );
}
