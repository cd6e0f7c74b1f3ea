import { useEffect, useMemo } from 'react';
import { billIntervention, renewalAhead } from '../../../shared/domain';
import { href } from '../../app/router';
import { elapsedSeconds } from '../../data';
import { useLive } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { getPlatform } from '../../platform';
import { useNow } from '../../ui/useNow';
import { useClientContext } from '../tickets/useClientContext';
import { useTimerActions } from './useTimerActions';
import './timer.css';

/**
 * Always in view while a timer exists: ticket, client, elapsed time and UT billed so far, with
 * pause/resume/stop and their shortcuts. Mirrors itself in the desktop tray.
 */
export function TimerBar() {
  const { t } = useTranslation('timer');
  const { t: tt } = useTranslation('tickets');
  const fmt = useFormat();
  const now = useNow(1000);
  const timer = useTimerActions();
  const active = timer.active;
  const ticket = useLive((d) => d.tickets.get$(active?.ticketId ?? ''), [active?.ticketId]).data ?? null;
  const context = useClientContext(active?.clientId, active?.contractId);

  const seconds = active ? elapsedSeconds(active.segments, now) : 0;
  // Units change by the quarter hour: bill once a minute, not every second.
  const minute = Math.floor(now.getTime() / 60_000);
  const billed = useMemo(() => {
    if (!active || !ticket || !context?.contract) return null;
    const earlier = context.interventions.filter((i) => i.ticketId === ticket.id && i.id !== active.id);
    return billIntervention({
      contract: context.contract,
      ticket,
      equipment: context.equipment.find((e) => e.id === ticket.equipmentId),
      intervention: active,
      earlierOnTicket: earlier,
      now: new Date(minute * 60_000 + 59_999),
    });
  }, [active, ticket, context, minute]);
  const renewal = billed && context?.ledger ? renewalAhead(context.ledger.ut, billed.utConsumed).renewals > 0 : false;

  const label = ticket ? `${ticket.reference} · ${context?.client?.name ?? ''}` : '';
  const startedAt = active?.segments.at(-1)?.start;
  useEffect(() => {
    const platform = getPlatform();
    if (!active || !timer.running || !startedAt) {
      void platform.setTrayTimer({ running: false });
      return;
    }
    const closed = elapsedSeconds(active.segments.slice(0, -1), new Date());
    void platform.setTrayTimer({
      running: true,
      label,
      startedAt: Date.parse(startedAt),
      elapsedBeforeSeconds: closed,
    });
  }, [active, timer.running, label, startedAt]);

  if (!active) return null;
  return (
    <section className={timer.running ? 'timer-bar' : 'timer-bar timer-paused'} aria-label={t('bar.label')}>
      <span className={timer.running ? 'timer-dot' : 'timer-dot timer-dot-paused'} aria-hidden="true" />
      <a href={href(`/tickets/${active.ticketId}`)} className="timer-ticket" title={t('bar.open')}>
        {label || active.ticketId}
      </a>
      <span className="timer-clock" role="timer" aria-live="off">
        {fmt.clock(seconds)}
      </span>
      {!timer.running && <span className="chip">{t('bar.paused')}</span>}
      {billed && (
        <span className="timer-units">
          {billed.coverage === 'ut'
            ? t('bar.units', { units: billed.utConsumed })
            : t('bar.covered', { coverage: tt(`coverage.${billed.coverage}`) })}
        </span>
      )}
      {renewal && (
        <span className="timer-warning" role="note">
          {t('bar.renewal')}
        </span>
      )}
      <span className="timer-actions">
        <button type="button" className="btn" onClick={() => void timer.toggle()} aria-keyshortcuts="Alt+P">
          {timer.running ? t('bar.pause') : t('bar.resume')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void timer.stop()} aria-keyshortcuts="Alt+S">
          {t('bar.stop')}
        </button>
      </span>
      <span className="visually-hidden">{t('bar.shortcuts')}</span>
    </section>
  );
}
