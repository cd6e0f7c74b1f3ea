import { combineLatest } from 'rxjs';
import { href, navigate, type Route } from '../../app/router';
import { useData, useLive } from '../../data/react';
import { useTranslation } from '../../i18n';
import { Segmented } from '../../ui/Segmented';
import { EcheancesTable } from './EcheancesTable';
import { InventorySection } from './InventorySection';
import { NetworkSection } from './NetworkSection';
import { ProvidersSection } from './ProvidersSection';
import { useEcheances } from './useEcheances';
import './dossier.css';

const SECTIONS = ['inventory', 'echeances', 'providers', 'network'] as const;
type Section = (typeof SECTIONS)[number];

/** A client's dossier technique (CP art. 5): inventory, échéances, providers, network; vault and PDF one click away. */
export function DossierPage({ route }: { route: Route }) {
  const { t } = useTranslation('dossier');
  const data = useData();
  const clientId = route.segments[1] ?? '';
  const live = useLive(
    (d) =>
      combineLatest({
        client: d.clients.get$(clientId),
        equipment: d.equipment.byClient$(clientId),
        contracts: d.contracts.byClient$(clientId),
      }),
    [clientId],
  );
  const view = useEcheances(clientId);
  const param = route.query.get('section');
  const section: Section = SECTIONS.includes(param as Section) ? (param as Section) : 'inventory';
  if (live.loading) return <p className="page muted">{t('loading')}</p>;
  const client = live.data?.client;
  if (!client || !live.data) {
    return (
      <section className="page">
        <a href={href('/dossier')}>{t('page.back')}</a>
        <p className="form-error">{t('notFound')}</p>
      </section>
    );
  }
  const lead = data.user.role === 'lead' || data.user.role === 'admin';
  return (
    <section className="page lead-page" aria-labelledby="dossier-title">
      <a href={href('/dossier')}>{t('page.back')}</a>
      <div className="page-header">
        <h1 id="dossier-title">{t('page.title', { name: client.name })}</h1>
        <div className="page-actions">
          <a className="btn btn-primary" href={href(`/dossier/${client.id}/coffre`)}>
            {t('page.vault')}
          </a>
          <a className="btn" href={href(`/dossier/${client.id}/pdf`)}>
            {t('page.pdf')}
          </a>
          {lead && (
            <a className="btn" href={href(`/clients/${client.id}`)}>
              {t('page.clientCard')}
            </a>
          )}
        </div>
      </div>
      <Segmented<Section>
        label={t('page.sections')}
        value={section}
        options={SECTIONS.map((value) => ({ value, label: t(`page.tabs.${value}`) }))}
        onChange={(value) => navigate(`/dossier/${client.id}?section=${value}`)}
      />
      {section === 'inventory' && (
        <InventorySection clientId={client.id} equipment={live.data.equipment} contracts={live.data.contracts} />
      )}
      {section === 'echeances' && (
        <section className="card" aria-labelledby="client-echeances">
          <h2 id="client-echeances">{t('echeances.clientTitle')}</h2>
          {view ? (
            <EcheancesTable list={view.list} caption={t('echeances.clientTitle')} />
          ) : (
            <p className="muted">{t('loading')}</p>
          )}
        </section>
      )}
      {section === 'providers' && <ProvidersSection client={client} />}
      {section === 'network' && <NetworkSection client={client} />}
    </section>
  );
}
