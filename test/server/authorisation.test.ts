/**
 * The authorisation matrix (docs/server.md): each role × each collection × pull, push and
 * stream, then the per-document rules (own interventions, validation, append-only logbook,
 * vault access whatever the role, whole-batch refusal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName } from '../../shared/schemas';
import type { PullResponse } from '../../shared/sync';
import { writeDocuments } from '../../server/services/document-store';
import { BACKENDS } from './support/databases';
import {
  aClient,
  aContract,
  aLogbookEntry,
  aTicket,
  aUser,
  aVaultEntry,
  anAttachment,
  aReceipt,
  anEquipment,
  anIntervention,
  anInvoice,
} from './support/documents';
import { creations, startTestServer, type TestServer, update, type Who } from './support/server';
import { openStream, type OpenStream, streamedIds } from './support/sse';

const ROLES: Who[] = ['tech', 'lead', 'admin'];

describe.each(BACKENDS)('authorisation matrix on %s', (backend) => {
  let server: TestServer;
  let url: string;
  beforeAll(async () => {
    server = await startTestServer(backend);
    url = await server.listen();
    // cl-a's vault is open to the technician, cl-b's to the lead; the admin is in neither.
    await server.push(
      'lead',
      'clients',
      creations([
        aClient({ id: 'cl-a', vaultAccess: [server.users.tech.id] }),
        aClient({ id: 'cl-b', code: 'C-B', vaultAccess: [server.users.lead.id] }),
      ]),
    );
    await server.push('lead', 'contracts', creations([aContract({ id: 'ct-a', clientId: 'cl-a' })]));
  });
  afterAll(() => server.close());

  /** A write each role would typically make in each collection (as itself, to a vault it holds). */
  const typicalWrite = (who: Who, collection: CollectionName, n: string): object => {
    const me = server.users[who].id;
    const vaultClient = who === 'tech' ? 'cl-a' : 'cl-b';
    return {
      clients: aClient({ id: `cl-${n}` }),
      contracts: aContract({ id: `ct-${n}`, clientId: 'cl-a' }),
      equipment: anEquipment({ id: `eq-${n}`, clientId: 'cl-a' }),
      tickets: aTicket({ id: `tk-${n}`, clientId: 'cl-a', contractId: 'ct-a', createdBy: me }),
      interventions: anIntervention({ id: `iv-${n}`, clientId: 'cl-a', contractId: 'ct-a', technicianId: me }),
      logbook: aLogbookEntry({ id: `lb-${n}`, clientId: 'cl-a', authorId: me }),
      vault: aVaultEntry({ id: `vt-${n}`, clientId: vaultClient, createdBy: me }),
      users: aUser({ id: `u-${n}` }),
      invoices: anInvoice({ id: `ct-a:ut:${n.length + 10}`, contractId: 'ct-a', clientId: 'cl-a' }),
      attachments: anAttachment({ id: `at-${n}`, clientId: 'cl-a', createdBy: me }),
      receipts: aReceipt({ id: `rc-${n}`, clientId: 'cl-a', userId: me }),
    }[collection];
  };

  const PUSH_ALLOWED: Record<CollectionName, Who[]> = {
    clients: ['lead', 'admin'],
    contracts: ['lead', 'admin'],
    equipment: ['tech', 'lead', 'admin'],
    tickets: ['tech', 'lead', 'admin'],
    interventions: ['tech', 'lead', 'admin'],
    logbook: ['tech', 'lead', 'admin'],
    // The admin holds no vault: access is per client, whatever the role.
    vault: ['tech', 'lead'],
    users: [],
    invoices: [],
    attachments: ['tech', 'lead', 'admin'],
    // Written by client accounts only (client-matrix.test.ts).
    receipts: [],
  };

  describe('push', () => {
    const cases = ROLES.flatMap((who) => COLLECTION_NAMES.map((collection) => [who, collection] as const));
    it.each(cases)('%s pushing to %s', async (who, collection) => {
      const response = await server.push(who, collection, creations([typicalWrite(who, collection, `push-${who}`)]));
      if (PUSH_ALLOWED[collection].includes(who)) {
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json()).toEqual([]);
      } else {
        expect(response.statusCode).toBe(403);
        expect(response.json().error).toBe('forbidden');
      }
    });
  });

  describe('pull', () => {
    it.each(ROLES)('%s pulls every collection but invoices are for leads and admins only', async (who) => {
      for (const collection of COLLECTION_NAMES) {
        const response = await server.pull(who, collection);
        const allowed = collection !== 'invoices' || who !== 'tech';
        expect(response.statusCode, `${who} pull ${collection}`).toBe(allowed ? 200 : 403);
      }
    });

    it.each([
      ['tech', ['cl-a']],
      ['lead', ['cl-b']],
      ['admin', []],
    ] as const)('%s pulls the vault entries of the clients granting them only', async (who, clients) => {
      await writeDocuments(
        server.db.orm,
        'vault',
        [
          { id: 'vt-pull-a', doc: aVaultEntry({ id: 'vt-pull-a', clientId: 'cl-a' }), deleted: false },
          { id: 'vt-pull-b', doc: aVaultEntry({ id: 'vt-pull-b', clientId: 'cl-b' }), deleted: false },
        ],
        'test',
      );
      const documents = await server.pullAll(who, 'vault');
      expect([...new Set(documents.map((d) => d.clientId))].sort()).toEqual(clients);
    });

    it('never hands out a secret in users documents', async () => {
      const users = await server.pullAll('tech', 'users');
      expect(users.length).toBeGreaterThanOrEqual(4);
      for (const user of users)
        expect(Object.keys(user).sort()).toEqual(['_deleted', 'active', 'email', 'id', 'name', 'role', 'updatedAt']);
    });
  });

  describe('stream', () => {
    it('sends each role only what it may read, vault entries only to granted users', async () => {
      const streams = {} as Record<Who, OpenStream>;
      for (const who of ROLES) {
        streams[who] = await openStream(url, await server.token(who));
        await streams[who].waitFor((m) => m[0] === 'RESYNC');
      }
      for (const collection of COLLECTION_NAMES) {
        const doc =
          collection === 'vault'
            ? aVaultEntry({ id: 'vt-stream-a', clientId: 'cl-a' })
            : typicalWrite('lead', collection, 'stream');
        await writeDocuments(
          server.db.orm,
          collection,
          [{ id: (doc as { id: string }).id, doc: doc as Record<string, unknown>, deleted: false }],
          'test',
        );
      }
      await writeDocuments(
        server.db.orm,
        'vault',
        [{ id: 'vt-stream-b', doc: aVaultEntry({ id: 'vt-stream-b', clientId: 'cl-b' }), deleted: false }],
        'test',
      );
      const expected: Record<Who, CollectionName[]> = {
        tech: COLLECTION_NAMES.filter((c) => c !== 'invoices'),
        lead: [...COLLECTION_NAMES],
        admin: COLLECTION_NAMES.filter((c) => c !== 'vault'),
        tech2: [],
      };
      // Collections are fanned out independently: wait for each expected one...
      for (const who of ROLES)
        await streams[who].waitFor((m) => expected[who].every((c) => streamedIds(m, c).length > 0));
      // ...then a marker written last: a socket delivers in order, so anything refused would have come before it.
      await writeDocuments(
        server.db.orm,
        'tickets',
        [{ id: 'tk-stream-end', doc: aTicket({ id: 'tk-stream-end' }), deleted: false }],
        'test',
      );
      for (const who of ROLES) await streams[who].waitFor((m) => streamedIds(m, 'tickets').includes('tk-stream-end'));

      const received = (who: Who) => COLLECTION_NAMES.filter((c) => streamedIds(streams[who].messages, c).length > 0);
      for (const who of ROLES) expect(received(who)).toEqual(expected[who]);
      expect(streamedIds(streams.tech.messages, 'vault')).toEqual(['vt-stream-a']);
      expect(streamedIds(streams.lead.messages, 'vault')).toEqual(['vt-stream-b']);
      for (const who of ROLES) streams[who].close();
    });
  });
});

