/**
 * What a `client` account may read and write, collection by collection — the one table the
 * pull, push, stream and conflict answers all read (docs/server.md, "Authorisation matrix").
 *
 * `CLIENT_RULES` is typed by `CollectionName`: adding a collection without its rule does not
 * compile, and a test checks every collection has one at run time too. Each rule says
 * - `owner`: how a document belongs to a client — its `clientId` field, its own id (the client
 *   document itself), or, for `users`, the staff plus the account itself;
 * - `hidden`: documents of its own client a client account still never receives, written once
 *   in SQL (pulls filter before the limit) and once in JS (stream, push), kept equal by tests;
 * - `vaultGrant`: only the clients whose `vaultAccess` lists the account;
 * - `view`: what the account receives of a document it may read (absent: the stored document);
 * - `write`: the refusal of one write by the account (absent: the collection is read-only).
 *
 * The same ownership, without `hidden` and `view`, selects a client's documents for the
 * reversibility export made by a lead (services/export).
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  CLIENT_LOGBOOK_KINDS,
  type CollectionName,
  type DocumentOf,
  type Intervention,
  type LogbookEntry,
} from '../../shared/schemas';
import type { AuthUser } from '../../shared/sync';
import { vaultRevealRefusal } from './vault-reveal';

type Doc = Record<string, unknown>;

/**
 * The server's stored version of a document a pushed one names (deleted ones included: a
 * reveal made offline of an entry deleted meanwhile still happened), null when none exists.
 */
export type ClientReferences = (collection: CollectionName, id: string) => Doc | null;
export const NO_REFERENCES: ClientReferences = () => null;

/** What a client account's write is judged against besides the document itself. */
export type WriteContext = { vaultAccess: VaultGrants; references: ClientReferences };

/** Whose documents: a client account's clients (and the account), or a client being exported. */
export type ClientScope = { clientIds: readonly string[]; accountId: string | null };

export type ClientRule<C extends CollectionName> = {
  owner: 'clientId' | 'itself' | 'users';
  hidden?: { sql: SQL; test(doc: DocumentOf<C>): boolean };
  vaultGrant?: true;
  view?(doc: DocumentOf<C>): DocumentOf<C>;
  write?(account: AuthUser, current: DocumentOf<C> | null, next: DocumentOf<C>, context: WriteContext): string | null;
};

export const CLIENT_RULES: { [C in CollectionName]: ClientRule<C> } = {
  clients: {
    owner: 'itself',
    // The provider's own notes about the client stay with the provider.
    view: ({ notes: _notes, ...client }) => client,
  },
  contracts: { owner: 'clientId' },
  equipment: { owner: 'clientId' },
  tickets: { owner: 'clientId' },
  interventions: { owner: 'clientId', view: interventionForClient },
  logbook: {
    owner: 'clientId',
    hidden: { sql: sql`coalesce((doc->>'internal')::boolean, false)`, test: (entry) => entry.internal },
    write(account, current, next, context) {
      if (current) return 'the logbook is append-only: an existing entry cannot change';
      if (next.authorId !== account.id || next.authorName !== account.name) {
        return 'a main courante entry must be written as yourself (authorId, authorName)';
      }
      const revealRefusal = vaultRevealRefusal(account.id, next, context.vaultAccess);
      if (revealRefusal) return revealRefusal;
      if (next.kind === 'vault_reveal') {
        // The staff's rule, plus the entry itself: one of this client's, in the account's sight.
        const entryId = (next.reveal as { entryId: string }).entryId;
        if (!referenceInSight(account, 'vault', entryId, next.clientId, context)) {
          return `no vault entry "${entryId}" of client ${next.clientId} granted to you (reveal.entryId)`;
        }
      } else {
        if (next.internal) return 'a client account cannot write internal entries (internal)';
        if (!(CLIENT_LOGBOOK_KINDS as readonly string[]).includes(next.kind)) {
          return `a client account writes only ${CLIENT_LOGBOOK_KINDS.join(', ')} and vault_reveal entries (kind)`;
        }
      }
      for (const [name, collection] of LOGBOOK_REFERENCES) {
        const id = next[name];
        if (id !== undefined && !referenceInSight(account, collection, id, next.clientId, context)) {
          return `no ${LOGBOOK_REFERENCE_NAMES[name]} "${id}" of client ${next.clientId} (${name})`;
        }
      }
      return null;
    },
  },
  vault: { owner: 'clientId', vaultGrant: true },
  // The staff's names (who worked, who answered), never their emails, and no other account.
  users: {
    owner: 'users',
    view: (user) => {
      if (user.role === 'client') return user;
      const { email: _email, passwordChangeRequired: _pending, ...staff } = user;
      return staff;
    },
  },
  invoices: { owner: 'clientId' },
  // The technical file's diagrams (CP art. 5: the client's manager reads the dossier technique).
  attachments: { owner: 'clientId' },
  // How far the account has read its thread: its own receipts, only ever forward.
  receipts: {
    owner: 'clientId',
    write(account, current, next) {
      if (next.userId !== account.id || next.userName !== account.name) {
        return 'a reading receipt must be written as yourself (userId, userName)';
      }
      if (current && current.userId !== account.id) return 'this reading receipt is another account’s (userId)';
      if (current && next.readUpTo < current.readUpTo) return 'a reading receipt never goes back (readUpTo)';
      return null;
    },
  },
};

