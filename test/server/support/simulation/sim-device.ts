/**
 * A simulated device for the fault simulation: what the app's replication does, reduced to the
 * protocol (shared/sync) so a seeded schedule can drive it. It keeps a replica of tickets and
 * interventions, the last server version it saw of each document (the assumed master state of
 * its next push), and its unpushed edits as intents it re-applies on the server's version after
 * a conflict. It pushes in shuffled order, sends some batches twice and old batches again late,
 * pulls again from old checkpoints, and treats a request that got no answer (the server was
 * killed) as not acknowledged: it tries again later.
 *
 * Every row the server answered without a conflict is recorded as an acknowledged write
 * `{ assumed, state }` (canonical JSON) for the checks (checks.ts).
 */
import { canonicalJson } from '../../../../server/services/canonical-json';
import type { Checkpoint, LoginResponse, PullResponse, WireDocument } from '../../../../shared/sync';

export type Collection = 'tickets' | 'interventions';
export const COLLECTIONS: readonly Collection[] = ['tickets', 'interventions'];
export type Doc = Record<string, unknown> & { id: string };
export type Ack = { collection: Collection; id: string; assumed: string | null; state: string };
/** An edit, re-applied on whatever version is current: null drops it (e.g. the record was validated). */
type Intent = (base: Doc | undefined) => Doc | null;

const withoutDeleted = ({ _deleted: _d, ...doc }: WireDocument): Doc => doc as Doc;

export class SimDevice {
  readonly replica = new Map<Collection, Map<string, Doc>>(COLLECTIONS.map((c) => [c, new Map()]));
  readonly acks: Ack[] = [];
  /** Requests refused with 4xx: a bug of the device or of the server, never expected. */
  readonly refusals: string[] = [];
  /** Requests that got no answer (the server down or killed mid-request). */
  unanswered = 0;
  private readonly master = new Map<Collection, Map<string, Doc>>(COLLECTIONS.map((c) => [c, new Map()]));
  private readonly intents = new Map<Collection, Map<string, Intent[]>>(COLLECTIONS.map((c) => [c, new Map()]));
  private readonly checkpoints = new Map<Collection, Checkpoint[]>(COLLECTIONS.map((c) => [c, []]));
  private readonly sentBodies: { collection: Collection; body: string }[] = [];
  private tokens: LoginResponse | null = null;

  constructor(
    readonly name: string,
    readonly email: string,
    private readonly password: string,
    private readonly server: { url: string },
    private readonly random: () => number,
  ) {}

  get userId(): string {
    return this.tokens?.user.id ?? '';
  }

  /** Documents of a collection with unpushed edits. */
  dirty(collection: Collection): string[] {
    return [...(this.intents.get(collection)?.keys() ?? [])];
  }

  /** A local edit: applied to the replica now, re-applied on the server's version after a conflict. */
  edit(collection: Collection, id: string, intent: Intent): void {
    const next = intent(this.replica.get(collection)?.get(id));
    if (!next) return;
    this.replica.get(collection)?.set(id, next);
    const list = this.intents.get(collection);
    list?.set(id, [...(list.get(id) ?? []), intent]);
  }

