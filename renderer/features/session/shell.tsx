import { useState } from 'react';
import type { ShellPart } from '../../app/feature-registry';
import { useLive } from '../../data/react';
import { useTranslation } from '../../i18n';

/**
 * Says so when the desktop shell could not keep the session safely (Electron on Linux without a
 * keyring: electron/main/session-store.ts keeps nothing on disk then). Shown on every screen
 * until the user has read it once in this run.
 */
function SessionNotKept() {
  const { t } = useTranslation('session');
  const { data: sync } = useLive((d) => d.sync.state$, []);
  const [dismissed, setDismissed] = useState(false);
  if (!sync || sync.sessionKept || dismissed) return null;
  return (
    <div className="banner banner-warn" role="alert">
      <span>{t('notKept.message')}</span>
      <button type="button" className="btn" onClick={() => setDismissed(true)}>
        {t('notKept.dismiss')}
      </button>
    </div>
  );
}

export const shell: ShellPart = { BottomBar: SessionNotKept, order: 50 };
