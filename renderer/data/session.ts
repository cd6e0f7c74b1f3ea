/**
 * The signed-in session: server, user and tokens, kept by the shell (safeStorage in Electron,
 * browser storage on the web). Signing in needs the server; reopening the app does not — the
 * last session is used offline, and the server refreshes or refuses it once reachable.
 */
import { z } from 'zod';
import { roleSchema } from '../../shared/schemas';
import type { LoginResponse } from '../../shared/sync';
import type { Platform } from '../platform';
import { changePassword as changePasswordRequest, login as loginRequest, logout as logoutRequest } from './sync/api-client';

const storedSessionSchema = z.object({
  serverUrl: z.url(),
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    clientIds: z.array(z.string()).optional(),
    passwordChangeRequired: z.boolean().optional(),
  }),
  accessToken: z.string(),
  refreshToken: z.string(),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

export function createSessionManager(platform: Platform, doFetch: typeof fetch = (i, init) => fetch(i, init)) {
  let current: StoredSession | null = null;
  /** Whether the shell kept the session on disk at the last save (null: nothing saved yet). */
  let kept: boolean | null = null;

  async function save(session: StoredSession): Promise<void> {
    current = session;
    kept = await platform.session.save(JSON.stringify(session));
  }

  return {
    current: () => current,

    /**
     * False when the shell could not keep the session safely (Electron on Linux without a
     * keyring): it lives in memory only, and the user signs in again at the next start.
     */
    kept: () => kept,

    /** The session saved on this device, if any (a corrupt one is discarded). */
    async restore(): Promise<StoredSession | null> {
      const blob = await platform.session.load();
      if (!blob) return null;
      try {
        const parsed = storedSessionSchema.safeParse(JSON.parse(blob));
        current = parsed.success ? parsed.data : null;
      } catch {
        current = null;
      }
      if (!current) await platform.session.clear();
      else kept = true;
      return current;
    },

    async login(serverUrl: string, email: string, password: string): Promise<StoredSession> {
      const response = await loginRequest(serverUrl, email.trim(), password, doFetch);
      const session = { serverUrl, user: response.user, accessToken: response.accessToken, refreshToken: response.refreshToken };
      await save(session);
      return session;
    },

    /**
     * Replaces the one-time password an invited account signed in with (or any password): the
     * server ends the other sessions and answers a fresh one, kept here.
     */
    async changePassword(currentPassword: string, newPassword: string): Promise<StoredSession> {
      if (!current) throw new Error('not signed in');
      const response = await changePasswordRequest(current.serverUrl, current.accessToken, { currentPassword, newPassword }, doFetch);
      const session = { serverUrl: current.serverUrl, user: response.user, accessToken: response.accessToken, refreshToken: response.refreshToken };
      await save(session);
      return session;
    },

    /** Keeps the rotated tokens after a refresh. */
    async updateTokens(response: LoginResponse): Promise<void> {
      if (!current) return;
      await save({ ...current, accessToken: response.accessToken, refreshToken: response.refreshToken, user: response.user });
    },

    /** Revokes this device's refresh token when the server is reachable, and forgets the session. */
    async logout(): Promise<void> {
      const session = current;
      current = null;
      await platform.session.clear();
      if (session) {
        try {
          await logoutRequest(session.serverUrl, session, doFetch);
        } catch {
          // Offline: the refresh token expires on its own; this device no longer holds it.
        }
      }
    },
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
