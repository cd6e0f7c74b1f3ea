import { useMemo, useState } from 'react';
import { map } from 'rxjs';
import { firstInterventionStart } from '../../../shared/domain';
import { natureSchema, prioritySchema, ticketStatusSchema, type Ticket } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useData, useLive } from '../../data/react';
import { useTranslation } from '../../i18n';
import { useNow } from '../../ui/useNow';
import { PlannedServicePanel } from '../planning/PlannedServicePanel';
import { useTimerActions } from '../timer/useTimerActions';
import { VisitDialog } from '../visits/VisitDialog';
import { ClientCard } from './ClientCard';
import { CommitmentPanel } from './CommitmentPanel';
import { ticketSla } from './derive';
import { InterruptionPanel } from './InterruptionPanel';
import { InterventionsTable } from './InterventionsTable';
import { TicketHistory } from './TicketHistory';
import { useClientContext } from './useClientContext';
import './tickets.css';

type TicketChanges = Partial<
  Pick<Ticket, 'status' | 'priority' | 'nature' | 'assigneeId' | 'equipmentId' | 'interruption'>
>;

export function TicketDetail({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('tickets');
  const data = useData();
  const now = useNow(30_000);
  const [visitOpen, setVisitOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ticket = useLive((d) => d.tickets.get$(ticketId), [ticketId]).data;
  const users = useLive((d) => d.users.all$().pipe(map((list) => list.filter((u) => u.active))), []).data ?? [];
  const context = useClientContext(ticket?.clientId, ticket?.contractId);
  const timer = useTimerActions();

  const interventions = useMemo(
    () => (context?.interventions ?? []).filter((i) => i.ticketId === ticketId),
    [context?.interventions, ticketId],
  );
  const firstStart = useMemo(() => firstInterventionStart(interventions), [interventions]);

  if (ticket === undefined) return <p className="page muted">{t('list.loading')}</p>;
  if (ticket === null)
    return (
      <section className="page">
        <p>{t('detail.notFound')}</p>
        <a href={href('/tickets')}>{t('detail.back')}</a>
      </section>
    );

  const sla = ticketSla(ticket, context?.contract ?? undefined, firstStart?.getTime(), now);
  const update = (changes: TicketChanges) => {
    setError(null);
    data.tickets.update(ticket.id, changes).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <section className="page ticket-detail" aria-labelledby="ticket-title">
      <a href={href('/tickets')} className="back-link">
        ← {t('detail.back')}
      </a>
      <div className="page-header">
        <h1 id="ticket-title">
          <span className="ticket-ref">{ticket.reference}</span> {ticket.title}
        </h1>
        <div className="actions no-print">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void timer.start(ticket)}
            disabled={timer.runningTicketId === ticket.id}
          >
            {t('detail.startTimer')}
          </button>
          <button type="button" className="btn" onClick={() => setVisitOpen(true)}>
            {t('detail.recordVisit')}
          </button>
        </div>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="two-columns">
        <div className="main-column">
          <section className="card" aria-labelledby="fields-title">
            <h2 id="fields-title">{t('detail.fields')}</h2>
            <div className="field-grid">
              <label className="field">
                <span>{t('list.status')}</span>
                <select value={ticket.status} onChange={(e) => update({ status: e.target.value as Ticket['status'] })}>
                  {ticketStatusSchema.options.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('detail.assignee')}</span>
                <select
                  value={ticket.assigneeId ?? ''}
                  onChange={(e) => update({ assigneeId: e.target.value || undefined })}
                >
                  <option value="">{t('detail.unassigned')}</option>
                  {users.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('detail.priority')}</span>
                <select
                  value={ticket.priority}
                  onChange={(e) => update({ priority: e.target.value as Ticket['priority'] })}
                >
                  {prioritySchema.options.map((p) => (
                    <option key={p} value={p}>
                      {t(`priority.${p}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('detail.nature')}</span>
                <select value={ticket.nature} onChange={(e) => update({ nature: e.target.value as Ticket['nature'] })}>
                  {natureSchema.options.map((n) => (
                    <option key={n} value={n}>
                      {t(`nature.${n}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('detail.equipment')}</span>
                <select
                  value={ticket.equipmentId ?? ''}
                  onChange={(e) => update({ equipmentId: e.target.value || undefined })}
                >
                  <option value="">{t('detail.noEquipment')}</option>
                  {(context?.equipment ?? []).map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.name}
                    </option>
                  ))}
                </select>
              </label>
              <div className="field">
                <span>{t('list.channel')}</span>
                <span className="field-value">{t(`channel.${ticket.channel}`)}</span>
              </div>
            </div>
            {ticket.description && (
              <>
                <h3>{t('detail.description')}</h3>
                <p className="prewrap">{ticket.description}</p>
              </>
            )}
            {ticket.receivedAtReason && (
              <p className="muted">{t('detail.receivedAtReason', { reason: ticket.receivedAtReason })}</p>
            )}
          </section>
          {/* Planned work has no 30-minute clock: its panel says so instead (domain.md §2.1). */}
          {ticket.plannedService ? (
            <PlannedServicePanel ticket={ticket} />
          ) : (
            <CommitmentPanel sla={sla} receivedAt={ticket.receivedAt} firstStart={firstStart} />
          )}
          {(ticket.interruption ||
            ticket.channel === 'hosting' ||
            context?.contract?.modules.K.active ||
            context?.contract?.modules.L.active) && (
            <InterruptionPanel
              ticket={ticket}
              contract={context?.contract ?? undefined}
              now={now}
              onSave={(interruption) => update({ interruption })}
            />
          )}
          <InterventionsTable interventions={interventions} ledger={context?.ledger ?? null} users={users} now={now} />
          <TicketHistory ticket={ticket} users={users} />
        </div>
        {context && <ClientCard context={context} ticket={ticket} />}
      </div>
      {visitOpen && context?.contract && <VisitDialog ticket={ticket} onClose={() => setVisitOpen(false)} />}
    </section>
  );
}
