/**
 * A device's push: `[{ assumedMasterState, newDocumentState }]` → the server's current version
 * of each conflicting document.
 *
 * Per row, under the collection lock (document-store.ts), in this order:
 * 1. the server holds a version the pusher may not read (a vault entry; for a client account,
 *    anything outside its scope): the row is answered exactly as a creation of an unknown id
 *    would be — refused when the pushed document is one the pusher may not create, else
 *    accepted with nothing written — so a push cannot probe which ids exist out of its sight;
 * 2. the server already holds exactly `newDocumentState` (by value) → nothing to do: a push
 *    repeated byte for byte draws no seq and notifies nobody;
 * 3. the server holds a version and it differs from `assumedMasterState` (or none was sent)
 *    → conflict: the server's version is returned, nothing is written;
 * 4. otherwise the write is authorised (authorisation.ts) and written.
 * Conflicts come before authorisation so a device that edited offline what a lead validated
 * meanwhile receives the validated version instead of a refusal it would retry forever.
 * The batch is all or nothing: one invalid document → 400, one forbidden write → 403.
 */
import { type CollectionName, idSchema, inputIssue, issuePath, validateDocument } from '../../shared/schemas';
import type { AuthUser, WireDocument } from '../../shared/sync';
import type { Database, Executor } from '../db/database';
import { badRequest, forbidden } from '../errors';
import { canReadDocument, collectionWriteRefusal, isClientAccount, writeRefusal } from './authorisation';
import { type ClientReferences, clientView, LOGBOOK_REFERENCES } from './client-scope';
import { sameJson } from './canonical-json';
import {
  currentDocuments,
  type DocumentWrite,
  lockCollection,
  resequenceVault,
  type StoredDocument,
  toWire,
  writeDocuments,
} from './document-store';
import { loadVaultAccess } from './vault-access';

type Doc = Record<string, unknown>;
export type ParsedRow = { id: string; assumed: Doc | null; next: Doc; deleted: boolean };
/** A document the push changed: the version it replaced (null for a creation) and the new one. */
export type Change = { before: Doc | null; after: Doc; deleted: boolean };
export type PushResult = { conflicts: WireDocument[]; changes: Change[] };

const isObject = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rows of one push at most (the app pushes 100 at a time). */
export const MAX_PUSH_ROWS = 1000;

/**
 * Checks the body's shape and validates every document against the server clock `now`; throws
 * 400 naming the document and field.
 */
export function parsePushBody(collection: CollectionName, body: unknown, now: number): ParsedRow[] {
  if (!Array.isArray(body))
    throw badRequest('The body must be an array of { assumedMasterState, newDocumentState } rows.');
  if (body.length > MAX_PUSH_ROWS) {
    throw badRequest(`A push holds at most ${MAX_PUSH_ROWS} rows, not ${body.length}: send smaller batches.`);
  }
  const seen = new Set<string>();
  return body.map((row: unknown, index) => {
    if (!isObject(row) || !isObject(row.newDocumentState)) {
      throw badRequest(`Row ${index}: newDocumentState must be a document object.`);
    }
    const { _deleted: deleted, ...next } = row.newDocumentState;
    const label = idSchema.safeParse(next.id).success ? `"${String(next.id)}"` : `at row ${index}`;
    if (typeof deleted !== 'boolean') {
      throw badRequest(`Document ${label} of ${collection}: newDocumentState._deleted must be true or false.`);
    }
    const assumed = row.assumedMasterState ?? null;
    if (assumed !== null && !isObject(assumed)) {
      throw badRequest(`Document ${label} of ${collection}: assumedMasterState must be a document or null.`);
    }
    const result = validateDocument(collection, next, { now });
    if (!result.ok) {
      const { documentId, field, message } = result.failure;
      throw badRequest(
        `Document "${documentId}" of ${collection} is invalid at ${field}: ${message}`,
        'invalid_document',
      );
    }
    const id = next.id as string;
    // Compared with the server's version by canonical JSON: held to the same input rules.
    const assumedIssue = assumed === null ? null : inputIssue(assumed);
    if (assumedIssue) {
      throw badRequest(
        `Document "${id}" of ${collection}: assumedMasterState is invalid at ${issuePath(assumedIssue.path)}: ${assumedIssue.message}`,
        'invalid_document',
      );
    }
    if (seen.has(id)) throw badRequest(`Document "${id}" of ${collection} appears twice in the batch.`);
    seen.add(id);
    return { id, assumed, next, deleted };
  });
}

