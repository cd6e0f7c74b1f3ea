/** Talking to the sync server as an admin from a test: users, reference documents, pulls. */
import type { Checkpoint, LoginResponse, PullResponse } from '../../../shared/sync';

export async function login(url: string, email: string, password: string): Promise<LoginResponse> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return (await response.json()) as LoginResponse;
}

export async function createUser(
  url: string,
  token: string,
  user: { email: string; name: string; role: string; password: string },
) {
  const response = await fetch(`${url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(user),
  });
  if (!response.ok) throw new Error(`create user: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

export async function push(url: string, token: string, collection: string, documents: Record<string, unknown>[]) {
  const response = await fetch(`${url}/api/sync/${collection}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(
      documents.map((d) => ({ assumedMasterState: null, newDocumentState: { ...d, _deleted: false } })),
    ),
  });
  if (!response.ok) throw new Error(`push ${collection}: ${response.status} ${await response.text()}`);
  const conflicts = (await response.json()) as unknown[];
  if (conflicts.length > 0) throw new Error(`push ${collection}: ${conflicts.length} conflict(s)`);
}

/** Every document of a collection on the server, sorted by id, without the deleted ones. */
export async function pullAll(url: string, token: string, collection: string): Promise<Record<string, unknown>[]> {
  const docs = new Map<string, Record<string, unknown>>();
  let checkpoint: Checkpoint | null = null;
  for (;;) {
    const params = new URLSearchParams({ limit: '1000' });
    if (checkpoint) {
      params.set('seq', String(checkpoint.seq));
      params.set('id', checkpoint.id);
    }
    const response = await fetch(`${url}/api/sync/${collection}/pull?${params.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`pull ${collection}: ${response.status}`);
    const page = (await response.json()) as PullResponse;
    for (const doc of page.documents) docs.set(String(doc.id), doc);
    // A short page is the end, unless the server cut it at its byte bound (`truncated`).
    if (page.documents.length === 0 || (page.documents.length < 1000 && !page.truncated)) break;
    checkpoint = page.checkpoint;
  }
  return [...docs.values()]
    .filter((d) => !d._deleted)
    .map(({ _deleted: _d, ...rest }) => rest)
    .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
}
