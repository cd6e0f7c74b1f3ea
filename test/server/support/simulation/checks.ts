/**
 * What must hold at the end of a fault simulation, whatever happened in between.
 *
 * Every edit the devices make leaves a mark in the document that only it writes: a history
 * note on a ticket, a marker in an intervention's compte-rendu, the validation instant. So:
 * - **no acknowledged write lost**: each mark of each acknowledged version is in the server's
 *   final version (an edit overwritten by another device's, or lost in a crash after its
 *   acknowledgement, would be missing);
 * - **each exactly once**: no mark appears twice (an edit applied twice);
 * - **no lost update**: two acknowledged writes never start from one version to reach two
 *   different ones (the server writes only over the version a push assumed).
 */
import { contractLedger } from '../../../../shared/domain';
import type { Contract, Equipment, Intervention, Ticket } from '../../../../shared/schemas';
import type { Checkpoint, PullResponse } from '../../../../shared/sync';
import type { Ack, Collection, Doc } from './sim-device';

/** Every live document of a collection, by id, following the checkpoints to the end. */
export async function serverDocuments(url: string, token: string, collection: string): Promise<Map<string, Doc>> {
  const docs = new Map<string, Doc>();
  let checkpoint: Checkpoint | null = null;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000' });
    if (checkpoint) {
      query.set('seq', String(checkpoint.seq));
      query.set('id', checkpoint.id);
    }
    const response = await fetch(`${url}/api/sync/${collection}/pull?${query.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`pull ${collection}: ${response.status}`);
    const page = (await response.json()) as PullResponse;
    for (const { _deleted, ...doc } of page.documents) {
      if (_deleted) docs.delete(String(doc.id));
      else docs.set(String(doc.id), doc as Doc);
    }
    if (page.documents.length === 0) return docs;
    checkpoint = page.checkpoint;
  }
}

/** The marks of a document's version: its creation, its edits, its validation. */
export function marksOf(collection: Collection, doc: Doc): string[] {
  if (collection === 'tickets') {
    const history = (doc.history ?? []) as { note?: string }[];
    return ['created', ...history.flatMap((entry) => (entry.note?.startsWith('sim:') ? [entry.note] : []))];
  }
  const report = String(doc.report ?? '');
  return [
    'created',
    ...[...report.matchAll(/⟦[^⟧]+⟧/g)].map((m) => m[0]),
    ...(doc.validatedAt ? [`validated ${String(doc.validatedAt)} by ${String(doc.validatedBy)}`] : []),
  ];
}

/** Every acknowledged write of every device, checked against the server's final documents. */
export function acknowledgedWriteProblems(acks: readonly Ack[], server: Map<Collection, Map<string, Doc>>): string[] {
  const problems: string[] = [];
  const starts = new Map<string, Set<string>>();
  for (const ack of acks) {
    const key = `${ack.collection}/${ack.id}`;
    const final = server.get(ack.collection)?.get(ack.id);
    if (!final) {
      problems.push(`${key}: acknowledged but absent from the server`);
      continue;
    }
    const held = new Set(marksOf(ack.collection, final));
    for (const mark of marksOf(ack.collection, JSON.parse(ack.state) as Doc)) {
      if (!held.has(mark)) problems.push(`${key}: acknowledged "${mark}" is lost`);
    }
    if (ack.assumed !== null && ack.assumed !== ack.state) {
      const from = `${key} ${ack.assumed}`;
      starts.set(from, (starts.get(from) ?? new Set()).add(ack.state));
    }
  }
  for (const [from, to] of starts) {
    if (to.size > 1)
      problems.push(`${from.split(' ')[0]}: ${to.size} acknowledged writes from one version (lost update)`);
  }
  for (const [collection, docs] of server) {
    for (const doc of docs.values()) {
      const marks = marksOf(collection, doc);
      if (new Set(marks).size !== marks.length) problems.push(`${collection}/${doc.id}: an edit applied twice`);
    }
  }
  return [...new Set(problems)];
}

/** Invoice ids the ledger of each contract makes due, as the server's documents derive it. */
export function dueInvoiceIds(
  contracts: readonly Contract[],
  tickets: readonly Ticket[],
  equipment: readonly Equipment[],
  interventions: readonly Intervention[],
): string[] {
  return contracts.flatMap((contract) => {
    const ledger = contractLedger({
      contract,
      tickets: tickets.filter((t) => t.contractId === contract.id),
      equipment: equipment.filter((e) => e.clientId === contract.clientId),
      interventions: interventions.filter((i) => i.contractId === contract.id),
    });
    return [ledger.ut, ...(ledger.halfDays ? [ledger.halfDays] : [])].flatMap((credit) =>
      credit.blockEvents.map((event) => `${contract.id}:${credit.kind}:${event.block}`),
    );
  });
}
