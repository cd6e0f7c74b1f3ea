import type { Ticket, User } from '../../../shared/schemas';
import { useFormat, useTranslation } from '../../i18n';

/** Who changed what and when (module A "traçabilité"), newest first, merges included. */
export function TicketHistory({ ticket, users }: { ticket: Ticket; users: readonly User[] }) {
  const { t } = useTranslation('tickets');
  const fmt = useFormat();
  const names = new Map(users.map((u) => [u.id, u.name]));
  const show = (field: string | undefined, json: string | undefined): string => {
    if (json === undefined) return '∅';
    try {
      const value: unknown = JSON.parse(json);
      if (field === 'cancellation' && typeof value === 'object' && value !== null) {
        return t('detail.historyCancellation', { reason: (value as { reason?: string }).reason ?? '' });
      }
      if (field === 'plannedFor' && typeof value === 'string') return fmt.date(`${value}T12:00:00Z`);
      if (field === 'interruption' && typeof value === 'object' && value !== null) {
        const { notifiedAt, restoredAt } = value as { notifiedAt?: string; restoredAt?: string };
        return t('detail.historyInterruption', {
          notified: notifiedAt ? fmt.dateTime(notifiedAt) : '?',
          restored: restoredAt ? fmt.dateTime(restoredAt) : '…',
        });
      }
      if (typeof value !== 'string') return json;
      if (field === 'status') return t(`status.${value}`);
      if (field === 'priority') return t(`priority.${value}`);
      if (field === 'nature') return t(`nature.${value}`);
      if (field === 'assigneeId') return names.get(value) ?? value;
      return value;
    } catch {
      return json;
    }
  };
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('detail.history')}</h2>
      <ol className="history">
        {[...ticket.history].reverse().map((entry, i) => {
          const who = names.get(entry.by) ?? entry.by;
          const field = entry.field ? t(`fieldNames.${entry.field}`) : '';
          const text =
            entry.kind === 'create'
              ? t('detail.historyCreate', { who })
              : entry.kind === 'merge'
                ? t('detail.historyMerge', {
                    field,
                    from: show(entry.field, entry.from),
                    to: show(entry.field, entry.to),
                  })
                : t('detail.historyEdit', {
                    who,
                    field,
                    from: show(entry.field, entry.from),
                    to: show(entry.field, entry.to),
                  });
          return (
            <li key={i} className={entry.kind === 'merge' ? 'history-merge' : undefined}>
              <time dateTime={entry.at}>{fmt.dateTime(entry.at)}</time> {text}
              {entry.note && entry.kind === 'edit' && ` (${t('detail.historyNote', { note: entry.note })})`}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
