/**
 * React bindings of the device's data: the open data in a context, and `useLive` to render an
 * observable (an RxDB live query through a repository) — screens update as documents change,
 * whether the change came from this device or from the server.
 */
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { asyncScheduler, throttleTime, type Observable } from 'rxjs';
import type { CadranData } from './index';

const DataContext = createContext<CadranData | null>(null);

export function DataProvider({ data, children }: { data: CadranData; children: ReactNode }) {
  return <DataContext.Provider value={data}>{children}</DataContext.Provider>;
}

export function useData(): CadranData {
  const data = useContext(DataContext);
  if (!data) throw new Error('useData() outside <DataProvider>: sign in first');
  return data;
}

export type Live<T> = { data: T | undefined; error: Error | null; loading: boolean };

/**
 * A burst of writes (a sync batch, a bulk validation) re-emits a live query many times a second;
 * screens need the first and the last state, not every one between.
 */
const RENDER_THROTTLE_MS = 150;

function liveStore<T>(source: Observable<T>) {
  let snapshot: Live<T> = { data: undefined, error: null, loading: true };
  return {
    subscribe(onChange: () => void): () => void {
      const throttled = source.pipe(throttleTime(RENDER_THROTTLE_MS, asyncScheduler, { leading: true, trailing: true }));
      const subscription = throttled.subscribe({
        next: (value) => {
          snapshot = { data: value, error: null, loading: false };
          onChange();
        },
        error: (error: unknown) => {
          snapshot = { data: undefined, error: error instanceof Error ? error : new Error(String(error)), loading: false };
          onChange();
        },
      });
      return () => subscription.unsubscribe();
    },
    getSnapshot: () => snapshot,
  };
}

/**
 * Subscribes to `source(data)` and re-renders on each emission. `deps` decide when to
 * resubscribe, as with useEffect.
 */
export function useLive<T>(source: (data: CadranData) => Observable<T>, deps: readonly unknown[]): Live<T> {
  const data = useData();
  // Deps are plain values (ids, filters): their JSON says when the query changes.
  const key = JSON.stringify(deps);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `source` is a new closure each render; `key` stands for it.
  const store = useMemo(() => liveStore(source(data)), [data, key]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
