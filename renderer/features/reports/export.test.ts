import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { breakdownTables, interventionsTable, type Names } from './export-rows';
import { toCsv, toXlsx, type ExportTable } from './export-table';
import { buildFacts } from './facts';
import { aClient, aContract, aTicket, aUser, anIntervention } from '../../testing/documents';
import { presetPeriod } from './period';

const table: ExportTable = {
  name: 'Essai',
  columns: [
    { header: 'Client', kind: 'text' },
    { header: 'Jour', kind: 'date' },
    { header: 'Heures', kind: 'decimal' },
    { header: 'UT', kind: 'integer' },
  ],
  rows: [
    ['Dupont; fils', '2026-11-27', 1234.5, 7],
    ['Le "Relais"', '2026-11-02', 0.25, 0],
    ['=HYPERLINK("http://x")', null, null, null],
    ['Ligne 1\nLigne 2', '2026-01-31', 2, 1],
  ],
};

describe('CSV export', () => {
  const csv = toCsv(table);

  it('starts with a UTF-8 byte-order mark so Excel reads the accents', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
  });

  it('separates fields with ; and lines with CRLF', () => {
    expect(csv.slice(1).split('\r\n')[0]).toBe('Client;Jour;Heures;UT');
  });

  it('writes French numbers and days: decimal comma, no thousands separator, dd/mm/yyyy', () => {
    expect(csv).toContain('"Dupont; fils";27/11/2026;1234,50;7\r\n');
    expect(csv).toContain('"Le ""Relais""";02/11/2026;0,25;0\r\n');
  });

  it('never lets a cell run as a formula', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")";;;\r\n`);
  });

  it('keeps a line break inside a quoted field', () => {
    expect(csv).toContain('"Ligne 1\nLigne 2";31/01/2026;2,00;1\r\n');
  });

  it('names the cell of a number column given text', () => {
    const bad: ExportTable = { ...table, rows: [['x', '2026-11-27', '1,5', 1]] };
    expect(() => toCsv(bad)).toThrow('rows[0][2]: "Heures" expects a number (1,5)');
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() => toCsv({ ...table, rows: [['x']] })).toThrow('rows[0]: 1 cells for 4 columns');
  });
});

describe('XLSX export', () => {
  it('writes real numbers and dates under bold French headers', async () => {
    const buffer = await toXlsx([table]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer);
    const sheet = workbook.getWorksheet('Essai');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Client', 'Jour', 'Heures', 'UT']);
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    const row = sheet?.getRow(2);
    expect(row?.getCell(3).value).toBe(1234.5);
    expect(row?.getCell(3).numFmt).toBe('0.00');
    expect((row?.getCell(2).value as Date).toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(row?.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(sheet?.rowCount).toBe(5);
  });
});

describe('report exports', () => {
  const contract = aContract();
  const itv = anIntervention({ id: 'a', start: '2026-11-02 09:10', minutes: 50, report: 'Remplacement du disque' });
  const facts = buildFacts([contract], [aTicket()], [], [itv]);
  const names: Names = {
    clients: new Map([['cl-1', aClient()]]),
    contracts: new Map([['ct-1', contract]]),
    tickets: new Map([['tk-1', aTicket()]]),
    users: new Map([['u-tech-1', aUser()]]),
  };
  const filter = { period: presetPeriod('month', '2026-11-02') };

  it('exports each intervention with its client, technician, times and units', () => {
    const csv = toCsv(interventionsTable(facts, filter, names));
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header).toBe(
      'Date;Début;Client;N° client;Contrat;Ticket;Technicien;Canal;Couverture;Durée brute (min);Temps brut (h);UT travail;Déplacements;UT débitées;Demi-journées;Validée;Compte-rendu',
    );
    expect(line).toBe(
      '02/11/2026;09:10;Boulangerie Martin;C-1001;CI-2026-001;T-tk-1;Julie Martin;Hotline;UT;50;0,83;4;0;4;0;Non;Remplacement du disque',
    );
  });

  it('exports the breakdowns by client and technician', () => {
    const [byClient, byTechnician] = breakdownTables(aggregate(facts, filter), names);
    expect(byClient?.rows).toEqual([['Boulangerie Martin', 1, 0.83, 0, 0.83, 0, 4, 4, 0, 0]]);
    expect(byTechnician?.rows[0]?.[0]).toBe('Julie Martin');
  });
});
