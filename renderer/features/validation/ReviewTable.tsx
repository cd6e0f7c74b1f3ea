import { useState } from 'react';
import type { Intervention } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import type { Ledgers } from '../reports/ledgers';
import type { NameBook } from '../reports/useNames';
import type { ReviewRow } from './validation-model';

type Props = {
  rows: readonly ReviewRow[];
  ledgers: Ledgers | undefined;
  names: NameBook;
  onValidate(id: string): void;
  onCorrect(intervention: Intervention): void;
  onHistory(id: string): void;
};

const PAGE = 200;

/**
 * The interventions under review, one per row with its compte-rendu in full (reading it is the
 * point of reviewing), how it was billed, its state and what the lead may do.
 */
export function ReviewTable({ rows, ledgers, names, onValidate, onCorrect, onHistory }: Props) {
  const { t } = useTranslation('validation');
  const { t: tr } = useTranslation('reports');
  const { t: tk } = useTranslation('tickets');
  const fmt = useFormat();
  const [limit, setLimit] = useState(PAGE);
  if (rows.length === 0) return <p className="muted card">{t('empty')}</p>;
  const shown = rows.slice(0, limit);
  return (
    <div className="card table-scroll">
      <table className="table review-table">
        <caption className="visually-hidden">{t('title')}</caption>
        <thead>
          <tr>
            {(
              ['when', 'technician', 'client', 'ticket', 'duration', 'billed', 'report', 'state', 'actions'] as const
            ).map((c) => (
              <th key={c} scope="col" className={c === 'duration' ? 'num' : undefined}>
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const itv = row.intervention;
            const first = itv.segments[0];
            const last = itv.segments.at(-1);
            const when = first
              ? `${fmt.date(first.start)} ${fmt.time(first.start)}–${last?.end ? fmt.time(last.end) : '…'}`
              : fmt.dateTime(itv.createdAt);
            const seconds = itv.segments.reduce(
              (sum, s) => sum + (s.end ? (Date.parse(s.end) - Date.parse(s.start)) / 1000 : 0),
              0,
            );
            const ticket = names.tickets.get(itv.ticketId);
            const result = ledgers?.byContract.get(itv.contractId);
            // A bill per visible row, made on demand by the domain (replaced work has none).
            const bill =
              result?.ok && row.state !== 'replaced' && itv.completedAt ? result.ledger.billed.get(itv.id) : undefined;
            return (
              <tr key={itv.id} className={`review-${row.state}`}>
                <td className="nowrap">
                  {when}
                  <div className="muted small">{tk(`channel.${itv.channel}`)}</div>
                </td>
                <td>{names.userName(itv.technicianId)}</td>
                <td>{names.clientName(itv.clientId)}</td>
                <td>
                  <a href={href(`/tickets/${itv.ticketId}`)}>{ticket?.reference ?? itv.ticketId}</a>
                  {ticket && <div className="muted small">{ticket.title}</div>}
                </td>
                <td className="num">{fmt.duration(seconds / 60)}</td>
                <td className="nowrap">
                  {bill ? (
                    <>
                      {bill.halfDaysConsumed > 0
                        ? t('halfDays', { count: bill.halfDaysConsumed })
                        : bill.utConsumed > 0
                          ? t('ut', { count: bill.utConsumed })
                          : t('covered')}
                      <div className="muted small">{tr(`coverage.${bill.coverage}`)}</div>
                    </>
                  ) : (
                    tr('none')
                  )}
                </td>
                <td className="report-cell">
                  {itv.correctionOf && (
                    <div className="small">{t('correctionOf', { reason: itv.correctionReason ?? '' })}</div>
                  )}
                  {itv.report ? (
                    <p className="report-text">{itv.report}</p>
                  ) : (
                    <span className="muted">{t('noReport')}</span>
                  )}
                </td>
                <td>
                  <span className={`chip review-chip-${row.state}`}>{t(`states.${row.state}`)}</span>
                  {itv.validatedAt && (
                    <div className="muted small">
                      {t('validatedBy', {
                        date: fmt.date(itv.validatedAt),
                        name: names.userName(itv.validatedBy ?? ''),
                      })}
                    </div>
                  )}
                </td>
                <td>
                  <div className="actions-cell">
                    {row.state === 'to_validate' && (
                      <button
                        type="button"
                        className="btn btn-primary btn-small"
                        aria-label={t('validateOne', { when })}
                        onClick={() => onValidate(itv.id)}
                      >
                        {t('validate')}
                      </button>
                    )}
                    {row.state === 'validated' && (
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={t('correctOne', { when })}
                        onClick={() => onCorrect(itv)}
                      >
                        {t('correct')}
                      </button>
                    )}
                    {row.hasHistory && (
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={t('historyOne', { when })}
                        onClick={() => onHistory(itv.id)}
                      >
                        {t('history')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > limit && (
        <button type="button" className="btn" onClick={() => setLimit((l) => l + PAGE)}>
          {t('more', { count: Math.min(PAGE, rows.length - limit) })}
        </button>
      )}
    </div>
  );
}
