/**
 * The front door of the device's data: open it for a signed-in user and get repositories (for
 * features) and the sync controller (for the status bar). Features never import RxDB.
 */
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { first } from 'rxjs';
import { openDatabase, type CadranDatabase } from './database';
import { knownKeysMiddleware } from './known-keys';
import { createAnnouncedStore } from './announced';
import { deviceIdentity, deviceNameOf } from './device';
import { createAttachmentsRepository } from './repositories/attachments';
import { createInterventionsRepository } from './repositories/interventions';
import { createLogbookRepository } from './repositories/logbook';
import { createPlanningRepository } from './repositories/planning';
import {
  createClientsRepository,
  createContractsRepository,
  createEquipmentRepository,
  createInvoicesRepository,
  createUsersRepository,
} from './repositories/reference';
import { createTicketsRepository } from './repositories/tickets';
import { createVaultRepository } from './repositories/vault';
import type { SessionManager, StoredSession } from './session';
import { createServerActions, type ServerActions } from './server-actions';
import { createApiClient } from './sync/api-client';
import { createPendingTracker } from './sync/pending';
import { startReplication, type Replication } from './sync/replication';
import { createSyncStateStore } from './sync/sync-state';
import type { Argon2Params } from './vault/crypto';
import { createVaultSession } from './vault/session';
import type { SessionUser, Store } from './store';

export type OpenDataOptions = {
  session: StoredSession;
  sessions: SessionManager;
  /** IndexedDB through Dexie by default; the memory storage in unit tests. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxStorage's internals differ per storage.
  storage?: RxStorage<any, any>;
  now?: () => Date;
  /** Start replication with the server (off in unit tests of repositories). */
  sync?: boolean;
  multiInstance?: boolean;
  /** Argon2id cost of new vault keys (lower in unit tests); the default in the app. */
  vaultKdf?: Argon2Params;
};

/** One database per user and server, so logging out can wipe exactly that user's data. */
export function databaseNameFor(session: Pick<StoredSession, 'serverUrl' | 'user'>): string {
  const server = session.serverUrl.replace(/^https?:\/\//, '').replace(/[^a-z0-9]+/gi, '-');
  return `cadran-${server}-${session.user.id}`.toLowerCase().slice(0, 100);
}

function repositories(store: Store, vaultKdf?: Argon2Params) {
  const device = deviceIdentity(store.db, () => deviceNameOf(globalThis.navigator, 'Cadran'));
  const tickets = createTicketsRepository(store);
  return {
    vault: createVaultRepository(store, createVaultSession(), device, vaultKdf),
    attachments: createAttachmentsRepository(store),
    announced: createAnnouncedStore(store.db),
    device,
    clients: createClientsRepository(store),
    contracts: createContractsRepository(store),
    equipment: createEquipmentRepository(store),
    tickets,
    planning: createPlanningRepository(store, tickets),
    interventions: createInterventionsRepository(store),
    logbook: createLogbookRepository(store),
    users: createUsersRepository(store),
    invoices: createInvoicesRepository(store),
  };
}

export async function openCadranData(options: OpenDataOptions) {
  const db: CadranDatabase = await openDatabase({
    name: databaseNameFor(options.session),
    storage: options.storage ?? getRxStorageDexie({ onCreate: (dexie) => void dexie.use(knownKeysMiddleware) }),
    multiInstance: options.multiInstance ?? false,
  });
  // A device that never finished a full sync shows the first sync's progress instead of
  // screens that would recompute on every batch of a year of documents.
  const firstSyncDone = (await db.getLocal('sync-first-done')) !== null;
  const state = createSyncStateStore({
    online: globalThis.navigator?.onLine ?? true,
    firstSync: !firstSyncDone,
    sessionKept: options.sessions.kept() !== false,
  });
  if (!firstSyncDone) {
    state.state$.pipe(first((s) => s.initialSyncDone)).subscribe({
      next: () => {
        void db.upsertLocal('sync-first-done', { at: new Date().toISOString() }).then(() => state.update({ firstSync: false }));
      },
      // Closed before the first sync finished: it will be first again next time.
      error: () => undefined,
    });
  }
  const pending = createPendingTracker(
    {
      load: async () => ((await db.getLocal<{ entries: Record<string, string> }>('sync-pending'))?.toJSON().data.entries ?? null),
      save: async (entries) => {
        await db.upsertLocal('sync-pending', { entries });
      },
    },
    (count) => state.update({ pending: count }),
  );
  await pending.init();

  const user: SessionUser = options.session.user;
  const store: Store = { db, user, now: options.now ?? (() => new Date()), onWrite: (c, d) => pending.written(c, d.id, d.updatedAt) };

  let replication: Replication | null = null;
  let server: ServerActions | null = null;
  if (options.sync !== false) {
    const api = createApiClient({
      serverUrl: options.session.serverUrl,
      getTokens: () => options.sessions.current(),
      onTokens: (tokens) =>
        void options.sessions.updateTokens(tokens).then(() => state.update({ sessionKept: options.sessions.kept() !== false })),
      onSessionExpired: () => state.update({ sessionExpired: true }),
      onClockSkew: (skew) => state.update({ clockSkewMs: skew }),
    });
    replication = startReplication({ db, api, role: user.role, state, pending });
    server = createServerActions(api);
  }

  return {
    user,
    ...repositories(store, options.vaultKdf),
    /** Requests only the server answers (null when not syncing, as in unit tests). */
    server,
    sync: {
      state$: state.state$,
      getState: state.get,
      reSync: () => replication?.reSync(),
      awaitInSync: () => replication?.awaitInSync() ?? Promise.resolve(),
    },
    async close(): Promise<void> {
      await replication?.stop();
      await pending.flushed();
      await db.close();
    },
    /** Logout's "wipe this user's data from this device". */
    async wipe(): Promise<void> {
      await replication?.stop();
      await db.remove();
    },
  };
}

export type CadranData = Awaited<ReturnType<typeof openCadranData>>;
export type { SyncState } from './sync/sync-state';
export type { SessionUser } from './store';
export { createSessionManager, type SessionManager, type StoredSession } from './session';
export { mergeEvents$, type MergeEvent } from './sync/conflicts';
export { ApiError, SessionExpiredError } from './sync/api-client';
export { InvalidDocumentError, ForbiddenError, InvalidStateError } from './errors';
export { WrongPassphraseError } from './vault/crypto';
export { AttachmentRefusedError, mediaTypeOf, sha256OfBase64 } from './repositories/attachments';
export type { VaultEntryInput } from './repositories/vault';
export { needsEndConfirmation, elapsedSeconds, isRunning, confirmationThreshold } from './timer-rules';