/**
 * What a client account sees of an intervention: one segment from the first start lasting the
 * measured total — exactly what billing (sum of segments, domain.md §3), the hotline allowance
 * and the 30-minute commitment (first start) read, so the client's device derives the same
 * units, balances and commitment states — but not the technician's pauses and resumptions.
 * While it runs, the running segment follows (the client sees since when work is under way);
 * the closed ones before it still count for the ticket's hotline allowance.
 */
export function interventionForClient(intervention: Intervention): Intervention {
  const { segments } = intervention;
  const first = segments[0];
  if (!first || segments.length === 1) return intervention;
  const last = segments[segments.length - 1] as Intervention['segments'][number];
  const running = last.end === undefined;
  const closed = running ? segments.slice(0, -1) : segments;
  let totalMs = 0;
  for (const segment of closed) totalMs += Date.parse(segment.end ?? segment.start) - Date.parse(segment.start);
  const collapsed = { start: first.start, end: new Date(Date.parse(first.start) + totalMs).toISOString() };
  return { ...intervention, segments: running ? [collapsed, { start: last.start }] : [collapsed] };
}

/** The documents a logbook entry may name, by field: each must be of the entry's own client. */
export const LOGBOOK_REFERENCES = [
  ['ticketId', 'tickets'],
  ['interventionId', 'interventions'],
  ['correctionOf', 'logbook'],
] as const satisfies readonly (readonly [keyof LogbookEntry, CollectionName])[];
const LOGBOOK_REFERENCE_NAMES = { ticketId: 'ticket', interventionId: 'intervention', correctionOf: 'entry' } as const;

/**
 * Whether `id` names a stored document of `clientId` the account may read. Another client's
 * document, an internal entry and an entry of a vault not granted are all answered as an id
 * that does not exist: the refusal then says nothing the account could not already see.
 */
function referenceInSight(
  account: AuthUser,
  collection: CollectionName,
  id: string,
  clientId: string,
  { vaultAccess, references }: WriteContext,
): boolean {
  const stored = references(collection, id);
  if (!stored || stored.clientId !== clientId) return false;
  return clientMayRead(account, collection, stored, vaultAccess);
}

/** The rule of a collection, for code that works on any collection. */
export function clientRule(collection: CollectionName): ClientRule<CollectionName> {
  return CLIENT_RULES[collection] as unknown as ClientRule<CollectionName>;
}

/** The clients an account reads the vault of: those of its clients whose vaultAccess lists it. */
export type VaultGrants = (clientId: string) => readonly string[];

/** Whether a document belongs to the scope's clients (the export's selection). */
export function ownedBy(collection: CollectionName, doc: Doc, scope: ClientScope): boolean {
  const rule = clientRule(collection);
  switch (rule.owner) {
    case 'clientId':
      return scope.clientIds.includes(String(doc.clientId));
    case 'itself':
      return scope.clientIds.includes(String(doc.id));
    case 'users': {
      if (doc.role !== 'client') return true;
      if (scope.accountId !== null) return doc.id === scope.accountId;
      const bound = Array.isArray(doc.clientIds) ? (doc.clientIds as unknown[]) : [];
      return bound.some((id) => scope.clientIds.includes(String(id)));
    }
  }
}

/** Whether a client account may receive this document (pull, stream, conflict answers). */
export function clientMayRead(
  account: AuthUser,
  collection: CollectionName,
  doc: Doc,
  vaultAccess: VaultGrants,
): boolean {
  const scope: ClientScope = { clientIds: account.clientIds ?? [], accountId: account.id };
  if (!ownedBy(collection, doc, scope)) return false;
  const rule = clientRule(collection);
  if (rule.hidden?.test(doc as DocumentOf<CollectionName>)) return false;
  if (rule.vaultGrant && !vaultAccess(String(doc.clientId)).includes(account.id)) return false;
  return true;
}

/** What a client account receives of a document it may read. */
export function clientView(collection: CollectionName, doc: Doc): Doc {
  const view = clientRule(collection).view;
  return view ? (view(doc as DocumentOf<CollectionName>) as Doc) : doc;
}

/**
 * Refusal of one write by a client account (null when allowed); the document must be its
 * client's. With no document (`next` null), whether the collection is writable at all.
 */
export function clientWriteRefusal(
  account: AuthUser,
  collection: CollectionName,
  current: Doc | null,
  next: Doc | null,
  context: WriteContext = { vaultAccess: () => [], references: NO_REFERENCES },
): string | null {
  const rule = clientRule(collection);
  if (!rule.write) return `client accounts cannot write ${collection}`;
  if (next === null) return null;
  const scope: ClientScope = { clientIds: account.clientIds ?? [], accountId: account.id };
  for (const doc of current ? [current, next] : [next]) {
    if (!ownedBy(collection, doc, scope)) return `this document is not one of your clients' (clientId)`;
  }
  return rule.write(account, current as DocumentOf<CollectionName> | null, next as DocumentOf<CollectionName>, context);
}
