/**
 * Fans changes out to this process's event-stream subscribers.
 *
 * Every write NOTIFYs `${collection}:${maxSeq}` on commit (document-store.ts), from whichever
 * server process made it. Each process LISTENs and keeps, per collection, a cursor: the last
 * seq it broadcast. On a notification it reads the rows after its cursor from the database —
 * never from the payload, which PostgreSQL caps at 8000 bytes — and sends them to each
 * subscriber allowed to read them. Because commit order equals seq order within a collection,
 * reading "after the cursor" never skips a row, even when notifications are coalesced or the
 * listening connection was lost (then every collection is re-read).
 *
 * With no subscriber a notification only moves the cursor: a new subscriber starts with
 * RESYNC and pulls what it missed.
 */
import { COLLECTION_NAMES, type CollectionName, isCollectionName } from '../../shared/schemas';
import type { AuthUser, StreamChange } from '../../shared/sync';
import { CHANGES_CHANNEL, type Database } from '../db/database';
import { canReadCollection, canReadDocument, isClientAccount, type VaultAccessLookup } from './authorisation';
import { clientView } from './client-scope';
import { latestSeqs, type PageRow, rowsAfterSeq } from './document-store';
import { loadVaultAccess } from './vault-access';

const BATCH = 500;
/** Bytes of JSON read for one broadcast at most: well under a slow client's buffer bound (stream.ts). */
const BATCH_BYTES = 2 * 1024 * 1024;

export type Subscriber = { user: AuthUser; send(chunk: string): void };

export type StreamHub = {
  subscribe(subscriber: Subscriber): () => void;
  stop(): Promise<void>;
};

/** One SSE message: `data: <json>` and a blank line. */
export const sseData = (json: string) => `data: ${json}\n\n`;

export async function startStreamHub(db: Database, onError: (error: unknown) => void): Promise<StreamHub> {
  const subscribers = new Set<Subscriber>();
  const cursors = await latestSeqs(db.orm);
  const dirty = new Set<CollectionName>();
  const draining = new Map<CollectionName, Promise<void>>();
  let stopped = false;

  async function broadcast(collection: CollectionName, rows: readonly PageRow[]): Promise<void> {
    const last = rows[rows.length - 1];
    if (!last) return;
    const checkpoint: StreamChange['checkpoint'] = { seq: last.seq, id: last.id };
    const vaultAccess: VaultAccessLookup =
      collection === 'vault'
        ? await loadVaultAccess(
            db.orm,
            rows.map((row) => row.clientId),
          )
        : () => [];
    const everything = message(collection, rows, checkpoint);
    // Parsed once per batch, and only when a client account listens.
    let parsed: Record<string, unknown>[] | null = null;
    for (const subscriber of subscribers) {
      if (!canReadCollection(subscriber.user, collection)) continue;
      if (isClientAccount(subscriber.user)) {
        parsed ??= rows.map((row) => JSON.parse(row.json) as Record<string, unknown>);
        const chunk = clientMessage(subscriber.user, collection, rows, parsed, vaultAccess);
        if (chunk) subscriber.send(chunk);
        continue;
      }
      if (collection !== 'vault') {
        subscriber.send(everything);
        continue;
      }
      const visible = rows.filter((row) =>
        canReadDocument(subscriber.user, collection, { clientId: row.clientId }, vaultAccess),
      );
      if (visible.length > 0) subscriber.send(message(collection, visible, checkpoint));
    }
  }

  async function drain(collection: CollectionName): Promise<void> {
    for (;;) {
      const { rows, truncated } = await rowsAfterSeq(
        db.orm,
        collection,
        cursors.get(collection) ?? 0,
        BATCH,
        BATCH_BYTES,
      );
      const last = rows[rows.length - 1];
      if (!last) return;
      cursors.set(collection, Math.max(cursors.get(collection) ?? 0, last.seq));
      await broadcast(collection, rows);
      if (rows.length < BATCH && !truncated) return;
    }
  }

  /** Drains a collection, one drain at a time per collection, again while more was notified. */
  function schedule(collection: CollectionName): void {
    dirty.add(collection);
    if (draining.has(collection)) return;
    // Starts on the next microtask, after `draining` holds it.
    const run = Promise.resolve().then(async () => {
      try {
        while (dirty.has(collection) && !stopped) {
          dirty.delete(collection);
          if (subscribers.size > 0) await drain(collection);
        }
      } catch (error) {
        onError(error);
      } finally {
        draining.delete(collection);
      }
    });
    draining.set(collection, run);
  }

  function onNotification(payload: string): void {
    const separator = payload.lastIndexOf(':');
    const collection = payload.slice(0, separator);
    const seq = Number(payload.slice(separator + 1));
    if (!isCollectionName(collection) || !Number.isFinite(seq)) return;
    if (seq <= (cursors.get(collection) ?? 0)) return;
    // Rows up to `seq` are committed (lock invariant); without subscribers nobody needs them.
    if (subscribers.size === 0 && !draining.has(collection)) cursors.set(collection, seq);
    else schedule(collection);
  }

  const unlisten = await db.listen(CHANGES_CHANNEL, onNotification, () => {
    for (const collection of COLLECTION_NAMES) schedule(collection);
  });

  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    async stop() {
      stopped = true;
      subscribers.clear();
      await unlisten();
      await Promise.all(draining.values());
    },
  };
}

/**
 * A client account's share of a batch, as it may see each document, with the checkpoint of the
 * last one it receives (never another client's id); null when it receives none.
 */
function clientMessage(
  account: AuthUser,
  collection: CollectionName,
  rows: readonly PageRow[],
  docs: readonly Record<string, unknown>[],
  vaultAccess: VaultAccessLookup,
): string | null {
  const visible: PageRow[] = [];
  rows.forEach((row, i) => {
    const doc = docs[i] as Record<string, unknown>;
    if (!canReadDocument(account, collection, doc, vaultAccess)) return;
    visible.push({ ...row, json: JSON.stringify(clientView(collection, doc)) });
  });
  const last = visible[visible.length - 1];
  return last ? message(collection, visible, { seq: last.seq, id: last.id }) : null;
}

function message(collection: CollectionName, rows: readonly PageRow[], checkpoint: StreamChange['checkpoint']): string {
  const documents = rows.map((row) => row.json).join(',');
  return sseData(
    `{"collection":${JSON.stringify(collection)},"documents":[${documents}],"checkpoint":${JSON.stringify(checkpoint)}}`,
  );
}
