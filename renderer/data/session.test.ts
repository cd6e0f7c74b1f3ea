import { describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../shared/sync';
import { createTestingPlatform } from '../platform/testing';
import { createSessionManager } from './session';

const answer: LoginResponse = {
  accessToken: 'access',
  refreshToken: 'refresh',
  user: { id: 'u-1', name: 'Julie Martin', email: 'julie@cadran.test', role: 'technician' },
};
// The server's answer to a login: what this unit needs of the HTTP boundary (the server's own
// suites test the login itself).
const serverAnswering = (async () => new Response(JSON.stringify(answer), { status: 200 })) as typeof fetch;

describe('the session a device keeps', () => {
  it('is kept when the shell stores it', async () => {
    const { platform } = createTestingPlatform();
    const sessions = createSessionManager(platform, serverAnswering);
    expect(sessions.kept()).toBeNull();
    await sessions.login('http://localhost:8787', 'julie@cadran.test', 'secret');
    expect(sessions.kept()).toBe(true);
    const reopened = createSessionManager(platform, serverAnswering);
    expect(await reopened.restore()).toMatchObject({ refreshToken: 'refresh' });
    expect(reopened.kept()).toBe(true);
  });

  it('says it is not kept when the shell has no safe place for it, and still works for this run', async () => {
    const { platform } = createTestingPlatform('http://localhost:8787', { keepsSession: false });
    const sessions = createSessionManager(platform, serverAnswering);
    const session = await sessions.login('http://localhost:8787', 'julie@cadran.test', 'secret');
    expect(sessions.kept()).toBe(false);
    expect(sessions.current()).toEqual(session);
    await sessions.updateTokens({ ...answer, refreshToken: 'rotated' });
    expect(sessions.kept()).toBe(false);
    expect(await createSessionManager(platform, serverAnswering).restore()).toBeNull();
  });
});
