import { useMemo, useState } from 'react';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import { InlineField } from '../../ui/InlineField';
import { SortableTable, type Column } from '../../ui/SortableTable';
import { useNow } from '../../ui/useNow';
import { computeLedgers } from '../reports/ledgers';
import { localIsoDay } from '../reports/local-day';
import { useLeadData } from '../reports/useLeadData';
import { BalanceGauge } from './BalanceGauge';
import { creditRows, type CreditRow } from './credit-model';
import './credit.css';

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Which clients run out of credit: every contract's UT and half-day balances, how many bases were
 * renewed, the pace of the last three months and the renewal it points to — soonest first.
 */
export function CreditPage() {
  const { t } = useTranslation('credit');
  const fmt = useFormat();
  const today = localIsoDay('Europe/Paris', useNow(60_000).getTime());
  const live = useLeadData();
  const data = live.data;
  const [search, setSearch] = useState('');
  const [onlyLow, setOnlyLow] = useState(false);
  const rows = useMemo(() => {
    if (!data) return [];
    return creditRows(
      computeLedgers(data.contracts, data.tickets, data.equipment, data.interventions),
      data.clients,
      today,
    );
  }, [data, today]);
  const visible = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('fr');
    return rows.filter(
      (row) =>
        (!onlyLow || row.ut?.low || row.halfDays?.low) &&
        (!needle ||
          (row.client?.name ?? '').toLocaleLowerCase('fr').includes(needle) ||
          row.contract.number.toLocaleLowerCase('fr').includes(needle)),
    );
  }, [rows, search, onlyLow]);

  const columns = useMemo<Column<CreditRow>[]>(
    () => [
      {
        id: 'client',
        header: t('columns.client'),
        sortValue: (r) => r.client?.name ?? '',
        cell: (r) => <a href={href(`/credit/${r.contract.id}`)}>{r.client?.name ?? r.contract.clientId}</a>,
      },
      {
        id: 'contract',
        header: t('columns.contract'),
        sortValue: (r) => r.contract.number,
        cell: (r) => r.contract.number,
      },
      {
        id: 'ut',
        header: t('columns.utBalance'),
        sortValue: (r) => (r.ut ? r.ut.ledger.balance / r.ut.ledger.base : -1),
        cell: (r) =>
          r.error ? (
            <span className="chip chip-danger" title={r.error}>
              {t('broken', { message: r.error })}
            </span>
          ) : (
            r.ut && <BalanceGauge balance={r.ut.ledger.balance} base={r.ut.ledger.base} low={r.ut.low} unit="UT" />
          ),
      },
      {
        id: 'renewals',
        header: t('columns.renewals'),
        numeric: true,
        sortValue: (r) => (r.ut?.ledger.blocks ?? 1) - 1,
        cell: (r) => fmt.number((r.ut?.ledger.blocks ?? 1) - 1),
      },
      {
        id: 'pace',
        header: t('columns.pace'),
        numeric: true,
        sortValue: (r) => r.ut?.forecast.pacePerDay ?? 0,
        cell: (r) => t('perMonth', { value: fmt.number((r.ut?.forecast.pacePerDay ?? 0) * DAYS_PER_MONTH, 1) }),
      },
      {
        id: 'forecast',
        header: t('columns.forecast'),
        sortValue: (r) => r.ut?.forecast.daysLeft ?? Number.MAX_SAFE_INTEGER,
        cell: (r) => {
          const forecast = r.ut?.forecast;
          if (!forecast?.renewalDay) return <span className="muted">{t('noForecast')}</span>;
          return t('inDays', { date: fmt.date(`${forecast.renewalDay}T12:00:00Z`), days: forecast.daysLeft });
        },
      },
      {
        id: 'halfDays',
        header: t('columns.halfDayBalance'),
        sortValue: (r) => (r.halfDays ? r.halfDays.ledger.balance / r.halfDays.ledger.base : -1),
        cell: (r) =>
          r.halfDays ? (
            <BalanceGauge
              balance={r.halfDays.ledger.balance}
              base={r.halfDays.ledger.base}
              low={r.halfDays.low}
              unit="½ j"
            />
          ) : (
            <span className="muted">{t('noHalfDays')}</span>
          ),
      },
    ],
    [t, fmt],
  );

  return (
    <section className="page lead-page" aria-labelledby="credit-title">
      <div className="page-header">
        <h1 id="credit-title">{t('title')}</h1>
      </div>
      <p className="muted">{t('intro')}</p>
      <form className="lead-filters-row" onSubmit={(e) => e.preventDefault()}>
        <InlineField label={t('search')}>
          {(id) => <input id={id} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
        </InlineField>
        <label className="checkbox">
          <input type="checkbox" checked={onlyLow} onChange={(e) => setOnlyLow(e.target.checked)} />
          {t('onlyLow')}
        </label>
      </form>
      {live.error && (
        <p className="form-error" role="alert">
          {live.error.message}
        </p>
      )}
      {!data ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : (
        <div className="card">
          <SortableTable
            caption={t('title')}
            hideCaption
            columns={columns}
            rows={visible}
            rowKey={(r) => r.contract.id}
            initialSort={{ id: 'forecast', direction: 'ascending' }}
            empty={t('empty')}
          />
        </div>
      )}
    </section>
  );
}
