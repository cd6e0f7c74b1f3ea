import { describe, expect, it } from 'vitest';
import { parseDay, parseInventoryCsv } from './csv-import';

describe('inventory CSV import', () => {
  it('reads a French Excel export (semicolons, BOM, accents in headers) into equipment with échéances', () => {
    const csv =
      '\uFEFFType;Nom;Numéro de série;Emplacement;Couvert;Fin de garantie;Pare-feu\n' +
      'Pare-feu;Stormshield SN210;SN-0042;Baie réseau;oui;31/12/2027;15/03/2027\n' +
      'Poste de travail;Poste 12;;Accueil;non;;\n';
    const report = parseInventoryCsv(csv, 'cl-1');
    expect(report.unknownColumns).toEqual([]);
    expect(report.lines.map((l) => l.errors)).toEqual([[], []]);
    expect(report.lines[0]?.equipment).toEqual({
      clientId: 'cl-1',
      kind: 'firewall',
      name: 'Stormshield SN210',
      serial: 'SN-0042',
      location: 'Baie réseau',
      covered: true,
      retired: false,
      expiries: [
        { kind: 'warranty', label: '', date: '2027-12-31' },
        { kind: 'firewall', label: '', date: '2027-03-15' },
      ],
    });
    expect(report.lines[1]?.equipment).toMatchObject({ kind: 'pc', name: 'Poste 12', covered: false, expiries: [] });
  });

  it('reports each bad line with its number, column and value, and keeps the good ones', () => {
    const csv =
      'type,name,covered,warranty,colour\n' +
      'server,Serveur,yes,2027-01-31,blue\n' +
      'toaster,Grille-pain,no,,\n' +
      'pc,,maybe,30/02/2027,\n';
    const report = parseInventoryCsv(csv, 'cl-1');
    expect(report.unknownColumns).toEqual(['colour']);
    expect(report.lines.map((l) => [l.line, l.equipment !== undefined])).toEqual([
      [2, true],
      [3, false],
      [4, false],
    ]);
    expect(report.lines[1]?.errors).toEqual([{ key: 'kind', column: 'type', value: 'toaster' }]);
    expect(report.lines[2]?.errors).toEqual([
      { key: 'name', column: 'name', value: '' },
      { key: 'covered', column: 'covered', value: 'maybe' },
      { key: 'date', column: 'warranty', value: '30/02/2027' },
    ]);
  });

  it('passes the shared schema’s limits on as field errors', () => {
    const report = parseInventoryCsv(`nom;type\n${'x'.repeat(201)};pc\n`, 'cl-1');
    expect(report.lines[0]?.errors).toEqual([
      { key: 'field', column: 'name', value: '', message: 'tooLong', params: { max: 200 } },
    ]);
  });

  it('says when a file has no name column or no lines', () => {
    expect(parseInventoryCsv('type;serie\npc;1\n', 'cl-1').problem).toBe('noName');
    expect(parseInventoryCsv('nom\n', 'cl-1').problem).toBe('empty');
  });

  it('reads French and ISO days and refuses impossible ones', () => {
    expect(parseDay('1/2/2027')).toBe('2027-02-01');
    expect(parseDay('2027-02-28')).toBe('2027-02-28');
    expect(parseDay('29/02/2027')).toBeNull();
    expect(parseDay('demain')).toBeNull();
  });
});
