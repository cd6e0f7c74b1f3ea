import { useQuery } from '@tanstack/react-query';
import { useFormat, useTranslation } from '../../i18n';
import { getPlatform } from '../../platform';

export function HomePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const info = useQuery({ queryKey: ['app-info'], queryFn: () => getPlatform().appInfo() });
  const now = new Date();
  return (
    <section className="page" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <p>{t('home.today', { date: fmt.dateLong(now), time: fmt.time(now) })}</p>
      {info.data && (
        <p className="muted">
          {t('home.shell', { shell: t(`home.shells.${info.data.shell}`) })} · v{info.data.version}
        </p>
      )}
    </section>
  );
}
