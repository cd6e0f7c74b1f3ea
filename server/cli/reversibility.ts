/**
 * `npm run server -- export-client --client ID --to FILE`: the provider's complete
 * reversibility export of one client (CG art. 23) into a ZIP file, as the lead's button makes it.
 * `npm run server -- import-client --from FILE`: loads such a file into this server, which must
 * not hold any of its documents yet (services/export/import-client.ts).
 * Both work on the database the server would use (stop a PGlite server first).
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Database } from '../db/database';
import { exportClient } from '../services/export/export-client';
import { importClient } from '../services/export/import-client';
import { checkOptions, type ParsedArgs, stringOption } from './args';

export async function exportClientCommand(
  db: Database,
  args: ParsedArgs,
  print: (line: string) => void,
): Promise<void> {
  checkOptions(args, ['client', 'to'], 'export-client');
  const clientId = stringOption(args, 'client');
  const to = stringOption(args, 'to');
  if (!clientId || !to) throw new Error('export-client: --client ID and --to FILE are required');
  // Written beside the target and renamed at the end: a failed export leaves no partial file.
  const partial = `${to}.partial`;
  try {
    const manifest = await exportClient(db, { clientId, account: null }, createWriteStream(partial));
    await rename(partial, to);
    const total = Object.values(manifest.collections).reduce((sum, c) => sum + c.documents, 0);
    print(
      `Exported ${manifest.client.name} (${manifest.client.code}): ${total} documents, ${manifest.reports} comptes-rendus, to ${to}.`,
    );
  } catch (error) {
    await rm(partial, { force: true });
    throw new Error(`export-client: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export async function importClientCommand(
  db: Database,
  args: ParsedArgs,
  print: (line: string) => void,
): Promise<void> {
  checkOptions(args, ['from'], 'import-client');
  const from = stringOption(args, 'from');
  if (!from) throw new Error('import-client: --from FILE is required');
  try {
    const result = await importClient(db, from);
    const total = Object.values(result.documents).reduce((sum, n) => sum + n, 0);
    print(`Imported ${result.client.name} (${result.client.code}): ${total} documents.`);
  } catch (error) {
    throw new Error(`import-client: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
