import { useSyncExternalStore } from 'react';

/** Whether the call-intake dialog is open: opened by the top bar button or Alt+N, from anywhere. */
let open = false;
const listeners = new Set<() => void>();
const set = (value: boolean) => {
  open = value;
  listeners.forEach((l) => l());
};

export const callIntake = {
  open: () => set(true),
  close: () => set(false),
  useOpen: () =>
    useSyncExternalStore(
      (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      () => open,
    ),
};