export async function pushDocuments(
  db: Database,
  collection: CollectionName,
  rows: readonly ParsedRow[],
  user: AuthUser,
): Promise<PushResult> {
  const collectionRefusal = collectionWriteRefusal(user, collection);
  if (collectionRefusal) throw forbidden(`The push to ${collection} was refused: ${collectionRefusal}.`);
  if (rows.length === 0) return { conflicts: [], changes: [] };

  return db.orm.transaction(async (tx) => {
    await lockCollection(tx, collection);
    const current = await currentDocuments(
      tx,
      collection,
      rows.map((row) => row.id),
    );
    const vaultAccess =
      collection === 'vault' || collection === 'logbook'
        ? await loadVaultAccess(tx, [
            ...rows.map((row) => row.next.clientId),
            ...[...current.values()].map((c) => c.doc.clientId),
          ])
        : () => [];

    const references =
      isClientAccount(user) && collection === 'logbook' ? await logbookReferences(tx, rows) : undefined;

    const conflicts: WireDocument[] = [];
    const changes: Change[] = [];
    const refusals: string[] = [];
    for (const row of rows) {
      const stored = current.get(row.id);
      const newState = { ...row.next, _deleted: row.deleted };
      const serverState = stored ? toWire(stored) : null;
      const strict = isClientAccount(user);
      if (stored && !canReadDocument(user, collection, stored.doc, vaultAccess)) {
        // Answered as a creation of an unknown id would be (1. above), and never written: a
        // vault entry behind a vault the pusher does not hold, or, for a client account,
        // another client's document or an internal entry.
        const refusal = writeRefusal(user, collection, null, row.next, vaultAccess, false, references);
        if (refusal) refusals.push(`document "${row.id}": ${refusal}`);
        continue;
      }
      if (serverState && sameJson(serverState, newState)) continue;
      if (serverState && (row.assumed === null || !sameJson(serverState, row.assumed))) {
        // A conflict answers the server's version as this account may see it.
        conflicts.push(strict ? (clientView(collection, serverState) as WireDocument) : serverState);
        continue;
      }
      const refusal = writeRefusal(
        user,
        collection,
        stored?.doc ?? null,
        row.next,
        vaultAccess,
        row.deleted,
        references,
      );
      if (refusal) refusals.push(`document "${row.id}": ${refusal}`);
      else changes.push({ before: stored?.doc ?? null, after: row.next, deleted: row.deleted });
    }
    if (refusals.length > 0) {
      const more = refusals.length > 1 ? ` (and ${refusals.length - 1} more)` : '';
      throw forbidden(`The push to ${collection} was refused whole: ${refusals[0]}${more}.`);
    }

    const writes: DocumentWrite[] = changes.map((c) => ({
      id: c.after.id as string,
      doc: c.after,
      deleted: c.deleted,
    }));
    await writeDocuments(tx, collection, writes, user.id);
    if (collection === 'clients') await resequenceVault(tx, clientsWithNewVaultAccess(changes));
    return { conflicts, changes };
  });
}

/**
 * The stored documents a client account's logbook entries name (tickets, interventions, the
 * entry corrected, the vault entry revealed), read in the push's transaction: the rules in
 * client-scope.ts decide whether each is of the entry's client and in the account's sight.
 * An entry corrected in the same batch (written offline with its correction) is named by the
 * batch's own version when the server holds none: that row passes the same rules or the whole
 * batch is refused, so nothing is written on the strength of a row that is not.
 */
async function logbookReferences(tx: Executor, rows: readonly ParsedRow[]): Promise<ClientReferences> {
  const wanted = new Map<CollectionName, Set<string>>();
  const want = (collection: CollectionName, id: unknown) => {
    if (typeof id !== 'string') return;
    const ids = wanted.get(collection) ?? new Set<string>();
    wanted.set(collection, ids.add(id));
  };
  for (const { next } of rows) {
    for (const [name, collection] of LOGBOOK_REFERENCES) want(collection, next[name]);
    want('vault', (next.reveal as { entryId?: unknown } | undefined)?.entryId);
  }
  const found = new Map<CollectionName, Map<string, StoredDocument>>();
  for (const [collection, ids] of wanted) found.set(collection, await currentDocuments(tx, collection, [...ids]));
  const batch = new Map(rows.map((row) => [row.id, row.next]));
  return (collection, id) =>
    found.get(collection)?.get(id)?.doc ?? (collection === 'logbook' ? (batch.get(id) ?? null) : null);
}

/** Clients whose vaultAccess list changed (or that were created or deleted). */
function clientsWithNewVaultAccess(changes: readonly Change[]): string[] {
  return changes
    .filter((c) => c.before === null || c.deleted || !sameJson(c.before.vaultAccess, c.after.vaultAccess))
    .map((c) => c.after.id as string);
}
