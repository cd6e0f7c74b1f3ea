/**
 * Tables exported for spreadsheets: CSV and XLSX, with French headers and French numbers.
 *
 * CSV for a French Excel: UTF-8 with a byte-order mark (else Excel reads it as Windows-1252 and
 * "Équipe" becomes "Ã‰quipe"), `;` between fields (the comma is the decimal separator), a decimal
 * comma and no thousands separator (a narrow space would turn the number into text), CRLF line
 * ends, and fields quoted when they hold `;`, quotes or line breaks. A text cell starting with
 * `=`, `+`, `-` or `@` gets a leading apostrophe so a compte-rendu can never run as a formula.
 *
 * XLSX (exceljs, loaded only when a lead exports): numbers are real numbers with a number format
 * and days are real dates, so Excel shows them the French way and can sum and sort them.
 */

export type ColumnKind = 'text' | 'integer' | 'decimal' | 'date';

export type ExportColumn = {
  header: string;
  kind: ColumnKind;
  /** Decimal places of a decimal column (default 2). */
  digits?: number;
  /** Width in characters in the XLSX sheet. */
  width?: number;
};

/** A cell: text, a number, a day as 'YYYY-MM-DD' for date columns, or null when empty. */
export type ExportCell = string | number | null;

export type ExportTable = { name: string; columns: ExportColumn[]; rows: ExportCell[][] };

const BOM = '\uFEFF';

function checkCell(table: ExportTable, row: number, column: number, cell: ExportCell): void {
  const kind = table.columns[column]?.kind;
  if (cell === null) return;
  if ((kind === 'integer' || kind === 'decimal') && (typeof cell !== 'number' || !Number.isFinite(cell))) {
    throw new TypeError(
      `rows[${row}][${column}]: "${table.columns[column]?.header}" expects a number (${String(cell)})`,
    );
  }
  if (kind === 'date' && (typeof cell !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(cell))) {
    throw new TypeError(
      `rows[${row}][${column}]: "${table.columns[column]?.header}" expects a day YYYY-MM-DD (${String(cell)})`,
    );
  }
}

function frenchNumber(value: number, column: ExportColumn): string {
  const digits = column.kind === 'integer' ? 0 : (column.digits ?? 2);
  return value.toFixed(digits).replace('.', ',');
}

function frenchDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The table as CSV text, BOM included.
 * toCsv({ name, columns: [{ header: 'Client', kind: 'text' }, { header: 'Heures', kind: 'decimal' }], rows: [['Dupont; fils', 1.5]] })
 * → '\uFEFFClient;Heures\r\n"Dupont; fils";1,50\r\n'.
 */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns.map((c) => csvField(c.header)).join(';')];
  table.rows.forEach((row, r) => {
    if (row.length !== table.columns.length) {
      throw new RangeError(`rows[${r}]: ${row.length} cells for ${table.columns.length} columns`);
    }
    lines.push(
      row
        .map((cell, c) => {
          checkCell(table, r, c, cell);
          const column = table.columns[c] as ExportColumn;
          if (cell === null) return '';
          if (typeof cell === 'number') return frenchNumber(cell, column);
          return column.kind === 'date' ? frenchDay(cell) : csvField(cell);
        })
        .join(';'),
    );
  });
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The tables as an XLSX workbook, one sheet per table. */
export async function toXlsx(tables: readonly ExportTable[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cadran';
  for (const table of tables) {
    // Excel refuses sheet names over 31 characters or with []:*?/\.
    const sheet = workbook.addWorksheet(table.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = table.columns.map((column) => ({
      header: column.header,
      width: column.width ?? Math.max(10, column.header.length + 2),
      style:
        column.kind === 'decimal'
          ? { numFmt: column.digits === 0 ? '0' : `0.${'0'.repeat(column.digits ?? 2)}` }
          : column.kind === 'integer'
            ? { numFmt: '0' }
            : column.kind === 'date'
              ? { numFmt: 'dd/mm/yyyy' }
              : {},
    }));
    sheet.getRow(1).font = { bold: true };
    table.rows.forEach((row, r) => {
      if (row.length !== table.columns.length) {
        throw new RangeError(`rows[${r}]: ${row.length} cells for ${table.columns.length} columns`);
      }
      sheet.addRow(
        row.map((cell, c) => {
          checkCell(table, r, c, cell);
          if (cell !== null && table.columns[c]?.kind === 'date') return new Date(`${cell as string}T00:00:00Z`);
          return cell;
        }),
      );
    });
  }
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Hands a file to the user (the browser's download; Electron shows its save dialog). */
export function download(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const CSV_TYPE = 'text/csv;charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
