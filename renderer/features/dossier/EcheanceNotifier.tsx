import { useEffect, useRef, useState } from 'react';
import { echeanceAlerts, echeanceCounts } from '../../../shared/domain';
import { href } from '../../app/router';
import { useData } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { getPlatform } from '../../platform';
import { useEcheances } from './useEcheances';

const SETTLE_MS = 5000;
/** Beyond this many alerts at once, one summary notification instead of a burst. */
const MAX_SEPARATE = 3;

const isLead = (role: string) => role === 'lead' || role === 'admin';

/**
 * A desktop notification when an échéance enters the 30 days or expires — once per échéance,
 * stage and user (the keys already announced are kept in the user's local database, so a
 * restart does not repeat them). Leads and admins are told: they renew contracts.
 */
export function EcheanceNotifier() {
  const data = useData();
  return isLead(data.user.role) ? <Notifier /> : null;
}

function Notifier() {
  const { t } = useTranslation('dossier');
  const { t: tc } = useTranslation('clients');
  const fmt = useFormat();
  const data = useData();
  const view = useEcheances();
  const [ready, setReady] = useState(false);
  const running = useRef(false);
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), SETTLE_MS);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!ready || !view || running.current) return;
    running.current = true;
    void (async () => {
      try {
        const alerts = echeanceAlerts(view.list, await data.announced.load());
        if (alerts.length === 0) return;
        const describe = (a: (typeof alerts)[number]) =>
          t('echeances.notifyOne', {
            client: view.clients.get(a.echeance.clientId)?.name ?? '',
            label: a.echeance.label || tc(`equipment.expiryKinds.${a.echeance.kind}`),
            equipment: a.echeance.equipmentName,
            when: t(a.stage === 'expired' ? 'echeances.whenExpired' : 'echeances.whenSoon', {
              date: fmt.date(`${a.echeance.date}T12:00:00Z`),
            }),
          });
        const platform = getPlatform();
        if (alerts.length <= MAX_SEPARATE) {
          for (const a of alerts) await platform.notify({ title: t('echeances.notifyTitle'), body: describe(a) });
        } else {
          await platform.notify({
            title: t('echeances.notifyMany', { count: alerts.length }),
            body: t('echeances.notifyManyBody', { first: describe(alerts[0] as (typeof alerts)[number]) }),
          });
        }
        await data.announced.add(alerts.map((a) => a.key));
      } catch {
        // Notifications refused or unavailable: the status bar and the list still say it.
      } finally {
        running.current = false;
      }
    })();
  }, [ready, view, data, t, tc, fmt]);
  return null;
}

/** In the status bar, for leads: échéances expired or within 30 days, linking to the list. */
export function EcheanceStatus() {
  const { t } = useTranslation('dossier');
  const data = useData();
  const view = useEcheances();
  if (!isLead(data.user.role) || !view) return null;
  const counts = echeanceCounts(view.list);
  const due = counts.expired + counts.within30;
  if (due === 0) return null;
  return (
    <a className="status-echeances" href={href('/echeances')} data-testid="status-echeances">
      {t('echeances.status', { count: due })}
    </a>
  );
}
