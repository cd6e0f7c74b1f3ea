import { useEffect, type ReactNode } from 'react';
import { currentLocale, LOCALES, setLocale, useTranslation } from '../i18n';
import { HomePage } from '../features/home/HomePage';
import { href, useRoute, type Route } from './router';
import { StatusBar } from './StatusBar';

type NavItem = { path: string; labelKey: 'nav.home'; render: (route: Route) => ReactNode };

/** Screens reachable from the main navigation, in the order technicians use them. */
const NAV: NavItem[] = [{ path: '/', labelKey: 'nav.home', render: () => <HomePage /> }];

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('errors.notFound')}</h1>
      <a href={href('/')}>{t('errors.backHome')}</a>
    </section>
  );
}

function isActive(item: NavItem, route: Route): boolean {
  return item.path === '/' ? route.path === '/' : route.path.startsWith(item.path);
}

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const active = NAV.find((item) => isActive(item, route));

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

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
          {NAV.map((item) => (
            <a key={item.path} href={href(item.path)} aria-current={item === active ? 'page' : undefined}>
              {t(item.labelKey)}
            </a>
          ))}
        </nav>
        <label className="locale-picker">
          <span className="visually-hidden">{t('app.language')}</span>
          <select
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
        </label>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        {active ? active.render(route) : <NotFound />}
      </main>
      <StatusBar />
    </div>
  );
}
