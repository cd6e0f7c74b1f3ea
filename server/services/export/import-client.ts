/**
 * `import-client`: loads a reversibility export's JSON back into a Cadran server (a new
 * provider's, or a restored one). Every document is validated against the current schemas
 * (the archive's schema versions must be today's), then all are written in one transaction:
 * any invalid document, or any that already exists on this server, and nothing is written.
 * Documents get this server's seqs; their content is reproduced exactly. Accounts (passwords)
 * are not part of an export: people are invited again on the new server.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { collections, isCollectionName, validateDocument } from '../../../shared/schemas';
import type { Database } from '../../db/database';
import { writeDocuments } from '../document-store';
import { EXPORT_FORMAT, type ExportManifest } from './export-client';

const BATCH = 1000;

type Archive = { entries: Map<string, yauzl.Entry>; read(name: string): Promise<Readable>; close(): void };

function openArchive(path: string): Promise<Archive> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error(`cannot open ${path}`));
      const entries = new Map<string, yauzl.Entry>();
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('error', reject);
      zip.on('end', () =>
        resolve({
          entries,
          close: () => zip.close(),
          read: (name) =>
            new Promise((ok, ko) => {
              const entry = entries.get(name);
              if (!entry) return ko(new Error(`the archive has no ${name}`));
              zip.openReadStream(entry, (e, stream) => (e || !stream ? ko(e ?? new Error(name)) : ok(stream)));
            }),
        }),
      );
      zip.readEntry();
    });
  });
}

async function readText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The documents of one `json/<collection>.json`, read line by line (the export's layout). */
async function* jsonDocuments(stream: Readable, name: string): AsyncGenerator<Record<string, unknown>> {
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    if (line === 1) {
      if (!text.startsWith(`{"format":"${EXPORT_FORMAT}"`) || !text.endsWith('"documents":[')) {
        throw new Error(`${name}: not a Cadran export (first line)`);
      }
      continue;
    }
    if (text === ']}' || text === '') continue;
    try {
      yield JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${name}, line ${line}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
}

export type ImportResult = { client: ExportManifest['client']; documents: Record<string, number> };

export async function importClient(db: Database, path: string): Promise<ImportResult> {
  const archive = await openArchive(path);
  try {
    const manifest = JSON.parse(await readText(await archive.read('manifest.json'))) as ExportManifest;
    if (manifest.format !== EXPORT_FORMAT) throw new Error('manifest.json: not a Cadran reversibility export');
    for (const [name, facts] of Object.entries(manifest.collections)) {
      if (!isCollectionName(name)) throw new Error(`manifest.json: unknown collection "${name}"`);
      if (facts.schemaVersion !== collections[name].version) {
        throw new Error(
          `${name}: exported with schema version ${facts.schemaVersion}, this server is at ${collections[name].version}`,
        );
      }
    }
    const documents: Record<string, number> = {};
    await db.orm.transaction(async (tx) => {
      for (const name of Object.keys(manifest.collections)) {
        if (!isCollectionName(name)) continue;
        const file = `json/${name}.json`;
        let batch: Record<string, unknown>[] = [];
        let count = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const written = await writeDocuments(
            tx,
            name,
            batch.map((doc) => ({ id: String(doc.id), doc, deleted: false })),
            'import',
            'insert-if-absent',
          );
          if (written.length !== batch.length) {
            const fresh = new Set(written.map((row) => row.id));
            const taken = batch.find((doc) => !fresh.has(String(doc.id)));
            throw new Error(`${file}: document "${String(taken?.id)}" already exists on this server`);
          }
          batch = [];
        };
        for await (const doc of jsonDocuments(await archive.read(file), file)) {
          const checked = validateDocument(name, doc);
          if (!checked.ok) {
            const { documentId, field, message } = checked.failure;
            throw new Error(`${file}: document "${documentId}" is invalid at ${field}: ${message}`);
          }
          batch.push(doc);
          count++;
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        if (count !== manifest.collections[name].documents) {
          throw new Error(`${file}: ${count} documents, the manifest says ${manifest.collections[name].documents}`);
        }
        documents[name] = count;
      }
    });
    return { client: manifest.client, documents };
  } finally {
    archive.close();
  }
}
