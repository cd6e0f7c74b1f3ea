import { useMemo, useState } from 'react';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import { InlineField } from '../../ui/InlineField';
import { SortableTable, type Column } from '../../ui/SortableTable';
import { computeLedgers } from '../reports/ledgers';
import { useLeadData } from '../reports/useLeadData';
import { compteRenduRows, filterRows, yearsOf, type CompteRenduRow } from './reports-model';
import './extranet-reports.css';

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;

/**
 * `/comptes-rendus`: the client's comptes-rendus (CP art. 5 "consulter et imprimer les
 * comptes-rendus"), its completed interventions newest first, by period and ticket subject.
 * Units are those the credit screens count (the same ledgers), from the client's own documents.
 */
export function ComptesRendusPage() {
  const { t } = useTranslation('extranet-reports');
  const fmt = useFormat();
  const live = useLeadData();
  const data = live.data;
  const [year, setYear] = useState('');
  const [month, setMonth] = useState('');
  const [search, setSearch] = useState('');

  const rows = useMemo(
    () =>
      data
        ? compteRenduRows(data, computeLedgers(data.contracts, data.tickets, data.equipment, data.interventions))
        : [],
    [data],
  );
  const visible = useMemo(() => filterRows(rows, { year, month, search }), [rows, year, month, search]);
  const monthName = useMemo(() => {
    const names = new Intl.DateTimeFormat(fmt.locale === 'en' ? 'en-GB' : 'fr-FR', { month: 'long', timeZone: 'UTC' });
    return (m: string) => names.format(Date.UTC(2026, Number(m) - 1, 15));
  }, [fmt.locale]);

  const columns = useMemo<Column<CompteRenduRow>[]>(
    () => [
      {
        id: 'date',
        header: t('columns.date'),
        sortValue: (r) => r.startMs,
        cell: (r) => (
          <a
            href={href(`/comptes-rendus/${r.intervention.id}`)}
            aria-label={t('open', { reference: r.ticket?.reference ?? '', date: fmt.date(r.startMs) })}
          >
            {fmt.date(r.startMs)}
          </a>
        ),
      },
      {
        id: 'ticket',
        header: t('columns.ticket'),
        sortValue: (r) => r.ticket?.reference ?? '',
        cell: (r) => (
          <>
            <span className="muted">{r.ticket?.reference ?? r.intervention.ticketId}</span> {r.ticket?.title ?? ''}
          </>
        ),
      },
      { id: 'technician', header: t('columns.technician'), sortValue: (r) => r.technician, cell: (r) => r.technician },
      {
        id: 'duration',
        header: t('columns.duration'),
        numeric: true,
        sortValue: (r) => r.seconds,
        cell: (r) => fmt.clock(r.seconds),
      },
      {
        id: 'ut',
        header: t('columns.ut'),
        numeric: true,
        sortValue: (r) => r.ut ?? -1,
        cell: (r) =>
          r.ut === null ? (
            <span className="muted">{t('noLedger')}</span>
          ) : (
            <>
              {fmt.units(r.ut)}
              {r.halfDays > 0 && ` · ${t('halfDays', { count: r.halfDays })}`}
            </>
          ),
      },
      {
        id: 'signed',
        header: t('columns.signed'),
        sortValue: (r) => (r.signed ? 1 : 0),
        cell: (r) =>
          r.signed ? (
            <span className="chip chip-ok">{t('signedYes')}</span>
          ) : (
            <span className="muted">{t('signedNo')}</span>
          ),
      },
    ],
    [t, fmt],
  );

  return (
    <section className="page extranet-reports" aria-labelledby="comptes-rendus-title">
      <div className="page-header">
        <h1 id="comptes-rendus-title">{t('title')}</h1>
      </div>
      <p className="muted">{t('intro')}</p>
      {live.error && (
        <p className="form-error" role="alert">
          {live.error.message}
        </p>
      )}
      {!data ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : rows.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <>
          <form className="lead-filters-row" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
            <InlineField label={t('year')}>
              {(id) => (
                <select id={id} value={year} onChange={(e) => setYear(e.target.value)}>
                  <option value="">{t('allYears')}</option>
                  {yearsOf(rows).map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              )}
            </InlineField>
            <InlineField label={t('month')}>
              {(id) => (
                <select id={id} value={month} onChange={(e) => setMonth(e.target.value)}>
                  <option value="">{t('allMonths')}</option>
                  {MONTHS.map((m) => (
                    <option key={m} value={m}>
                      {monthName(m)}
                    </option>
                  ))}
                </select>
              )}
            </InlineField>
            <InlineField label={t('search')}>
              {(id) => <input id={id} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
            </InlineField>
            <span className="muted" role="status">
              {t('count', { count: visible.length })}
            </span>
          </form>
          <div className="card">
            <SortableTable
              caption={t('title')}
              hideCaption
              columns={columns}
              rows={visible}
              rowKey={(r) => r.intervention.id}
              initialSort={{ id: 'date', direction: 'descending' }}
              empty={t('empty')}
            />
          </div>
        </>
      )}
    </section>
  );
}
