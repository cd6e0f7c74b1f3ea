import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './support/databases';
import { aContract, aTicket, anIntervention } from './support/documents';
import { creations, startTestServer, type TestServer } from './support/server';

describe.each(BACKENDS)('bad requests on %s', (backend) => {
  let server: TestServer;
  let auth: { authorization: string };
  beforeAll(async () => {
    server = await startTestServer(backend, { config: { bodyLimit: 64 * 1024 } });
    auth = { authorization: `Bearer ${await server.token('lead')}` };
  });
  afterAll(() => server.close());

  const raw = (url: string, payload: string, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': 'application/json', ...auth, ...headers },
    });

  it('rejects a whole batch with 400 naming the invalid document and field, and writes none of it', async () => {
    const good = aTicket({ id: 'tk-good' });
    const bad = anIntervention({ id: 'iv-bad', technicianId: server.users.lead.id });
    bad.segments = [{ start: '2026-03-02T10:00:00.000Z', end: '2026-03-02T09:00:00.000Z' }];
    const ticketResponse = await server.push(
      'lead',
      'tickets',
      creations([good, { ...aTicket({ id: 'tk-bad' }), priority: 'urgent' }]),
    );
    expect(ticketResponse.statusCode).toBe(400);
    expect(ticketResponse.json()).toEqual({
      error: 'invalid_document',
      message: expect.stringMatching(/^Document "tk-bad" of tickets is invalid at priority: /),
    });
    const interventionResponse = await server.push('lead', 'interventions', creations([bad]));
    expect(interventionResponse.json().message).toBe(
      'Document "iv-bad" of interventions is invalid at segments.0.end: a segment cannot end before it starts',
    );
    expect(await server.pullAll('lead', 'tickets')).toEqual([]);
  });

  it('refuses fields the schema does not know (no plaintext secret can slip into the vault)', async () => {
    const response = await server.push(
      'lead',
      'tickets',
      creations([{ ...aTicket({ id: 'tk-extra' }), password: 'hunter2' }]),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/"tk-extra"/);
  });

  it('answers 400 to malformed JSON and to bodies of the wrong shape', async () => {
    const malformed = await raw('/api/sync/tickets/push', '[{"assumedMasterState": null, "newDocumentState": {');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe('invalid_json');
    const notArray = await raw('/api/sync/tickets/push', '{"documents": []}');
    expect(notArray.statusCode).toBe(400);
    expect(notArray.json().message).toMatch(/array/);
    const noDeleted = await raw(
      '/api/sync/tickets/push',
      JSON.stringify([{ assumedMasterState: null, newDocumentState: aTicket() }]),
    );
    expect(noDeleted.json().message).toBe(
      'Document "tk-1" of tickets: newDocumentState._deleted must be true or false.',
    );
    const twice = await server.push('lead', 'tickets', creations([aTicket(), aTicket()]));
    expect(twice.json().message).toBe('Document "tk-1" of tickets appears twice in the batch.');
    const emptyBody = await raw('/api/auth/login', '');
    expect(emptyBody.statusCode).toBe(400);
  });

  it('answers 400 naming the field, never 500, to NUL and lone surrogates anywhere, and writes nothing', async () => {
    const cases = [
      { doc: aTicket({ id: 'tk-nul', title: 'Imprimante\u0000' }), field: 'title', what: /NUL/ },
      { doc: aTicket({ id: 'tk-surrogate', description: 'écran \uD83D' }), field: 'description', what: /surrogate/ },
      {
        doc: aTicket({
          id: 'tk-history',
          history: [{ at: '2026-03-02T09:00:00.000Z', by: 'u-1', kind: 'create', note: '\uDC00' }],
        }),
        field: 'history.0.note',
        what: /surrogate/,
      },
    ];
    for (const { doc, field, what } of cases) {
      const response = await server.push('lead', 'tickets', creations([doc]));
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toBe('invalid_document');
      expect(response.json().message).toMatch(new RegExp(`^Document "${doc.id}" of tickets is invalid at ${field}: `));
      expect(response.json().message).toMatch(what);
    }
    const user = await server.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: auth,
      payload: { email: 'nul@test.fr', name: 'Nul\u0000', role: 'technician', password: 'a long password' },
    });
    expect(user.statusCode).toBe(400);
    expect(user.json().message).toBe('name: the text contains a NUL character (U+0000)');
    const pull = await server.app.inject({
      method: 'GET',
      url: '/api/sync/tickets/pull?seq=1&id=a%00b',
      headers: auth,
    });
    expect(pull.statusCode).toBe(400);
    expect(pull.json().message).toMatch(/^The query parameter id must be a document id/);
    expect(await server.pullAll('lead', 'tickets')).toEqual([]);
  });

  it('answers 400 to an assumed master state nested 100,000 deep, without overflowing the stack', async () => {
    let deep = '"fond"';
    for (let i = 0; i < 100_000; i++) deep = `[${deep}]`;
    const ticket = aTicket({ id: 'tk-deep' });
    const body = `[{"assumedMasterState":{"id":"tk-deep","x":${deep}},"newDocumentState":${JSON.stringify({ ...ticket, _deleted: false })}}]`;
    // 200 kB: the server's default body limit, not this suite's small one.
    const roomy = await startTestServer(backend);
    const response = await roomy.app.inject({
      method: 'POST',
      url: '/api/sync/tickets/push',
      payload: body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await roomy.token('lead')}` },
    });
    await roomy.close();
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe(
      'Document "tk-deep" of tickets: assumedMasterState is invalid at x.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0: nested more than 16 levels deep',
    );
  });

  it('refuses impossible dates with 400 naming the field, and writes none of them', async () => {
    const lead = server.users.lead.id;
    const done = anIntervention({ id: 'iv-dates', technicianId: lead, minutes: 60, start: '2026-03-02T08:00:00.000Z' });
    const cases: [string, string, object, string][] = [
      ['contracts', 'ct-dates', { ...aContract({ id: 'ct-dates' }), terminatedOn: '2025-12-31' }, 'terminatedOn'],
      ['interventions', 'iv-dates', { ...done, completedAt: '2026-03-02T08:30:00.000Z' }, 'completedAt'],
      [
        'interventions',
        'iv-dates',
        { ...done, validatedAt: '2026-03-01T09:00:00.000Z', validatedBy: lead },
        'validatedAt',
      ],
      [
        'interventions',
        'iv-dates',
        {
          ...done,
          segments: [{ start: '2026-03-02T08:00:00.000Z', end: '2126-03-02T08:00:00.000Z' }],
          completedAt: '2126-03-02T08:00:00.000Z',
        },
        'segments.0.end',
      ],
      ['tickets', 'tk-dates', { ...aTicket({ id: 'tk-dates' }), receivedAt: '9999-01-01T00:00:00.000Z' }, 'receivedAt'],
      ['tickets', 'tk-dates', { ...aTicket({ id: 'tk-dates' }), receivedAt: '2026-03-02T12:00:00.000Z' }, 'receivedAt'],
      ['tickets', 'tk-dates', { ...aTicket({ id: 'tk-dates' }), createdAt: '0001-01-01T00:00:00.000Z' }, 'createdAt'],
    ];
    for (const [collection, id, doc, field] of cases) {
      const response = await server.push('lead', collection, creations([doc]));
      expect(response.statusCode, `${collection} ${field}`).toBe(400);
      expect(response.json().message).toMatch(
        new RegExp(`^Document "${id}" of ${collection} is invalid at ${field}: `),
      );
    }
    for (const collection of ['contracts', 'interventions', 'tickets'] as const) {
      expect(await server.pullAll('lead', collection)).toEqual([]);
    }
  });

  it('answers 413 to a body over the limit', async () => {
    const huge = creations([aTicket({ description: 'x'.repeat(20_000) })]);
    const response = await raw('/api/sync/tickets/push', JSON.stringify([...huge, ...huge, ...huge, ...huge]));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: 'payload_too_large',
      message: 'The request body is larger than the limit of 65536 bytes.',
    });
  });

  it('answers 404 to an unknown collection and to unknown API paths, always as JSON', async () => {
    const pull = await server.pull('lead', 'passwords');
    expect(pull.statusCode).toBe(404);
    expect(pull.json()).toEqual({ error: 'not_found', message: 'Unknown collection "passwords".' });
    expect((await server.push('lead', 'passwords', [])).statusCode).toBe(404);
    const unknown = await server.app.inject({ method: 'GET', url: '/api/tickets' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/json/);
  });

  it('names the faulty pull parameter', async () => {
    const get = (query: string) =>
      server.app.inject({ method: 'GET', url: `/api/sync/tickets/pull?${query}`, headers: auth });
    expect((await get('seq=5')).json().message).toMatch(/seq and id go together/);
    expect((await get('seq=abc&id=x')).json().message).toMatch(/seq must be a whole number/);
    expect((await get('limit=0')).json().message).toMatch(/limit must be a whole number/);
    expect((await get('limit=ten')).statusCode).toBe(400);
  });

  it('refuses a device clock that is not milliseconds since the epoch', async () => {
    const response = await server.push('lead', 'tickets', [], { 'x-client-time': 'yesterday' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'invalid_header',
      message: 'x-client-time must be the device clock in milliseconds since the epoch',
    });
  });

  it('names the field of a bad user creation', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: auth,
      payload: { email: 'new@test.fr', name: 'Nouveau', role: 'technician', password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('password: at least 10 characters');
  });
});
