import { CLOCK_SKEW_WARNING_MS } from '../../shared/sync';
import { useData, useLive } from '../data/react';
import { useFormat, useTranslation } from '../i18n';
import { allowed, shellParts } from './feature-registry';
import { useOnline } from './useOnline';

/** Sync at a glance: reachable or not, what waits, when it last worked, what went wrong. */
export function StatusBar() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const data = useData();
  const online = useOnline();
  const { data: sync } = useLive((d) => d.sync.state$, []);
  const skew = sync?.clockSkewMs ?? null;
  const reachable = online && (sync?.connected ?? false);
  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      <span className={reachable ? 'dot dot-ok' : online ? 'dot dot-warn' : 'dot dot-off'} aria-hidden="true" />
      <span role="status">{online ? t('status.online') : t('status.offline')}</span>
      {sync && (
        <>
          <span data-testid="sync-pending">
            {sync.pending > 0
              ? t('status.pending', { count: sync.pending })
              : sync.initialSyncDone || !online
                ? t('status.allSynced')
                : t('status.initialSync')}
          </span>
          {sync.lastSyncAt && <span>{t('status.lastSync', { time: fmt.time(sync.lastSyncAt) })}</span>}
          {sync.lastError && online && (
            <span className="status-error" title={sync.lastError}>
              {t('status.error', { message: sync.lastError })}
            </span>
          )}
          {skew !== null && Math.abs(skew) > CLOCK_SKEW_WARNING_MS && (
            <span className="status-error" role="alert">
              {t('status.clockSkew', { minutes: Math.round(Math.abs(skew) / 60_000) })}
            </span>
          )}
        </>
      )}
      {sync &&
        !sync.firstSync &&
        shellParts
          .filter((part) => allowed(part, data.user.role))
          .map(({ StatusItem }, i) => StatusItem && <StatusItem key={i} />)}
      <span className="statusbar-user">
        {t('session:user', { name: data.user.name, role: t(`session:roles.${data.user.role}`) })}
      </span>
    </footer>
  );
}
