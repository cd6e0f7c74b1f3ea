import { combineLatest } from 'rxjs';
import { href, navigate, type Route } from '../../app/router';
import { useLive } from '../../data/react';
import { useTranslation } from '../../i18n';
import { Segmented } from '../../ui/Segmented';
import { EcheancesTable } from '../dossier/EcheancesTable';
import { InventorySection } from '../dossier/InventorySection';
import { NetworkSection } from '../dossier/NetworkSection';
import { ProvidersSection } from '../dossier/ProvidersSection';
import { useEcheances } from '../dossier/useEcheances';
import { ClientPicker, useClientChoice } from './ClientChoice';
import '../dossier/dossier.css';
import './extranet-dossier.css';

const SECTIONS = ['inventory', 'echeances', 'providers', 'network'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * The client's manager reads its dossier technique (CP art. 5): the staff's sections, read-only
 * (`readOnly`: no add, import, edit, retire or upload control), from the documents the server
 * sends this account — its own clients' only. The printable dossier is the staff's too.
 */
export function ExtranetDossierPage({ route }: { route: Route }) {
  const { t } = useTranslation('extranet-dossier');
  const { t: td } = useTranslation('dossier');
  const choice = useClientChoice(route);
  const clientId = choice.loading ? '' : (choice.client?.id ?? '');
  const live = useLive(
    (d) => combineLatest({ equipment: d.equipment.byClient$(clientId), contracts: d.contracts.byClient$(clientId) }),
    [clientId],
  );
  const echeances = useEcheances(clientId);
  if (choice.loading || live.loading) return <p className="page muted">{t('loading')}</p>;
  const { client, clients } = choice;
  if (!client) {
    return <p className="page notice notice-warn">{t(clients.length === 0 ? 'noClient' : 'unknownClient')}</p>;
  }
  const param = route.query.get('section');
  const section: Section = SECTIONS.includes(param as Section) ? (param as Section) : 'inventory';
  return (
    <section className="page lead-page" aria-labelledby="extranet-dossier-title">
      <div className="page-header">
        <h1 id="extranet-dossier-title">{t('dossier.title', { name: client.name })}</h1>
        <div className="page-actions">
          <a className="btn" href={href(`/dossier/${client.id}/pdf`)}>
            {t('dossier.pdf')}
          </a>
        </div>
      </div>
      <ClientPicker base="/dossier" clients={clients} current={client.id} />
      <p className="muted">{t('dossier.explain')}</p>
      <Segmented<Section>
        label={td('page.sections')}
        value={section}
        options={SECTIONS.map((value) => ({ value, label: td(`page.tabs.${value}`) }))}
        onChange={(value) => navigate(`/dossier/${client.id}?section=${value}`)}
      />
      {section === 'inventory' && (
        <InventorySection
          clientId={client.id}
          equipment={live.data?.equipment ?? []}
          contracts={live.data?.contracts ?? []}
          readOnly
        />
      )}
      {section === 'echeances' && (
        <section className="card" aria-labelledby="extranet-echeances">
          <h2 id="extranet-echeances">{td('echeances.clientTitle')}</h2>
          {echeances ? (
            // Filtered again: while the client is being chosen the hook reads every client's.
            <EcheancesTable
              list={echeances.list.filter((e) => e.clientId === client.id)}
              caption={td('echeances.clientTitle')}
            />
          ) : (
            <p className="muted">{t('loading')}</p>
          )}
        </section>
      )}
      {section === 'providers' && <ProvidersSection client={client} readOnly />}
      {section === 'network' && <NetworkSection client={client} readOnly />}
    </section>
  );
}
