/**
 * The comptes-rendus as PDFs (pdfkit), French layout, drawn by one function (`drawReport`) for
 * both uses:
 * - the export: one file per month of the interventions' start, Paris time, one compte-rendu
 *   per page (or more). The interventions come from a cursor in chronological order, joined in
 *   SQL with their ticket, contract and people, so nothing of the client's history is held in
 *   memory; pdfkit writes each page out as the next one starts, and the bytes go to the archive
 *   with its backpressure;
 * - one compte-rendu downloaded from the extranet or the app (`reportPdf`, services/compte-rendu.ts),
 *   with the units it counted.
 *
 * The desktop app can also print a compte-rendu through the device (print-to-PDF, offline).
 */
import { once } from 'node:events';
import { type SQL, sql } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import { type BilledIntervention, frenchDuration } from '../../../shared/domain';
import { formatDate, formatDateLong, formatTime, isoDay } from '../../../shared/format';
import type { Intervention } from '../../../shared/schemas';
import type { Executor } from '../../db/database';
import { clientView } from '../client-scope';
import type { ScopeMode } from '../client-pages';
import { cursorBatches, type ReadCounter } from './read';
import type { ZipEntry, ZipWriter } from './zip-writer';

export type ReportRow = {
  doc: Intervention;
  reference: string | null;
  title: string | null;
  contract: string | null;
  technician: string | null;
  validator: string | null;
  /**
   * What the intervention counted on its contract (contractLedger), when the caller derived it:
   * the single download does, the export's cursor does not (it would need each contract's whole
   * history in memory) and gives the measured time only.
   */
  billed?: Pick<BilledIntervention, 'utConsumed' | 'halfDaysConsumed' | 'explanation'>;
};

const CHANNELS: Record<Intervention['channel'], string> = {
  hotline: 'Hotline',
  telemaintenance: 'Télémaintenance',
  onsite: 'Sur site',
  hosting: 'Salle d’hébergement',
};

/**
 * pdfkit keeps a few kilobytes per page until its document ends (measured: 3.3 kB), so a month
 * is split into files of at most this many comptes-rendus to keep the export's memory bounded
 * (and each file quick to open): `2026-03.pdf`, `2026-03-partie-2.pdf`…
 */
export const REPORTS_PER_FILE = 500;

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** pdfkit's standard fonts speak WinAnsi: Intl's no-break spaces become spaces, the rest stays. */
const pdfText = (text: string) => text.replace(/[\u202F\u00A0]/g, ' ');

/** Interventions (alias `i`) with what a compte-rendu names: ticket, contract and people. */
const REPORT_ROWS = sql`select i.doc as doc, t.doc->>'reference' as reference, t.doc->>'title' as title,
      c.doc->>'number' as contract, u.doc->>'name' as technician, v.doc->>'name' as validator
    from documents i
    left join documents t on t.collection = 'tickets' and t.id = i.doc->>'ticketId'
    left join documents c on c.collection = 'contracts' and c.id = i.doc->>'contractId'
    left join documents u on u.collection = 'users' and u.id = i.doc->>'technicianId'
    left join documents v on v.collection = 'users' and v.id = i.doc->>'validatedBy'
    where i.collection = 'interventions' and not i.deleted`;

/** Completed interventions of the client, oldest first, with what a compte-rendu names. */
export function reportsQuery(clientId: string): SQL {
  return sql`${REPORT_ROWS} and i.doc->>'clientId' = ${clientId} and i.doc ? 'completedAt'
    order by (i.doc->>'createdAt')::timestamptz, i.id`;
}

/** One intervention (completed or not, any client: the caller authorises), as reportsQuery's rows. */
export function reportQuery(interventionId: string): SQL {
  return sql`${REPORT_ROWS} and i.id = ${interventionId}`;
}

function measuredSeconds(intervention: Intervention): number {
  let ms = 0;
  for (const s of intervention.segments) if (s.end) ms += Date.parse(s.end) - Date.parse(s.start);
  return Math.floor(ms / 1000);
}

function at(instant: string): string {
  return `${formatDateLong(instant)} à ${formatTime(instant)}`;
}

