import { useMemo, useState } from 'react';
import { contractTerm } from '../../../shared/domain';
import type { Client, Contract } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import { InlineField } from '../../ui/InlineField';
import { SortableTable, type Column } from '../../ui/SortableTable';
import { useNow } from '../../ui/useNow';
import { localIsoDay } from '../reports/local-day';
import { useLeadData } from '../reports/useLeadData';
import { expiryAlerts } from './equipment-form';
import './clients.css';

type Row = {
  client: Client;
  contracts: Contract[];
  equipment: number;
  expiring: number;
  noticeSoon: string | undefined;
};

/** Days before the last notice date from which a contract is flagged. */
export const NOTICE_WARNING_DAYS = 90;

/** Every client: search, contracts, inventory size, and what needs attention (notice dates, expiries). */
export function ClientsPage() {
  const { t } = useTranslation('clients');
  const fmt = useFormat();
  const today = localIsoDay('Europe/Paris', useNow(60_000).getTime());
  const live = useLeadData();
  const data = live.data;
  const [search, setSearch] = useState('');
  const rows = useMemo<Row[]>(() => {
    if (!data) return [];
    const contracts = new Map<string, Contract[]>();
    for (const c of data.contracts) contracts.set(c.clientId, [...(contracts.get(c.clientId) ?? []), c]);
    const equipment = new Map<string, { count: number; expiring: number }>();
    for (const item of data.equipment) {
      if (item.retired) continue;
      const e = equipment.get(item.clientId) ?? { count: 0, expiring: 0 };
      e.count++;
      if (expiryAlerts(item, today).some((a) => a.level !== 'ok')) e.expiring++;
      equipment.set(item.clientId, e);
    }
    return data.clients.map((client) => {
      const own = contracts.get(client.id) ?? [];
      const notices = own
        .filter((c) => !c.terminatedOn)
        .map((c) => contractTerm(c.startDate, c.termYears, today))
        .filter((term) => term.daysToNotice >= 0 && term.daysToNotice <= NOTICE_WARNING_DAYS)
        .map((term) => term.lastNoticeDate)
        .sort();
      return {
        client,
        contracts: own,
        equipment: equipment.get(client.id)?.count ?? 0,
        expiring: equipment.get(client.id)?.expiring ?? 0,
        noticeSoon: notices[0],
      };
    });
  }, [data, today]);
  const visible = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('fr');
    const digits = needle.replace(/\D/g, '');
    if (!needle) return rows;
    return rows.filter(
      ({ client }) =>
        client.name.toLocaleLowerCase('fr').includes(needle) ||
        client.code.toLocaleLowerCase('fr').includes(needle) ||
        (digits.length >= 3 && client.phones.some((p) => p.replace(/\D/g, '').includes(digits))),
    );
  }, [rows, search]);
  const columns = useMemo<Column<Row>[]>(
    () => [
      {
        id: 'name',
        header: t('columns.name'),
        sortValue: (r) => r.client.name,
        cell: (r) => <a href={href(`/clients/${r.client.id}`)}>{r.client.name}</a>,
      },
      { id: 'code', header: t('columns.code'), sortValue: (r) => r.client.code, cell: (r) => r.client.code },
      { id: 'phone', header: t('columns.phone'), cell: (r) => r.client.phones[0] ?? '' },
      { id: 'contracts', header: t('columns.contracts'), cell: (r) => r.contracts.map((c) => c.number).join(', ') },
      {
        id: 'equipment',
        header: t('columns.equipment'),
        numeric: true,
        sortValue: (r) => r.equipment,
        cell: (r) => r.equipment,
      },
      {
        id: 'alerts',
        header: t('columns.alerts'),
        sortValue: (r) => (r.noticeSoon ? 2 : 0) + (r.expiring ? 1 : 0),
        cell: (r) => (
          <>
            {r.noticeSoon && (
              <span className="chip chip-warn">{t('noticeSoon', { date: fmt.date(`${r.noticeSoon}T12:00:00Z`) })}</span>
            )}
            {r.expiring > 0 && <span className="chip chip-danger">{t('expiring', { count: r.expiring })}</span>}
          </>
        ),
      },
    ],
    [t, fmt],
  );
  return (
    <section className="page lead-page" aria-labelledby="clients-title">
      <div className="page-header">
        <h1 id="clients-title">{t('title')}</h1>
        <a className="btn btn-primary" href={href('/clients/new')}>
          {t('newClient')}
        </a>
      </div>
      <div className="lead-filters-row">
        <InlineField label={t('search')}>
          {(id) => <input id={id} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
        </InlineField>
        <span className="muted" role="status">
          {data ? t('count', { count: visible.length }) : t('loading')}
        </span>
      </div>
      {data && (
        <div className="card">
          <SortableTable
            caption={t('title')}
            hideCaption
            columns={columns}
            rows={visible}
            rowKey={(r) => r.client.id}
            initialSort={{ id: 'name', direction: 'ascending' }}
            empty={t('empty')}
          />
        </div>
      )}
    </section>
  );
}
