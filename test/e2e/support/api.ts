/**
 * The real server's API as the suites read it to check a screen against the server's data
 * (never a stand-in): sign in, and pull a whole collection as a given account sees it.
 */
import { expect, type Page } from '@playwright/test';
import type { PullResponse, WireDocument } from '../../../shared/sync';
import { DEMO_PASSWORD } from '../../fixtures/demo-users';

/** An access token for the account (a demo account's password by default). */
export async function apiLogin(page: Page, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await page.request.post('/api/auth/login', { data: { email, password } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Every document of a collection the account may read, page after page. */
export async function pullAll(page: Page, token: string, collection: string): Promise<WireDocument[]> {
  const documents: WireDocument[] = [];
  let query = '';
  for (;;) {
    const response = await page.request.get(`/api/sync/${collection}/pull?limit=1000${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status(), collection).toBe(200);
    const body = (await response.json()) as PullResponse;
    documents.push(...body.documents);
    if (body.documents.length === 0 || !body.checkpoint) return documents;
    query = `&seq=${body.checkpoint.seq}&id=${encodeURIComponent(body.checkpoint.id)}`;
  }
}
