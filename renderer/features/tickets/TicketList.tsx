import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { ticketStatusSchema } from '../../../shared/schemas';
import { href, navigate } from '../../app/router';
import { useData } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { useNow } from '../../ui/useNow';
import { DEFAULT_FILTERS, filterTickets, type TicketFilters } from './derive';
import { localIsoDay } from '../reports/local-day';
import { ChannelOptions } from './ChannelOptions';
import { SlaChip } from './SlaChip';
import './tickets.css';
import { useTicketRows } from './useTicketRows';

const ROW_HEIGHT = 44;
const SLA_STATES = ['running', 'at_risk', 'met', 'breached', 'none'] as const;

/**
 * Every ticket of the team, filtered and sorted, with its 30-minute commitment chip. Virtualised:
 * only the rows on screen exist in the DOM, so 20,000 tickets scroll as smoothly as 20.
 */
export function TicketList() {
  const { t } = useTranslation('tickets');
  const fmt = useFormat();
  const data = useData();
  // SLA minutes move by the minute; re-deriving every 30 s keeps chips right without churn.
  const now = useNow(30_000);
  const [filters, setFilters] = useState<TicketFilters>(DEFAULT_FILTERS);
  const { rows, sources: source, loading } = useTicketRows(now);
  const today = localIsoDay('Europe/Paris', now.getTime());
  const visible = useMemo(
    () => filterTickets(rows, filters, data.user.id, today),
    [rows, filters, data.user.id, today],
  );
  const userNames = useMemo(() => new Map(source?.users.map((u) => [u.id, u.name]) ?? []), [source]);
  const clients = useMemo(
    () => [...(source?.clients ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    [source],
  );

  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const set = <K extends keyof TicketFilters>(key: K, value: TicketFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  return (
    <section className="page ticket-list" aria-labelledby="tickets-title">
      <div className="page-header">
        <h1 id="tickets-title">{t('list.title')}</h1>
        <span className="muted" role="status">
          {loading
            ? t('list.loading')
            : source?.complete === false
              ? t('list.loadingHistory', { count: visible.length })
              : t('list.count', { count: visible.length })}
        </span>
      </div>
      <form className="filters" aria-label={t('list.filters')} onSubmit={(e) => e.preventDefault()}>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('list.scope.label')}</legend>
          {(['mine', 'team'] as const).map((scope) => (
            <label key={scope} className={filters.scope === scope ? 'active' : ''}>
              <input type="radio" name="scope" checked={filters.scope === scope} onChange={() => set('scope', scope)} />
              {t(`list.scope.${scope}`)}
            </label>
          ))}
        </fieldset>
        <label className="field-inline">
          <span>{t('list.search')}</span>
          <input
            type="search"
            value={filters.search}
            placeholder={t('list.searchPlaceholder')}
            onChange={(e) => set('search', e.target.value)}
          />
        </label>
        <label className="field-inline">
          <span>{t('list.status')}</span>
          <select value={filters.status} onChange={(e) => set('status', e.target.value as TicketFilters['status'])}>
            <option value="open">{t('list.open')}</option>
            <option value="upcoming">{t('list.upcoming')}</option>
            <option value="any">{t('list.any')}</option>
            {ticketStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('list.channel')}</span>
          <select value={filters.channel} onChange={(e) => set('channel', e.target.value as TicketFilters['channel'])}>
            <option value="any">{t('list.any')}</option>
            <ChannelOptions />
          </select>
        </label>
        <label className="field-inline">
          <span>{t('list.client')}</span>
          <select value={filters.clientId} onChange={(e) => set('clientId', e.target.value)}>
            <option value="any">{t('list.any')}</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('list.sla')}</span>
          <select value={filters.sla} onChange={(e) => set('sla', e.target.value as TicketFilters['sla'])}>
            <option value="any">{t('list.any')}</option>
            {SLA_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`slaFilter.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('list.sort')}</span>
          <select value={filters.sort} onChange={(e) => set('sort', e.target.value as TicketFilters['sort'])}>
            {(['received_desc', 'received_asc', 'sla'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`list.sorts.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>

      <div role="table" aria-label={t('list.title')} aria-rowcount={visible.length + 1} className="vtable">
        <div role="rowgroup">
          <div role="row" className="vrow vrow-head">
            {(['reference', 'received', 'client', 'title', 'status', 'sla', 'assignee'] as const).map((c) => (
              <span role="columnheader" key={c}>
                {t(`list.columns.${c}`)}
              </span>
            ))}
          </div>
        </div>
        <div ref={scroller} className="vtable-body" role="rowgroup">
          {visible.length === 0 && source?.complete && <p className="muted empty">{t('list.empty')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = visible[item.index];
              if (!row) return null;
              const { ticket } = row;
              return (
                <div
                  role="row"
                  key={ticket.id}
                  aria-rowindex={item.index + 2}
                  className="vrow"
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => navigate(`/tickets/${ticket.id}`)}
                >
                  <span role="cell">
                    <a href={href(`/tickets/${ticket.id}`)} onClick={(e) => e.stopPropagation()}>
                      {ticket.reference}
                    </a>
                  </span>
                  <span role="cell">{fmt.dateTime(ticket.receivedAt)}</span>
                  <span role="cell">{row.client?.name ?? '—'}</span>
                  <span role="cell" className="ellipsis" title={ticket.title}>
                    {ticket.title}
                  </span>
                  <span role="cell">
                    <span className={`chip chip-status-${ticket.status}`}>{t(`status.${ticket.status}`)}</span>
                  </span>
                  <span role="cell">
                    <SlaChip sla={row.sla} />
                  </span>
                  <span role="cell">{ticket.assigneeId ? (userNames.get(ticket.assigneeId) ?? '—') : '—'}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