  private async send(path: string, init: RequestInit = {}, retried = false): Promise<Response | null> {
    if (!this.tokens && !(await this.signIn())) return null;
    let response: Response;
    try {
      response = await fetch(`${this.server.url}${path}`, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${this.tokens?.accessToken}` },
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      this.unanswered++;
      return null; // No answer: the server is down, or died mid-request.
    }
    if (response.status === 401 && !retried) {
      await response.body?.cancel();
      if (!(await this.refresh()) && !(await this.signIn())) return null;
      return this.send(path, init, true);
    }
    return response;
  }

  private async post<T>(path: string, body: unknown): Promise<{ status: number; body: T } | null> {
    try {
      const response = await fetch(`${this.server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, body: (await response.json()) as T };
    } catch {
      this.unanswered++;
      return null;
    }
  }

  async signIn(): Promise<boolean> {
    const answer = await this.post<LoginResponse>('/api/auth/login', { email: this.email, password: this.password });
    if (answer?.status !== 200) return false;
    this.tokens = answer.body;
    return true;
  }

  /** A refresh whose answer was lost rotates a token the device never got: reuse ends the session, it signs in. */
  private async refresh(): Promise<boolean> {
    if (!this.tokens) return false;
    const answer = await this.post<LoginResponse>('/api/auth/refresh', { refreshToken: this.tokens.refreshToken });
    if (answer?.status !== 200) return false;
    this.tokens = answer.body;
    return true;
  }

  /** Pushes up to `batch` edited documents (in random order); sometimes sends the batch twice. */
  async push(collection: Collection, batch: number): Promise<void> {
    const ids = this.shuffle(this.dirty(collection)).slice(0, batch);
    if (ids.length === 0) return;
    const replica = this.replica.get(collection);
    const master = this.master.get(collection);
    const rows = ids.flatMap((id) => {
      const state = replica?.get(id);
      if (!state) return [];
      const assumed = master?.get(id);
      return [
        {
          assumedMasterState: assumed ? { ...assumed, _deleted: false } : null,
          newDocumentState: { ...state, _deleted: false },
        },
      ];
    });
    const body = JSON.stringify(rows);
    this.sentBodies.push({ collection, body });
    const times = this.random() < 0.2 ? 2 : 1;
    for (let k = 0; k < times; k++) await this.sendPush(collection, body, true);
  }

  /** Sends again a batch sent earlier: a duplicate arriving late, out of order. */
  async replayOldPush(): Promise<void> {
    const old = this.sentBodies[Math.floor(this.random() * this.sentBodies.length)];
    if (old) await this.sendPush(old.collection, old.body, false);
  }

  private async sendPush(collection: Collection, body: string, current: boolean): Promise<void> {
    const response = await this.send(`/api/sync/${collection}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (!response) return;
    if (response.status >= 500) return void (await response.body?.cancel());
    if (response.status !== 200)
      return void this.refusals.push(`${this.name} push ${collection}: ${response.status} ${await response.text()}`);
    const conflicts = ((await response.json()) as WireDocument[]).map(withoutDeleted);
    const conflicting = new Map(conflicts.map((doc) => [doc.id, doc]));
    const rows = JSON.parse(body) as { assumedMasterState: WireDocument | null; newDocumentState: WireDocument }[];
    for (const row of rows) {
      const state = withoutDeleted(row.newDocumentState);
      const server = conflicting.get(state.id);
      if (server) {
        this.sawServerVersion(collection, server);
        continue;
      }
      const assumed = row.assumedMasterState ? canonicalJson(withoutDeleted(row.assumedMasterState)) : null;
      this.acks.push({ collection, id: state.id, assumed, state: canonicalJson(state) });
      // A late duplicate acknowledges an old version: it tells the device nothing new.
      if (!current) continue;
      this.master.get(collection)?.set(state.id, state);
      if (canonicalJson(this.replica.get(collection)?.get(state.id)) === canonicalJson(state)) {
        this.intents.get(collection)?.delete(state.id);
      }
    }
  }

  /** The server's version of a document: the new base of its unpushed edits, re-applied in order. */
  private sawServerVersion(collection: Collection, server: Doc): void {
    this.master.get(collection)?.set(server.id, server);
    const pending = this.intents.get(collection)?.get(server.id);
    if (!pending) return void this.replica.get(collection)?.set(server.id, server);
    let doc: Doc | null = server;
    const kept: Intent[] = [];
    for (const intent of pending) {
      const next: Doc | null = intent(doc ?? undefined);
      if (next) {
        doc = next;
        kept.push(intent);
      }
    }
    this.replica.get(collection)?.set(server.id, doc ?? server);
    if (kept.length === 0 || canonicalJson(doc) === canonicalJson(server))
      this.intents.get(collection)?.delete(server.id);
    else this.intents.get(collection)?.set(server.id, kept);
  }

  /** Pulls to the end, sometimes from an older checkpoint again (pages already seen come twice). */
  async pull(collection: Collection, fromOld = false): Promise<boolean> {
    const history = this.checkpoints.get(collection) ?? [];
    let checkpoint: Checkpoint | null =
      fromOld && history.length > 0
        ? (history[Math.floor(this.random() * history.length)] ?? null)
        : (history.at(-1) ?? null);
    for (;;) {
      const query = new URLSearchParams({ limit: String(1 + Math.floor(this.random() * 40)) });
      if (checkpoint) {
        query.set('seq', String(checkpoint.seq));
        query.set('id', checkpoint.id);
      }
      const response = await this.send(`/api/sync/${collection}/pull?${query.toString()}`);
      if (!response) return false;
      if (response.status !== 200) {
        if (response.status < 500) this.refusals.push(`${this.name} pull ${collection}: ${response.status}`);
        await response.body?.cancel();
        return false;
      }
      const page = (await response.json()) as PullResponse;
      for (const doc of page.documents) this.sawServerVersion(collection, withoutDeleted(doc));
      if (page.documents.length === 0) return true;
      checkpoint = page.checkpoint;
      if (checkpoint && (history.at(-1)?.seq ?? -1) < checkpoint.seq) history.push(checkpoint);
    }
  }

  private shuffle<T>(list: T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}