describe.each(BACKENDS)('document rules on %s', (backend) => {
  let server: TestServer;
  let techId: string;
  let leadId: string;
  beforeAll(async () => {
    server = await startTestServer(backend);
    techId = server.users.tech.id;
    leadId = server.users.lead.id;
    await server.push(
      'lead',
      'clients',
      creations([
        aClient({ id: 'cl-a', vaultAccess: [techId] }),
        aClient({ id: 'cl-b', code: 'C-B', vaultAccess: [leadId] }),
      ]),
    );
  });
  afterAll(() => server.close());

  it('lets a technician push only their own interventions, and refuses the whole batch naming the document', async () => {
    const mine = anIntervention({ id: 'iv-mine', technicianId: techId });
    const theirs = anIntervention({ id: 'iv-theirs', technicianId: server.users.tech2.id });
    const response = await server.push('tech', 'interventions', creations([mine, theirs]));
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe(
      'The push to interventions was refused whole: document "iv-theirs": a technician can only push their own interventions (technicianId).',
    );
    expect(await server.pullAll('lead', 'interventions')).toEqual([]);
    // Taking over a colleague's intervention is refused too.
    await server.push('tech2', 'interventions', creations([theirs]));
    expect(
      (await server.push('tech', 'interventions', [update(theirs, { ...theirs, technicianId: techId })])).statusCode,
    ).toBe(403);
  });

  it('lets only leads and admins validate, as themselves, and locks what they validated', async () => {
    const done = anIntervention({ id: 'iv-done', technicianId: techId });
    await server.push('tech', 'interventions', creations([done]));
    const selfValidated = { ...done, validatedAt: '2026-03-03T08:00:00.000Z', validatedBy: techId };
    expect((await server.push('tech', 'interventions', [update(done, selfValidated)])).json().message).toMatch(
      /only leads and admins validate/,
    );
    const asSomeoneElse = { ...done, validatedAt: '2026-03-03T08:00:00.000Z', validatedBy: server.users.admin.id };
    expect((await server.push('lead', 'interventions', [update(done, asSomeoneElse)])).json().message).toMatch(
      /validatedBy/,
    );
    const validated = { ...done, validatedAt: '2026-03-03T08:00:00.000Z', validatedBy: leadId };
    expect((await server.push('lead', 'interventions', [update(done, validated)])).json()).toEqual([]);

    for (const who of ['tech', 'lead'] as const) {
      const edit = await server.push(who, 'interventions', [
        update(validated, { ...validated, report: 'changed afterwards' }),
      ]);
      expect(edit.statusCode).toBe(403);
      expect(edit.json().message).toMatch(/validated and locked/);
    }
    // A device that edited offline before the validation gets the validated version back, not a refusal.
    const stale = await server.push('tech', 'interventions', [update(done, { ...done, report: 'offline edit' })]);
    expect(stale.statusCode).toBe(200);
    expect(stale.json()).toEqual([{ ...validated, _deleted: false }]);
    // A correction is a new record, which the technician may push.
    const correction = anIntervention({
      id: 'iv-fix',
      technicianId: techId,
      correctionOf: 'iv-done',
      correctionReason: 'durée erronée',
    });
    expect((await server.push('tech', 'interventions', creations([correction]))).json()).toEqual([]);
  });

  it('keeps the logbook append-only and written as oneself', async () => {
    const written = aLogbookEntry({ id: 'lb-1', authorId: techId });
    expect((await server.push('tech', 'logbook', creations([written]))).json()).toEqual([]);
    // What the server holds: the entry with the server's order stamped in.
    const { _deleted: _d, ...entry } = (await server.pullAll('tech', 'logbook')).find((d) => d.id === 'lb-1') ?? {};
    expect(entry).toMatchObject({ ...written, serverSeq: expect.any(Number) });
    for (const who of ['tech', 'lead', 'admin'] as const) {
      const edit = await server.push(who, 'logbook', [update(entry, { ...entry, text: 'rewritten' })]);
      expect(edit.statusCode).toBe(403);
      expect(edit.json().message).toMatch(/append-only/);
    }
    expect((await server.push('tech', 'logbook', [update(entry, entry, true)])).statusCode).toBe(403);
    const forged = await server.push('tech', 'logbook', creations([aLogbookEntry({ id: 'lb-2', authorId: leadId })]));
    expect(forged.json().message).toMatch(/as yourself/);
  });

  it('lets only leads and admins plan, move or cancel planned services', async () => {
    const planned = aTicket({
      id: 'tk-planned',
      clientId: 'cl-a',
      contractId: 'ct-a',
      nature: 'preventive',
      plannedService: 'C',
      dueDate: '2026-03-31',
      plannedFor: '2026-03-16',
      occurrence: { yearStart: '2026-01-15', index: 2 },
      createdBy: leadId,
    });
    const forged = await server.push('tech', 'tickets', creations([{ ...planned, id: 'tk-forged' }]));
    expect(forged.statusCode).toBe(403);
    expect(forged.json().message).toMatch(/only leads and admins plan, move or cancel planned services/);
    expect((await server.push('lead', 'tickets', creations([planned]))).json()).toEqual([]);

    const cancelled = {
      ...planned,
      cancellation: { at: '2026-03-10T09:00:00.000Z', by: techId, reason: 'pas le temps', requestedBy: 'client' },
    };
    const cancel = await server.push('tech', 'tickets', [update(planned, cancelled)]);
    expect(cancel.statusCode).toBe(403);
    expect(cancel.json().message).toMatch(/\(cancellation\)/);
    const move = await server.push('tech', 'tickets', [update(planned, { ...planned, plannedFor: '2026-03-20' })]);
    expect(move.json().message).toMatch(/\(plannedFor\)/);
    // The rest of the ticket stays the team's: the technician takes it and changes its status.
    const taken = { ...planned, assigneeId: techId, status: 'in_progress' as const };
    expect((await server.push('tech', 'tickets', [update(planned, taken)])).json()).toEqual([]);
    const moved = { ...taken, plannedFor: '2026-03-20' };
    expect((await server.push('lead', 'tickets', [update(taken, moved)])).json()).toEqual([]);
  });

  it('keeps vault entries from users the client does not list, without revealing them through conflicts', async () => {
    await server.push('lead', 'vault', creations([aVaultEntry({ id: 'vt-b', clientId: 'cl-b' })]));
    // A hidden id is answered exactly as an unknown one: the answer tells nothing about it.
    const probe = await server.push('tech', 'vault', creations([aVaultEntry({ id: 'vt-b', clientId: 'cl-a' })]));
    const unknown = await server.push('tech', 'vault', creations([aVaultEntry({ id: 'vt-new', clientId: 'cl-a' })]));
    expect([probe.statusCode, probe.json()]).toEqual([unknown.statusCode, unknown.json()]);
    expect(probe.json()).toEqual([]);
    const hiddenRefused = await server.push(
      'tech',
      'vault',
      creations([aVaultEntry({ id: 'vt-b', clientId: 'cl-b' })]),
    );
    const unknownRefused = await server.push(
      'tech',
      'vault',
      creations([aVaultEntry({ id: 'vt-x', clientId: 'cl-b' })]),
    );
    expect(hiddenRefused.statusCode).toBe(403);
    expect(hiddenRefused.json().message.replace('vt-b', 'ID')).toBe(
      unknownRefused.json().message.replace('vt-x', 'ID'),
    );
    expect(hiddenRefused.body).not.toMatch(/ciphertext/);
    // Nothing was written over the hidden entry.
    const stored = (await server.pullAll('lead', 'vault')).find((d) => d.id === 'vt-b');
    expect(stored).toEqual({ ...aVaultEntry({ id: 'vt-b', clientId: 'cl-b' }), _deleted: false });
    const move = await server.push('lead', 'vault', [
      update(aVaultEntry({ id: 'vt-b', clientId: 'cl-b' }), aVaultEntry({ id: 'vt-b', clientId: 'cl-a' })),
    ]);
    expect(move.json().message).toMatch(/vault of client cl-a/);
  });

  it('delivers earlier vault entries to a user granted access later', async () => {
    await server.push('lead', 'vault', creations([aVaultEntry({ id: 'vt-old', clientId: 'cl-b' })]));
    const before = (await server.pull('tech', 'vault', null, 1000)).json<PullResponse>();
    expect(before.documents.map((d) => d.id)).not.toContain('vt-old');

    const clientB = aClient({ id: 'cl-b', code: 'C-B', vaultAccess: [leadId] });
    await server.push('lead', 'clients', [update(clientB, { ...clientB, vaultAccess: [leadId, techId] })]);
    const after = (await server.pull('tech', 'vault', before.checkpoint, 1000)).json<PullResponse>();
    expect(after.documents.map((d) => d.id)).toContain('vt-old');
  });

  it('lets a technician keep a client’s providers and network up to date, and nothing else of it', async () => {
    const client = aClient({ id: 'cl-a', vaultAccess: [techId] });
    const providers = [
      {
        name: 'Orange Business',
        service: 'Opérateur télécom',
        category: 'telecom' as const,
        supportNumbers: [{ label: 'Support 24/7', phone: '3901' }],
        references: [{ label: 'Contrat fibre', reference: 'FTTO-42' }],
      },
    ];
    const network = {
      sites: [{ name: 'Siège' }],
      subnets: [{ cidr: '192.168.1.0/24', name: 'LAN' }],
      publicIps: [],
      links: [],
    };
    const edited = { ...client, providers, network };
    expect((await server.push('tech', 'clients', [update(client, edited)])).json()).toEqual([]);
    for (const [fieldName, value] of [
      ['vaultAccess', [techId, server.users.tech2.id]],
      ['name', 'Autre nom'],
      ['notes', 'ajouté'],
    ] as const) {
      const response = await server.push('tech', 'clients', [update(edited, { ...edited, [fieldName]: value })]);
      expect(response.statusCode).toBe(403);
      expect(response.json().message).toContain(`not ${fieldName}`);
    }
    const created = await server.push('tech', 'clients', creations([aClient({ id: 'cl-new', code: 'C-N' })]));
    expect(created.json().message).toMatch(/only leads and admins create clients/);
  });

  it('writes attachments once, as oneself, deleted only by their author or a lead', async () => {
    const mine = anAttachment({ id: 'at-mine', clientId: 'cl-a', createdBy: techId });
    expect((await server.push('tech', 'attachments', creations([mine]))).json()).toEqual([]);
    const forged = await server.push(
      'tech',
      'attachments',
      creations([anAttachment({ id: 'at-f', createdBy: leadId })]),
    );
    expect(forged.json().message).toMatch(/as yourself/);
    const changed = await server.push('tech', 'attachments', [update(mine, { ...mine, note: 'v2' })]);
    expect(changed.json().message).toMatch(/never changes/);
    expect((await server.push('tech2', 'attachments', [update(mine, mine, true)])).json().message).toMatch(
      /only its author or a lead/,
    );
    expect((await server.push('tech', 'attachments', [update(mine, mine, true)])).json()).toEqual([]);
    const leads = anAttachment({ id: 'at-2', clientId: 'cl-a', createdBy: techId, version: 2 });
    await server.push('tech', 'attachments', creations([leads]));
    expect((await server.push('lead', 'attachments', [update(leads, leads, true)])).json()).toEqual([]);
  });

  it('caps a pull of attachments at a few documents, whatever limit is asked', async () => {
    const docs = Array.from({ length: 6 }, (_, i) =>
      anAttachment({ id: `at-cap-${i}`, clientId: 'cl-a', createdBy: techId, version: i + 1 }),
    );
    for (const doc of docs) await server.push('tech', 'attachments', creations([doc]));
    const page = (await server.pull('tech', 'attachments', null, 1000)).json<PullResponse>();
    expect(page.documents).toHaveLength(4);
  });

  it('takes a vault reveal only as an internal entry, from a user the client’s vault grants', async () => {
    const reveal = (id: string, overrides: object = {}) =>
      aLogbookEntry({
        id,
        clientId: 'cl-a',
        authorId: techId,
        kind: 'vault_reveal',
        internal: true,
        text: 'Mot de passe affiché : Pare-feu',
        reveal: { entryId: 'vt-a-1', action: 'reveal', deviceId: 'dev-1', deviceName: 'Linux · web' },
        ...overrides,
      });
    expect((await server.push('tech', 'logbook', creations([reveal('lb-r1')]))).json()).toEqual([]);
    expect(
      (await server.push('tech', 'logbook', creations([reveal('lb-r2', { internal: false })]))).json().message,
    ).toMatch(/internal/);
    expect(
      (await server.push('tech', 'logbook', creations([reveal('lb-r3', { clientId: 'cl-none' })]))).json().message,
    ).toMatch(/vault of client cl-none/);
    const note = aLogbookEntry({ id: 'lb-r4', authorId: techId, reveal: reveal('x').reveal });
    expect((await server.push('tech', 'logbook', creations([note]))).json().message).toMatch(/carries reveal/);
    const bare = reveal('lb-r5');
    delete (bare as Partial<typeof bare>).reveal;
    expect((await server.push('tech', 'logbook', creations([bare]))).json().message).toMatch(/carries reveal/);
    // Leads read the reveals of every client, vault access or not.
    const entries = await server.pullAll('lead', 'logbook');
    expect(entries.filter((e) => e.kind === 'vault_reveal').map((e) => e.id)).toEqual(['lb-r1']);
  });

  it('lets leads and admins create users, a lead never an admin', async () => {
    const create = async (who: Who, role: string, email: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { authorization: `Bearer ${await server.token(who)}` },
        payload: { email, name: 'Nouvelle Recrue', role, password: 'a good long password' },
      });
    expect((await create('tech', 'technician', 'n1@test.fr')).statusCode).toBe(403);
    const byLead = await create('lead', 'technician', 'n2@test.fr');
    expect(byLead.statusCode).toBe(201);
    expect(byLead.json()).toEqual({
      id: expect.stringMatching(/^u-/),
      email: 'n2@test.fr',
      name: 'Nouvelle Recrue',
      role: 'technician',
    });
    expect((await create('lead', 'admin', 'n3@test.fr')).json().message).toBe('only an admin can create an admin.');
    expect((await create('admin', 'admin', 'n3@test.fr')).statusCode).toBe(201);
    expect((await create('admin', 'lead', 'N2@test.fr')).statusCode).toBe(409);
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'n2@test.fr', password: 'a good long password' },
    });
    expect(login.statusCode).toBe(200);
    expect((await server.pullAll('tech', 'users')).map((u) => u.email)).toContain('n2@test.fr');
  });
});
