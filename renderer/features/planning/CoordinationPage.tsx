import { useMemo, useState, type FormEvent } from 'react';
import { COORDINATION_HEADINGS, type CoordinationReport } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useData } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { toTimeInput } from '../../ui/local-inputs';
import { useNow } from '../../ui/useNow';
import { localIsoDay } from '../reports/local-day';
import { ActionPlanEditor } from './ActionPlanEditor';
import {
  carriedActions,
  coordinationOf,
  emptyReport,
  hasContent,
  previousCoordination,
  reportText,
} from './coordination-model';
import { occurrenceRows } from './planning-model';
import { usePlanningData } from './usePlanningData';
import './planning.css';

/**
 * `/planning/coordination/:ticketId`: the compte-rendu of a coordination day (module F,
 * CP art. 4) — the contract's headings, the client's satisfaction, the action plan taken over
 * from the previous coordination day — recorded offline as the day's intervention.
 */
export function CoordinationPage({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('planning');
  const input = usePlanningData().data;
  const today = localIsoDay('Europe/Paris', useNow(60_000).getTime());
  const rows = useMemo(() => (input ? occurrenceRows(input, today) : []), [input, today]);
  if (!input) return <p className="page muted">{t('loading')}</p>;
  const row = rows.find((r) => r.ticket.id === ticketId);
  if (!row || row.ticket.plannedService !== 'F') return <p className="page">{t('coordination.notCoordination')}</p>;
  const existing = coordinationOf(row);
  const previous = previousCoordination(rows, row);
  // Keyed by the ticket: saving must not reset the form under the engineer's eyes.
  return <CoordinationForm key={row.ticket.id} row={row} existing={existing} previous={previous} today={today} />;
}

type FormProps = {
  row: NonNullable<ReturnType<typeof occurrenceRows>[number]>;
  existing: ReturnType<typeof coordinationOf>;
  previous: ReturnType<typeof previousCoordination>;
  today: string;
};

function CoordinationForm({ row, existing, previous, today }: FormProps) {
  const { t } = useTranslation('planning');
  const fmt = useFormat();
  const data = useData();
  const [report, setReport] = useState<CoordinationReport>(
    existing?.coordination ?? { ...emptyReport(), actions: carriedActions(previous?.intervention) },
  );
  // A day already past defaults to 9:00–17:00; today's, to the hour before now.
  const now = new Date();
  const past = row.day < today;
  const [day, setDay] = useState(past ? row.day : today);
  const [arrival, setArrival] = useState(
    past ? '09:00' : toTimeInput(new Date(Math.max(now.getTime() - 3600_000, new Date(now).setHours(0, 0, 0, 0)))),
  );
  const [departure, setDeparture] = useState(past ? '17:00' : toTimeInput(now));
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const lead = data.user.role === 'lead' || data.user.role === 'admin';
  const locked =
    Boolean(existing?.validatedAt) || (existing !== undefined && existing.technicianId !== data.user.id && !lead);
  const date = (d: string) => fmt.date(`${d}T12:00:00Z`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!hasContent(report)) {
      setStatus({ text: t('coordination.empty'), error: true });
      return;
    }
    const actions = report.actions
      .filter((a) => a.text.trim() && a.owner.trim())
      .map((a) => ({ ...a, text: a.text.trim(), owner: a.owner.trim() }));
    const cleaned = { ...report, actions };
    const text = reportText(cleaned, date);
    try {
      if (existing) await data.interventions.edit(existing.id, { coordination: cleaned, report: text });
      else
        await data.interventions.recordVisit({
          ticketId: row.ticket.id,
          clientId: row.ticket.clientId,
          contractId: row.ticket.contractId,
          channel: 'onsite',
          arrival: new Date(`${day}T${arrival}`),
          departure: new Date(`${day}T${departure}`),
          trips: 1,
          halfDay: false,
          report: text,
          coordination: cleaned,
        });
      setReport(cleaned);
      setStatus({ text: t('coordination.saved'), error: false });
    } catch (e) {
      setStatus({ text: t('error', { message: e instanceof Error ? e.message : String(e) }), error: true });
    }
  }

  const setSection = (heading: (typeof COORDINATION_HEADINGS)[number], value: string) => {
    setStatus(null);
    setReport({ ...report, sections: { ...report.sections, [heading]: value } });
  };

  return (
    <section className="page lead-page coordination-page" aria-labelledby="coordination-title">
      <a href={href(`/tickets/${row.ticket.id}`)}>← {t('coordination.back')}</a>
      <div className="page-header">
        <h1 id="coordination-title">{t('coordination.title')}</h1>
        {existing && (
          <a className="btn" href={href(`/planning/coordination/${row.ticket.id}/pdf`)}>
            {t('coordination.pdf')}
          </a>
        )}
      </div>
      <p className="muted">
        {row.client?.name} · {row.contract?.number} · {fmt.dateLong(`${row.day}T12:00:00Z`)}
      </p>
      <p className="muted">{t('coordination.intro')}</p>
      <section className="card" aria-labelledby="previous-title">
        <h2 id="previous-title">
          {previous ? t('coordination.previous', { date: date(previous.row.day) }) : t('coordination.plan')}
        </h2>
        {previous ? (
          <ul className="plain-list">
            {(previous.intervention.coordination?.actions ?? []).map((a) => (
              <li key={a.id}>
                {a.text} — {a.owner}
                {a.dueDate && ` (${date(a.dueDate)})`} ·{' '}
                <span className="chip">{t(`coordination.actionStatuses.${a.status}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('coordination.noPrevious')}</p>
        )}
      </section>
      <form className="card" onSubmit={(e) => void submit(e)} aria-label={t('coordination.title')}>
        {locked && <p className="notice">{t('coordination.locked')}</p>}
        <fieldset disabled={locked}>
          {!existing && (
            <fieldset className="visit-times">
              <legend>{t('coordination.visit')}</legend>
              <label className="field">
                <span>{t('coordination.day')}</span>
                <input type="date" value={day} max={today} onChange={(e) => setDay(e.target.value)} required />
              </label>
              <label className="field">
                <span>{t('coordination.arrival')}</span>
                <input type="time" value={arrival} onChange={(e) => setArrival(e.target.value)} required />
              </label>
              <label className="field">
                <span>{t('coordination.departure')}</span>
                <input type="time" value={departure} onChange={(e) => setDeparture(e.target.value)} required />
              </label>
            </fieldset>
          )}
          {COORDINATION_HEADINGS.map((heading) => (
            <label key={heading} className="field">
              <span>{t(`coordination.headings.${heading}`)}</span>
              <textarea
                value={report.sections[heading]}
                maxLength={5000}
                onChange={(e) => setSection(heading, e.target.value)}
              />
            </label>
          ))}
          <label className="field">
            <span>{t('coordination.score')}</span>
            <select
              value={report.satisfactionScore ?? ''}
              onChange={(e) => {
                const { satisfactionScore: _drop, ...rest } = report;
                setReport(e.target.value ? { ...rest, satisfactionScore: Number(e.target.value) } : rest);
              }}
            >
              <option value="">{t('coordination.noScore')}</option>
              {[1, 2, 3, 4, 5].map((score) => (
                <option key={score} value={score}>
                  {t('coordination.scoreValue', { score })}
                </option>
              ))}
            </select>
          </label>
          <ActionPlanEditor
            actions={report.actions}
            disabled={locked}
            onChange={(actions) => setReport({ ...report, actions })}
          />
          <div className="dialog-actions">
            <button type="submit" className="btn btn-primary">
              {t('coordination.save')}
            </button>
          </div>
        </fieldset>
        {status && (
          <p role={status.error ? 'alert' : 'status'} className={status.error ? 'form-error' : 'muted'}>
            {status.text}
          </p>
        )}
      </form>
    </section>
  );
}
