/**
 * CSV as French spreadsheets open it without difficulty (CG art. 23): UTF-8 with a byte-order
 * mark, `;` between cells, CRLF line ends, decimal comma, dates and times in Paris local time
 * (`JJ/MM/AAAA HH:MM:SS`), `oui`/`non`. One column per top-level field of the collection's
 * schema, in schema order; lists and objects are written as JSON text in their cell (the JSON
 * files hold the same data structured). Cells a spreadsheet would run as a formula (`=…`,
 * `@…`, `+`/`-` followed by a letter) get a leading `'`.
 */
import { collections, type CollectionName, moneySchema } from '../../../shared/schemas';

export type ColumnKind = 'text' | 'instant' | 'day' | 'money' | 'number' | 'boolean' | 'json';
export type Column = { name: string; kind: ColumnKind };

export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';

type ZodNode = { _zod: { def: { type: string; innerType?: ZodNode; format?: string } } };

function kindOf(node: ZodNode): ColumnKind {
  let current = node;
  while (current._zod.def.type === 'optional' || current._zod.def.type === 'default') {
    const inner = current._zod.def.innerType;
    if (!inner) break;
    current = inner;
  }
  if ((current as unknown) === moneySchema) return 'money';
  const { type, format } = current._zod.def;
  if (type === 'string' && format === 'datetime') return 'instant';
  if (type === 'string' && format === 'date') return 'day';
  if (type === 'string' || type === 'enum' || type === 'literal') return 'text';
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'json';
}

/** The columns of a collection, derived from its zod schema (so new fields appear by themselves). */
export function columnsOf(collection: CollectionName): Column[] {
  const shape = (collections[collection].schema as unknown as { shape: Record<string, ZodNode> }).shape;
  return Object.entries(shape).map(([name, node]) => ({ name, kind: kindOf(node) }));
}

const parisParts = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-03-02T09:05:00.000Z" → "02/03/2026 10:05:00" (Paris). */
export function parisDateTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const p: Record<string, string> = {};
  for (const part of parisParts.formatToParts(date)) p[part.type] = part.value;
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

function formatCell(kind: ColumnKind, value: unknown, replace?: (value: string) => string | undefined): string {
  if (value === undefined || value === null) return '';
  switch (kind) {
    case 'instant':
      return parisDateTime(String(value));
    case 'day': {
      const [y, m, d] = String(value).split('-');
      return `${d}/${m}/${y}`;
    }
    case 'money':
    case 'number':
      return String(value).replace('.', ',');
    case 'boolean':
      return value ? 'oui' : 'non';
    case 'text':
      return replace?.(String(value)) ?? String(value);
    case 'json':
      return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? (replace?.(v) ?? v) : v));
  }
}

function escape(cell: string): string {
  const safe = /^[=@\t\r]|^[+-][^\d\s,.]/.test(cell) ? `'${cell}` : cell;
  return /[";\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(columns: readonly Column[]): string {
  return CSV_BOM + columns.map((c) => escape(c.name)).join(SEPARATOR) + EOL;
}

/**
 * One document as a CSV line. `replace` may swap a string value for another (the export
 * writes a file's path instead of an embedded image).
 */
export function csvLine(
  columns: readonly Column[],
  doc: Record<string, unknown>,
  replace?: (value: string) => string | undefined,
): string {
  return columns.map((c) => escape(formatCell(c.kind, doc[c.name], replace))).join(SEPARATOR) + EOL;
}