/** One compte-rendu, from the top of the current page. */
export function drawReport(pdf: PDFKit.PDFDocument, row: ReportRow, client: { name: string; code: string }): void {
  const iv = row.doc;
  const start = iv.segments[0]?.start ?? iv.createdAt;
  pdf.font('Helvetica-Bold').fontSize(16).text('Compte-rendu d’intervention');
  pdf
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#555')
    .text(pdfText(`${client.name} — n° client ${client.code}`));
  pdf.moveDown(0.8).fillColor('#000');
  const lines: [string, string][] = [
    ['Ticket', `${row.reference ?? iv.ticketId}${row.title ? ` — ${row.title}` : ''}`],
    ['Contrat', row.contract ?? iv.contractId],
    ['Début', at(start)],
    ['Fin', iv.completedAt ? at(iv.completedAt) : '—'],
    ['Intervenant', row.technician ?? iv.technicianId],
    ['Canal', CHANNELS[iv.channel]],
    ['Temps mesuré', frenchDuration(measuredSeconds(iv))],
    ['Déplacements', iv.trips === 0 ? 'aucun' : `${iv.trips} aller-retour`],
  ];
  if (iv.halfDay) lines.push(['Facturation', 'sur le crédit de demi-journées']);
  if (row.billed) {
    const { utConsumed, halfDaysConsumed } = row.billed;
    lines.push([
      'Décompte',
      `${utConsumed} UT${halfDaysConsumed > 0 ? `, ${halfDaysConsumed} demi-journée${halfDaysConsumed > 1 ? 's' : ''}` : ''}`,
    ]);
  }
  lines.push([
    'Validation',
    iv.validatedAt
      ? `validée le ${formatDate(iv.validatedAt)} par ${row.validator ?? iv.validatedBy ?? ''}`
      : 'non validée',
  ]);
  if (iv.correctionOf) lines.push(['Correction', `remplace ${iv.correctionOf} : ${iv.correctionReason ?? ''}`]);
  for (const [label, value] of lines) {
    pdf.font('Helvetica-Bold').text(`${label} : `, { continued: true }).font('Helvetica').text(pdfText(value));
  }
  if (row.billed) {
    // The same French lines the app shows under a ticket's billing (shared/domain billing-text).
    pdf.moveDown(0.5).fontSize(9).fillColor('#333');
    for (const line of row.billed.explanation) pdf.text(pdfText(line.text));
    pdf.fontSize(10).fillColor('#000');
  }
  pdf.moveDown(1).font('Helvetica-Bold').fontSize(12).text('Compte-rendu');
  pdf
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(10)
    .text(pdfText(iv.report.trim() || '(aucun texte)'), { align: 'left' });
  if (iv.signature) {
    pdf.moveDown(1).font('Helvetica-Bold').text('Signature du client');
    pdf.font('Helvetica').text(pdfText(`${iv.signature.signerName}, le ${at(iv.signature.signedAt)}`));
    try {
      const png = Buffer.from(iv.signature.image.slice(iv.signature.image.indexOf(',') + 1), 'base64');
      pdf.image(png, { fit: [220, 90] });
    } catch {
      pdf.text('(image de signature illisible)');
    }
  }
  pdf.moveDown(2).fontSize(8).fillColor('#777').text(`Intervention ${iv.id}`).fillColor('#000');
}

/** One compte-rendu as a whole PDF file (a few kilobytes, plus its signature's image). */
export async function reportPdf(row: ReportRow, client: { name: string; code: string }): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(pdf, 'end');
  pdf.info.Title = pdfText(`Compte-rendu ${row.reference ?? row.doc.ticketId} — ${client.name}`);
  pdf.info.Author = 'Cadran';
  pdf.addPage();
  drawReport(pdf, row, client);
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Writes `comptes-rendus/AAAA-MM.pdf` entries; returns their names and the number of reports. */
export async function writeReports(
  zip: ZipWriter,
  tx: Executor,
  client: { id: string; name: string; code: string },
  mode: ScopeMode,
  counter: ReadCounter,
): Promise<{ files: string[]; reports: number }> {
  const files: string[] = [];
  let reports = 0;
  let month = '';
  let part = 0;
  let inFile = 0;
  let pdf: PDFKit.PDFDocument | null = null;
  let entry: ZipEntry | null = null;
  let chunks: Buffer[] = [];
  const flush = async () => {
    const pending = chunks;
    chunks = [];
    for (const chunk of pending) await entry?.write(chunk);
  };
  const close = async () => {
    if (!pdf) return;
    const ended = once(pdf, 'end');
    pdf.end();
    await ended;
    await flush();
    await entry?.end();
    pdf = null;
  };
  for await (const rows of cursorBatches<ReportRow>(tx, reportsQuery(client.id), counter, 200)) {
    for (const raw of rows) {
      const row = mode === 'account' ? { ...raw, doc: clientView('interventions', raw.doc) as Intervention } : raw;
      const start = row.doc.segments[0]?.start ?? row.doc.createdAt;
      const rowMonth = isoDay(start).slice(0, 7);
      if (rowMonth !== month || !pdf || inFile >= REPORTS_PER_FILE) {
        await close();
        part = rowMonth === month ? part + 1 : 1;
        month = rowMonth;
        inFile = 0;
        const name = `comptes-rendus/${month}${part > 1 ? `-partie-${part}` : ''}.pdf`;
        files.push(name);
        // The archive compresses the entry; pdfkit's own deflate would be done twice.
        pdf = new PDFDocument({ size: 'A4', margin: 56, compress: false, autoFirstPage: false });
        const [year, m] = month.split('-');
        pdf.info.Title = `Comptes-rendus ${MONTHS[Number(m) - 1]} ${year}${part > 1 ? ` (partie ${part})` : ''} — ${client.name}`;
        pdf.info.Author = 'Cadran';
        pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry = zip.entry(name);
      }
      pdf.addPage();
      drawReport(pdf, row, client);
      reports++;
      inFile++;
      await flush();
    }
  }
  await close();
  return { files, reports };
}
