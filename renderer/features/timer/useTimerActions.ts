import { useSyncExternalStore } from 'react';
import type { Ticket } from '../../../shared/schemas';
import { isRunning } from '../../data';
import { useData, useLive } from '../../data/react';

/**
 * Which intervention the completion form is open for. Module state rather than React state:
 * the form is opened from the timer bar, the ticket page or a keyboard shortcut, and shown by
 * the one global dialog.
 */
let completing: string | null = null;
const listeners = new Set<() => void>();
export const completionDialog = {
  open(id: string) {
    completing = id;
    listeners.forEach((l) => l());
  },
  close() {
    completing = null;
    listeners.forEach((l) => l());
  },
  use(): string | null {
    return useSyncExternalStore(
      (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      () => completing,
    );
  },
};

/** Timer commands for the signed-in technician, and the intervention their timer is on. */
export function useTimerActions() {
  const data = useData();
  const active = useLive((d) => d.interventions.activeTimer$(), []).data ?? null;
  const running = active !== null && isRunning(active.segments);
  return {
    active,
    running,
    runningTicketId: running ? active.ticketId : null,
    start: (ticket: Pick<Ticket, 'id' | 'clientId' | 'contractId' | 'channel'>) =>
      data.interventions.startTimer({
        ticketId: ticket.id,
        clientId: ticket.clientId,
        contractId: ticket.contractId,
        channel: ticket.channel === 'onsite' ? 'onsite' : ticket.channel,
      }),
    toggle: async () => {
      if (!active) return;
      if (running) await data.interventions.pause(active.id);
      else await data.interventions.resume(active.id);
    },
    /** Stops the clock and opens the completion form; cancelling it leaves the timer paused. */
    stop: async () => {
      if (!active) return;
      if (running) await data.interventions.pause(active.id);
      completionDialog.open(active.id);
    },
  };
}
