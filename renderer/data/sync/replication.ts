/**
 * Replicates every collection with the sync server through RxDB's `replicateRxCollection`
 * (protocol in shared/sync). One live event stream feeds all collections; `RESYNC` makes each
 * pull what it missed. Offline, replication is paused and the stream closed; back online,
 * both resume at once. Failed requests are retried by RxDB every `retryTimeMs`.
 *
 * Users are pulled only; invoices are pulled by team leads and admins only (the server refuses
 * them to technicians). Nothing is pushed of either.
 */
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { filter, map, share, type Subscription } from 'rxjs';
import { COLLECTION_NAMES, collections, type CollectionName, type Role } from '../../../shared/schemas';
import { PULL_LIMIT_MAX, type Checkpoint, type PullResponse, type WireDocument } from '../../../shared/sync';
import type { CadranDatabase } from '../database';
import { SessionExpiredError, type ApiClient } from './api-client';
import { eventStream } from './event-stream';
import type { PendingTracker } from './pending';
import type { SyncStateStore } from './sync-state';

export type ReplicationOptions = {
  db: CadranDatabase;
  api: ApiClient;
  role: Role;
  state: SyncStateStore;
  pending: PendingTracker;
  isOnline?: () => boolean;
  retryTimeMs?: number;
  pullBatchSize?: number;
  pushBatchSize?: number;
};

