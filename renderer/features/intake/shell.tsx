import { useEffect } from 'react';
import type { ShellPart } from '../../app/feature-registry';
import { useTranslation } from '../../i18n';
import { callIntake } from './call-intake-state';
import { CallIntakeDialog } from './CallIntakeDialog';

function NewCallButton() {
  const { t } = useTranslation('intake');
  return (
    <button
      type="button"
      className="btn btn-call"
      onClick={callIntake.open}
      aria-keyshortcuts="Alt+N"
      title={t('shortcut')}
    >
      {t('button')}
    </button>
  );
}

/** Alt+N opens the call intake from any screen. */
function IntakeGlobal() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        callIntake.open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return <CallIntakeDialog />;
}

export const shell: ShellPart = { TopbarActions: NewCallButton, Global: IntakeGlobal, order: 0 };
