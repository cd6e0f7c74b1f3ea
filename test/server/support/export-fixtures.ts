/**
 * A client with a little of everything for the export suites — a contract, equipment, tickets,
 * interventions over two months (one with pauses, one signed on site), main courante lines
 * (one internal), a vault entry encrypted with a known passphrase, an invoice — beside another
 * client whose documents must never appear in the first one's archive. And reading a ZIP back.
 */
import yauzl from 'yauzl';
import type { Intervention } from '../../../shared/schemas';
import { demoVaultCipher } from '../../../server/demo/vault';
import { seededRandom } from '../../../server/demo/random';
import { aClient, aContract, anAttachment, anEquipment, anInvoice, aTicket } from './documents';
import { docOf, store } from './scoped-documents';
import type { TestServer } from './server';

export const VAULT_PASSPHRASE = 'coffre-demo-2026';
export const VAULT_SECRET = 'Routeur-S3cret!';
/** A 1×1 PNG, as devices store a drawn signature. */
export const SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The network diagram of cl-x, an SVG file of the dossier technique. */
export const DIAGRAM_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>LAN</text></svg>';
const DIAGRAM = { data: Buffer.from(DIAGRAM_SVG).toString('base64'), size: Buffer.byteLength(DIAGRAM_SVG) };

export async function seedExportClients(server: TestServer, options: { vaultAccess?: string[] } = {}) {
  const cipher = demoVaultCipher(seededRandom(7));
  await store(server, 'clients', [
    aClient({
      id: 'cl-x',
      name: 'Boulangerie Xavier',
      code: 'C-0042',
      notes: 'Note interne du prestataire.',
      vaultAccess: options.vaultAccess ?? [],
    }),
    aClient({ id: 'cl-y', name: 'Garage Yvon', code: 'C-0099' }),
  ]);
  await store(server, 'contracts', [
    aContract({ id: 'ct-x', clientId: 'cl-x', number: 'CI-2026-0042' }),
    aContract({ id: 'ct-y', clientId: 'cl-y', number: 'CI-2026-0099' }),
  ]);
  await store(server, 'equipment', [
    anEquipment({ id: 'eq-x', clientId: 'cl-x', name: 'Serveur de fichiers', covered: true, kind: 'server' }),
  ]);
  await store(server, 'tickets', [
    aTicket({
      id: 'tk-x1',
      clientId: 'cl-x',
      contractId: 'ct-x',
      reference: 'T-2603-X001',
      title: 'Serveur lent; très lent',
    }),
    aTicket({ id: 'tk-x2', clientId: 'cl-x', contractId: 'ct-x', reference: 'T-2604-X002', title: '=Imprimante' }),
    aTicket({ id: 'tk-y1', clientId: 'cl-y', contractId: 'ct-y', reference: 'T-2603-Y001', title: 'Chez Yvon' }),
  ]);
  const paused: Intervention = {
    ...docOf('interventions', 'iv-x1', 'cl-x'),
    ticketId: 'tk-x1',
    contractId: 'ct-x',
    technicianId: server.users.tech.id,
    report: 'Redémarrage du serveur, vérification des sauvegardes : tout est rentré dans l’ordre.',
  };
  const signed: Intervention = {
    ...docOf('interventions', 'iv-x2', 'cl-x'),
    ticketId: 'tk-x2',
    contractId: 'ct-x',
    channel: 'onsite',
    trips: 1,
    segments: [{ start: '2026-04-07T07:30:00.000Z', end: '2026-04-07T09:00:00.000Z' }],
    completedAt: '2026-04-07T09:00:00.000Z',
    createdAt: '2026-04-07T07:30:00.000Z',
    technicianId: server.users.tech2.id,
    report: 'Remplacement du toner, test d’impression.',
    signature: { signerName: 'Xavier Boulanger', image: SIGNATURE_PNG, signedAt: '2026-04-07T09:01:00.000Z' },
    validatedAt: '2026-04-08T10:00:00.000Z',
    validatedBy: server.users.lead.id,
  };
  const running: Intervention = {
    ...docOf('interventions', 'iv-x3', 'cl-x'),
    ticketId: 'tk-x2',
    contractId: 'ct-x',
    segments: [{ start: '2026-04-09T08:00:00.000Z' }],
    report: '',
  };
  delete (running as { completedAt?: string }).completedAt;
  await store(server, 'interventions', [
    paused,
    signed,
    running,
    { ...docOf('interventions', 'iv-y1', 'cl-y'), ticketId: 'tk-y1', contractId: 'ct-y', report: 'Chez Yvon.' },
  ]);
  await store(server, 'logbook', [
    docOf('logbook', 'lb-x1', 'cl-x'),
    { ...docOf('logbook', 'lb-x2', 'cl-x', { internal: true }), kind: 'vault_reveal', text: 'Consultation du coffre' },
    docOf('logbook', 'lb-y1', 'cl-y'),
  ]);
  await store(server, 'vault', [
    {
      ...docOf('vault', 'vt-x1', 'cl-x'),
      label: 'Routeur',
      cipher: cipher({ id: 'vt-x1', clientId: 'cl-x' }, VAULT_SECRET),
    },
    { ...docOf('vault', 'vt-y1', 'cl-y'), cipher: cipher({ id: 'vt-y1', clientId: 'cl-y' }, 'chez-yvon') },
  ]);
  await store(server, 'attachments', [
    anAttachment({
      id: 'at-x1',
      clientId: 'cl-x',
      fileName: 'synoptique LAN.svg',
      mediaType: 'image/svg+xml',
      ...DIAGRAM,
    }),
  ]);
  await store(server, 'invoices', [
    anInvoice({ id: 'ct-x:ut:1', clientId: 'cl-x', contractId: 'ct-x', block: 1, amountHT: '1234.50' }),
    anInvoice({ id: 'ct-y:ut:1', clientId: 'cl-y', contractId: 'ct-y', block: 1 }),
  ]);
}

/** Every entry of a ZIP buffer, as bytes. */
export function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(entry.fileName));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The documents of a `json/<collection>.json` entry. */
export function exportedDocuments(files: Map<string, Buffer>, collection: string): Record<string, unknown>[] {
  const text = files.get(`json/${collection}.json`)?.toString('utf8');
  if (text === undefined) throw new Error(`no json/${collection}.json`);
  return (JSON.parse(text) as { documents: Record<string, unknown>[] }).documents;
}
