import { useEffect, useState } from 'react';
import { useData, useLive } from '../data/react';
import { LogoutDialog } from '../features/session/LogoutDialog';
import { currentLocale, LOCALES, setLocale, useFormat, useTranslation } from '../i18n';
import { allowed, featureRoutes, matchRoute, shellParts } from './feature-registry';
import { href, useRoute } from './router';
import { StatusBar } from './StatusBar';

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('errors.notFound')}</h1>
      <a href={href('/')}>{t('errors.backHome')}</a>
    </section>
  );
}

function FirstSync({ received }: { received: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <section className="page first-sync" aria-labelledby="first-sync-title">
      <h1 id="first-sync-title">{t('firstSync.title')}</h1>
      <p>{t('firstSync.explain')}</p>
      <p role="status" className="first-sync-count">
        {t('firstSync.received', { count: received, formatted: fmt.number(received) })}
      </p>
      <progress aria-label={t('firstSync.title')} />
    </section>
  );
}

type Props = { onLogout(wipe: boolean): void; onReauthenticate(): void };

/** How long after the shell is ready the screens loaded on first visit are fetched (ms). */
const PRELOAD_AFTER_MS = 3000;

/** The signed-in layout: top bar with navigation, the current screen, shell parts, status bar. */
export function Shell({ onLogout, onReauthenticate }: Props) {
  const { t, i18n } = useTranslation();
  const data = useData();
  const route = useRoute();
  const sync = useLive((d) => d.sync.state$, []);
  const [loggingOut, setLoggingOut] = useState(false);
  const role = data.user.role;
  // A new device first receives the team's year of work; screens over it come after.
  const firstSync = sync.data?.firstSync ?? false;
  // Until the sync state is known (the first render), show no screen rather than the wrong one.
  const ready = sync.data !== undefined;
  const active = matchRoute(featureRoutes, route.path, role);
  const parts = shellParts.filter((part) => allowed(part, role));
  const nav = featureRoutes
    .filter((r) => r.navOrder !== undefined && allowed(r, role))
    .sort((a, b) => (a.navOrder ?? 0) - (b.navOrder ?? 0));

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  // Screens loaded on first visit are fetched once the first screen has settled, so neither the
  // first screen nor that first visit waits for them.
  useEffect(() => {
    if (!ready || firstSync) return;
    const timer = setTimeout(() => {
      for (const r of featureRoutes) if (allowed(r, role)) void r.preload?.();
    }, PRELOAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [ready, firstSync, role]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <a className="brand" href={href('/')}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>{t('app.name')}</span>
        </a>
        <nav aria-label={t('nav.label')} className="topnav">
          {nav.map((item) => (
            <a key={item.path} href={href(item.path)} aria-current={item === active ? 'page' : undefined}>
              {t(item.labelKey)}
            </a>
          ))}
        </nav>
        {parts.map(({ TopbarActions }, i) => TopbarActions && <TopbarActions key={i} />)}
        <select
          className="locale-picker"
          aria-label={t('app.language')}
          value={currentLocale()}
          onChange={(event) => setLocale(event.target.value === 'en' ? 'en' : 'fr')}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale}>
              {t(`app.languages.${locale}`)}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-topbar" onClick={() => setLoggingOut(true)}>
          {t('session:logout.button')}
        </button>
      </header>
      {sync.data?.sessionExpired && (
        <div className="banner banner-warn" role="alert">
          <span>{t('session:expired.message')}</span>
          <button type="button" className="btn" onClick={onReauthenticate}>
            {t('session:expired.action')}
          </button>
        </div>
      )}
      <main id="main" className="content" tabIndex={-1}>
        {!ready ? null : firstSync ? (
          <FirstSync received={sync.data?.received ?? 0} />
        ) : active ? (
          active.render(route)
        ) : (
          <NotFound />
        )}
      </main>
      {ready && !firstSync && parts.map(({ BottomBar }, i) => BottomBar && <BottomBar key={i} />)}
      <StatusBar />
      {ready && !firstSync && parts.map(({ Global }, i) => Global && <Global key={i} />)}
      <LogoutDialog
        open={loggingOut}
        userName={data.user.name}
        pending={sync.data?.pending ?? 0}
        onCancel={() => setLoggingOut(false)}
        onLogout={(wipe) => {
          setLoggingOut(false);
          onLogout(wipe);
        }}
      />
    </div>
  );
}
