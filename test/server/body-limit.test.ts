/**
 * A body over the limit is answered 413 — and the client reads that answer. Fastify answered as
 * soon as it saw the length and closed the connection while the client was still writing its
 * body, which a client sees as a connection reset (9 of 40 in the review). The server now reads
 * and discards the rest of the body (up to DISCARD_FACTOR × the limit) before answering.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server';

const LIMIT = 1024 * 1024;

/** A raw HTTP client that sends its headers, pauses, then writes the body: what a slow link does. */
async function slowPush(url: URL, token: string, bodyBytes: number, chunked = false) {
  const socket = net.connect(Number(url.port), url.hostname);
  let received = '';
  let closedBeforeBodySent = false;
  let bodySent = false;
  let writeError: string | null = null;
  socket.on('data', (data) => (received += data.toString()));
  socket.on('close', () => (closedBeforeBodySent = !bodySent));
  socket.on('error', (error) => (writeError = error.message));
  await new Promise((resolve) => socket.once('connect', resolve));
  const framing = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${bodyBytes}`;
  socket.write(
    `POST /api/sync/tickets/push HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: application/json\r\n${framing}\r\n\r\n`,
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (let sent = 0; sent < bodyBytes && !socket.destroyed;) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, bodyBytes - sent), 'x');
    socket.write(
      chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk,
    );
    sent += chunk.length;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  if (chunked && !socket.destroyed) socket.write('0\r\n\r\n');
  bodySent = true;
  await new Promise((resolve) => setTimeout(resolve, 300));
  socket.destroy();
  return {
    status: received.split(' ', 2)[1],
    closedBeforeBodySent,
    writeError,
    answers: received.match(/^HTTP\/1\.1 /gm)?.length ?? 0,
  };
}

describe('bodies over the limit', { timeout: 120_000 }, () => {
  let server: TestServer;
  let url: URL;
  beforeAll(async () => {
    server = await startTestServer('pglite', { config: { bodyLimit: LIMIT } });
    url = new URL(await server.listen());
  });
  afterAll(() => server.close());

  it('are read to their end and answered 413 while the client is still writing', async () => {
    const token = await server.token('tech');
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => slowPush(url, token, Math.round(1.2 * LIMIT))));
    expect(outcomes).toEqual(
      Array(10).fill({ status: '413', closedBeforeBodySent: false, writeError: null, answers: 1 }),
    );
    const streamed = await slowPush(url, token, Math.round(1.5 * LIMIT), true);
    expect(streamed).toEqual({ status: '413', closedBeforeBodySent: false, writeError: null, answers: 1 });
  });

  it('are cut off past four times the limit, still with the 413 first', async () => {
    const token = await server.token('tech');
    const huge = await slowPush(url, token, 6 * LIMIT);
    expect(huge.status).toBe('413');
  });
});
