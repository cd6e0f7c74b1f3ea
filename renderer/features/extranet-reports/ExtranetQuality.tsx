import { useTranslation } from '../../i18n';
import { ClientQuality } from '../quality/ClientQuality';
import { plannedContractOf } from '../quality/quality-model';
import { useLeadData } from '../reports/useLeadData';
import './extranet-reports.css';

/**
 * `/qualite`: the quality index of preventive services of the account's own client(s) (CP art. 5),
 * explained in plain French, then the staff's ClientQuality without its links to staff screens.
 * A client whose contract plans no services (modules C–F) reads a sentence saying so instead of
 * an index of nothing.
 */
export function ExtranetQuality() {
  const { t } = useTranslation('extranet-reports');
  const live = useLeadData();
  const data = live.data;
  return (
    <section className="page extranet-reports" aria-labelledby="extranet-quality-title">
      <div className="page-header">
        <h1 id="extranet-quality-title">{t('quality.title')}</h1>
      </div>
      {live.error && (
        <p className="form-error" role="alert">
          {live.error.message}
        </p>
      )}
      {!data ? (
        <p className="muted" role="status">
          {t('quality.loading')}
        </p>
      ) : data.clients.length === 0 ? (
        <p>{t('quality.noClient')}</p>
      ) : (
        <>
          <section className="card extranet-quality-explain" aria-labelledby="extranet-quality-what">
            <h2 id="extranet-quality-what">{t('quality.what')}</h2>
            <p>{t('quality.explain')}</p>
          </section>
          {data.clients.map((client) =>
            plannedContractOf(data.contracts, client.id) ? (
              <ClientQuality key={client.id} clientId={client.id} extranet />
            ) : (
              <p key={client.id} className="extranet-no-planned">
                {t('quality.noPlanned', { name: client.name })}
              </p>
            ),
          )}
        </>
      )}
    </section>
  );
}
