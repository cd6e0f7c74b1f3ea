/**
 * The reversibility export of one client (CG art. 23): a ZIP streamed to `output` with, for
 * every collection (generic over COLLECTION_NAMES, so a collection added later is exported
 * without touching this file), its documents as JSON and CSV and the files embedded in them;
 * the comptes-rendus as PDFs; a LISEZMOI.md describing every field; a manifest last.
 *
 * Which documents: those the client owns (client-scope.ts `owner`) — all of them when the
 * provider exports (`account: null`), or what a client account may read, as it sees them, when
 * that account exports its own client. The vault is exported as stored: ciphertext only.
 *
 * Memory: one cursor batch of rows and two ZIP entry buffers at a time (zip-writer.ts); the
 * archive is never assembled in memory.
 */
import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { COLLECTION_NAMES, type CollectionName, collections } from '../../../shared/schemas';
import type { AuthUser } from '../../../shared/sync';
import { type Database, type Executor, queryRows } from '../../db/database';
import { notFound } from '../../errors';
import type { ScopeMode } from '../client-pages';
import type { ClientScope } from '../client-scope';
import { columnsOf, csvHeader, csvLine } from './csv';
import { embeddedFiles } from './embedded-files';
import { inSnapshot, type ReadCounter, scopedDocuments } from './read';
import { readme } from './readme';
import { writeReports } from './reports-pdf';
import { ZipWriter } from './zip-writer';

export const EXPORT_FORMAT = 'cadran-reversibilite';
export const EXPORT_FORMAT_VERSION = 1;

export type ExportRequest = {
  clientId: string;
  /** The client account exporting its own client; null for the provider's complete export. */
  account: AuthUser | null;
};

export type ExportManifest = {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  exportedAt: string;
  complete: boolean;
  client: { id: string; name: string; code: string };
  collections: Record<CollectionName, { schemaVersion: number; documents: number }>;
  reports: number;
  files: string[];
};

type ClientHeader = { id: string; name: string; code: string };

export async function findClient(db: Executor, clientId: string): Promise<ClientHeader | null> {
  const rows = await queryRows<ClientHeader>(
    db,
    sql`select id, doc->>'name' as name, doc->>'code' as code from documents
        where collection = 'clients' and id = ${clientId} and not deleted`,
  );
  return rows[0] ?? null;
}

export async function exportClient(
  db: Database,
  request: ExportRequest,
  output: Writable,
  options: { now?: Date; counter?: ReadCounter } = {},
): Promise<ExportManifest> {
  const now = options.now ?? new Date();
  const counter = options.counter ?? { rows: 0 };
  const scope: ClientScope = { clientIds: [request.clientId], accountId: request.account?.id ?? null };
  const mode: ScopeMode = request.account ? 'account' : 'owned';
  const zip = new ZipWriter(output, now);
  try {
    const manifest = await inSnapshot(db.orm, async (tx) => {
      const client = await findClient(tx, request.clientId);
      if (!client) throw notFound(`No client "${request.clientId}".`);
      const exportedAt = now.toISOString();
      await zip.file(
        'LISEZMOI.md',
        readme({ clientName: client.name, clientCode: client.code, exportedAt, complete: mode === 'owned' }),
      );
      const counts = {} as ExportManifest['collections'];
      const files: string[] = [];
      for (const collection of COLLECTION_NAMES) {
        const count = await writeJson(zip, tx, collection, scope, mode, counter, { client, exportedAt });
        const embedded = await writeCsv(zip, tx, collection, scope, mode, counter);
        if (embedded) files.push(...(await writeFiles(zip, tx, collection, scope, mode, counter)));
        counts[collection] = { schemaVersion: collections[collection].version, documents: count };
      }
      const reports = await writeReports(zip, tx, client, mode, counter);
      files.push(...reports.files);
      return {
        format: EXPORT_FORMAT,
        formatVersion: EXPORT_FORMAT_VERSION,
        exportedAt,
        complete: mode === 'owned',
        client,
        collections: counts,
        reports: reports.reports,
        files,
      } satisfies ExportManifest;
    });
    await zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    await zip.finish();
    return manifest;
  } catch (error) {
    zip.abort(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

/** `json/<collection>.json`: a header line, one document per line, and the closing line. */
async function writeJson(
  zip: ZipWriter,
  tx: Executor,
  collection: CollectionName,
  scope: ClientScope,
  mode: ScopeMode,
  counter: ReadCounter,
  facts: { client: ClientHeader; exportedAt: string },
): Promise<number> {
  const entry = zip.entry(`json/${collection}.json`);
  const header = {
    format: EXPORT_FORMAT,
    collection,
    schemaVersion: collections[collection].version,
    client: facts.client,
    exportedAt: facts.exportedAt,
  };
  await entry.write(`${JSON.stringify(header).slice(0, -1)},"documents":[\n`);
  let count = 0;
  for await (const docs of scopedDocuments(tx, collection, scope, mode, counter)) {
    let text = '';
    for (const doc of docs) text += `${count++ === 0 ? '' : ',\n'}${JSON.stringify(doc)}`;
    await entry.write(text);
  }
  await entry.write(`${count === 0 ? '' : '\n'}]}\n`);
  await entry.end();
  return count;
}

/** `csv/<collection>.csv`; says whether any document holds an embedded file. */
async function writeCsv(
  zip: ZipWriter,
  tx: Executor,
  collection: CollectionName,
  scope: ClientScope,
  mode: ScopeMode,
  counter: ReadCounter,
): Promise<boolean> {
  const columns = columnsOf(collection);
  const entry = zip.entry(`csv/${collection}.csv`);
  await entry.write(csvHeader(columns));
  let embedded = false;
  for await (const docs of scopedDocuments(tx, collection, scope, mode, counter)) {
    let text = '';
    for (const doc of docs) {
      const files = embeddedFiles(collection, doc);
      if (files.length > 0) embedded = true;
      const paths = new Map(files.map((file) => [file.value, file.path]));
      text += csvLine(columns, doc, paths.size > 0 ? (value) => paths.get(value) : undefined);
    }
    await entry.write(text);
  }
  await entry.end();
  return embedded;
}

/** The embedded files of a collection, one entry each. */
async function writeFiles(
  zip: ZipWriter,
  tx: Executor,
  collection: CollectionName,
  scope: ClientScope,
  mode: ScopeMode,
  counter: ReadCounter,
): Promise<string[]> {
  const names: string[] = [];
  for await (const docs of scopedDocuments(tx, collection, scope, mode, counter)) {
    for (const doc of docs) {
      for (const file of embeddedFiles(collection, doc)) {
        await zip.file(file.path, file.bytes());
        names.push(file.path);
      }
    }
  }
  return names;
}
