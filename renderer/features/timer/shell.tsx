import type { ShellPart } from '../../app/feature-registry';
import { CompletionDialog } from './CompletionDialog';
import { OvernightDialog } from './OvernightDialog';
import { TimerBar } from './TimerBar';
import { TimerShortcuts } from './TimerShortcuts';

function TimerGlobal() {
  return (
    <>
      <TimerShortcuts />
      <CompletionDialog />
      <OvernightDialog />
    </>
  );
}

export const shell: ShellPart = { BottomBar: TimerBar, Global: TimerGlobal, order: 10 };
