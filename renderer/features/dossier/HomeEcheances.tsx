import { echeanceCounts } from '../../../shared/domain';
import { href } from '../../app/router';
import { useTranslation } from '../../i18n';
import { useEcheances } from './useEcheances';

/** The home screen's card: how many échéances expired or come within 30 days, across clients. */
export function HomeEcheances() {
  const { t } = useTranslation('dossier');
  const view = useEcheances();
  if (!view) return null;
  const counts = echeanceCounts(view.list);
  return (
    <section className="card" aria-labelledby="home-echeances">
      <h2 id="home-echeances">{t('echeances.homeTitle')}</h2>
      <p
        data-testid="home-echeances-count"
        className={counts.expired + counts.within30 > 0 ? 'notice notice-warn' : 'muted'}
      >
        {t('echeances.homeCount', counts)}
      </p>
      <a href={href('/echeances')}>{t('echeances.homeLink')}</a>
    </section>
  );
}
