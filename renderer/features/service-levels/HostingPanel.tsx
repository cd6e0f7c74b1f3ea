import { sumMoney } from '../../../shared/domain';
import { MODULE_CODES } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import { KpiCard, KpiGrid } from '../../ui/KpiCard';
import { DayCounts } from './DayCounts';
import type { ContractSlaYear } from './penalties';

type Props = { years: readonly ContractSlaYear[]; year: number; onYear(year: number): void };

/**
 * GTR and IMS of the hosting contracts for a calendar year: every interruption with its business
 * duration, overrun and penalty; the year's IMS; and all penalties against the cap of three
 * months of hosting fees.
 */
export function HostingPanel({ years, year, onYear }: Props) {
  const { t } = useTranslation('service-levels');
  return (
    <>
      <div className="period-stepper year-stepper">
        <button
          type="button"
          className="btn btn-icon"
          aria-label={t('hosting.previousYear')}
          onClick={() => onYear(year - 1)}
        >
          ‹
        </button>
        <span className="period-label" aria-live="polite">
          {t('hosting.year')} {year}
        </span>
        <button
          type="button"
          className="btn btn-icon"
          aria-label={t('hosting.nextYear')}
          onClick={() => onYear(year + 1)}
        >
          ›
        </button>
      </div>
      {years.length === 0 ? <p className="muted">{t('hosting.empty')}</p> : <YearSummary years={years} />}
      {years.map((y) => (
        <ContractYear key={y.contract.id} data={y} />
      ))}
    </>
  );
}

function YearSummary({ years }: { years: readonly ContractSlaYear[] }) {
  const { t } = useTranslation('service-levels');
  const fmt = useFormat();
  const all = years.flatMap((y) => y.interruptions);
  const counted = all.filter((i) => i.status === 'counted');
  const overruns = counted.filter((i) => i.gtr.overrunMinutes > 0).length;
  const imsOver = years.filter((y) => (y.ims?.excessMinutes ?? 0) > 0).length;
  const due = sumMoney(years.map((y) => y.cap.capped));
  return (
    <KpiGrid label={t('hosting.summary')}>
      <KpiCard
        label={t('hosting.penaltiesDue')}
        value={fmt.money(due)}
        hint={t('hosting.penaltiesHint', { count: years.length })}
        tone={Number(due) > 0 ? 'danger' : 'ok'}
      />
      <KpiCard
        label={t('hosting.counted')}
        value={fmt.number(counted.length)}
        hint={t('hosting.countedHint', { left: all.length - counted.length })}
      />
      <KpiCard
        label={t('hosting.overruns')}
        value={fmt.number(overruns)}
        hint={t('hosting.overrunsHint')}
        tone={overruns > 0 ? 'warn' : 'ok'}
      />
      <KpiCard
        label={t('hosting.imsOver')}
        value={fmt.number(imsOver)}
        hint={t('hosting.imsOverHint')}
        tone={imsOver > 0 ? 'warn' : 'ok'}
      />
    </KpiGrid>
  );
}

