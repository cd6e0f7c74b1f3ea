/**
 * The authorisation matrix with the `client` column (docs/server.md): every role × every
 * collection × pull, push and stream × a document of the client's own client and one of
 * another client. `cl-own` opens its vault to the technician, the lead and the client account;
 * `cl-other` only to its own client account; the admin holds no vault.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName, type DocumentOf } from '../../shared/schemas';
import type { PushRow, WireDocument } from '../../shared/sync';
import { BACKENDS } from './support/databases';
import { aClient, aUser } from './support/documents';
import { type Account, addClientAccount, pullAllAs, pushAs } from './support/client-accounts';
import { docOf, store } from './support/scoped-documents';
import { creations, startTestServer, type TestServer, type Who } from './support/server';
import { openStream, type OpenStream, streamedIds } from './support/sse';

type Actor = 'technician' | 'lead' | 'admin' | 'client';
const ACTORS: Actor[] = ['technician', 'lead', 'admin', 'client'];
const STAFF: Record<Exclude<Actor, 'client'>, Who> = { technician: 'tech', lead: 'lead', admin: 'admin' };

/**
 * [own client's document, other client's document]: R pulled, S streamed, W push accepted.
 * Staff see both alike except in the vault (per client grants); a client account only its own.
 */
const MATRIX: Record<CollectionName, Record<Actor, [own: string, other: string]>> = {
  clients: { technician: ['RS', 'RS'], lead: ['RWS', 'RWS'], admin: ['RWS', 'RWS'], client: ['RS', ''] },
  contracts: { technician: ['RS', 'RS'], lead: ['RWS', 'RWS'], admin: ['RWS', 'RWS'], client: ['RS', ''] },
  equipment: { technician: ['RWS', 'RWS'], lead: ['RWS', 'RWS'], admin: ['RWS', 'RWS'], client: ['RS', ''] },
  tickets: { technician: ['RWS', 'RWS'], lead: ['RWS', 'RWS'], admin: ['RWS', 'RWS'], client: ['RS', ''] },
  interventions: { technician: ['RWS', 'RWS'], lead: ['RWS', 'RWS'], admin: ['RWS', 'RWS'], client: ['RS', ''] },
  logbook: { technician: ['RWS', 'RWS'], lead: ['RWS', 'RWS'], admin: ['RWS', 'RWS'], client: ['RWS', ''] },
  vault: { technician: ['RWS', ''], lead: ['RWS', ''], admin: ['', ''], client: ['RS', ''] },
  users: { technician: ['RS', 'RS'], lead: ['RS', 'RS'], admin: ['RS', 'RS'], client: ['RS', ''] },
  invoices: { technician: ['', ''], lead: ['RS', 'RS'], admin: ['RS', 'RS'], client: ['RS', ''] },
  attachments: { technician: ['RWS', 'RWS'], lead: ['RWS', 'RWS'], admin: ['RWS', 'RWS'], client: ['RS', ''] },
  // Reading receipts: the client accounts' own, read by the staff.
  receipts: { technician: ['RS', 'RS'], lead: ['RS', 'RS'], admin: ['RS', 'RS'], client: ['RWS', ''] },
};

const SIDES = ['own', 'other'] as const;
type Side = (typeof SIDES)[number];
const clientOf: Record<Side, string> = { own: 'cl-own', other: 'cl-other' };

