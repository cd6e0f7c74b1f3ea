/**
 * Client accounts end to end on the server: a lead invites one with a one-time password, the
 * account is refused everything until it changes it, then reads its client as the extranet
 * shows it and writes main courante entries as itself — nothing else.
 */
import { sql } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/database';
import { type Intervention, type User } from '../../shared/schemas';
import { type CreatedAccount, type LoginResponse, PASSWORD_CHANGE_REQUIRED } from '../../shared/sync';
import { BACKENDS } from './support/databases';
import { aClient, aVaultEntry } from './support/documents';
import { addClientAccount, loginToken, pullAllAs, pullAs, pushAs } from './support/client-accounts';
import { docOf, store } from './support/scoped-documents';
import { creations, startTestServer, type TestServer, update } from './support/server';
import { openStream } from './support/sse';

describe.each(BACKENDS)('client accounts on %s', (backend) => {
  let server: TestServer;
  let url: string;
  beforeAll(async () => {
    server = await startTestServer(backend);
    url = await server.listen();
    await store(server, 'clients', [
      aClient({ id: 'cl-a', notes: 'Interne au prestataire.' }),
      aClient({ id: 'cl-b', code: 'C-B' }),
    ]);
  });
  afterAll(() => server.close());

  const invite = async (by: 'lead' | 'tech', body: object) =>
    server.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { authorization: `Bearer ${await server.token(by)}` },
      payload: body,
    });

  it('is invited by a lead with a one-time password it must change before it can sync', async () => {
    const created = await invite('lead', {
      email: 'Gerant@Boulangerie.fr',
      name: 'Gérard Gérant',
      role: 'client',
      clientIds: ['cl-a'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const account = created.json<CreatedAccount>();
    expect(account).toMatchObject({ email: 'gerant@boulangerie.fr', role: 'client', clientIds: ['cl-a'] });
    expect(account.oneTimePassword).toMatch(/^[A-Za-z0-9]{18}$/);

    const login = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'gerant@boulangerie.fr', password: account.oneTimePassword },
    });
    const session = login.json<LoginResponse>();
    expect(session.user).toMatchObject({ role: 'client', clientIds: ['cl-a'], passwordChangeRequired: true });
    const auth = { authorization: `Bearer ${session.accessToken}` };

    const pull = await pullAs(server, session.accessToken, 'tickets');
    expect(pull.statusCode).toBe(403);
    expect(pull.json().error).toBe(PASSWORD_CHANGE_REQUIRED);
    expect((await pushAs(server, session.accessToken, 'logbook', [])).statusCode).toBe(403);
    const stream = await openStream(url, session.accessToken);
    expect(stream.status).toBe(403);
    stream.close();

    const change = (body: object) =>
      server.app.inject({ method: 'POST', url: '/api/auth/password', headers: auth, payload: body });
    expect((await change({ currentPassword: 'wrong one', newPassword: 'a brand new password' })).statusCode).toBe(403);
    const short = await change({ currentPassword: account.oneTimePassword, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toBe('newPassword: at least 10 characters');
    const changed = await change({ currentPassword: account.oneTimePassword, newPassword: 'pain au chocolat 2026' });
    expect(changed.statusCode, changed.body).toBe(200);
    const fresh = changed.json<LoginResponse>();
    expect(fresh.user.passwordChangeRequired).toBeUndefined();

    expect((await pullAs(server, fresh.accessToken, 'tickets')).statusCode).toBe(200);
    // The first session is over: its refresh token no longer works.
    const refresh = await server.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    // Leads see the invitation accepted.
    const users = await server.pullAll('lead', 'users');
    const doc = users.find((u) => u.id === account.id) as unknown as User;
    expect(doc).toMatchObject({ role: 'client', clientIds: ['cl-a'], active: true });
    expect(doc.passwordChangeRequired).toBeUndefined();
  });

  it('refuses invitations from technicians, to unknown clients, and staff bound to clients', async () => {
    const body = { email: 'x@client.fr', name: 'X', role: 'client', clientIds: ['cl-a'] };
    expect((await invite('tech', body)).statusCode).toBe(403);
    const unknown = await invite('lead', { ...body, clientIds: ['cl-nowhere'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe('clientIds: no client "cl-nowhere"');
    const none = await invite('lead', { ...body, clientIds: undefined });
    expect(none.json().message).toBe('clientIds: a client account needs at least one client');
    const staff = await invite('lead', { ...body, role: 'technician' });
    expect(staff.json().message).toBe('clientIds: only client accounts are bound to clients');
  });

  it('reads its client as the extranet shows it: no provider notes, no pauses, no staff emails, no other account', async () => {
    const account = await addClientAccount(server, ['cl-a'], 'vue@cl-a.fr');
    await addClientAccount(server, ['cl-b'], 'autre@cl-b.fr', 'Berthe Autre');
    const interventionA = docOf('interventions', 'iv-view', 'cl-a');
    await store(server, 'interventions', [interventionA]);

    const [clientA, ...others] = await pullAllAs(server, account.token, 'clients');
    expect(others).toEqual([]);
    expect(clientA).toMatchObject({ id: 'cl-a' });
    expect(clientA).not.toHaveProperty('notes');

    const [seen] = (await pullAllAs(server, account.token, 'interventions')) as unknown as Intervention[];
    // 10 min then 25 min 30 s: one segment from the first start lasting the 35 min 30 s measured.
    expect(seen?.segments).toEqual([{ start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T09:35:30.000Z' }]);
    expect(seen?.report).toBe(interventionA.report);

    const users = (await pullAllAs(server, account.token, 'users')) as unknown as User[];
    expect(users.filter((u) => u.role === 'client').map((u) => u.id)).toEqual([account.user.id]);
    const staff = users.filter((u) => u.role !== 'client');
    expect(staff.map((u) => u.name)).toEqual(expect.arrayContaining(['Théo Tech', 'Léa Lead']));
    for (const user of staff) expect(user).not.toHaveProperty('email');
  });

  it('writes main courante entries as itself only, and its conflicts never reveal another client', async () => {
    const account = await addClientAccount(server, ['cl-a'], 'ecrit@cl-a.fr', 'Édith Écrit');
    const mine = docOf('logbook', 'lb-client-1', 'cl-a', { authorId: account.user.id, authorName: 'Édith Écrit' });
    expect((await pushAs(server, account.token, 'logbook', creations([mine]))).json()).toEqual([]);

    const refusals = {
      'as someone else': { ...mine, id: 'lb-c2', authorId: server.users.tech.id },
      'under another name': { ...mine, id: 'lb-c3', authorName: 'Support Cadran' },
      internal: { ...mine, id: 'lb-c4', internal: true },
      'a visit record': { ...mine, id: 'lb-c5', kind: 'visit' as const },
      'for another client': { ...mine, id: 'lb-c6', clientId: 'cl-b' },
    };
    for (const [what, doc] of Object.entries(refusals)) {
      const response = await pushAs(server, account.token, 'logbook', creations([doc]));
      expect(response.statusCode, what).toBe(403);
    }
    // From the version the server holds (it stamps its order, serverSeq, into every entry).
    const stored = (await pullAllAs(server, account.token, 'logbook')).find((d) => d.id === mine.id);
    const changed = await pushAs(server, account.token, 'logbook', [
      update(stored ?? mine, { ...stored, text: 'Corrigé' }),
    ]);
    expect(changed.statusCode).toBe(403);

    // Same id as an entry of its own client: the conflict answers that entry.
    const staffEntry = docOf('logbook', 'lb-staff-a', 'cl-a');
    const internalEntry = {
      ...docOf('logbook', 'lb-internal-a', 'cl-a', { internal: true }),
      text: 'Révélé : routeur',
    };
    const otherEntry = { ...docOf('logbook', 'lb-staff-b', 'cl-b'), text: 'Appel de la boulangerie B' };
    await store(server, 'logbook', [staffEntry, internalEntry, otherEntry]);
    const clash = (id: string) => ({ ...mine, id });
    const conflict = await pushAs(server, account.token, 'logbook', creations([clash('lb-staff-a')]));
    expect(conflict.json()).toEqual([{ ...staffEntry, serverSeq: expect.any(Number), _deleted: false }]);
    // Same id as another client's entry, or an internal one: answered exactly as a new id would
    // be (docs/server.md, push step 1) — so the push cannot tell that the id exists — and the
    // server's entry is left as it was, nothing of it revealed.
    const fresh = await pushAs(server, account.token, 'logbook', creations([clash('lb-never-seen')]));
    for (const id of ['lb-staff-b', 'lb-internal-a']) {
      const response = await pushAs(server, account.token, 'logbook', creations([clash(id)]));
      expect(response.statusCode).toBe(fresh.statusCode);
      expect(response.body).toBe(fresh.body);
      expect(response.body).not.toContain(otherEntry.text);
      expect(response.body).not.toContain(internalEntry.text);
      // The exact stored document pushed back is refused as its creation would be (another
      // client's, another author's, internal), not answered as already held.
      const exact = await pushAs(
        server,
        account.token,
        'logbook',
        creations([id === 'lb-staff-b' ? otherEntry : internalEntry]),
      );
      expect(exact.statusCode).toBe(403);
    }
    const held = await pullAllAs(server, await server.token('lead'), 'logbook');
    const unchanged = { serverSeq: expect.any(Number), _deleted: false };
    expect(held.find((d) => d.id === 'lb-staff-b')).toEqual({ ...otherEntry, ...unchanged });
    expect(held.find((d) => d.id === 'lb-internal-a')).toEqual({ ...internalEntry, ...unchanged });
    const seen = (await pullAllAs(server, account.token, 'logbook')).map((d) => d.id);
    expect(seen).toEqual(expect.arrayContaining(['lb-client-1', 'lb-staff-a']));
    expect(seen).not.toContain('lb-internal-a');
    expect(seen).not.toContain('lb-staff-b');
  });

  it('writes its own reading receipts, only forward; the staff read them and cannot write one', async () => {
    const account = await addClientAccount(server, ['cl-a'], 'lit@cl-a.fr', 'Louis Lecteur');
    const receipt = docOf('receipts', 'rc-lit-a', 'cl-a', { authorId: account.user.id, authorName: 'Louis Lecteur' });
    expect((await pushAs(server, account.token, 'receipts', creations([receipt]))).json()).toEqual([]);
    const forward = { ...receipt, readUpTo: receipt.readUpTo + 5, updatedAt: '2026-03-02T10:00:00.000Z' };
    expect((await pushAs(server, account.token, 'receipts', [update(receipt, forward)])).json()).toEqual([]);

    const refusals = {
      back: [update(forward, { ...forward, readUpTo: 1, updatedAt: '2026-03-02T11:00:00.000Z' })],
      'as someone else': creations([{ ...receipt, id: 'rc-lit-2', userId: server.users.tech.id }]),
      'under another name': creations([{ ...receipt, id: 'rc-lit-3', userName: 'Support Cadran' }]),
      'for another client': creations([{ ...receipt, id: 'rc-lit-4', clientId: 'cl-b' }]),
    };
    for (const [what, rows] of Object.entries(refusals)) {
      const response = await pushAs(server, account.token, 'receipts', rows);
      expect(response.statusCode, what).toBe(403);
    }
    const staffReceipt = { ...receipt, id: 'rc-tech', userId: server.users.tech.id, userName: server.users.tech.name };
    const byStaff = await pushAs(server, await server.token('tech'), 'receipts', creations([staffReceipt]));
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.json().message).toMatch(/written by client accounts only/);

    const held = await pullAllAs(server, await server.token('tech'), 'receipts');
    expect(held.map((d) => d.id)).toEqual(['rc-lit-a']);
    expect(held[0]).toMatchObject({ readUpTo: forward.readUpTo, userId: account.user.id });
  });

  it('logs its own reveals of a vault granted to it, as staff do, and nothing else', async () => {
    const account = await addClientAccount(server, ['cl-a'], 'coffre@cl-a.fr', 'Corinne Coffre');
    const outsider = await addClientAccount(server, ['cl-a'], 'sans-coffre@cl-a.fr', 'Sam Sans');
    await store(server, 'clients', [
      aClient({ id: 'cl-a', notes: 'Interne au prestataire.', vaultAccess: [account.user.id] }),
      aClient({ id: 'cl-b', code: 'C-B', vaultAccess: [account.user.id] }),
    ]);
    await store(server, 'vault', [aVaultEntry({ id: 'vt-a', clientId: 'cl-a' })]);
    await store(server, 'vault', [aVaultEntry({ id: 'vt-b', clientId: 'cl-b' })]);
    const reveal = (id: string, entryId: string, overrides: object = {}) => ({
      ...docOf('logbook', id, 'cl-a', { authorId: account.user.id, authorName: 'Corinne Coffre', internal: true }),
      kind: 'vault_reveal' as const,
      text: 'Mot de passe révélé : Box internet',
      reveal: { entryId, action: 'reveal' as const, deviceId: 'dev-extranet', deviceName: 'Poste du gérant' },
      ...overrides,
    });
    const ok = await pushAs(server, account.token, 'logbook', creations([reveal('lb-reveal-ok', 'vt-a')]));
    expect(ok.statusCode, ok.body).toBe(200);
    // The lead reads it in the vault's reveal log; the account itself never receives it (internal).
    const held = await pullAllAs(server, await server.token('lead'), 'logbook');
    expect(held.find((d) => d.id === 'lb-reveal-ok')).toMatchObject({
      authorId: account.user.id,
      internal: true,
      reveal: { entryId: 'vt-a', action: 'reveal' },
    });
    expect((await pullAllAs(server, account.token, 'logbook')).map((d) => d.id)).not.toContain('lb-reveal-ok');

    const refused = async (token: string, doc: object) => {
      const response = await pushAs(server, token, 'logbook', creations([doc]));
      expect(response.statusCode, response.body).toBe(403);
      return response.json<{ message: string }>().message;
    };
    expect(await refused(account.token, reveal('lb-r1', 'vt-a', { internal: false }))).toMatch(/is internal/);
    expect(await refused(account.token, reveal('lb-r2', 'vt-a', { kind: 'information' }))).toMatch(/only one/);
    expect(await refused(account.token, { ...reveal('lb-r3', 'vt-a'), authorId: server.users.lead.id })).toMatch(
      /as yourself/,
    );
    // Its client's vault does not list the other account: the staff's refusal, word for word.
    const asOutsider = { ...reveal('lb-r4', 'vt-a'), authorId: outsider.user.id, authorName: outsider.user.name };
    expect(await refused(outsider.token, asOutsider)).toBe(
      'The push to logbook was refused whole: document "lb-r4": you are not granted access to the vault of client cl-a.',
    );
    // Another client's entry (even one whose vault grants the account) is answered as an unknown id.
    const unknown = await refused(account.token, reveal('lb-r5', 'vt-nowhere'));
    const elsewhere = await refused(account.token, reveal('lb-r5', 'vt-b'));
    expect(unknown).toMatch(/no vault entry "vt-nowhere" of client cl-a granted to you \(reveal\.entryId\)/);
    expect(elsewhere.replace('vt-b', 'vt-nowhere')).toBe(unknown);
    const written = (await pullAllAs(server, await server.token('lead'), 'logbook')).map((d) => String(d.id));
    expect(written.filter((id) => /^lb-r\d$/.test(id))).toEqual([]);
  });

  it('names in its entries only tickets, interventions and entries of its own client it may read', async () => {
    const account = await addClientAccount(server, ['cl-a'], 'renvoi@cl-a.fr', 'René Renvoi');
    await store(server, 'tickets', [docOf('tickets', 'tk-ref-a', 'cl-a'), docOf('tickets', 'tk-ref-b', 'cl-b')]);
    await store(server, 'interventions', [
      docOf('interventions', 'iv-ref-a', 'cl-a'),
      docOf('interventions', 'iv-ref-b', 'cl-b'),
    ]);
    await store(server, 'logbook', [
      docOf('logbook', 'lb-ref-a', 'cl-a'),
      docOf('logbook', 'lb-ref-b', 'cl-b'),
      docOf('logbook', 'lb-ref-internal', 'cl-a', { internal: true }),
    ]);
    const entry = (id: string, overrides: object) => ({
      ...docOf('logbook', id, 'cl-a', { authorId: account.user.id, authorName: 'René Renvoi' }),
      ...overrides,
    });
    const accepted = entry('lb-ref-ok', { ticketId: 'tk-ref-a', interventionId: 'iv-ref-a', correctionOf: 'lb-ref-a' });
    const ok = await pushAs(server, account.token, 'logbook', creations([accepted]));
    expect(ok.statusCode, ok.body).toBe(200);
    // Written offline, an entry and its correction reach the server in one batch.
    const offline = [entry('lb-ref-offline', {}), entry('lb-ref-offline-fix', { correctionOf: 'lb-ref-offline' })];
    const together = await pushAs(server, account.token, 'logbook', creations(offline));
    expect(together.statusCode, together.body).toBe(200);
    // A batch row that is itself refused names nothing: the whole batch is refused.
    const refusedPair = [
      entry('lb-ref-bad', { internal: true }),
      entry('lb-ref-bad-fix', { correctionOf: 'lb-ref-bad' }),
    ];
    expect((await pushAs(server, account.token, 'logbook', creations(refusedPair))).statusCode).toBe(403);

    const cases = [
      ['ticketId', 'tk-ref-b', 'ticket'],
      ['interventionId', 'iv-ref-b', 'intervention'],
      ['correctionOf', 'lb-ref-b', 'entry'],
      // Its own client's, but an internal entry it never receives: as unknown as another client's.
      ['correctionOf', 'lb-ref-internal', 'entry'],
    ] as const;
    for (const [name, id, noun] of cases) {
      const push = (value: string) =>
        pushAs(server, account.token, 'logbook', creations([entry('lb-ref-no', { [name]: value })]));
      const unknown = await push('zz-nowhere');
      const existing = await push(id);
      expect(existing.statusCode, `${name} ${id}`).toBe(403);
      expect(unknown.json()).toEqual({
        error: expect.any(String),
        message: `The push to logbook was refused whole: document "lb-ref-no": no ${noun} "zz-nowhere" of client cl-a (${name}).`,
      });
      // Exactly the answer to an id that does not exist, the id aside: nothing of it revealed.
      expect(existing.body.replace(id, 'zz-nowhere')).toBe(unknown.body);
    }
    // A ticket of its client named from an entry of another of its clients is refused too.
    const group = await addClientAccount(server, ['cl-a', 'cl-b'], 'groupe-renvoi@holding.fr', 'Gaston Groupe');
    const crossed = {
      ...docOf('logbook', 'lb-ref-cross', 'cl-b', { authorId: group.user.id, authorName: 'Gaston Groupe' }),
      ticketId: 'tk-ref-a',
    };
    expect((await pushAs(server, group.token, 'logbook', creations([crossed]))).statusCode).toBe(403);
    const written = (await pullAllAs(server, await server.token('lead'), 'logbook')).map((d) => String(d.id));
    expect(written).toEqual(expect.arrayContaining(['lb-ref-ok', 'lb-ref-offline', 'lb-ref-offline-fix']));
    expect(written).not.toContain('lb-ref-no');
    expect(written).not.toContain('lb-ref-bad-fix');
    expect(written).not.toContain('lb-ref-cross');
  });

  it('reads every client of a group, page by page', async () => {
    const account = await addClientAccount(server, ['cl-a', 'cl-b'], 'groupe@holding.fr', 'Holding');
    const tickets = ['cl-a', 'cl-b', 'cl-a'].map((clientId, i) => docOf('tickets', `tk-group-${i}`, clientId));
    await store(server, 'tickets', tickets);
    const seen = (await pullAllAs(server, account.token, 'tickets', 1)).map((d) => String(d.id));
    expect(seen.filter((id) => id.startsWith('tk-group-'))).toEqual(['tk-group-0', 'tk-group-1', 'tk-group-2']);
  });

  it('refuses a client token that does not carry its clients', async () => {
    const [row] = await queryRows<{ value: string }>(
      server.db.orm,
      sql`select value from server_settings where key = 'jwt_secret'`,
    );
    const forged = await new SignJWT({ role: 'client', name: 'Sans client', email: 'x@x.fr' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('cadran')
      .setSubject('u-forged')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(row?.value));
    expect((await pullAs(server, forged, 'tickets')).statusCode).toBe(401);
    expect(await loginToken(server, 'vue@cl-a.fr')).toMatch(/^ey/);
  });
});
