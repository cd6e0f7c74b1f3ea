import { contractTerm } from '../../../shared/domain';
import { MODULE_CODES } from '../../../shared/schemas';
import { href, navigate, type Route } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import { Segmented } from '../../ui/Segmented';
import { useNow } from '../../ui/useNow';
import { ClientQualitySummary } from '../quality/ClientQualitySummary';
import { localIsoDay } from '../reports/local-day';
import { useLeadData } from '../reports/useLeadData';
import { ExportClientButton } from '../reversibility/ExportClientButton';
import { ClientForm } from './ClientForm';
import { ContractEditor } from './ContractEditor';
import './clients.css';

// The inventory lives in the dossier technique (features/dossier), shared with technicians.
const TABS = ['details', 'contracts', 'dossier'] as const;
type Tab = (typeof TABS)[number];

/**
 * One client: `/clients/new`, `/clients/:id?tab=details|contracts` (the dossier tab opens `/dossier/:id`),
 * `/clients/:id/contracts/new` and `/clients/:id/contracts/:contractId`.
 */
export function ClientPage({ route }: { route: Route }) {
  const { t } = useTranslation('clients');
  const fmt = useFormat();
  const today = localIsoDay('Europe/Paris', useNow(60_000).getTime());
  const data = useLeadData().data;
  const [, clientId, sub, contractId] = route.segments;
  if (clientId === 'new') {
    return (
      <section className="page lead-page" aria-labelledby="client-title">
        <a href={href('/clients')}>{t('back')}</a>
        <h1 id="client-title">{t('client.newTitle')}</h1>
        <ClientForm />
      </section>
    );
  }
  if (!data) return <p className="page muted">{t('loading')}</p>;
  const client = data.clients.find((c) => c.id === clientId);
  if (!client) {
    return (
      <section className="page lead-page">
        <a href={href('/clients')}>{t('back')}</a>
        <p className="form-error">{t('notFound')}</p>
      </section>
    );
  }
  const contracts = data.contracts
    .filter((c) => c.clientId === client.id)
    .sort((a, b) => (a.startDate < b.startDate ? 1 : -1));
  if (sub === 'contracts' && contractId) {
    const contract = contracts.find((c) => c.id === contractId);
    return (
      <section className="page lead-page" aria-labelledby="contract-title">
        <a href={href(`/clients/${client.id}?tab=contracts`)}>{t('contract.back', { name: client.name })}</a>
        <h1 id="contract-title">
          {contract ? t('contract.title', { number: contract.number }) : t('contract.newTitle')}
        </h1>
        {contractId !== 'new' && !contract ? (
          <p className="form-error">{t('notFound')}</p>
        ) : (
          // Keyed by id, not by version: saving must not reset the form under the lead's eyes (nor drop
          // what they typed when a colleague's change syncs in).
          <ContractEditor key={contract?.id ?? 'new'} client={client} contract={contract} today={today} />
        )}
      </section>
    );
  }
  const tabParam = route.query.get('tab');
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : 'details';
  const day = (iso: string) => fmt.date(`${iso}T12:00:00Z`);
  return (
    <section className="page lead-page" aria-labelledby="client-title">
      <a href={href('/clients')}>{t('back')}</a>
      <div className="page-header">
        <h1 id="client-title">
          {client.name} <span className="muted">{client.code}</span>
        </h1>
        <Segmented<Tab>
          label={t('tabs.label')}
          value={tab}
          options={TABS.map((value) => ({ value, label: t(`tabs.${value}`) }))}
          onChange={(value) =>
            navigate(value === 'dossier' ? `/dossier/${client.id}` : `/clients/${client.id}?tab=${value}`)
          }
        />
        <ExportClientButton clientId={client.id} />
      </div>
      <ClientQualitySummary clientId={client.id} today={today} data={data} />
      {tab === 'details' && <ClientForm key={client.id} client={client} />}
      {tab === 'contracts' && (
        <section className="card" aria-labelledby="contracts-title">
          <div className="card-header">
            <h2 id="contracts-title">{t('contracts.title')}</h2>
            <a className="btn btn-primary" href={href(`/clients/${client.id}/contracts/new`)}>
              {t('contracts.new')}
            </a>
          </div>
          {contracts.length === 0 ? (
            <p className="muted">{t('contracts.none')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('contracts.number')}</th>
                  <th scope="col">{t('contracts.start')}</th>
                  <th scope="col">{t('contracts.modules')}</th>
                  <th scope="col">{t('contracts.term')}</th>
                  <th scope="col">{t('contracts.notice')}</th>
                </tr>
              </thead>
              <tbody>
                {contracts.map((contract) => {
                  const term = contractTerm(contract.startDate, contract.termYears, today);
                  return (
                    <tr key={contract.id}>
                      <td>
                        <a
                          href={href(`/clients/${client.id}/contracts/${contract.id}`)}
                          aria-label={t('contracts.open', { number: contract.number })}
                        >
                          {contract.number}
                        </a>
                      </td>
                      <td>{day(contract.startDate)}</td>
                      <td className="mono">{MODULE_CODES.filter((code) => contract.modules[code].active).join(' ')}</td>
                      <td>
                        {contract.terminatedOn
                          ? t('contracts.terminated', { date: day(contract.terminatedOn) })
                          : day(term.currentEnd)}
                      </td>
                      <td>
                        {!contract.terminatedOn && (
                          <span
                            className={term.daysToNotice >= 0 && term.daysToNotice <= 90 ? 'chip chip-warn' : undefined}
                          >
                            {day(term.lastNoticeDate)}
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      )}
    </section>
  );
}
