import { useMemo, useState, type FormEvent } from 'react';
import type { Client, Role } from '../../../shared/schemas';
import type { CreatedAccount } from '../../../shared/sync';
import { ApiError } from '../../data';
import { useData } from '../../data/react';
import { useTranslation } from '../../i18n';
import { FormStatus, type FormMessage } from '../../ui/FormStatus';
import { invitableRoles } from './accounts-model';

type Props = { clients: readonly Client[]; onInvited(account: CreatedAccount): void };

/**
 * Invites a technician, a team lead or a client's manager. The server generates the one-time
 * password (shown once, to hand over) and creates the account; this needs the network.
 */
export function InviteForm({ clients, onInvited }: Props) {
  const { t } = useTranslation('accounts');
  const data = useData();
  const roles = invitableRoles(data.user.role);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('client');
  const [clientIds, setClientIds] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage | null>(null);
  const shown = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('fr');
    return [...clients]
      .filter((c) => !needle || `${c.name} ${c.code}`.toLocaleLowerCase('fr').includes(needle))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }, [clients, search]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!data.server) return;
    if (role === 'client' && clientIds.length === 0) return setMessage({ kind: 'error', text: t('invite.pickClient') });
    setBusy(true);
    setMessage(null);
    try {
      const account = await data.server.inviteAccount({
        name: name.trim(),
        email: email.trim(),
        role,
        ...(role === 'client' ? { clientIds } : {}),
      });
      onInvited(account);
      setName('');
      setEmail('');
      setClientIds([]);
    } catch (error) {
      const text = error instanceof ApiError ? t('invite.failed', { message: error.message }) : t('invite.offline');
      setMessage({ kind: 'error', text });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (id: string, on: boolean) =>
    setClientIds((ids) => (on ? [...new Set([...ids, id])] : ids.filter((x) => x !== id)));

  return (
    <form className="card invite-form" aria-labelledby="invite-title" onSubmit={(e) => void submit(e)}>
      <h2 id="invite-title">{t('invite.title')}</h2>
      <p className="muted">{t('invite.intro')}</p>
      <label className="field">
        <span>{t('invite.name')}</span>
        <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('invite.email')}</span>
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('invite.role')}</span>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {role === 'client' && (
        <fieldset className="invite-clients">
          <legend>{t('invite.clients', { count: clientIds.length })}</legend>
          <input
            type="search"
            aria-label={t('invite.searchClients')}
            placeholder={t('invite.searchClients')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <ul className="plain-list invite-client-list">
            {shown.map((client) => (
              <li key={client.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={clientIds.includes(client.id)}
                    onChange={(e) => toggle(client.id, e.target.checked)}
                  />
                  {client.name} <span className="muted">{client.code}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <FormStatus message={message} as="p" />
      <button type="submit" className="btn btn-primary" disabled={busy || !data.server}>
        {busy ? t('invite.submitting') : t('invite.submit')}
      </button>
    </form>
  );
}
