import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server';

describe('the built renderer', () => {
  let server: TestServer;
  const staticDir = mkdtempSync(path.join(tmpdir(), 'cadran-static-'));
  beforeAll(async () => {
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Cadran</title>');
    server = await startTestServer('pglite', { config: { staticDir } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('is served at / with a strict Content-Security-Policy', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Cadran</title>');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('refuses to be framed or to frame anything', async () => {
    const served = String((await server.app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']);
    expect(served).toContain("frame-ancestors 'none'");
    expect(served).toContain("frame-src 'none'");
  });

  it('never answers an API path with the app', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/whatever' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not_found', message: 'No route GET /api/whatever' });
  });

  it('answers the health check with the database kind', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
      status: 'ok',
      db: 'pglite',
    });
  });
});
