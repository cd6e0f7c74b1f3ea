import { useEffect } from 'react';
import { combineLatest } from 'rxjs';
import type { Route } from '../../app/router';
import { useData, useLive } from '../../data/react';
import { useTranslation } from '../../i18n';
import { VaultEntries } from '../dossier/vault/VaultEntries';
import { AUTO_LOCK_MINUTES } from '../dossier/vault/VaultPage';
import { VaultUnlockForm } from '../dossier/vault/VaultUnlockForm';
import { ClientPicker, useClientChoice } from './ClientChoice';
import '../dossier/dossier.css';
import './extranet-dossier.css';

/**
 * The client's manager's coffre-fort (CP art. 5, "accès limité et sécurisé"): the entries the
 * server sends it — only when its client's `vaultAccess` lists the account — unlocked with the
 * passphrase on the device, revealed and copied, each logged as the staff's are (the same
 * `vault_reveal` entry, which the leads read in the reveal log). No add, edit, passphrase
 * change or access panel: the vault is kept by the provider. Auto-locks as the staff's does
 * (shell.tsx of this feature).
 */
export function ExtranetVaultPage({ route }: { route: Route }) {
  const { t } = useTranslation('extranet-dossier');
  const { t: td } = useTranslation('dossier');
  const data = useData();
  const choice = useClientChoice(route);
  const clientId = choice.loading ? '' : (choice.client?.id ?? '');
  const live = useLive(
    (d) =>
      combineLatest({
        entries: d.vault.byClient$(clientId),
        equipment: d.equipment.byClient$(clientId),
        unlocked: d.vault.isUnlocked$(clientId),
        users: d.users.all$(),
      }),
    [clientId],
  );
  const granted = !choice.loading && choice.client !== null && choice.client.vaultAccess.includes(data.user.id);
  const unlocked = live.data?.unlocked ?? false;
  useEffect(() => {
    // Access withdrawn while open: the key leaves memory at once, not at the next auto-lock.
    if (unlocked && !granted && clientId) data.vault.lock(clientId);
  }, [unlocked, granted, clientId, data]);
  if (choice.loading || live.loading || !live.data) return <p className="page muted">{t('loading')}</p>;
  const { client, clients } = choice;
  if (!client) {
    return <p className="page notice notice-warn">{t(clients.length === 0 ? 'noClient' : 'unknownClient')}</p>;
  }
  const { entries, equipment, users } = live.data;
  // Whom to ask: the provider's leads grant vault access (the staff's names reach the account).
  const leads = users
    .filter((u) => u.role === 'lead' && u.active)
    .map((u) => u.name)
    .sort((a, b) => a.localeCompare(b, 'fr'));
  return (
    <section className="page lead-page" aria-labelledby="extranet-vault-title">
      <div className="page-header">
        <h1 id="extranet-vault-title">{t('vault.title', { name: client.name })}</h1>
        {unlocked && granted && (
          <button type="button" className="btn" onClick={() => data.vault.lock(client.id)}>
            {td('vault.lock')}
          </button>
        )}
      </div>
      <ClientPicker base="/coffre" clients={clients} current={client.id} />
      {!granted ? (
        <p className="notice notice-warn" role="status">
          {leads.length > 0
            ? t('vault.notGranted', { name: client.name, leads: leads.join(', ') })
            : t('vault.notGrantedNoLead', { name: client.name })}
        </p>
      ) : (
        <>
          <p className="muted">{t('vault.explain')}</p>
          {entries.length === 0 ? (
            <p className="muted">{t('vault.empty')}</p>
          ) : unlocked ? (
            <VaultEntries client={client} entries={entries} equipment={equipment} readOnly />
          ) : (
            <VaultUnlockForm clientId={client.id} isNew={false} entries={entries} />
          )}
          <p className="muted">{td('vault.autoLock', { minutes: AUTO_LOCK_MINUTES })}</p>
        </>
      )}
    </section>
  );
}
