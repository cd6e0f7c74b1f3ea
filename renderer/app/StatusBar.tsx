import { useTranslation } from '../i18n';
import { useOnline } from './useOnline';

export function StatusBar() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      <span className={online ? 'dot dot-ok' : 'dot dot-off'} aria-hidden="true" />
      <span role="status">{online ? t('status.online') : t('status.offline')}</span>
    </footer>
  );
}
