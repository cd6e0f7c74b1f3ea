/**
 * What every repository needs: the collections, the signed-in user, a clock (injected, so tests
 * and the "when did the work really end" dialog control time) and a validated write.
 */
import type { RxCollection, RxDocument } from 'rxdb';
import { map, type Observable } from 'rxjs';
import { validateDocument, type CollectionName, type DocumentOf, type Role } from '../../shared/schemas';
import type { CadranDatabase } from './database';
import { InvalidDocumentError } from './errors';

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** A client account's clients (the extranet shows only those). */
  clientIds?: string[] | undefined;
  passwordChangeRequired?: boolean | undefined;
};

export type Store = {
  db: CadranDatabase;
  user: SessionUser;
  now: () => Date;
  /** Told of every local write (sync counts what waits for the server). */
  onWrite?: (collection: CollectionName, document: { id: string; updatedAt: string }) => void;
};

/** New document id: a prefix saying the collection, then a random UUID. */
export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID()}`;
}

/** Validates with the shared schema, then writes (insert or replace). Nothing invalid is stored. */
export async function putDocument<C extends CollectionName>(
  store: Store,
  collection: C,
  document: DocumentOf<C>,
): Promise<DocumentOf<C>> {
  const result = validateDocument(collection, document, { now: store.now().getTime() });
  if (!result.ok) throw new InvalidDocumentError(collection, result.failure);
  const rx = store.db.collections[collection] as unknown as RxCollection<DocumentOf<C>>;
  await rx.upsert(result.document);
  store.onWrite?.(collection, result.document);
  return result.document;
}

/**
 * Plain JSON of a document, without RxDB's metadata: features never hold RxDocuments. Safe to
 * share: RxDB hands out frozen, immutable data.
 */
export function plain<T>(doc: RxDocument<T>): T {
  return doc.toJSON() as T;
}

export function plainList$<T>(query: { $: Observable<RxDocument<T>[]> }): Observable<T[]> {
  return query.$.pipe(map((docs) => docs.map((doc) => plain(doc))));
}

export function plainOne$<T>(query: { $: Observable<RxDocument<T> | null> }): Observable<T | null> {
  return query.$.pipe(map((doc) => (doc ? plain(doc) : null)));
}

export async function getDocument<C extends CollectionName>(
  store: Store,
  collection: C,
  id: string,
): Promise<DocumentOf<C> | null> {
  const rx = store.db.collections[collection] as unknown as RxCollection<DocumentOf<C>>;
  const doc = await rx.findOne(id).exec();
  return doc ? plain(doc) : null;
}
