/**
 * One compte-rendu as a PDF, for whoever may read its intervention (docs/server.md, matrix row
 * "compte-rendu (PDF)"): staff as they read interventions (every role reads them all); a client
 * account only a completed intervention of its own clients, drawn from what it receives of it
 * (client-scope.ts `interventionForClient`: one segment, no pauses). Anything else — unknown,
 * deleted, another client's, not yet completed for a client — is `null`, which the route answers
 * as one and the same 404, so a client account cannot learn which ids exist elsewhere.
 *
 * The units counted are derived as devices derive them (contractLedger over the contract's
 * tickets, equipment and interventions — in the client's view for a client, which bills the same
 * by construction of that view).
 */
import { contractLedger } from '../../shared/domain';
import type { Contract, Equipment, Intervention, Ticket } from '../../shared/schemas';
import type { AuthUser } from '../../shared/sync';
import { type Executor, queryRows } from '../db/database';
import { canReadDocument, isClientAccount } from './authorisation';
import { clientView } from './client-scope';
import { currentDocuments, documentsWhere } from './document-store';
import { findClient } from './export/export-client';
import { type ReportRow, reportPdf, reportQuery } from './export/reports-pdf';

export type CompteRendu = { pdf: Buffer; fileName: string };

/** A file name any system accepts: `compte-rendu-T-2604-X002-2026-04-07.pdf`. */
export function compteRenduFileName(reference: string | null, instant: string): string {
  const safe = (reference ?? 'intervention').replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'intervention';
  return `compte-rendu-${safe}-${instant.slice(0, 10)}.pdf`;
}

export async function compteRendu(db: Executor, user: AuthUser, interventionId: string): Promise<CompteRendu | null> {
  const [raw] = await queryRows<ReportRow>(db, reportQuery(interventionId));
  if (!raw) return null;
  // Interventions are no vault: the grants look-up is never read for them.
  if (!canReadDocument(user, 'interventions', raw.doc, () => [])) return null;
  const client = isClientAccount(user);
  if (client && raw.doc.completedAt === undefined) return null;
  const seen = (iv: Intervention) => (client ? (clientView('interventions', iv) as Intervention) : iv);
  const row: ReportRow = { ...raw, doc: seen(raw.doc) };

  const [owner, contracts, tickets, equipment, interventions] = await Promise.all([
    findClient(db, row.doc.clientId),
    currentDocuments(db, 'contracts', [row.doc.contractId]),
    documentsWhere<Ticket>(db, 'tickets', 'contractId', row.doc.contractId),
    documentsWhere<Equipment>(db, 'equipment', 'clientId', row.doc.clientId),
    documentsWhere<Intervention>(db, 'interventions', 'contractId', row.doc.contractId),
  ]);
  if (!owner) return null;
  const stored = contracts.get(row.doc.contractId);
  const contract = stored && !stored.deleted ? (stored.doc as Contract) : undefined;
  if (contract) {
    const ledger = contractLedger({ contract, tickets, equipment, interventions: interventions.map(seen) });
    const billed = ledger.billed.get(row.doc.id);
    if (billed) row.billed = billed;
  }
  const pdf = await reportPdf(row, owner);
  return { pdf, fileName: compteRenduFileName(row.reference, row.doc.completedAt ?? row.doc.createdAt) };
}
