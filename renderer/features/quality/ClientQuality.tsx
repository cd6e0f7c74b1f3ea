import { useMemo, useState } from 'react';
import { PLANNED_SERVICE_CODES, qualityIndex } from '../../../shared/domain';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import { Segmented } from '../../ui/Segmented';
import { useNow } from '../../ui/useNow';
import { localIsoDay } from '../reports/local-day';
import { useLeadData } from '../reports/useLeadData';
import { formatIndex } from './format-index';
import { QualityKpis } from './QualityKpis';
import { contractYearPeriod, last12Months, plannedContractOf, plannedFacts, trendOf } from './quality-model';
import { QualityTrendChart } from './QualityTrendChart';
import './quality.css';

type Kind = 'contractYear' | 'last12';

/**
 * `/quality/:clientId`: one client's index (its current contract year by default), module by
 * module, its twelve-month trend, and every occurrence that lowered it with why.
 *
 * `extranet`: the same, read by the client's own account (features/extranet-reports): a section
 * of its page with no link to the staff's screens (client file, main courante, tickets).
 */
export function ClientQuality({ clientId, extranet = false }: { clientId: string; extranet?: boolean }) {
  const { t } = useTranslation('quality');
  const fmt = useFormat();
  const today = localIsoDay('Europe/Paris', useNow(60_000).getTime());
  const data = useLeadData().data;
  const [kind, setKind] = useState<Kind>('contractYear');
  const facts = useMemo(
    () => (data ? plannedFacts(data).filter((f) => f.clientId === clientId) : []),
    [data, clientId],
  );
  const contract = data ? plannedContractOf(data.contracts, clientId) : undefined;
  const period = useMemo(
    () => (kind === 'contractYear' && contract ? contractYearPeriod(contract, today) : last12Months(today)),
    [kind, contract, today],
  );
  const summary = useMemo(() => qualityIndex(facts, period, today), [facts, period, today]);
  const trend = useMemo(() => trendOf(facts, today), [facts, today]);
  if (!data) return <p className="page muted">{t('loading')}</p>;
  const client = data.clients.find((c) => c.id === clientId);
  if (!client) return <p className="page form-error">{t('client.notFound')}</p>;
  const date = (d: string) => fmt.date(`${d}T12:00:00Z`);
  const tickets = new Map(facts.map((f) => [f.id, f.ticket]));
  const Heading = extranet ? 'h2' : 'h1';
  return (
    <section className={extranet ? 'lead-page' : 'page lead-page'} aria-labelledby={`client-quality-title-${clientId}`}>
      {!extranet && <a href={href('/quality')}>← {t('client.back')}</a>}
      <div className="page-header">
        <Heading id={`client-quality-title-${clientId}`}>
          {t('title')} — {client.name}
        </Heading>
        <Segmented<Kind>
          label={t('period.label')}
          value={kind}
          options={[
            { value: 'contractYear', label: t('period.contractYear') },
            { value: 'last12', label: t('period.last12') },
          ]}
          onChange={setKind}
        />
      </div>
      {!extranet && (
        <p>
          <a href={href(`/clients/${client.id}`)}>{t('client.file')}</a> ·{' '}
          <a href={href(`/main-courante/${client.id}`)}>{t('client.logbook')}</a>
        </p>
      )}
      {!contract && <p className="muted">{t('client.noContract')}</p>}
      <p>{t('periodRange', { from: date(period.from), to: date(period.to) })}</p>
      <QualityKpis counts={summary} />
      <div className="two-panels">
        <section className="card" aria-labelledby="quality-modules">
          <h2 id="quality-modules">{t('modules')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('columns.module')}</th>
                <th scope="col" className="num">
                  {t('columns.index')}
                </th>
                <th scope="col" className="num">
                  {t('columns.counted')}
                </th>
                <th scope="col" className="num">
                  {t('columns.onTime')}
                </th>
                <th scope="col" className="num">
                  {t('columns.late')}
                </th>
                <th scope="col" className="num">
                  {t('columns.missed')}
                </th>
                <th scope="col" className="num">
                  {t('columns.upcoming')}
                </th>
              </tr>
            </thead>
            <tbody>
              {PLANNED_SERVICE_CODES.filter((m) => summary.byModule[m]).map((m) => {
                const counts = summary.byModule[m];
                if (!counts) return null;
                return (
                  <tr key={m}>
                    <th scope="row">{t(`module.${m}`)}</th>
                    <td className="num">{formatIndex(counts.index, fmt.locale)}</td>
                    <td className="num">{counts.counted}</td>
                    <td className="num">{counts.outcomes.on_time}</td>
                    <td className="num">{counts.outcomes.late}</td>
                    <td className="num">
                      {counts.outcomes.missed + counts.outcomes.no_report + counts.outcomes.cancelled_by_provider}
                    </td>
                    <td className="num">{counts.outcomes.upcoming}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <QualityTrendChart points={trend} />
      </div>
      <section className="card" aria-labelledby="quality-lowered">
        <h2 id="quality-lowered">{t('lowered.title')}</h2>
        {summary.lowered.length === 0 ? (
          <p className="muted">{t('lowered.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('lowered.ticket')}</th>
                <th scope="col">{t('lowered.due')}</th>
                <th scope="col">{t('lowered.outcome')}</th>
                <th scope="col" className="num">
                  {t('lowered.lost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.lowered.map((loss) => {
                const ticket = tickets.get(loss.id);
                return (
                  <tr key={loss.id}>
                    <td>
                      {extranet ? (
                        `${loss.module} · ${ticket?.title ?? loss.id}`
                      ) : (
                        <a href={href(`/tickets/${loss.id}`)}>
                          {loss.module} · {ticket?.title ?? loss.id}
                        </a>
                      )}
                    </td>
                    <td>{date(loss.dueDate)}</td>
                    <td>{t(`outcome.${loss.outcome}`)}</td>
                    <td className="num">{fmt.number(loss.lost, loss.lost % 1 ? 1 : 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
