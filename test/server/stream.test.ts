import http from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, StreamChange } from '../../shared/sync';
import { queryRows } from '../../server/db/database';
import { BACKENDS } from './support/databases';
import { aTicket } from './support/documents';
import { creations, startTestServer, type TestServer, update } from './support/server';
import { openStream, streamedIds } from './support/sse';

describe.each(BACKENDS)('event stream on %s', (backend) => {
  let server: TestServer;
  let url: string;
  beforeAll(async () => {
    server = await startTestServer(backend, { config: { heartbeatMs: 50, accessTokenTtlSeconds: 60 } });
    url = await server.listen();
  });
  afterAll(() => server.close());

  it('refuses a stream without a valid bearer token', async () => {
    const response = await fetch(`${url}/api/sync/stream`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'unauthorized',
      message: 'an Authorization: Bearer access token is required',
    });
  });

  it('starts with RESYNC, then streams each committed change with its checkpoint, and heartbeats', async () => {
    const stream = await openStream(url, await server.token('tech'), { 'x-client-time': String(server.now() - 1000) });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(Number(stream.headers.get('x-clock-skew-ms'))).toBeLessThanOrEqual(-1000);
    await stream.waitFor((m) => m.length === 1);
    expect(stream.messages[0]).toBe('RESYNC');

    const ticket = aTicket({ id: 'tk-live' });
    await server.push('lead', 'tickets', creations([ticket]));
    await stream.waitFor((m) => streamedIds(m, 'tickets').includes('tk-live'));
    const change = stream.messages[1] as StreamChange;
    expect(change.collection).toBe('tickets');
    expect(change.documents).toEqual([{ ...ticket, _deleted: false }]);
    const pulled = (await server.pull('tech', 'tickets', null, 1000)).json<PullResponse>();
    expect(change.checkpoint).toEqual(pulled.checkpoint);

    await server.push('lead', 'tickets', [update(ticket, ticket, true)]);
    await stream.waitFor((m) => m.length === 3);
    expect((stream.messages[2] as StreamChange).documents).toEqual([{ ...ticket, _deleted: true }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.heartbeats()).toBeGreaterThanOrEqual(2);
    stream.close();
  });

  it('sends nothing for a push that changed nothing', async () => {
    const ticket = aTicket({ id: 'tk-quiet' });
    await server.push('lead', 'tickets', creations([ticket]));
    const stream = await openStream(url, await server.token('tech'));
    await server.push('lead', 'tickets', creations([ticket]));
    await server.push('lead', 'tickets', creations([aTicket({ id: 'tk-after-quiet' })]));
    await stream.waitFor((m) => streamedIds(m, 'tickets').includes('tk-after-quiet'));
    expect(streamedIds(stream.messages, 'tickets')).toEqual(['tk-after-quiet']);
    stream.close();
  });

  it('ends the stream when the access token expires, so a signed-out device stops receiving', async () => {
    const { accessToken } = await server.login('tech2');
    const stream = await openStream(url, accessToken);
    await stream.waitFor((m) => m[0] === 'RESYNC');
    // Token issued with a 60 s lifetime; move the clock to 59.8 s after issue.
    server.advanceClock(59_800);
    const ended = await Promise.race([
      stream.ended.then(() => 'ended'),
      new Promise((r) => setTimeout(() => r('open'), 3000)),
    ]);
    expect(ended).toBe('ended');
  });
});

/** POSTs JSON over a raw socket, pausing after the first half of the body until `resume`. */
function slowPost(url: string, token: string, body: string) {
  let resume!: () => void;
  const resumed = new Promise<void>((resolve) => (resume = resolve));
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(`${url}/api/sync/tickets/push`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    request.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    const half = Math.floor(body.length / 2);
    request.write(body.slice(0, half));
    void resumed.then(() => request.end(body.slice(half)));
  });
  return { resume, response };
}

describe.each(BACKENDS)('shutdown on %s', (backend) => {
  it('ends open streams and finishes a request in flight when the app closes', async () => {
    const server = await startTestServer(backend);
    const url = await server.listen();
    const stream = await openStream(url, await server.token('tech'));
    await stream.waitFor((m) => m[0] === 'RESYNC');
    const body = JSON.stringify(creations(Array.from({ length: 50 }, (_, i) => aTicket({ id: `tk-bye-${i}` }))));
    const push = slowPost(url, await server.token('lead'), body);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const closing = server.app.close();
    await stream.ended;
    push.resume();
    const response = await push.response;
    expect(response.status).toBe(200);
    expect(response.body).toBe('[]');
    await closing;
    const stored = await queryRows(server.db.orm, sql`select id from documents where collection = 'tickets'`);
    expect(stored).toHaveLength(50);
    await server.close();
  });
});
