import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Contract, Intervention, Invoice, Ticket } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import { KpiCard, KpiGrid } from '../../ui/KpiCard';
import { SortableTable, type Column } from '../../ui/SortableTable';
import { useNow } from '../../ui/useNow';
import { computeLedgers } from '../reports/ledgers';
import { localIsoDay } from '../reports/local-day';
import { useLeadData } from '../reports/useLeadData';
import { blockRows, renewalStormOf, type BlockRow, type CreditSummary } from './credit-model';
import { forecastRenewal, monthlyConsumption } from './forecast';
import './credit.css';

const FIRST_ENTRIES = 50;

/** One contract's credits: balances, forecast, monthly consumption, every base and its invoice, every movement. */
export function ContractCredit({ contractId }: { contractId: string }) {
  const { t } = useTranslation('credit');
  const today = localIsoDay('Europe/Paris', useNow(60_000).getTime());
  const data = useLeadData().data;
  const result = useMemo(
    () =>
      data
        ? computeLedgers(data.contracts, data.tickets, data.equipment, data.interventions).byContract.get(contractId)
        : undefined,
    [data, contractId],
  );
  const client = data?.clients.find((c) => c.id === result?.contract.clientId);
  if (!data) return <p className="page muted">{t('loading')}</p>;
  if (!result) {
    return (
      <section className="page lead-page">
        <a href={href('/credit')}>{t('detail.back')}</a>
        <p className="form-error">{t('detail.notFound')}</p>
      </section>
    );
  }
  const contract = result.contract;
  return (
    <section className="page lead-page" aria-labelledby="contract-credit-title">
      <a href={href('/credit')}>{t('detail.back')}</a>
      <div className="page-header">
        <h1 id="contract-credit-title">
          {t('detail.title', { number: contract.number })} — {client?.name ?? contract.clientId}
        </h1>
      </div>
      <RenewalStorm
        contractId={contract.id}
        invoices={data.invoices}
        tickets={data.tickets}
        interventions={data.interventions}
      />
      {!result.ok ? (
        <p className="form-error" role="alert">
          {t('broken', { message: result.error })}
        </p>
      ) : (
        <>
          <CreditSection
            title={t('detail.ut')}
            contract={contract}
            summary={{ ledger: result.ledger.ut, today }}
            interventions={result.interventions}
            tickets={result.tickets}
            invoices={data.invoices}
          />
          {result.ledger.halfDays && (
            <CreditSection
              title={t('detail.halfDays')}
              contract={contract}
              summary={{ ledger: result.ledger.halfDays, today }}
              interventions={result.interventions}
              tickets={result.tickets}
              invoices={data.invoices}
            />
          )}
        </>
      )}
    </section>
  );
}

/** The server's renewal-storm signal on this contract's invoices, with the ticket to check. */
function RenewalStorm(props: {
  contractId: string;
  invoices: readonly Invoice[];
  tickets: readonly Ticket[];
  interventions: readonly Intervention[];
}) {
  const { t } = useTranslation('credit');
  const fmt = useFormat();
  const storm = useMemo(() => renewalStormOf(props.contractId, props.invoices), [props.contractId, props.invoices]);
  if (!storm) return null;
  const first = storm.triggeredBy[0];
  const intervention = props.interventions.find((i) => i.id === first);
  const ticket = props.tickets.find((tk) => tk.id === intervention?.ticketId);
  return (
    <p className="notice notice-warn" role="alert">
      {t('detail.storm', {
        count: storm.owed,
        trigger: ticket ? ticket.reference : (first ?? '—'),
        date: fmt.dateTime(storm.detectedAt),
      })}{' '}
      {ticket && <a href={href(`/tickets/${ticket.id}`)}>{ticket.reference}</a>}
    </p>
  );
}

type SectionProps = {
  title: string;
  contract: Contract;
  summary: { ledger: CreditSummary['ledger']; today: string };
  interventions: readonly Intervention[];
  tickets: readonly Ticket[];
  invoices: readonly Invoice[];
};

