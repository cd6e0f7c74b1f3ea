/**
 * Importing an inventory from a CSV file (Excel's French exports use ";", others ","; papaparse
 * detects which and handles quotes). Each line becomes an equipment item validated by the
 * shared schema, or a list of errors naming its line and column; nothing is written here.
 */
import Papa from 'papaparse';
import type { Equipment, EquipmentKind, ExpiryKind } from '../../../shared/schemas';
import { checkEquipment, type EquipmentInput } from '../clients/equipment-form';

export type CsvError = {
  key: 'kind' | 'name' | 'covered' | 'date' | 'field';
  column: string;
  value: string;
  /** For `field`: the shared form error (clients:errors.<message>) and its parameters. */
  message?: string;
  params?: Record<string, number | string>;
};
export type CsvLine = { line: number; equipment?: EquipmentInput; errors: CsvError[] };
export type CsvReport = { lines: CsvLine[]; unknownColumns: string[]; problem?: 'noName' | 'empty' };

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

type Column = 'kind' | 'name' | 'serial' | 'location' | 'covered' | ExpiryKind;
const COLUMNS: Record<string, Column> = {
  type: 'kind',
  kind: 'kind',
  categorie: 'kind',
  nom: 'name',
  name: 'name',
  designation: 'name',
  equipement: 'name',
  'numero de serie': 'serial',
  'n de serie': 'serial',
  serie: 'serial',
  serial: 'serial',
  'serial number': 'serial',
  emplacement: 'location',
  location: 'location',
  lieu: 'location',
  couvert: 'covered',
  covered: 'covered',
  garantie: 'warranty',
  'fin de garantie': 'warranty',
  warranty: 'warranty',
  antivirus: 'antivirus',
  'fin antivirus': 'antivirus',
  'pare feu': 'firewall',
  firewall: 'firewall',
  'passerelle av': 'av_gateway',
  'passerelle antivirus': 'av_gateway',
  'av gateway': 'av_gateway',
  licence: 'licence',
  license: 'licence',
  'fin de licence': 'licence',
};

const KINDS: Record<string, EquipmentKind> = {
  serveur: 'server',
  server: 'server',
  reseau: 'network',
  network: 'network',
  switch: 'network',
  commutateur: 'network',
  'borne wi fi': 'network',
  'pare feu': 'firewall',
  firewall: 'firewall',
  'passerelle av': 'av_gateway',
  'passerelle antivirus': 'av_gateway',
  'av gateway': 'av_gateway',
  pc: 'pc',
  poste: 'pc',
  'poste de travail': 'pc',
  portable: 'pc',
  imprimante: 'printer',
  copieur: 'printer',
  printer: 'printer',
  logiciel: 'software',
  software: 'software',
  licence: 'licence',
  license: 'licence',
  autre: 'other',
  other: 'other',
};

const YES = new Set(['oui', 'o', 'yes', 'y', '1', 'x', 'vrai', 'true', 'couvert']);
const NO = new Set(['non', 'n', 'no', '0', '', 'faux', 'false']);

/** "31/12/2026", "31-12-2026", "2026-12-31" → "2026-12-31"; null when not a real day. */
export function parseDay(text: string): string | null {
  const value = text.trim();
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = fr ? [fr[3], fr[2], fr[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const probe = new Date(`${day}T12:00:00Z`);
  return !Number.isNaN(probe.getTime()) && probe.toISOString().slice(0, 10) === day ? day : null;
}

export function parseInventoryCsv(text: string, clientId: string): CsvReport {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (!header || rows.length === 0) return { lines: [], unknownColumns: [], problem: 'empty' };
  const columns = header.map((h) => COLUMNS[fold(h)]);
  const unknownColumns = header
    .filter((_, i) => columns[i] === undefined)
    .map((h) => h.trim())
    .filter(Boolean);
  if (!columns.includes('name')) return { lines: [], unknownColumns, problem: 'noName' };
  const lines = rows.map((cells, index): CsvLine => {
    const line = index + 2;
    const errors: CsvError[] = [];
    const value = (column: Column) => cells[columns.indexOf(column)]?.trim() ?? '';
    const label = (column: Column) => header[columns.indexOf(column)]?.trim() ?? column;
    const kindText = value('kind');
    const kind = kindText ? KINDS[fold(kindText)] : 'other';
    if (!kind) errors.push({ key: 'kind', column: label('kind'), value: kindText });
    if (!value('name')) errors.push({ key: 'name', column: label('name'), value: '' });
    const coveredText = fold(value('covered'));
    const covered = YES.has(coveredText);
    if (!covered && !NO.has(coveredText))
      errors.push({ key: 'covered', column: label('covered'), value: value('covered') });
    const expiries: Equipment['expiries'] = [];
    for (const expiryKind of ['warranty', 'antivirus', 'firewall', 'av_gateway', 'licence'] as const) {
      const raw = columns.includes(expiryKind) ? value(expiryKind) : '';
      if (!raw) continue;
      const date = parseDay(raw);
      if (date) expiries.push({ kind: expiryKind, label: '', date });
      else errors.push({ key: 'date', column: label(expiryKind), value: raw });
    }
    if (errors.length > 0) return { line, errors };
    const checked = checkEquipment(
      {
        kind: kind ?? 'other',
        name: value('name'),
        serial: value('serial'),
        location: value('location'),
        covered,
        retired: false,
        expiries,
      },
      clientId,
    );
    if (!checked.ok) {
      return {
        line,
        errors: Object.entries(checked.errors).map(([field, error]) => ({
          key: 'field' as const,
          column: field,
          value: '',
          message: error.key,
          ...(error.params ? { params: error.params } : {}),
        })),
      };
    }
    return { line, equipment: checked.equipment, errors: [] };
  });
  return { lines, unknownColumns };
}
