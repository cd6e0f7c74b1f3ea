import { useState } from 'react';
import type { Client } from '../../../../shared/schemas';
import { useData, useLive } from '../../../data/react';
import { useTranslation } from '../../../i18n';
import { FormStatus, type FormMessage } from '../../../ui/FormStatus';

/** Leads decide who may open this client's vault (`vaultAccess`); the server enforces it on every pull and push. */
export function VaultAccessPanel({ client }: { client: Client }) {
  const { t } = useTranslation('dossier');
  const data = useData();
  const users = (useLive((d) => d.users.all$(), []).data ?? [])
    .filter((u) => u.active)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [status, setStatus] = useState<FormMessage | null>(null);
  const current = chosen ?? new Set(client.vaultAccess);
  const toggle = (id: string) => {
    const next = new Set(current);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
    setStatus(null);
  };
  const save = async () => {
    try {
      // Users no longer listed on this device keep what the client had (never dropped silently).
      const kept = client.vaultAccess.filter((id) => !users.some((u) => u.id === id));
      await data.clients.setVaultAccess(client.id, [...new Set([...kept, ...current])]);
      setChosen(null);
      setStatus({ kind: 'ok', text: t('vault.access.saved') });
    } catch (e) {
      setStatus({ kind: 'error', text: String(e instanceof Error ? e.message : e) });
    }
  };
  return (
    <section className="card" aria-labelledby="vault-access-title">
      <h2 id="vault-access-title">{t('vault.access.title')}</h2>
      <p className="muted">{t('vault.access.intro')}</p>
      <ul className="plain-list access-list">
        {users.map((u) => (
          <li key={u.id}>
            <label className="checkbox">
              <input type="checkbox" checked={current.has(u.id)} onChange={() => toggle(u.id)} />
              {u.name} <span className="muted">({t(`vault.access.roles.${u.role}`)})</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={chosen === null} onClick={() => void save()}>
          {t('vault.access.save')}
        </button>
        <FormStatus message={status} />
      </div>
    </section>
  );
}
