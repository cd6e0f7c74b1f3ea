import { useCallback, useMemo, useState } from 'react';
import type { Intervention } from '../../../shared/schemas';
import { href, navigate, type Route } from '../../app/router';
import { useData } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { InlineField } from '../../ui/InlineField';
import { Dialog } from '../../ui/Dialog';
import { KpiCard, KpiGrid } from '../../ui/KpiCard';
import { Segmented } from '../../ui/Segmented';
import { useNow } from '../../ui/useNow';
import { FormStatus, type FormMessage } from '../../ui/FormStatus';
import { computeLedgers } from '../reports/ledgers';
import { dayNumberOf, isoOfDayNumber, localIsoDay } from '../reports/local-day';
import { useLeadData } from '../reports/useLeadData';
import { useNames } from '../reports/useNames';
import { CorrectionDialog } from './CorrectionDialog';
import { HistoryDialog } from './HistoryDialog';
import { ReviewTable } from './ReviewTable';
import { mondayOf, reviewRows, shiftWeek, validatableIds, type ReviewRow } from './validation-model';
import './validation.css';

const SHOWS = ['todo', 'validated', 'all'] as const;
type Show = (typeof SHOWS)[number];

/**
 * A week of the team's interventions to review: read each compte-rendu, validate one or the
 * whole week; correct validated work through a new record, and see any work's history.
 * State in the URL: `#/validation?week=2026-11-23&tech=…&client=…&show=all`.
 */
