import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { createSessionManager, openCadranData, type CadranData, type StoredSession } from '../data';
import { DataProvider } from '../data/react';
import { ChangePasswordPage } from '../features/session/ChangePasswordPage';
import { LoginPage } from '../features/session/LoginPage';
import { useTranslation } from '../i18n';
import { getPlatform } from '../platform';
import { Shell } from './Shell';

type Phase =
  | { name: 'starting' }
  | { name: 'login'; email?: string }
  | { name: 'password'; session: StoredSession }
  | { name: 'opening' }
  | { name: 'ready'; data: CadranData }
  | { name: 'failed'; message: string };

const sessions = createSessionManager(getPlatform());

// One open database per session, whatever React's StrictMode double effects do.
let opened: { key: string; promise: Promise<CadranData> } | null = null;
function dataFor(session: StoredSession): Promise<CadranData> {
  const key = `${session.serverUrl}|${session.user.id}`;
  if (opened?.key !== key) opened = { key, promise: openCadranData({ session, sessions, multiInstance: true }) };
  return opened.promise;
}
async function closeData(wipe: boolean): Promise<void> {
  const current = opened;
  opened = null;
  if (!current) return;
  const data = await current.promise;
  await (wipe ? data.wipe() : data.close());
}

/**
 * Boot: reopen the last session (offline too) or ask to sign in; open that user's data; show
 * the shell. Logging out closes — or wipes — the data and comes back here.
 */
export function App() {
  const { t } = useTranslation('session');
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ name: 'starting' });
  const [serverUrl, setServerUrl] = useState('');

  const open = useCallback((session: StoredSession) => {
    // An invited account replaces its one-time password before any data is opened or synced.
    if (session.user.passwordChangeRequired) return setPhase({ name: 'password', session });
    setPhase({ name: 'opening' });
    dataFor(session).then(
      (data) => setPhase({ name: 'ready', data }),
      (error: unknown) => setPhase({ name: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const info = await getPlatform().appInfo();
      const session = await sessions.restore();
      if (cancelled) return;
      setServerUrl(session?.serverUrl ?? info.serverUrl);
      if (session) open(session);
      else setPhase({ name: 'login' });
    })();
    return () => {
      cancelled = true;
    };
  }, [open]);

  const logout = async (wipe: boolean) => {
    await closeData(wipe);
    await sessions.logout();
    queryClient.clear();
    setPhase({ name: 'login' });
  };

  switch (phase.name) {
    case 'starting':
    case 'opening':
      return (
        <p className="page muted" role="status">
          {t('loading')}
        </p>
      );
    case 'failed':
      return (
        <p className="page form-error" role="alert">
          {phase.message}
        </p>
      );
    case 'login':
      return (
        <LoginPage
          sessions={sessions}
          defaultServerUrl={serverUrl}
          {...(phase.email ? { defaultEmail: phase.email } : {})}
          onSignedIn={(session) => open(session)}
        />
      );
    case 'password':
      return (
        <ChangePasswordPage
          sessions={sessions}
          session={phase.session}
          onChanged={(session) => open(session)}
          onCancel={() => {
            void sessions.logout().then(() => setPhase({ name: 'login', email: phase.session.user.email }));
          }}
        />
      );
    case 'ready':
      return (
        <DataProvider data={phase.data}>
          <Shell
            onLogout={(wipe) => void logout(wipe)}
            onReauthenticate={() => {
              const email = phase.data.user.email;
              void closeData(false).then(() => setPhase({ name: 'login', email }));
            }}
          />
        </DataProvider>
      );
  }
}
