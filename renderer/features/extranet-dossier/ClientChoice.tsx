import type { Client } from '../../../shared/schemas';
import { navigate, type Route } from '../../app/router';
import { useLive } from '../../data/react';
import { useTranslation } from '../../i18n';

export type ClientChoice = { loading: true } | { loading: false; clients: Client[]; client: Client | null };

/**
 * The client a screen shows: the one named in the route (`/<base>/<clientId>`), else the
 * account's first. The device holds only the account's own clients (the server sends no
 * other), so an id not among them is answered as unknown, never looked up elsewhere.
 */
export function useClientChoice(route: Route): ClientChoice {
  const live = useLive((d) => d.clients.all$(), []);
  if (live.loading) return { loading: true };
  const clients = [...(live.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const wanted = route.segments[1];
  const client = wanted === undefined ? (clients[0] ?? null) : (clients.find((c) => c.id === wanted) ?? null);
  return { loading: false, clients, client };
}

/** A group's manager (an account bound to several clients) picks which one; one client: nothing. */
export function ClientPicker({
  base,
  clients,
  current,
}: {
  base: string;
  clients: readonly Client[];
  current: string;
}) {
  const { t } = useTranslation('extranet-dossier');
  if (clients.length < 2) return null;
  return (
    <div className="field extranet-client-picker">
      <label htmlFor="extranet-client">{t('client')}</label>
      <select id="extranet-client" value={current} onChange={(e) => navigate(`${base}/${e.target.value}`)}>
        {clients.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