export function ValidationPage({ route }: { route: Route }) {
  const { t } = useTranslation('validation');
  const fmt = useFormat();
  const data = useData();
  const today = localIsoDay('Europe/Paris', useNow(60_000).getTime());
  const query = route.query;
  const weekParam = query.get('week');
  let monday = mondayOf(today);
  try {
    if (weekParam) monday = mondayOf(weekParam);
  } catch {
    // A week that is not a day: this week.
  }
  const technicianId = query.get('tech') ?? undefined;
  const clientId = query.get('client') ?? undefined;
  const show: Show = SHOWS.includes(query.get('show') as Show) ? (query.get('show') as Show) : 'todo';
  const live = useLeadData().data;
  const names = useNames(live);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [correcting, setCorrecting] = useState<Intervention | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);

  const go = useCallback(
    (patch: { week?: string; tech?: string | undefined; client?: string | undefined; show?: Show }) => {
      const next = new URLSearchParams();
      next.set('week', patch.week ?? monday);
      const tech = 'tech' in patch ? patch.tech : technicianId;
      const client = 'client' in patch ? patch.client : clientId;
      if (tech) next.set('tech', tech);
      if (client) next.set('client', client);
      if ((patch.show ?? show) !== 'todo') next.set('show', patch.show ?? show);
      navigate(`/validation?${next.toString()}`);
    },
    [monday, technicianId, clientId, show],
  );

  const rows = useMemo(
    () => (live ? reviewRows(live.interventions, { monday, technicianId, clientId }) : []),
    [live, monday, technicianId, clientId],
  );
  const visible = useMemo(
    () => rows.filter((r) => show === 'all' || (show === 'todo' ? r.state === 'to_validate' : r.state === 'validated')),
    [rows, show],
  );
  const ledgers = live ? computeLedgers(live.contracts, live.tickets, live.equipment, live.interventions) : undefined;
  const toValidate = validatableIds(rows);
  const count = (state: ReviewRow['state']) => rows.filter((r) => r.state === state).length;
  const sunday = isoOfDayNumber(dayNumberOf(monday) + 6);
  const day = (iso: string) => fmt.date(`${iso}T12:00:00Z`);

  const validate = async (ids: readonly string[]) => {
    setMessage(null);
    try {
      const done = await data.interventions.validate(ids);
      setMessage({ kind: 'ok', text: t('validated', { count: done }) });
    } catch (e) {
      setMessage({ kind: 'error', text: t('failed', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <section className="page lead-page" aria-labelledby="validation-title">
      <div className="page-header">
        <h1 id="validation-title">{t('title')}</h1>
        <button
          type="button"
          className="btn btn-primary"
          disabled={toValidate.length === 0}
          onClick={() => setConfirming(true)}
        >
          {t('validateWeek', { count: toValidate.length })}
        </button>
      </div>
      <p className="muted">{t('intro')}</p>
      <form className="lead-filters" aria-label={t('title')} onSubmit={(e) => e.preventDefault()}>
        <div className="lead-filters-row">
          <div className="period-stepper">
            <button
              type="button"
              className="btn btn-icon"
              aria-label={t('previousWeek')}
              onClick={() => go({ week: shiftWeek(monday, -1) })}
            >
              ‹
            </button>
            <span className="period-label" aria-live="polite">
              {t('week', { from: day(monday), to: day(sunday) })}
            </span>
            <button
              type="button"
              className="btn btn-icon"
              aria-label={t('nextWeek')}
              onClick={() => go({ week: shiftWeek(monday, 1) })}
            >
              ›
            </button>
            <button type="button" className="btn" onClick={() => go({ week: mondayOf(today) })}>
              {t('thisWeek')}
            </button>
          </div>
          <Segmented<Show>
            label={t('show.label')}
            value={show}
            options={SHOWS.map((s) => ({ value: s, label: t(`show.${s}`) }))}
            onChange={(s) => go({ show: s })}
          />
        </div>
        <div className="lead-filters-row">
          <InlineField label={t('technician')}>
            {(id) => (
              <select id={id} value={technicianId ?? ''} onChange={(e) => go({ tech: e.target.value || undefined })}>
                <option value="">{t('all')}</option>
                {names.technicians.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </InlineField>
          <InlineField label={t('client')}>
            {(id) => (
              <select id={id} value={clientId ?? ''} onChange={(e) => go({ client: e.target.value || undefined })}>
                <option value="">{t('all')}</option>
                {names.sortedClients.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </InlineField>
        </div>
      </form>
      <FormStatus message={message} as="p" />
      {!live ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : (
        <>
          <KpiGrid label={t('counts.label')}>
            <KpiCard
              label={t('counts.todo')}
              value={fmt.number(count('to_validate'))}
              tone={count('to_validate') > 0 ? 'warn' : 'ok'}
            />
            <KpiCard label={t('counts.validated')} value={fmt.number(count('validated'))} tone="ok" />
            <KpiCard label={t('counts.running')} value={fmt.number(count('running'))} />
            <KpiCard label={t('counts.replaced')} value={fmt.number(count('replaced'))} />
          </KpiGrid>
          <ReviewTable
            rows={visible}
            ledgers={ledgers}
            names={names}
            onValidate={(id) => void validate([id])}
            onCorrect={setCorrecting}
            onHistory={setHistoryOf}
          />
          <p>
            <a href={href(`/reports?period=week&from=${monday}`)}>{t('weekReport')}</a>
          </p>
        </>
      )}
      <Dialog
        open={confirming}
        title={t('confirmTitle')}
        onClose={() => setConfirming(false)}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                setConfirming(false);
                void validate(toValidate);
              }}
            >
              {t('confirm')}
            </button>
          </>
        }
      >
        <p>{t('confirmText', { count: toValidate.length, from: day(monday) })}</p>
      </Dialog>
      {correcting && (
        <CorrectionDialog
          intervention={correcting}
          onClose={() => setCorrecting(null)}
          onSaved={(text) => {
            setCorrecting(null);
            setMessage({ kind: 'ok', text });
          }}
        />
      )}
      {historyOf && live && (
        <HistoryDialog
          interventions={live.interventions}
          interventionId={historyOf}
          userName={names.userName}
          onClose={() => setHistoryOf(null)}
        />
      )}
    </section>
  );
}
