import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './support/databases';
import { aTicket, anIntervention } from './support/documents';
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
