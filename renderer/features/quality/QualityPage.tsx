import { useMemo, useState } from 'react';
import { qualityIndex } from '../../../shared/domain';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import { Segmented } from '../../ui/Segmented';
import { useNow } from '../../ui/useNow';
import { localIsoDay } from '../reports/local-day';
import { useLeadData } from '../reports/useLeadData';
import { formatIndex } from './format-index';
import { QualityKpis } from './QualityKpis';
import { calendarYear, last12Months, plannedFacts, qualityByClient, trendOf } from './quality-model';
import { QualityTrendChart } from './QualityTrendChart';
import './quality.css';

type Kind = 'last12' | 'calendarYear';

/** `/quality`: the quality index of preventive services across clients, then client by client. */
export function QualityPage() {
  const { t } = useTranslation('quality');
  const fmt = useFormat();
  const today = localIsoDay('Europe/Paris', useNow(60_000).getTime());
  const data = useLeadData().data;
  const [kind, setKind] = useState<Kind>('last12');
  const facts = useMemo(() => (data ? plannedFacts(data) : []), [data]);
  const period = useMemo(() => (kind === 'last12' ? last12Months(today) : calendarYear(today)), [kind, today]);
  const overall = useMemo(() => qualityIndex(facts, period, today), [facts, period, today]);
  const trend = useMemo(() => trendOf(facts, today), [facts, today]);
  const perClient = useMemo(
    () => (data ? qualityByClient(facts, data.clients, period, today) : []),
    [facts, data, period, today],
  );
  if (!data) return <p className="page muted">{t('loading')}</p>;
  const date = (d: string) => fmt.date(`${d}T12:00:00Z`);
  return (
    <section className="page lead-page" aria-labelledby="quality-title">
      <div className="page-header">
        <h1 id="quality-title">{t('title')}</h1>
        <Segmented<Kind>
          label={t('period.label')}
          value={kind}
          options={[
            { value: 'last12', label: t('period.last12') },
            { value: 'calendarYear', label: t('period.calendarYear') },
          ]}
          onChange={setKind}
        />
      </div>
      <p className="muted">{t('intro')}</p>
      <p>{t('periodRange', { from: date(period.from), to: date(period.to) })}</p>
      <QualityKpis counts={overall} />
      <QualityTrendChart points={trend} />
      <section className="card" aria-labelledby="quality-clients">
        <h2 id="quality-clients">{t('clients')}</h2>
        {perClient.length === 0 ? (
          <p className="muted">{t('noClients')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('columns.client')}</th>
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
                    {t('columns.noReport')}
                  </th>
                  <th scope="col" className="num">
                    {t('columns.cancelled')}
                  </th>
                  <th scope="col" className="num">
                    {t('columns.excluded')}
                  </th>
                  <th scope="col" className="num">
                    {t('columns.upcoming')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {perClient.map(({ client, summary }) => (
                  <tr key={client.id}>
                    <th scope="row">
                      <a href={href(`/quality/${client.id}`)} aria-label={t('openClient', { name: client.name })}>
                        {client.name}
                      </a>
                    </th>
                    <td className="num">{formatIndex(summary.index, fmt.locale)}</td>
                    <td className="num">{summary.counted}</td>
                    <td className="num">{summary.outcomes.on_time}</td>
                    <td className="num">{summary.outcomes.late}</td>
                    <td className="num">{summary.outcomes.missed}</td>
                    <td className="num">{summary.outcomes.no_report}</td>
                    <td className="num">{summary.outcomes.cancelled_by_provider}</td>
                    <td className="num">{summary.outcomes.excluded}</td>
                    <td className="num">{summary.outcomes.upcoming}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
