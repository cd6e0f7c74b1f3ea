/**
 * One valid document of any collection belonging to a given client, for the suites that check
 * what each account receives of whose documents. `users` documents belong through a client
 * account bound to the client; a `clients` document is the client itself.
 */
import type { CollectionName, DocumentOf } from '../../../shared/schemas';
import { writeDocuments } from '../../../server/services/document-store';
import {
  aClient,
  aContract,
  aLogbookEntry,
  aTicket,
  aUser,
  aVaultEntry,
  anEquipment,
  anIntervention,
  anAttachment,
  anInvoice,
  aReceipt,
} from './documents';
import type { TestServer } from './server';

export function docOf<C extends CollectionName>(
  collection: C,
  id: string,
  clientId: string,
  extra: { internal?: boolean; authorId?: string; authorName?: string } = {},
): DocumentOf<C> {
  const contractId = `ct-${clientId}`;
  const docs: { [K in CollectionName]: () => DocumentOf<K> } = {
    clients: () => aClient({ id, code: id.slice(0, 40) }),
    contracts: () => aContract({ id, clientId, number: id.slice(0, 40) }),
    equipment: () => anEquipment({ id, clientId }),
    tickets: () => aTicket({ id, clientId, contractId }),
    interventions: () =>
      anIntervention({
        id,
        clientId,
        contractId,
        segments: [
          { start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T09:10:00.000Z' },
          { start: '2026-03-02T10:00:00.000Z', end: '2026-03-02T10:25:30.000Z' },
        ],
        completedAt: '2026-03-02T10:25:30.000Z',
      }),
    logbook: () =>
      aLogbookEntry({
        id,
        clientId,
        internal: extra.internal ?? false,
        ...(extra.authorId ? { authorId: extra.authorId } : {}),
        ...(extra.authorName ? { authorName: extra.authorName } : {}),
      }),
    vault: () => aVaultEntry({ id, clientId }),
    users: () => aUser({ id, email: `${id}@test.fr`, role: 'client', clientIds: [clientId] }),
    invoices: () => anInvoice({ id, clientId, contractId }),
    attachments: () => anAttachment({ id, clientId }),
    receipts: () =>
      aReceipt({
        id,
        clientId,
        ...(extra.authorId ? { userId: extra.authorId } : {}),
        ...(extra.authorName ? { userName: extra.authorName } : {}),
      }),
  };
  return docs[collection]() as DocumentOf<C>;
}

/** Writes documents as the server would (no authorisation), each with a fresh seq. */
export async function store(server: TestServer, collection: CollectionName, docs: readonly object[]): Promise<void> {
  await server.db.orm.transaction((tx) =>
    writeDocuments(
      tx,
      collection,
      docs.map((doc) => ({ id: (doc as { id: string }).id, doc: doc as Record<string, unknown>, deleted: false })),
      'test',
    ),
  );
}
