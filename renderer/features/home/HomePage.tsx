import { useMemo } from 'react';
import { href } from '../../app/router';
import { useData } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { useNow } from '../../ui/useNow';
import { HomeEcheances } from '../dossier/HomeEcheances';
import { callIntake } from '../intake/call-intake-state';
import { HomePlannedWork } from '../planning/HomePlannedWork';
import { localIsoDay } from '../reports/local-day';
import { DEFAULT_FILTERS, filterTickets } from '../tickets/derive';
import { SlaChip } from '../tickets/SlaChip';
import { useTicketRows } from '../tickets/useTicketRows';

/**
 * Where a technician lands: their open tickets, what is at risk of breaching the 30-minute
 * commitment right now, and the one button that matters when the phone rings.
 */
export function HomePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const data = useData();
  const now = useNow(30_000);
  // Home shows open tickets only: it never waits for a year of closed ones.
  const { rows } = useTicketRows(now, 'open');
  const today = localIsoDay('Europe/Paris', now.getTime());
  // Planned services have their own card, by their day (a planned year is a dozen tickets).
  const mine = useMemo(
    () =>
      filterTickets(rows, { ...DEFAULT_FILTERS, scope: 'mine', sort: 'sla' }, data.user.id, today).filter(
        (r) => r.ticket.plannedService === undefined,
      ),
    [rows, data.user.id, today],
  );
  const atRisk = useMemo(
    () =>
      filterTickets(rows, { ...DEFAULT_FILTERS, sort: 'sla' }, data.user.id, today).filter(
        (r) => r.sla.chip === 'at_risk' || r.sla.chip === 'running',
      ),
    [rows, data.user.id, today],
  );

  const list = (items: typeof rows, empty: string) =>
    items.length === 0 ? (
      <p className="muted">{empty}</p>
    ) : (
      <ul className="plain-list home-list">
        {items.slice(0, 8).map(({ ticket, client, sla }) => (
          <li key={ticket.id}>
            <a href={href(`/tickets/${ticket.id}`)}>
              {ticket.reference} · {client?.name ?? ''} — {ticket.title}
            </a>
            <SlaChip sla={sla} />
          </li>
        ))}
      </ul>
    );

  return (
    <section className="page" aria-labelledby="home-title">
      <div className="page-header">
        <h1 id="home-title">{t('home.greeting', { name: data.user.name.split(' ')[0] })}</h1>
        <button type="button" className="btn btn-primary" onClick={callIntake.open}>
          {t('home.newCall')}
        </button>
      </div>
      <p className="muted">{t('home.today', { date: fmt.dateLong(now), time: fmt.time(now) })}</p>
      <div className="home-grid">
        <section className="card" aria-labelledby="home-risk">
          <h2 id="home-risk">{t('home.atRisk')}</h2>
          {list(atRisk, t('home.noneAtRisk'))}
        </section>
        <section className="card" aria-labelledby="home-mine">
          <h2 id="home-mine">{t('home.mine', { count: mine.length })}</h2>
          {list(mine, t('home.noneMine'))}
          <a href={href('/tickets')}>{t('home.allTickets')}</a>
        </section>
        <HomeEcheances />
        <HomePlannedWork today={today} />
      </div>
      <p className="muted">{t('home.shortcuts')}</p>
    </section>
  );
}
