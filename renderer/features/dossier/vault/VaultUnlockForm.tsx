import { useState } from 'react';
import type { VaultEntry } from '../../../../shared/schemas';
import { WrongPassphraseError } from '../../../data';
import { useData } from '../../../data/react';
import { useTranslation } from '../../../i18n';

export const MIN_PASSPHRASE = 12;

type Props = { clientId: string; isNew: boolean; entries: readonly VaultEntry[] };

/** Unlocks the vault (or sets the passphrase of an empty one); a wrong passphrase says so and reveals nothing. */
export function VaultUnlockForm({ clientId, isNew, entries }: Props) {
  const { t } = useTranslation('dossier');
  const data = useData();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (isNew && passphrase.length < MIN_PASSPHRASE) return setError(t('vault.tooShort'));
    if (isNew && passphrase !== confirm) return setError(t('vault.mismatch'));
    setBusy(true);
    setError(null);
    try {
      const { unreadable } = await data.vault.unlock(clientId, passphrase);
      if (unreadable.length > 0) setError(t('vault.unreadable', { count: unreadable.length }));
    } catch (e) {
      setError(e instanceof WrongPassphraseError ? t('vault.wrong') : String(e));
    } finally {
      setBusy(false);
      setPassphrase('');
      setConfirm('');
    }
  };
  return (
    <div className="vault-locked">
      <form
        className="card"
        aria-label={t('vault.unlock')}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>
          <strong>{t('vault.locked')}</strong> {t('vault.lockedHint')}
        </p>
        {isNew && <p className="notice">{t('vault.newVault')}</p>}
        <div className="field">
          <label htmlFor="vault-passphrase">{t('vault.passphrase')}</label>
          <input
            id="vault-passphrase"
            type="password"
            autoComplete="off"
            autoFocus
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </div>
        {isNew && (
          <div className="field">
            <label htmlFor="vault-confirm">{t('vault.confirm')}</label>
            <input
              id="vault-confirm"
              type="password"
              autoComplete="off"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy || passphrase === ''}>
          {busy ? t('vault.unlocking') : t('vault.unlock')}
        </button>
      </form>
      {entries.length > 0 && (
        <ul className="plain-list vault-labels" aria-label={t('vault.columns.label')}>
          {entries.map((e) => (
            <li key={e.id}>
              {e.label}
              {e.username && <span className="muted"> — {e.username}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
