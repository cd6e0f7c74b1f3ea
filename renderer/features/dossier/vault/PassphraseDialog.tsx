import { useState } from 'react';
import { WrongPassphraseError } from '../../../data';
import { useData } from '../../../data/react';
import { useTranslation } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../clients/Field';
import { MIN_PASSPHRASE } from './VaultUnlockForm';

/** Changes the client's vault passphrase: every entry is re-encrypted on this device, then synced. */
export function PassphraseDialog({ clientId, onClose }: { clientId: string; onClose(): void }) {
  const { t } = useTranslation('dossier');
  const data = useData();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (next.length < MIN_PASSPHRASE) return setMessage({ ok: false, text: t('vault.tooShort') });
    if (next !== confirm) return setMessage({ ok: false, text: t('vault.mismatch') });
    setBusy(true);
    try {
      const count = await data.vault.changePassphrase(clientId, current, next);
      setMessage({ ok: true, text: t('vault.change.done', { count }) });
      setCurrent('');
      setNext('');
      setConfirm('');
    } catch (e) {
      setMessage({
        ok: false,
        text: e instanceof WrongPassphraseError ? t('vault.wrong') : String(e instanceof Error ? e.message : e),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title={t('vault.change.title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('vault.cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
            {t('vault.change.submit')}
          </button>
        </>
      }
    >
      <p className="muted">{t('vault.change.intro')}</p>
      <Field
        label={t('vault.change.current')}
        type="password"
        autoComplete="off"
        value={current}
        onChange={setCurrent}
      />
      <Field
        label={t('vault.change.next')}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={setNext}
      />
      <Field
        label={t('vault.change.confirm')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={setConfirm}
      />
      {message && (
        <p className={message.ok ? 'notice notice-ok' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </Dialog>
  );
}
