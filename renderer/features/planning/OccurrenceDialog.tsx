import { useState, type FormEvent } from 'react';
import { contractCalendar, isWorkingDay, plannedQuantity } from '../../../shared/domain';
import type { PlannedCancellation, User } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useData } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { OccurrenceHistory } from './OccurrenceHistory';
import type { OccurrenceRow } from './planning-model';

type Props = { row: OccurrenceRow; users: readonly User[]; onClose(): void };

const DONE = new Set(['on_time', 'late']);

/** One occurrence: where it stands, its history, and — for a team lead — assign, move, cancel. */
export function OccurrenceDialog({ row, users, onClose }: Props) {
  const { t } = useTranslation('planning');
  const fmt = useFormat();
  const data = useData();
  const lead = data.user.role === 'lead' || data.user.role === 'admin';
  const { ticket } = row;
  const [assignee, setAssignee] = useState(ticket.assigneeId ?? '');
  const [day, setDay] = useState(row.day);
  const [moveReason, setMoveReason] = useState('');
  const [cancelReason, setCancelReason] = useState('');
  const [requestedBy, setRequestedBy] = useState<PlannedCancellation['requestedBy']>('client');
  const [restoreReason, setRestoreReason] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const date = (d: string) => fmt.date(`${d}T12:00:00Z`);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const technicians = users.filter((u) => u.active && u.role !== 'admin');

  async function run(event: FormEvent, check: () => string | null, action: () => Promise<unknown>) {
    event.preventDefault();
    const problem = check();
    if (problem) {
      setMessage({ text: problem, error: true });
      return;
    }
    try {
      await action();
      setMessage({ text: t('actions.saved'), error: false });
    } catch (e) {
      setMessage({ text: t('error', { message: e instanceof Error ? e.message : String(e) }), error: true });
    }
  }

  const moveCheck = () => {
    if (!day) return t('actions.dayRequired');
    if (row.contract && !isWorkingDay(contractCalendar(row.contract), day))
      return t('actions.notWorkingDay', { date: date(day) });
    return moveReason.trim() ? null : t('actions.reasonRequired');
  };
  const done = DONE.has(row.status);

  return (
    <Dialog
      open
      wide
      title={`${ticket.plannedService} — ${t(`module.${ticket.plannedService}`)} · ${row.client?.name ?? ticket.clientId}`}
      onClose={onClose}
      actions={
        <button type="button" className="btn" onClick={onClose}>
          {t('occurrence.close')}
        </button>
      }
    >
      <dl className="occurrence-facts">
        <dt>{t('occurrence.plannedFor')}</dt>
        <dd>{fmt.dateLong(`${row.day}T12:00:00Z`)}</dd>
        <dt>{t('occurrence.dueDate')}</dt>
        <dd>{date(ticket.dueDate)}</dd>
        <dt>{t('occurrence.status')}</dt>
        <dd>
          <span className={`chip occurrence-${row.status}`}>{t(`status.${row.status}`)}</span>
        </dd>
        <dt>{t('occurrence.technician')}</dt>
        <dd>{row.technician?.name ?? t('unassigned')}</dd>
        <dt>{t('occurrence.contract')}</dt>
        <dd>
          {row.contract?.number ?? ticket.contractId}
          {ticket.occurrence && row.contract && (
            <span className="muted">
              {' · '}
              {t('occurrence.rank', {
                index: ticket.occurrence.index + 1,
                of: plannedQuantity(row.contract, ticket.plannedService),
              })}
            </span>
          )}
        </dd>
      </dl>
      {ticket.cancellation && (
        <p className="notice notice-warn">
          {t('occurrence.cancelled', {
            date: fmt.dateTime(ticket.cancellation.at),
            who: names.get(ticket.cancellation.by) ?? ticket.cancellation.by,
            by: t(`occurrence.requestedBy.${ticket.cancellation.requestedBy}`),
            reason: ticket.cancellation.reason,
          })}
        </p>
      )}
      <p>
        <a href={href(`/tickets/${ticket.id}`)}>{t('occurrence.openTicket')}</a>
        {ticket.plannedService === 'F' && (
          <>
            {' · '}
            <a href={href(`/planning/coordination/${ticket.id}`)}>{t('occurrence.coordination')}</a>
          </>
        )}
      </p>
      <h3>{t('occurrence.history')}</h3>
      <OccurrenceHistory ticket={ticket} users={users} />
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'muted'}>
          {message.text}
        </p>
      )}
      {lead && !done && (
        <div className="occurrence-actions">
          {!ticket.cancellation && (
            <>
              <form
                onSubmit={(e) =>
                  void run(
                    e,
                    () => null,
                    () => data.planning.assign(ticket.id, assignee || undefined),
                  )
                }
              >
                <label className="field">
                  <span>{t('actions.assignTo')}</span>
                  <select value={assignee} onChange={(e) => setAssignee(e.target.value)}>
                    <option value="">{t('unassigned')}</option>
                    {technicians.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className="btn">
                  {t('actions.assign')}
                </button>
              </form>
              <form onSubmit={(e) => void run(e, moveCheck, () => data.planning.move(ticket.id, day, moveReason))}>
                <label className="field">
                  <span>{t('actions.moveTo')}</span>
                  <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
                </label>
                <label className="field grow">
                  <span>{t('actions.moveReason')}</span>
                  <input value={moveReason} maxLength={500} onChange={(e) => setMoveReason(e.target.value)} />
                </label>
                <button type="submit" className="btn">
                  {t('actions.move')}
                </button>
              </form>
              <form
                onSubmit={(e) =>
                  void run(
                    e,
                    () => (cancelReason.trim() ? null : t('actions.reasonRequired')),
                    () => data.planning.cancel(ticket.id, { reason: cancelReason, requestedBy }),
                  )
                }
              >
                <label className="field grow">
                  <span>{t('actions.cancelReason')}</span>
                  <input value={cancelReason} maxLength={500} onChange={(e) => setCancelReason(e.target.value)} />
                </label>
                <label className="field">
                  <span>{t('actions.requestedBy')}</span>
                  <select
                    value={requestedBy}
                    onChange={(e) => setRequestedBy(e.target.value === 'provider' ? 'provider' : 'client')}
                  >
                    <option value="client">{t('occurrence.requestedBy.client')}</option>
                    <option value="provider">{t('occurrence.requestedBy.provider')}</option>
                  </select>
                </label>
                <button type="submit" className="btn btn-danger">
                  {t('actions.cancel')}
                </button>
              </form>
            </>
          )}
          {ticket.cancellation && (
            <form
              onSubmit={(e) =>
                void run(
                  e,
                  () => (restoreReason.trim() ? null : t('actions.reasonRequired')),
                  () => data.planning.restore(ticket.id, restoreReason),
                )
              }
            >
              <label className="field grow">
                <span>{t('actions.restoreReason')}</span>
                <input value={restoreReason} maxLength={500} onChange={(e) => setRestoreReason(e.target.value)} />
              </label>
              <button type="submit" className="btn">
                {t('actions.restore')}
              </button>
            </form>
          )}
        </div>
      )}
      {!lead && <p className="muted">{t('actions.leadsOnly')}</p>}
    </Dialog>
  );
}
