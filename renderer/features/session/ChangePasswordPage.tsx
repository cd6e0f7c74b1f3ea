import { useState, type FormEvent } from 'react';
import { ApiError, type SessionManager, type StoredSession } from '../../data';
import { useTranslation } from '../../i18n';

type Props = {
  sessions: SessionManager;
  session: StoredSession;
  onChanged(session: StoredSession): void;
  onCancel(): void;
};

/** Minimum length the server requires (server/services/passwords.ts). */
const MIN_LENGTH = 10;

/**
 * The first sign-in of an invited account: the one-time password it was given must be replaced
 * before anything syncs (the server refuses every other request until then).
 */
export function ChangePasswordPage({ sessions, session, onChanged, onCancel }: Props) {
  const { t } = useTranslation('session');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next.length < MIN_LENGTH) return setError(t('password.tooShort', { count: MIN_LENGTH }));
    if (next !== confirm) return setError(t('password.mismatch'));
    if (next === current) return setError(t('password.same'));
    setBusy(true);
    setError(null);
    try {
      onChanged(await sessions.changePassword(current, next));
    } catch (e) {
      setError(e instanceof ApiError ? t('password.failed', { message: e.message }) : t('password.offline'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="login" aria-labelledby="password-title">
      <form className="card login-card" onSubmit={(e) => void submit(e)}>
        <h1 id="password-title">{t('password.title')}</h1>
        <p className="muted">{t('password.intro', { name: session.user.name })}</p>
        <label className="field">
          <span>{t('password.current')}</span>
          <input
            type="password"
            required
            autoComplete="current-password"
            autoFocus
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('password.new')}</span>
          <input
            type="password"
            required
            autoComplete="new-password"
            aria-describedby="password-hint"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
        <small id="password-hint" className="muted">
          {t('password.hint', { count: MIN_LENGTH })}
        </small>
        <label className="field">
          <span>{t('password.confirm')}</span>
          <input
            type="password"
            required
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('password.submitting') : t('password.submit')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('password.cancel')}
        </button>
      </form>
    </section>
  );
}
