/**
 * The replication wire protocol between devices (RxDB `replicateRxCollection`) and the server.
 *
 * - Pull: `GET /api/sync/:collection/pull?seq=&id=&limit=` → `PullResponse`. Without `seq`/`id`,
 *   from the beginning. Documents come in (seq, id) order; the checkpoint is the last one's.
 *   A page is bounded by count (`limit`, at most PULL_LIMIT_MAX) and by bytes; `truncated`
 *   says a short page stopped at the byte bound.
 * - Push: `POST /api/sync/:collection/push` with `PushRow[]` → the server's current version of
 *   every conflicting document (`[]` when none).
 * - Stream: `GET /api/sync/stream` (Server-Sent Events): `RESYNC` first on every connection
 *   (the client then pulls), then `StreamChange` events, and `: heartbeat` comments.
 *
 * The checkpoint is a server-assigned sequence, never a device clock (devices' clocks drift).
 */
import type { CollectionName, Role } from '../schemas';

export type Checkpoint = { seq: number; id: string };

/** A document on the wire: its fields plus the soft-delete flag. */
export type WireDocument<T = Record<string, unknown>> = T & { _deleted: boolean };

export type PullResponse<T = Record<string, unknown>> = {
  documents: WireDocument<T>[];
  checkpoint: Checkpoint | null;
  /**
   * Present (true) when the page stopped at the server's byte bound before the limit: more
   * documents follow at once, although the page is short. A short page without it is the end.
   */
  truncated?: true;
};

export type PushRow<T = Record<string, unknown>> = {
  assumedMasterState: WireDocument<T> | null;
  newDocumentState: WireDocument<T>;
};

export type StreamChange = {
  collection: CollectionName;
  documents: WireDocument[];
  checkpoint: Checkpoint;
};

/** Header a device sends with each push: its clock (ms since epoch). */
export const CLIENT_TIME_HEADER = 'x-client-time';
/** Header the server answers: device clock minus server clock, in ms (positive: device ahead). */
export const CLOCK_SKEW_HEADER = 'x-clock-skew-ms';

/** Documents of one pull page at most (`limit` is capped to it). */
export const PULL_LIMIT_MAX = 5000;
/**
 * JSON bytes of one pull page, by default (the server's `CADRAN_PULL_PAGE_BYTES`): a page stops
 * before the document that would cross it, and always holds at least one document.
 */
export const PULL_PAGE_MAX_BYTES = 16 * 1024 * 1024;
/**
 * Largest pull and push batches of a collection, so a push stays under the server's body limit
 * (5 MiB by default) and a page reasonable. Attachments weigh up to 2 MiB each: a push carries
 * one. Main courante entries may carry 3 files of 200 kB (shared/schemas/logbook.ts): four a push.
 */
export function syncBatchLimits(collection: CollectionName): { pull: number; push: number } {
  if (collection === 'attachments') return { pull: 4, push: 1 };
  if (collection === 'logbook') return { pull: 200, push: 4 };
  return { pull: PULL_LIMIT_MAX, push: 100 };
}
/** The app warns when the device clock is off by more than this. */
export const CLOCK_SKEW_WARNING_MS = 2 * 60_000;

export type ApiError = { error: string; message: string };

/**
 * The signed-in account, as the access token carries it. `clientIds`: the clients a `client`
 * account is bound to (absent for staff). `passwordChangeRequired`: signed in with a one-time
 * password — every request but `POST /api/auth/password` is refused until it is changed.
 */
export type AuthUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  clientIds?: string[];
  passwordChangeRequired?: boolean;
};
export type LoginResponse = { accessToken: string; refreshToken: string; user: AuthUser };

/** `POST /api/auth/password` (authenticated): answers a fresh `LoginResponse`. */
export type PasswordChange = { currentPassword: string; newPassword: string };

/** `POST /api/users` (leads and admins): without `password`, a one-time one is generated. */
export type NewAccount = {
  email: string;
  name: string;
  role: Role;
  clientIds?: string[];
  password?: string;
};
/** The created account and, when none was given, the one-time password to hand to its owner (shown once). */
export type CreatedAccount = AuthUser & { oneTimePassword?: string };

/** Error code of every request refused until the one-time password is changed. */
export const PASSWORD_CHANGE_REQUIRED = 'password_change_required';