describe.each(BACKENDS)('authorisation matrix with client accounts on %s', (backend) => {
  let server: TestServer;
  let url: string;
  let client: Account;
  let otherClient: Account;
  const streams = {} as Record<Actor, OpenStream>;
  /** The fixture document of each collection and side (users: each client's account). */
  const fixture = {} as Record<CollectionName, Record<Side, string>>;

  const token = async (actor: Actor) => (actor === 'client' ? client.token : server.token(STAFF[actor]));
  const userId = (actor: Actor) => (actor === 'client' ? client.user.id : server.users[STAFF[actor]].id);
  const userName = (actor: Actor) => (actor === 'client' ? client.user.name : server.users[STAFF[actor]].name);

  beforeAll(async () => {
    server = await startTestServer(backend);
    url = await server.listen();
    await store(server, 'clients', [aClient({ id: 'cl-own' }), aClient({ id: 'cl-other', code: 'C-OTHER' })]);
    client = await addClientAccount(server, ['cl-own'], 'claire@own.fr');
    otherClient = await addClientAccount(server, ['cl-other'], 'oscar@other.fr', 'Oscar Autre');
    const { tech, lead } = server.users;
    await store(server, 'clients', [
      aClient({ id: 'cl-own', vaultAccess: [tech.id, lead.id, client.user.id], notes: 'Client exigeant.' }),
      aClient({ id: 'cl-other', code: 'C-OTHER', vaultAccess: [otherClient.user.id] }),
    ]);
    for (const actor of ACTORS) {
      streams[actor] = await openStream(url, await token(actor));
      await streams[actor].waitFor((m) => m[0] === 'RESYNC');
    }
    for (const collection of COLLECTION_NAMES) {
      fixture[collection] = { own: `${collection}-own`, other: `${collection}-other` };
      if (collection === 'clients') {
        fixture.clients = { own: 'cl-own', other: 'cl-other' };
        continue;
      }
      if (collection === 'users') {
        fixture.users = { own: client.user.id, other: otherClient.user.id };
        continue;
      }
      await store(
        server,
        collection,
        SIDES.map((side) => docOf(collection, fixture[collection][side], clientOf[side])),
      );
    }
    // Rewritten last, so every stream has them after everything else of their collection.
    await store(server, 'clients', [
      aClient({ id: 'cl-own', vaultAccess: [tech.id, lead.id, client.user.id], notes: 'Client exigeant.' }),
      aClient({ id: 'cl-other', code: 'C-OTHER', vaultAccess: [otherClient.user.id] }),
    ]);
    await store(server, 'users', [
      docOf('users', client.user.id, 'cl-own'),
      docOf('users', otherClient.user.id, 'cl-other'),
    ]);
    // Leads read everything but cl-other's vault: once they have every collection's last row,
    // the hub has sent each batch to every subscriber (one loop per batch).
    await streams.lead.waitFor((m) =>
      COLLECTION_NAMES.every((c) => streamedIds(m, c).includes(c === 'vault' ? fixture.vault.own : fixture[c].other)),
    );
    // A staff user every account reads, written after all of that was sent: a socket delivers in
    // order, so a stream that has it has everything it was ever going to be sent before.
    await store(server, 'users', [aUser({ id: 'u-zz-marker', email: 'marker@test.fr', name: 'Marqueur' })]);
  }, 60_000);
  afterAll(async () => {
    for (const actor of ACTORS) streams[actor].close();
    await server.close();
  });

  const cells = ACTORS.flatMap((actor) =>
    COLLECTION_NAMES.flatMap((collection) => SIDES.map((side) => [actor, collection, side] as const)),
  );
  const expects = (actor: Actor, collection: CollectionName, side: Side, op: 'R' | 'W' | 'S') =>
    MATRIX[collection][actor][side === 'own' ? 0 : 1].includes(op);

  it.each(cells)('%s pulling %s of the %s client', async (actor, collection, side) => {
    const allowed = expects(actor, collection, side, 'R');
    const pulled = await pullAllAs(server, await token(actor), collection).catch((error: Error) => error);
    if (pulled instanceof Error) {
      // A whole collection refused (technicians and invoices) is a refusal of every document.
      expect(allowed).toBe(false);
      expect(pulled.message).toMatch(/ 403 /);
      return;
    }
    expect(pulled.map((d) => d.id).includes(fixture[collection][side])).toBe(allowed);
  });

  it.each(cells)('%s streamed %s of the %s client', async (actor, collection, side) => {
    await streams[actor].waitFor((m) => streamedIds(m, 'users').includes('u-zz-marker'));
    const ids = streamedIds(streams[actor].messages, collection);
    expect(ids.includes(fixture[collection][side])).toBe(expects(actor, collection, side, 'S'));
  });

  it.each(cells)('%s pushing to %s of the %s client', async (actor, collection, side) => {
    const id = `${collection}-push-${actor}-${side}`.slice(0, 64);
    const clientId = clientOf[side];
    const me = userId(actor);
    let row: PushRow;
    if (collection === 'clients') {
      // An edit of the client document itself, from the version the server holds.
      const current = (await pullAllAs(server, await server.token('lead'), 'clients')).find((d) => d.id === clientId);
      const next = { ...(current as WireDocument), notes: `Vu par ${actor}` };
      row = { assumedMasterState: current as WireDocument, newDocumentState: next };
    } else {
      const doc = {
        ...docOf(collection, id, clientId, { authorId: me, authorName: userName(actor) }),
        ...(collection === 'interventions' ? { technicianId: me } : {}),
        ...(collection === 'vault' || collection === 'attachments' ? { createdBy: me } : {}),
      } as DocumentOf<CollectionName>;
      row = creations([doc])[0] as PushRow;
    }
    const response = await pushAs(server, await token(actor), collection, [row]);
    const allowed = expects(actor, collection, side, 'W');
    expect(response.statusCode, response.body).toBe(allowed ? 200 : 403);
    if (allowed) expect(response.json()).toEqual([]);
    else if (collection !== 'clients') {
      // Refused whole, nothing written.
      const everything = await pullAllAs(server, await server.token('lead'), collection);
      expect(everything.map((d) => d.id)).not.toContain(id);
    }
  });
});
