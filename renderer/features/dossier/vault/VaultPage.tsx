import { combineLatest } from 'rxjs';
import { href, type Route } from '../../../app/router';
import { useData, useLive } from '../../../data/react';
import { useTranslation } from '../../../i18n';
import { RevealLog } from './RevealLog';
import { VaultAccessPanel } from './VaultAccessPanel';
import { VaultEntries } from './VaultEntries';
import { VaultUnlockForm } from './VaultUnlockForm';
import '../dossier.css';

export const AUTO_LOCK_MINUTES = 5;

/**
 * The client's coffre-fort (CP art. 5): unlocked with its passphrase (key derived on the
 * device), entries searched, revealed and copied — every reveal and copy logged. Leads grant
 * access and read the log.
 */
export function VaultPage({ route }: { route: Route }) {
  const { t } = useTranslation('dossier');
  const data = useData();
  const clientId = route.segments[1] ?? '';
  const live = useLive(
    (d) =>
      combineLatest({
        client: d.clients.get$(clientId),
        entries: d.vault.byClient$(clientId),
        equipment: d.equipment.byClient$(clientId),
        unlocked: d.vault.isUnlocked$(clientId),
      }),
    [clientId],
  );
  if (live.loading) return <p className="page muted">{t('loading')}</p>;
  const view = live.data;
  if (!view?.client) return <p className="page form-error">{t('notFound')}</p>;
  const { client, entries, equipment, unlocked } = view;
  const lead = data.user.role === 'lead' || data.user.role === 'admin';
  const granted = client.vaultAccess.includes(data.user.id);
  return (
    <section className="page lead-page" aria-labelledby="vault-title">
      <a href={href(`/dossier/${client.id}`)}>{t('vault.back')}</a>
      <div className="page-header">
        <h1 id="vault-title">{t('vault.title', { name: client.name })}</h1>
        {unlocked && (
          <button type="button" className="btn" onClick={() => data.vault.lock(client.id)}>
            {t('vault.lock')}
          </button>
        )}
      </div>
      {!granted ? (
        <p className="notice notice-warn">{t('vault.noAccess')}</p>
      ) : unlocked ? (
        <VaultEntries client={client} entries={entries} equipment={equipment} />
      ) : (
        <VaultUnlockForm clientId={client.id} isNew={entries.length === 0} entries={entries} />
      )}
      {granted && <p className="muted">{t('vault.autoLock', { minutes: AUTO_LOCK_MINUTES })}</p>}
      {lead && <VaultAccessPanel client={client} />}
      {lead && <RevealLog clientId={client.id} entries={entries} />}
    </section>
  );
}