function ContractYear({ data }: { data: ContractSlaYear }) {
  const { t } = useTranslation('service-levels');
  const fmt = useFormat();
  const { contract, client, interruptions, ims, cap } = data;
  const titleId = `sla-${contract.id}`;
  const active = MODULE_CODES.filter((code) => contract.modules[code].active).join(' ');
  return (
    <section className="card hosting-card" aria-labelledby={titleId}>
      <div className="card-header">
        <h2 id={titleId}>
          {client?.name ?? contract.clientId} — {t('hosting.contract', { number: contract.number })}
        </h2>
        <span className="muted">
          {t('hosting.modules')} {active} · {t('hosting.fee', { fee: fmt.money(contract.monthlyHostingFee) })}
        </span>
      </div>
      <h3>{t('hosting.gtrTitle')}</h3>
      {!data.gtrActive && <p className="muted">{t('hosting.notSubscribed')}</p>}
      {interruptions.length === 0 ? (
        <p className="muted">{t('hosting.noInterruption')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('hosting.ticket')}</th>
              <th scope="col">{t('hosting.notified')}</th>
              <th scope="col">{t('hosting.restored')}</th>
              <th scope="col" className="num">
                {t('hosting.duration')}
              </th>
              <th scope="col" className="num">
                {t('hosting.overrun')}
              </th>
              <th scope="col" className="num">
                {t('hosting.rate')}
              </th>
              <th scope="col" className="num">
                {t('hosting.amount')}
              </th>
              <th scope="col">{t('hosting.status')}</th>
            </tr>
          </thead>
          <tbody>
            {interruptions.map((row) => {
              const interruption = row.ticket.interruption;
              return (
                <tr key={row.ticket.id}>
                  <td>
                    <a href={href(`/tickets/${row.ticket.id}`)}>{row.ticket.reference}</a>
                    <details>
                      <summary>{row.ticket.title}</summary>
                      <DayCounts days={row.gtr.explanation} />
                    </details>
                  </td>
                  <td>{interruption && fmt.dateTime(interruption.notifiedAt)}</td>
                  <td>
                    {interruption?.restoredAt ? (
                      fmt.dateTime(interruption.restoredAt)
                    ) : (
                      <span className="chip chip-danger">{t('hosting.stillDown')}</span>
                    )}
                  </td>
                  <td className="num">{fmt.duration(row.gtr.businessMinutes)}</td>
                  <td className="num">
                    {row.gtr.overrunMinutes > 0 ? fmt.duration(row.gtr.overrunMinutes) : t('none')}
                  </td>
                  <td className="num">
                    {row.status === 'counted' && data.gtrActive ? (
                      <>
                        {t('percent', { value: fmt.number(row.gtr.rate * 100) })}
                        {!row.gtr.restored && ` (${t('hosting.provisional')})`}
                      </>
                    ) : (
                      t('none')
                    )}
                  </td>
                  <td className="num">{fmt.money(row.penalty)}</td>
                  <td>
                    <span className={row.status === 'counted' ? 'chip' : 'chip chip-info'}>
                      {t(`hosting.statuses.${row.status}`)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {ims && (
        <>
          <h3>{t('hosting.imsTitle')}</h3>
          <dl className="facts-grid">
            <dt>{t('hosting.imsTotal')}</dt>
            <dd>{fmt.duration(ims.totalMinutes)}</dd>
            <dt>{t('hosting.imsExcess')}</dt>
            <dd>{ims.excessMinutes > 0 ? fmt.duration(ims.excessMinutes) : t('none')}</dd>
            <dt>{t('hosting.imsRate')}</dt>
            <dd>{t('percent', { value: fmt.number(ims.rate * 100) })}</dd>
            <dt>{t('hosting.imsProrata', { days: ims.serviceDays, year: ims.year })}</dt>
            <dd>{t('percent', { value: fmt.number(ims.prorata * 100, 1) })}</dd>
            <dt>{t('hosting.imsPenalty')}</dt>
            <dd>{fmt.money(data.imsPenalty)}</dd>
          </dl>
          {ims.left.length > 0 && <p className="muted">{t('hosting.imsLeft', { count: ims.left.length })}</p>}
        </>
      )}
      <h3>{t('hosting.capTitle')}</h3>
      <dl className="facts-grid">
        <dt>{t('hosting.capTotal')}</dt>
        <dd>{fmt.money(cap.total)}</dd>
        <dt>{t('hosting.cap')}</dt>
        <dd>{fmt.money(cap.cap)}</dd>
        <dt>{t('hosting.capped')}</dt>
        <dd>
          <strong>{fmt.money(cap.capped)}</strong>{' '}
          {cap.wasCapped && <span className="chip chip-warn">{t('hosting.wasCapped')}</span>}
        </dd>
      </dl>
    </section>
  );
}
