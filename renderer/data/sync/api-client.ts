/**
 * HTTP to the sync server with the signed-in session: adds the bearer token, refreshes it once
 * on a 401 (a single refresh in flight however many requests failed together), reports the
 * clock skew the server measured, and turns error answers into `ApiError`s with the server's
 * message.
 */
import { CLIENT_TIME_HEADER, CLOCK_SKEW_HEADER, type LoginResponse, type PasswordChange } from '../../../shared/sync';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The session is over (refresh token revoked or expired): the user must sign in again. */
export class SessionExpiredError extends ApiError {
  constructor() {
    super(401, 'session_expired', 'session expired: sign in again');
    this.name = 'SessionExpiredError';
  }
}

export type Tokens = { accessToken: string; refreshToken: string };

export type ApiClientOptions = {
  serverUrl: string;
  getTokens(): Tokens | null;
  /** Called with the rotated tokens after a refresh, to persist them. */
  onTokens(tokens: LoginResponse): void;
  onSessionExpired(): void;
  onClockSkew?(skewMs: number): void;
  fetch?: typeof fetch;
  now?: () => number;
};

async function errorOf(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: string; message?: string };
    if (body.error) code = body.error;
    if (body.message) message = body.message;
  } catch {
    // Not JSON: keep the status line.
  }
  return new ApiError(response.status, code, message);
}

export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  let refreshing: Promise<void> | null = null;

  async function refresh(): Promise<void> {
    const tokens = options.getTokens();
    if (!tokens) throw new SessionExpiredError();
    const response = await doFetch(`${options.serverUrl}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
    });
    if (response.status === 401 || response.status === 403) {
      options.onSessionExpired();
      throw new SessionExpiredError();
    }
    if (!response.ok) throw await errorOf(response);
    options.onTokens((await response.json()) as LoginResponse);
  }

  function refreshOnce(): Promise<void> {
    refreshing ??= refresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function send(path: string, init: RequestInit, retried: boolean): Promise<Response> {
    const tokens = options.getTokens();
    if (!tokens) throw new SessionExpiredError();
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${tokens.accessToken}`);
    headers.set(CLIENT_TIME_HEADER, String(now()));
    const response = await doFetch(`${options.serverUrl}${path}`, { ...init, headers });
    const skew = response.headers.get(CLOCK_SKEW_HEADER);
    if (skew !== null && options.onClockSkew && Number.isFinite(Number(skew))) options.onClockSkew(Number(skew));
    if (response.status === 401 && !retried) {
      await refreshOnce();
      return send(path, init, true);
    }
    if (response.status === 401) {
      options.onSessionExpired();
      throw new SessionExpiredError();
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }

  return {
    serverUrl: options.serverUrl,
    /** An authenticated request; throws ApiError on an error answer. */
    request: (path: string, init: RequestInit = {}) => send(path, init, false),
    async json<T>(path: string, init: RequestInit = {}): Promise<T> {
      return (await send(path, init, false)).json() as Promise<T>;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Signs in (no token needed yet). */
export async function login(serverUrl: string, email: string, password: string, doFetch: typeof fetch = fetch): Promise<LoginResponse> {
  const response = await doFetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as LoginResponse;
}

/** `POST /api/auth/password`, with the access token of the session signed in with the old password. */
export async function changePassword(
  serverUrl: string,
  accessToken: string,
  change: PasswordChange,
  doFetch: typeof fetch = fetch,
): Promise<LoginResponse> {
  const response = await doFetch(`${serverUrl}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify(change),
  });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as LoginResponse;
}

export async function logout(serverUrl: string, tokens: Tokens, doFetch: typeof fetch = fetch): Promise<void> {
  await doFetch(`${serverUrl}/api/auth/logout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.accessToken}` },
    body: JSON.stringify({ refreshToken: tokens.refreshToken }),
  });
}
