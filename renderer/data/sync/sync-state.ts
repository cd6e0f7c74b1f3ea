/**
 * What the status bar shows about sync: reachable or not, local changes waiting, the last
 * successful exchange, the last error and the device clock's skew against the server.
 */
import { BehaviorSubject, type Observable } from 'rxjs';

export type SyncState = {
  /** The browser believes it has a network. */
  online: boolean;
  /** The live stream to the server is open. */
  connected: boolean;
  /** Local changes not yet acknowledged by the server. */
  pending: number;
  /** ISO instant of the last successful pull or push. */
  lastSyncAt: string | null;
  lastError: string | null;
  /** Device clock minus server clock, in ms, as the server measured it. */
  clockSkewMs: number | null;
  /** Every collection has pulled once since sign-in. */
  initialSyncDone: boolean;
  /** The server refused the session: sign in again (local data is kept). */
  sessionExpired: boolean;
  /** This device has never completed a full sync: screens wait for the first one. */
  firstSync: boolean;
  /** Documents received from the server since the data was opened. */
  received: number;
  /** The shell keeps the session on disk; false: the user signs in again at the next start. */
  sessionKept: boolean;
};

export const INITIAL_SYNC_STATE: SyncState = {
  online: true,
  connected: false,
  pending: 0,
  lastSyncAt: null,
  lastError: null,
  clockSkewMs: null,
  initialSyncDone: false,
  sessionExpired: false,
  firstSync: false,
  received: 0,
  sessionKept: true,
};

export function createSyncStateStore(initial: Partial<SyncState> = {}) {
  const subject = new BehaviorSubject<SyncState>({ ...INITIAL_SYNC_STATE, ...initial });
  return {
    state$: subject.asObservable() as Observable<SyncState>,
    get: () => subject.value,
    update(patch: Partial<SyncState>): void {
      const next = { ...subject.value, ...patch };
      const changed = (Object.keys(patch) as (keyof SyncState)[]).some((k) => subject.value[k] !== next[k]);
      if (changed) subject.next(next);
    },
    complete: () => subject.complete(),
  };
}

export type SyncStateStore = ReturnType<typeof createSyncStateStore>;
