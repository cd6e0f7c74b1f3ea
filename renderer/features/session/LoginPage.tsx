import { useState, type FormEvent } from 'react';
import { ApiError, type SessionManager, type StoredSession } from '../../data';
import { useTranslation } from '../../i18n';

type Props = {
  sessions: SessionManager;
  defaultServerUrl: string;
  defaultEmail?: string;
  onSignedIn(session: StoredSession): void;
};

export function LoginPage({ sessions, defaultServerUrl, defaultEmail = '', onSignedIn }: Props) {
  const { t } = useTranslation('session');
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [email, setEmail] = useState(defaultEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await sessions.login(serverUrl.replace(/\/+$/, ''), email, password));
    } catch (e) {
      setError(
        e instanceof ApiError
          ? t('login.failed', { message: e.message })
          : t('login.unreachable', { server: serverUrl }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="login" aria-labelledby="login-title">
      <form className="card login-card" onSubmit={(e) => void submit(e)}>
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        <label className="field">
          <span>{t('login.server')}</span>
          <input type="url" required value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('login.email')}</span>
          <input
            type="email"
            required
            autoComplete="username"
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            type="password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
