import { combineLatest } from 'rxjs';
import { isPlannedTicket, occurrenceFacts, occurrenceStatus } from '../../../shared/domain';
import type { Ticket } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useLive } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { useNow } from '../../ui/useNow';
import { localIsoDay } from '../reports/local-day';
import './planning.css';

/**
 * On a planned service's ticket: which occurrence it is, where it stands, that it is in the
 * forfait — and, for a coordination day, the way to its compte-rendu.
 */
export function PlannedServicePanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('planning');
  const fmt = useFormat();
  const today = localIsoDay('Europe/Paris', useNow(60_000).getTime());
  const live = useLive(
    (d) => combineLatest([d.interventions.byTicket$(ticket.id), d.contracts.get$(ticket.contractId)]),
    [ticket.id, ticket.contractId],
  ).data;
  if (!isPlannedTicket(ticket)) return null;
  const [interventions = [], contract] = live ?? [];
  const facts = occurrenceFacts(ticket, interventions, contract ?? undefined);
  const status = occurrenceStatus(facts, ticket.plannedFor, today);
  const day = ticket.plannedFor ?? ticket.dueDate;
  return (
    <section className="card" aria-labelledby="planned-title">
      <h2 id="planned-title">{t('panel.title')}</h2>
      <p>
        {t('panel.summary', {
          module: `${ticket.plannedService} · ${t(`module.${ticket.plannedService}`)}`,
          date: fmt.date(`${day}T12:00:00Z`),
          due: fmt.date(`${ticket.dueDate}T12:00:00Z`),
          status: t(`status.${status}`),
        })}
      </p>
      <p className="muted">{t('panel.forfait')}</p>
      <p>
        <a href={href(`/planning?at=${day}`)}>{t('panel.openPlanning')}</a>
        {ticket.plannedService === 'F' && (
          <>
            {' · '}
            <a href={href(`/planning/coordination/${ticket.id}`)}>{t('occurrence.coordination')}</a>
          </>
        )}
      </p>
    </section>
  );
}