/** The message of the first real cause inside RxDB's wrapped replication errors. */
export function errorMessage(error: unknown): string {
  const inner = (error as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0];
  if (inner instanceof Error) return inner.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

function isSessionExpired(error: unknown): boolean {
  const inner = (error as { parameters?: { errors?: unknown[] } }).parameters?.errors ?? [];
  return error instanceof SessionExpiredError || inner.some((e) => e instanceof SessionExpiredError);
}

/**
 * Main courante entries may carry attachments (up to 3 × 200 kB, shared/schemas/logbook.ts):
 * smaller batches keep a push under the server's body limit (5 MB by default) and a pull page
 * reasonable. Other collections use the defaults.
 */
const PUSH_BATCH: Partial<Record<CollectionName, number>> = { logbook: 4 };
const PULL_BATCH: Partial<Record<CollectionName, number>> = { logbook: 200 };

/** Every synced document carries its id and the instant of its last local write. */
type SyncedDoc = { id: string; updatedAt: string };

export function replicatedCollections(role: Role): CollectionName[] {
  return COLLECTION_NAMES.filter((name) => name !== 'invoices' || role !== 'technician');
}

export function startReplication(options: ReplicationOptions) {
  const { db, api, state, pending } = options;
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
  const names = replicatedCollections(options.role);
  const subscriptions: Subscription[] = [];
  const markSynced = () => state.update({ lastSyncAt: new Date().toISOString(), lastError: null });

  const stream$ = eventStream({
    api,
    isOnline,
    onStatus: (connected, error) => state.update({ connected, ...(error && isOnline() ? { lastError: error } : {}) }),
  }).pipe(share());

  const replications = names.map((name) => {
    const writable = collections[name].deviceWritable;
    // The server opens every stream connection with RESYNC. One that arrives while this
    // collection's own initial sync runs is held, then played once that sync is done: the
    // initial sync already pulls to the end and scans every local change, whereas a RESYNC in
    // the middle of it restarts RxDB's push-side scan from its last checkpoint, and that scan
    // then chases the pulls, reading back most documents being written (with 120,000 on a first
    // sync). Playing it afterwards still covers what changed on the server around the moment
    // the stream connected.
    let initialSyncDone = false;
    let heldResync = false;
    const replication: RxReplicationState<SyncedDoc, Checkpoint> = replicateRxCollection<SyncedDoc, Checkpoint>({
      collection: db.collections[name] as never,
      replicationIdentifier: `cadran-${name}-${api.serverUrl}`,
      live: true,
      retryTime: options.retryTimeMs ?? 5000,
      // Keep syncing while the window is hidden: a technician's timer runs minimised.
      toggleOnDocumentVisible: false,
      waitForLeadership: true,
      pull: {
        batchSize: options.pullBatchSize ?? PULL_BATCH[name] ?? PULL_LIMIT_MAX,
        async handler(checkpoint, batchSize) {
          const params = new URLSearchParams({ limit: String(batchSize) });
          if (checkpoint) {
            params.set('seq', String(checkpoint.seq));
            params.set('id', checkpoint.id);
          }
          const response = await api.json<PullResponse>(`/api/sync/${name}/pull?${params.toString()}`);
          markSynced();
          pending.confirmed(name, response.documents as unknown as SyncedDoc[]);
          if (response.documents.length > 0) state.update({ received: state.get().received + response.documents.length });
          return { documents: response.documents as never[], checkpoint: response.checkpoint ?? checkpoint };
        },
        stream$: stream$.pipe(
          filter((message) => message === 'RESYNC' || message.collection === name),
          filter((message) => {
            if (message !== 'RESYNC' || initialSyncDone) return true;
            heldResync = true;
            return false;
          }),
          map((message) => {
            if (message === 'RESYNC') return 'RESYNC';
            pending.confirmed(name, message.documents as unknown as SyncedDoc[]);
            return { documents: message.documents as never[], checkpoint: message.checkpoint };
          }),
        ),
      },
      ...(writable
        ? {
            push: {
              batchSize: options.pushBatchSize ?? PUSH_BATCH[name] ?? 100,
              async handler(rows) {
                const conflicts = await api.json<WireDocument[]>(`/api/sync/${name}/push`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify(rows),
                });
                // A conflict answers with the server's other version: ours still waits, for the
                // conflict handler's outcome. (The server answers a version it already holds as
                // accepted, so a push repeated after a lost answer clears it.)
                const conflicting = new Set(conflicts.map((d) => String(d.id)));
                pending.pushed(
                  name,
                  rows.map((row) => row.newDocumentState).filter((doc) => !conflicting.has(doc.id)),
                );
                markSynced();
                return conflicts as never[];
              },
            },
          }
        : {}),
    });
    void replication.awaitInitialReplication().then(
      () => {
        initialSyncDone = true;
        if (heldResync) replication.reSync();
      },
      () => undefined,
    );
    subscriptions.push(
      replication.error$.subscribe((error) => {
        if (isSessionExpired(error)) {
          state.update({ sessionExpired: true, lastError: 'session expired' });
          void stopAll();
          return;
        }
        state.update({ lastError: isOnline() ? errorMessage(error) : null });
      }),
    );
    return replication;
  });

  async function stopAll(): Promise<void> {
    await Promise.all(replications.map((r) => r.cancel()));
  }

  const goOffline = () => {
    state.update({ online: false, connected: false });
    for (const r of replications) void r.pause();
  };
  const goOnline = () => {
    state.update({ online: true });
    for (const r of replications) void r.start();
  };
  globalThis.addEventListener?.('offline', goOffline);
  globalThis.addEventListener?.('online', goOnline);
  state.update({ online: isOnline() });
  if (!isOnline()) goOffline();

  void Promise.all(replications.map((r) => r.awaitInitialReplication())).then(
    () => state.update({ initialSyncDone: true }),
    () => undefined,
  );

  return {
    replications,
    /** Resolves when every collection has pushed and pulled everything it knows of. */
    async awaitInSync(): Promise<void> {
      await Promise.all(replications.map((r) => r.awaitInSync()));
    },
    /** Pull everything new now (e.g. the user pressed "synchroniser"). */
    reSync(): void {
      for (const r of replications) r.reSync();
    },
    async stop(): Promise<void> {
      globalThis.removeEventListener?.('offline', goOffline);
      globalThis.removeEventListener?.('online', goOnline);
      for (const s of subscriptions) s.unsubscribe();
      await stopAll();
    },
  };
}

export type Replication = ReturnType<typeof startReplication>;
