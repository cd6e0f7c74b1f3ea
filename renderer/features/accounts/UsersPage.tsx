import { useMemo, useState } from 'react';
import type { CreatedAccount } from '../../../shared/sync';
import { useTranslation } from '../../i18n';
import { useLeadData } from '../reports/useLeadData';
import { accountRows } from './accounts-model';
import { InviteForm } from './InviteForm';
import './accounts.css';

/**
 * The team lead's user management: who has an account (staff and client accounts with their
 * clients, invitations not yet accepted), and inviting someone new. The list is read from the
 * device (offline too); inviting needs the server.
 */
export function UsersPage() {
  const { t } = useTranslation('accounts');
  const data = useLeadData().data;
  const [invited, setInvited] = useState<CreatedAccount | null>(null);
  const rows = useMemo(() => (data ? accountRows(data.users, data.clients) : []), [data]);

  return (
    <section className="page lead-page" aria-labelledby="users-title">
      <div className="page-header">
        <h1 id="users-title">{t('title')}</h1>
      </div>
      <p className="muted">{t('intro')}</p>
      {invited?.oneTimePassword && (
        <div className="card one-time-password" role="status" aria-labelledby="otp-title">
          <h2 id="otp-title">{t('created.title', { name: invited.name })}</h2>
          <p>{t('created.explain', { email: invited.email })}</p>
          <p>
            {t('created.password')} <code className="otp">{invited.oneTimePassword}</code>
          </p>
          <p className="muted">{t('created.once')}</p>
          <button type="button" className="btn" onClick={() => setInvited(null)}>
            {t('created.dismiss')}
          </button>
        </div>
      )}
      <div className="accounts-grid">
        <section className="card" aria-labelledby="users-list">
          <h2 id="users-list">{t('list.title', { count: rows.length })}</h2>
          {!data ? (
            <p className="muted" role="status">
              {t('loading')}
            </p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('list.name')}</th>
                  <th scope="col">{t('list.email')}</th>
                  <th scope="col">{t('list.role')}</th>
                  <th scope="col">{t('list.clients')}</th>
                  <th scope="col">{t('list.state')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ user, state, clients }) => (
                  <tr key={user.id}>
                    <td>{user.name}</td>
                    <td>{user.email}</td>
                    <td>{t(`roles.${user.role}`)}</td>
                    <td>{clients.join(', ')}</td>
                    <td>
                      <span
                        className={
                          state === 'invited' ? 'chip chip-warn' : state === 'inactive' ? 'chip' : 'chip chip-ok'
                        }
                      >
                        {t(`states.${state}`)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <InviteForm clients={data?.clients ?? []} onInvited={setInvited} />
      </div>
    </section>
  );
}
