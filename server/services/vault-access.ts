/**
 * Reads `clients.vaultAccess` for the clients a set of vault entries belongs to, as the
 * look-up authorisation.ts expects. A deleted or unknown client grants nobody.
 */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/database';
import type { VaultAccessLookup } from './authorisation';

export async function loadVaultAccess(db: Executor, clientIds: readonly unknown[]): Promise<VaultAccessLookup> {
  const ids = [...new Set(clientIds.filter((id): id is string => typeof id === 'string'))];
  if (ids.length === 0) return () => [];
  const rows = await queryRows<{ id: string; access: string[] | null }>(
    db,
    sql`select id, doc->'vaultAccess' as access from documents
        where collection = 'clients' and not deleted
          and id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  );
  const byClient = new Map(rows.map((row) => [row.id, Array.isArray(row.access) ? row.access : []]));
  return (clientId) => byClient.get(clientId) ?? [];
}
