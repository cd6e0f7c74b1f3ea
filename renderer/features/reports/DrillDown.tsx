import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import { matchingRows, type ReportFilter } from './aggregate';
import { COVERAGES } from '../../../shared/domain';
import { type ReportFacts } from './facts';
import type { NameBook } from './useNames';

const ROW_HEIGHT = 40;

type Props = { facts: ReportFacts; filter: ReportFilter; names: NameBook };

/**
 * The interventions behind the figures, newest first — virtualised, so a year of them scrolls as
 * smoothly as a day. Choosing one shows how it was billed, in the domain's own French words.
 */
export function DrillDown({ facts, filter, names }: Props) {
  const { t } = useTranslation('reports');
  const { t: tk } = useTranslation('tickets');
  const fmt = useFormat();
  const rows = useMemo(() => matchingRows(facts, filter), [facts, filter]);
  const [selected, setSelected] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const selectedRow = selected === null ? undefined : rows.find((row) => facts.interventions[row]?.id === selected);
  const columns = [
    'date',
    'client',
    'ticket',
    'technician',
    'channel',
    'coverage',
    'raw',
    'utConsumed',
    'validated',
  ] as const;

  return (
    <section className="card drill" aria-labelledby="drill-title">
      <h2 id="drill-title">{t('drill.title', { count: rows.length })}</h2>
      <div
        role="table"
        aria-label={t('drill.title', { count: rows.length })}
        aria-rowcount={rows.length + 1}
        className="drill-table"
      >
        <div role="rowgroup">
          <div role="row" className="drill-row drill-head">
            {columns.map((c) => (
              <span role="columnheader" key={c} className={c === 'raw' || c === 'utConsumed' ? 'num' : undefined}>
                {t(`drill.columns.${c}`)}
              </span>
            ))}
          </div>
        </div>
        {/* As tall as its rows, up to a screenful: an empty list does not leave a hole. */}
        <div
          ref={scroller}
          className="drill-body"
          role="rowgroup"
          style={{ height: Math.min(420, Math.max(60, rows.length * ROW_HEIGHT + 2)) }}
        >
          {rows.length === 0 && <p className="muted empty">{t('drill.empty')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index] ?? 0;
              const itv = facts.interventions[row];
              if (!itv) return null;
              const start = itv.segments[0]?.start ?? itv.completedAt ?? '';
              const ticket = names.tickets.get(itv.ticketId);
              const coverage = COVERAGES[facts.coverage[row] ?? 0] ?? 'ut';
              return (
                <div
                  role="row"
                  key={itv.id}
                  aria-rowindex={item.index + 2}
                  aria-selected={itv.id === selected}
                  className={itv.id === selected ? 'drill-row selected' : 'drill-row'}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <span role="cell">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setSelected(itv.id === selected ? null : itv.id)}
                    >
                      {start ? fmt.dateTime(start) : t('none')}
                    </button>
                  </span>
                  <span role="cell" className="ellipsis">
                    {names.clientName(itv.clientId)}
                  </span>
                  <span role="cell">
                    <a href={href(`/tickets/${itv.ticketId}`)}>{ticket?.reference ?? itv.ticketId}</a>
                  </span>
                  <span role="cell" className="ellipsis">
                    {names.userName(itv.technicianId)}
                  </span>
                  <span role="cell" className="ellipsis" title={tk(`channel.${itv.channel}`)}>
                    {tk(`channel.${itv.channel}`)}
                  </span>
                  <span role="cell" className="ellipsis">
                    {t(`coverage.${coverage}`)}
                  </span>
                  <span role="cell" className="num">
                    {fmt.duration((facts.rawSeconds[row] ?? 0) / 60)}
                  </span>
                  <span role="cell" className="num">
                    {fmt.number(facts.utConsumed[row] ?? 0)}
                    {(facts.halfDays[row] ?? 0) > 0 && ` + ${fmt.number(facts.halfDays[row] ?? 0)} ½ j`}
                  </span>
                  <span role="cell">
                    <span className={facts.validated[row] ? 'chip chip-ok' : 'chip'}>
                      {facts.validated[row] ? t('drill.validated') : t('drill.notValidated')}
                    </span>
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {selectedRow !== undefined && <InterventionBill facts={facts} row={selectedRow} names={names} />}
    </section>
  );
}

function InterventionBill({ facts, row, names }: { facts: ReportFacts; row: number; names: NameBook }) {
  const { t } = useTranslation('reports');
  const itv = facts.interventions[row];
  if (!itv) return null;
  const result = facts.ledgers.byContract.get(itv.contractId);
  // One bill made on demand, with the domain's explanation (never computed for the whole list).
  const bill = result?.ok ? result.ledger.billed.get(itv.id) : undefined;
  return (
    <div className="bill-detail" role="region" aria-label={t('drill.explain')}>
      <h3>
        {names.tickets.get(itv.ticketId)?.reference ?? itv.ticketId} — {names.clientName(itv.clientId)}
      </h3>
      <h4>{t('drill.explain')}</h4>
      <ul className="plain-list explanation">
        {bill?.explanation.map((line, i) => (
          <li key={i}>{line.text}</li>
        ))}
      </ul>
      {itv.report && (
        <>
          <h4>{t('drill.report')}</h4>
          <p className="report-text">{itv.report}</p>
        </>
      )}
    </div>
  );
}
