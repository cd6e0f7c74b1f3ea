import { useEffect, useMemo, useRef, useState } from 'react';
import { combineLatest, map, NEVER } from 'rxjs';
import { useData, useLive } from '../../data/react';
import { useTranslation } from '../../i18n';
import { getPlatform } from '../../platform';
import { useNow } from '../../ui/useNow';
import { ticketRows } from './derive';

const SETTLE_MS = 5000;

/**
 * A desktop notification when one of my tickets is about to breach the 30-minute commitment
 * (at risk: 10 business minutes or fewer left and no intervention started) — once per ticket.
 */
export function SlaNotifier() {
  const { t } = useTranslation('tickets');
  const data = useData();
  const now = useNow(30_000);
  const notified = useRef(new Set<string>());
  // Not a first-screen concern: start watching once the app has settled.
  const [watching, setWatching] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWatching(true), SETTLE_MS);
    return () => clearTimeout(timer);
  }, []);
  const live = useLive(
    (d) =>
      !watching
        ? NEVER
        : combineLatest([d.tickets.open$(), d.clients.all$(), d.contracts.all$(), d.interventions.all$()]).pipe(
            map(([tickets, clients, contracts, interventions]) => ({
              // Only open tickets in my name can warrant interrupting me.
              tickets: tickets.filter(
                (x) => x.assigneeId === data.user.id && (x.status === 'new' || x.status === 'in_progress'),
              ),
              clients,
              contracts,
              interventions,
            })),
          ),
    [data.user.id, watching],
  ).data;
  const atRisk = useMemo(
    () =>
      live
        ? ticketRows(live.tickets, live.clients, live.contracts, live.interventions, now).filter(
            (r) => r.sla.chip === 'at_risk',
          )
        : [],
    [live, now],
  );
  useEffect(() => {
    for (const row of atRisk) {
      if (notified.current.has(row.ticket.id)) continue;
      notified.current.add(row.ticket.id);
      void getPlatform()
        .notify({
          title: t('notify.title', { reference: row.ticket.reference }),
          body: t('notify.body', {
            client: row.client?.name ?? '',
            minutes: Math.floor(row.sla.commitment?.remainingMinutes ?? 0),
          }),
        })
        .catch(() => undefined);
    }
  }, [atRisk, t]);
  return null;
}