function CreditSection({ title, contract, summary, interventions, tickets, invoices }: SectionProps) {
  const { t } = useTranslation('credit');
  const fmt = useFormat();
  const { ledger, today } = summary;
  const unit = t(`detail.units.${ledger.kind}`);
  const [showAll, setShowAll] = useState(false);
  const months = useMemo(() => monthlyConsumption(ledger, today), [ledger, today]);
  const blocks = useMemo(() => blockRows(contract, ledger, invoices), [contract, ledger, invoices]);
  const ticketOf = useMemo(() => {
    const byId = new Map(interventions.map((i) => [i.id, i.ticketId]));
    const ticketById = new Map(tickets.map((tk) => [tk.id, tk]));
    return (interventionId: string) => ticketById.get(byId.get(interventionId) ?? '');
  }, [interventions, tickets]);
  const entries = useMemo(() => ledger.entries.toArray().reverse(), [ledger]);
  const shown = showAll ? entries : entries.slice(0, FIRST_ENTRIES);
  const sectionId = `credit-${ledger.kind}`;
  const blockColumns: Column<BlockRow>[] = [
    { id: 'block', header: t('detail.block'), numeric: true, sortValue: (r) => r.block, cell: (r) => r.block },
    {
      id: 'date',
      header: t('detail.date'),
      sortValue: (r) => r.at,
      cell: (r) => <span title={fmt.dateTime(r.at)}>{fmt.date(r.at)}</span>,
    },
    {
      id: 'trigger',
      header: t('detail.trigger'),
      cell: (r) => {
        if (!r.interventionId) return t('detail.initial');
        const ticket = ticketOf(r.interventionId);
        return ticket ? <a href={href(`/tickets/${ticket.id}`)}>{ticket.reference}</a> : r.interventionId;
      },
    },
    { id: 'quantity', header: t('detail.quantity'), numeric: true, cell: (r) => `${r.quantity} ${unit}` },
    { id: 'unitPrice', header: t('detail.unitPrice'), numeric: true, cell: (r) => fmt.money(r.unitPrice) },
    {
      id: 'amount',
      header: t('detail.amount'),
      numeric: true,
      cell: (r) => fmt.money(r.invoice?.amountHT ?? r.amountHT),
    },
    {
      id: 'invoice',
      header: t('detail.invoice'),
      cell: (r) =>
        r.invoice ? (
          <span className="chip chip-ok">{t('detail.invoiced', { date: fmt.date(r.invoice.issuedAt) })}</span>
        ) : (
          <span className="chip chip-warn">{t('detail.pendingInvoice')}</span>
        ),
    },
  ];
  return (
    <section className="credit-section" aria-labelledby={sectionId}>
      <h2 id={sectionId}>{title}</h2>
      <KpiGrid label={t('detail.figures', { title })}>
        <KpiCard
          label={t('detail.balance')}
          value={`${fmt.number(ledger.balance)} ${unit}`}
          hint={t('detail.balanceHint', {
            base: `${ledger.base} ${unit}`,
            consumed: `${fmt.number(ledger.consumed)} ${unit}`,
          })}
          tone={ledger.balance <= ledger.base / 4 ? 'warn' : 'ok'}
        />
        <KpiCard
          label={t('detail.blocks')}
          value={fmt.number(ledger.blocks)}
          hint={t('detail.blocksHint', { renewals: ledger.blocks - 1 })}
        />
        <ForecastCard summary={summary} startDate={contract.startDate} unit={unit} />
      </KpiGrid>
      <div className="credit-panels">
        <div className="card">
          <h3>{t('detail.history')}</h3>
          <div className="credit-chart" role="img" aria-label={t('detail.history')}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={months.map((m) => ({ ...m, label: `${m.month.slice(5)}/${m.month.slice(0, 4)}` }))}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} />
                <YAxis tick={{ fontSize: 11 }} width={40} />
                <Tooltip formatter={(value) => [`${fmt.number(Number(value))} ${unit}`, t('detail.consumed')]} />
                <Bar dataKey="consumed" fill="#1d4ed8" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </div>
        <div className="card">
          <SortableTable
            caption={t('detail.renewalsTitle')}
            columns={blockColumns}
            rows={blocks}
            rowKey={(r) => String(r.block)}
          />
        </div>
      </div>
      <div className="card">
        <h3>{t('detail.entries', { count: entries.length })}</h3>
        <p className="muted">{t('detail.entriesHint')}</p>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('detail.date')}</th>
              <th scope="col">{t('detail.intervention')}</th>
              <th scope="col" className="num">
                {t('detail.consumed')}
              </th>
              <th scope="col" className="num">
                {t('detail.balanceAfter')}
              </th>
              <th scope="col" className="num">
                {t('detail.block')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {t('detail.noEntries')}
                </td>
              </tr>
            )}
            {shown.map((entry) => {
              const ticket = ticketOf(entry.interventionId);
              return (
                <tr key={entry.interventionId}>
                  <td>{fmt.dateTime(entry.at)}</td>
                  <td>
                    {ticket ? <a href={href(`/tickets/${ticket.id}`)}>{ticket.reference}</a> : entry.interventionId}
                  </td>
                  <td className="num">
                    {fmt.number(entry.consumed)} {unit}
                  </td>
                  <td className="num">
                    {fmt.number(entry.balanceAfter)} {unit}
                  </td>
                  <td className="num">{entry.block}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!showAll && entries.length > FIRST_ENTRIES && (
          <button type="button" className="btn entries-more" onClick={() => setShowAll(true)}>
            {t('detail.showAll', { count: entries.length })}
          </button>
        )}
      </div>
    </section>
  );
}

function ForecastCard({
  summary,
  startDate,
  unit,
}: {
  summary: SectionProps['summary'];
  startDate: string;
  unit: string;
}) {
  const { t } = useTranslation('credit');
  const fmt = useFormat();
  const forecast = useMemo(
    () => forecastRenewal(summary.ledger, summary.today, startDate),
    [summary.ledger, summary.today, startDate],
  );
  const day = (iso: string) => fmt.date(`${iso}T12:00:00Z`);
  return (
    <KpiCard
      label={t('detail.forecast')}
      value={forecast.renewalDay ? day(forecast.renewalDay) : t('noForecast')}
      hint={t('detail.forecastHint', {
        consumed: `${fmt.number(forecast.windowConsumed)} ${unit}`,
        from: day(forecast.windowFrom),
        to: day(forecast.windowTo),
        days: forecast.windowDays,
      })}
      tone={forecast.daysLeft !== null && forecast.daysLeft <= 14 ? 'warn' : 'neutral'}
    />
  );
}
