/**
 * The reversibility export (CG art. 23) through its endpoint: what a lead's complete archive
 * holds, in which formats, what a client account's own archive leaves out, who may export, and
 * that the vault decrypts with its passphrase following the archive's own instructions.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/database';
import { collections, COLLECTION_NAMES, type Intervention } from '../../shared/schemas';
import { BACKENDS } from './support/databases';
import { type Account, addClientAccount } from './support/client-accounts';
import {
  exportedDocuments,
  seedExportClients,
  DIAGRAM_SVG,
  SIGNATURE_PNG,
  unzip,
  VAULT_PASSPHRASE,
  VAULT_SECRET,
} from './support/export-fixtures';
import { startTestServer, type TestServer, type Who } from './support/server';

const run = promisify(execFile);

describe.each(BACKENDS)('reversibility export on %s', (backend) => {
  let server: TestServer;
  let client: Account;
  let complete: Map<string, Buffer>;

  const download = async (token: string, clientId = 'cl-x') =>
    server.app.inject({
      method: 'GET',
      url: `/api/clients/${clientId}/export`,
      headers: { authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    server = await startTestServer(backend);
    await seedExportClients(server);
    client = await addClientAccount(server, ['cl-x'], 'xavier@boulangerie.fr', 'Xavier Boulanger');
    const response = await download(await server.token('lead'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="reversibilite-C-0042-\d{4}-\d\d-\d\d\.zip"$/,
    );
    complete = await unzip(response.rawPayload);
  }, 60_000);
  afterAll(() => server.close());

  it('holds every collection as JSON and CSV, the comptes-rendus, the files, a README and a manifest', () => {
    const names = [...complete.keys()];
    for (const collection of COLLECTION_NAMES) {
      expect(names).toContain(`json/${collection}.json`);
      expect(names).toContain(`csv/${collection}.csv`);
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'LISEZMOI.md',
        'manifest.json',
        'comptes-rendus/2026-03.pdf',
        'comptes-rendus/2026-04.pdf',
        'fichiers/interventions/iv-x2-signature.image.png',
        'fichiers/attachments/at-x1-synoptique_LAN.svg',
      ]),
    );
    // A document that is a file (the dossier's network diagram) is given as the file itself.
    expect(complete.get('fichiers/attachments/at-x1-synoptique_LAN.svg')?.toString('utf8')).toBe(DIAGRAM_SVG);
    expect(complete.get('csv/attachments.csv')?.toString('utf8')).toContain(
      'fichiers/attachments/at-x1-synoptique_LAN.svg',
    );
    expect(complete.get('fichiers/interventions/iv-x2-signature.image.png')).toEqual(
      Buffer.from(SIGNATURE_PNG.split(',')[1] ?? '', 'base64'),
    );
    const manifest = JSON.parse(complete.get('manifest.json')?.toString() ?? '{}');
    expect(manifest).toMatchObject({
      format: 'cadran-reversibilite',
      complete: true,
      client: { id: 'cl-x' },
      reports: 2,
    });
    expect(manifest.collections.interventions).toEqual({
      schemaVersion: collections.interventions.version,
      documents: 3,
    });
  });

  it('exports all of that client’s documents as stored, and none of another client’s', async () => {
    for (const collection of COLLECTION_NAMES) {
      const exported = exportedDocuments(complete, collection);
      // What the server holds (the vault too, which no pull shows a lead not granted it).
      const stored = (
        await queryRows<{ doc: Record<string, unknown> }>(
          server.db.orm,
          sql`select doc from documents where collection = ${collection} and not deleted`,
        )
      ).map((row) => row.doc);
      const owned = stored.filter((doc) =>
        collection === 'clients'
          ? doc.id === 'cl-x'
          : collection === 'users'
            ? doc.role !== 'client' || (doc.clientIds as string[]).includes('cl-x')
            : doc.clientId === 'cl-x',
      );
      const byId = (a: { id?: unknown }, b: { id?: unknown }) => String(a.id).localeCompare(String(b.id));
      expect(exported.sort(byId), collection).toEqual(owned.sort(byId));
    }
    const all = [...complete.values()].map((b) => b.toString('latin1')).join('\n');
    for (const foreign of ['cl-y', 'Garage Yvon', 'Chez Yvon', 'vt-y1']) expect(all).not.toContain(foreign);
  });

  it('writes CSV for a French spreadsheet: BOM, semicolons, decimal comma, Paris dates, quoted and guarded cells', () => {
    const invoices = complete.get('csv/invoices.csv')?.toString('utf8') ?? '';
    expect(invoices.startsWith('\uFEFFid;updatedAt;contractId;clientId;kind;block;')).toBe(true);
    const [header, row] = invoices.split('\r\n');
    const cells = row?.split(';') ?? [];
    const column = (name: string) => cells[(header ?? '').replace('\uFEFF', '').split(';').indexOf(name)];
    expect(column('amountHT')).toBe('1234,50');
    expect(column('issuedAt')).toBe('02/03/2026 10:00:00');
    const tickets = complete.get('csv/tickets.csv')?.toString('utf8') ?? '';
    expect(tickets).toContain('"Serveur lent; très lent"');
    expect(tickets).toContain(";'=Imprimante;");
    const interventions = complete.get('csv/interventions.csv')?.toString('utf8') ?? '';
    expect(interventions).toContain('fichiers/interventions/iv-x2-signature.image.png');
    expect(interventions).not.toContain('data:image/png');
  });

  it('writes one PDF per month, a page per completed compte-rendu', () => {
    const march = complete.get('comptes-rendus/2026-03.pdf')?.toString('latin1') ?? '';
    const april = complete.get('comptes-rendus/2026-04.pdf')?.toString('latin1') ?? '';
    expect(march.startsWith('%PDF-')).toBe(true);
    const pages = (pdf: string) => pdf.match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages(march)).toBe(1);
    // iv-x2 signed (with its image); iv-x3 still running has no compte-rendu yet.
    expect(pages(april)).toBe(1);
    expect(april).toContain('/Subtype /Image');
  });

  it('keeps the vault as ciphertext that the archive’s own instructions decrypt with the passphrase', async () => {
    const [entry] = exportedDocuments(complete, 'vault');
    expect(JSON.stringify(entry)).not.toContain(VAULT_SECRET);
    const readmeText = complete.get('LISEZMOI.md')?.toString('utf8') ?? '';
    const script = /```js\n([\s\S]+?)```/.exec(readmeText)?.[1];
    expect(script).toBeDefined();
    const dir = await mkdtemp(path.join(tmpdir(), 'cadran-vault-'));
    await writeFile(path.join(dir, 'dechiffrer.mjs'), script ?? '');
    // What `npm install hash-wasm` in that folder gives: the package, from this project's install.
    await symlink(path.resolve('node_modules'), path.join(dir, 'node_modules'));
    const line = (complete.get('json/vault.json')?.toString('utf8') ?? '').split('\n')[1] ?? '';
    await writeFile(path.join(dir, 'entree.json'), line);
    const { stdout } = await run('sh', ['-c', `node dechiffrer.mjs "${VAULT_PASSPHRASE}" < entree.json`], { cwd: dir });
    expect(stdout.trim()).toBe(VAULT_SECRET);
  });

  it('describes every field of every collection in the README', () => {
    const readmeText = complete.get('LISEZMOI.md')?.toString('utf8') ?? '';
    for (const collection of COLLECTION_NAMES) expect(readmeText).toContain(`## ${collection} — `);
    expect(readmeText).toContain('| `segments` | liste ou objet (JSON) |');
    expect(readmeText).toContain('| `amountHT` | montant (€) |');
    expect(readmeText).not.toMatch(/\| `\w+` \| [^|]+ \| {2}\|/);
  });

  it('gives a client account its own client as it sees it, and refuses the others', async () => {
    const own = await download(client.token);
    expect(own.statusCode).toBe(200);
    const files = await unzip(own.rawPayload);
    const manifest = JSON.parse(files.get('manifest.json')?.toString() ?? '{}');
    expect(manifest.complete).toBe(false);
    expect(exportedDocuments(files, 'clients')[0]).not.toHaveProperty('notes');
    expect(exportedDocuments(files, 'logbook').map((d) => d.id)).toEqual(['lb-x1']);
    // Not granted the vault: none of it.
    expect(exportedDocuments(files, 'vault')).toEqual([]);
    const paused = exportedDocuments(files, 'interventions').find((d) => d.id === 'iv-x1') as Intervention;
    expect(paused.segments).toHaveLength(1);

    expect((await download(client.token, 'cl-y')).statusCode).toBe(403);
    const refusedFor: Who[] = ['tech'];
    for (const who of refusedFor) expect((await download(await server.token(who))).statusCode).toBe(403);
    expect((await download(await server.token('admin'), 'cl-nowhere')).statusCode).toBe(404);
  });
});
