import { useMemo } from 'react';
import { combineLatest, map, of, switchMap } from 'rxjs';
import { isPlannedTicket } from '../../../shared/domain';
import { href } from '../../app/router';
import { useLive } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { OPEN_STATUSES, occurrenceRows } from './planning-model';
import './planning.css';

/** How far ahead the home shows planned work (days): the next six weeks. */
const AHEAD_DAYS = 42;
/** At most this many lines: overdue ones first, then the next ones. */
const MAX_SHOWN = 12;

/**
 * The technician's planned work on their home: what is overdue, then the next six weeks, each a
 * link to its ticket (where the timer, the visit and the compte-rendu are). Read from the open
 * tickets and the interventions of those few only, so the home never waits for a year of work.
 */
export function HomePlannedWork({ today }: { today: string }) {
  const { t } = useTranslation('planning');
  const fmt = useFormat();
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + AHEAD_DAYS * 86_400_000).toISOString().slice(0, 10);
  const live = useLive(
    (d) =>
      d.tickets.open$().pipe(
        map((open) =>
          open
            .filter(isPlannedTicket)
            .filter((p) => p.assigneeId === d.user.id && !p.cancellation && (p.plannedFor ?? p.dueDate) <= horizon),
        ),
        switchMap((planned) =>
          combineLatest({
            planned: of(planned),
            interventions: planned.length
              ? combineLatest(planned.map((p) => d.interventions.byTicket$(p.id))).pipe(map((lists) => lists.flat()))
              : of([]),
            contracts: d.contracts.all$(),
            clients: d.clients.all$(),
          }),
        ),
      ),
    [horizon],
  );
  const input = live.data;
  const mine = useMemo(
    () => (input ? occurrenceRows({ ...input, users: [] }, today).filter((r) => OPEN_STATUSES.includes(r.status)) : []),
    [input, today],
  );
  return (
    <section className="card" aria-labelledby="home-planned">
      <h2 id="home-planned">{t('home.title')}</h2>
      {live.loading ? (
        <p className="muted">{t('loading')}</p>
      ) : mine.length === 0 ? (
        <p className="muted">{t('home.none')}</p>
      ) : (
        <ul className="plain-list home-list">
          {mine.slice(0, MAX_SHOWN).map((row) => (
            <li key={row.ticket.id}>
              <a href={href(`/tickets/${row.ticket.id}`)}>
                {t('home.item', {
                  date: fmt.date(`${row.day}T12:00:00Z`),
                  module: `${row.ticket.plannedService} · ${t(`module.${row.ticket.plannedService}`)}`,
                  client: row.client?.name ?? row.ticket.clientId,
                })}
              </a>
              <span className={`chip occurrence-${row.status}`}>{t(`status.${row.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <a href={href('/planning')}>{t('home.all')}</a>
    </section>
  );
}
