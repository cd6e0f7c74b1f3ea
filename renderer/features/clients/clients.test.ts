import { describe, expect, it } from 'vitest';
import { aClient, aContract, anEquipment, modules } from '../../testing/documents';
import { checkClient, clientDraft } from './client-form';
import { checkContract, contractDraft, newContractDraft } from './contract-form';
import { checkEquipment, coverageStatus, equipmentDraft, expiryAlerts } from './equipment-form';
import { nextAnniversary, revise } from './price-revision';

describe('the client form', () => {
  it('round-trips a client and keeps the vault access it does not edit', () => {
    const client = aClient({
      vaultAccess: ['u-lead-1'],
      contacts: [{ name: 'Mme Martin', role: 'Gérante', phone: '06 12 34 56 78' }],
    });
    const result = checkClient(clientDraft(client), client);
    expect(result).toEqual({ ok: true, client: { ...client, id: client.id, updatedAt: undefined } });
  });

  it('keeps the dossier technique’s provider fields and network list it does not edit, even when a provider is removed', () => {
    const isp = {
      name: 'Orange Business',
      service: 'Fibre',
      category: 'isp' as const,
      supportNumbers: [{ label: 'Support', phone: '3901' }],
      references: [{ label: 'Contrat', reference: 'FTTO-42' }],
    };
    const client = aClient({
      providers: [{ name: 'Sage', service: 'Logiciel de gestion' }, isp],
      network: { sites: [{ name: 'Siège' }], subnets: [], publicIps: [], links: [] },
    });
    const draft = clientDraft(client);
    const result = checkClient({ ...draft, providers: draft.providers.slice(1) }, client);
    expect(result.ok && result.client.providers).toEqual([isp]);
    expect(result.ok && result.client.network).toEqual(client.network);
  });

  it('drops empty phone lines and optional fields left blank', () => {
    const draft = {
      ...clientDraft(),
      name: 'Garage Lemoine',
      code: 'C-2001',
      phones: ['', '03 88 00 00 00', ''],
      email: ' ',
    };
    const result = checkClient(draft);
    expect(result.ok && result.client).toEqual({
      name: 'Garage Lemoine',
      code: 'C-2001',
      phones: ['03 88 00 00 00'],
      contacts: [],
      providers: [],
      vaultAccess: [],
    });
  });

  it('puts each error on its field, the phone error on the line typed', () => {
    const draft = {
      ...clientDraft(),
      name: '',
      code: 'C-1',
      phones: ['', 'pas un numéro'],
      email: 'pas-une-adresse',
      contacts: [{ name: '', role: '', phone: '', email: '' }],
    };
    const result = checkClient(draft);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual({
        name: { key: 'required' },
        'phones.1': { key: 'phone' },
        email: { key: 'email' },
        'contacts.0.name': { key: 'required' },
      });
    }
  });
});

describe('the contract form', () => {
  it('round-trips a contract', () => {
    const contract = aContract({
      modules: modules('ACDGJ', { C: 12, D: 12 }),
      calendar: { region: '67', timeZone: 'Europe/Paris', closedDates: ['2026-12-24'], workedHolidays: ['2026-05-25'] },
    });
    const result = checkContract(contractDraft(contract), contract.clientId, contract);
    expect(result.ok && result.contract).toEqual({ ...contract, updatedAt: undefined });
  });

  it('offers the contract’s defaults for a new one: module A, 16 UT at 25 €, 360 € half-days, 3 years', () => {
    const result = checkContract({ ...newContractDraft('2026-11-27'), number: 'CI-2026-050' }, 'cl-1');
    expect(result.ok && result.contract).toMatchObject({
      startDate: '2026-11-27',
      termYears: 3,
      utBase: 16,
      prices: [{ from: '2026-11-27', utUnitPrice: '25.00', halfDayUnitPrice: '360.00' }],
      interventionTargetMinutes: 30,
    });
    expect(result.ok && result.contract.modules.A).toEqual({ active: true });
  });

  it('reads French decimal commas in amounts', () => {
    const draft = { ...newContractDraft('2026-11-27'), number: 'X', monthlyHostingFee: '1 250,5' };
    draft.prices = [{ from: '2026-11-27', utUnitPrice: '26,5', halfDayUnitPrice: '370' }];
    const result = checkContract(draft, 'cl-1');
    expect(result.ok && [result.contract.monthlyHostingFee, result.contract.prices[0]]).toEqual([
      '1250.5',
      { from: '2026-11-27', utUnitPrice: '26.5', halfDayUnitPrice: '370' },
    ]);
  });

  it('names the fields at fault: number, base, price order, quantity, region, termination', () => {
    const draft = {
      ...newContractDraft('2026-11-27'),
      number: '',
      utBase: '0',
      region: '99',
      terminatedOn: '2026-01-01',
    };
    draft.modules.C = { active: true, quantity: 'douze' };
    draft.prices = [
      { from: '2026-11-27', utUnitPrice: '25.00', halfDayUnitPrice: '360.00' },
      { from: '2026-06-01', utUnitPrice: 'cher', halfDayUnitPrice: '360.00' },
    ];
    const result = checkContract(draft, 'cl-1');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toMatchObject({
        number: { key: 'required' },
        utBase: { key: 'min', params: { min: 1 } },
        'prices.1.utUnitPrice': { key: 'money' },
        'prices.1.from': { key: 'pricesOrder' },
        'modules.C.quantity': { key: 'number' },
        'calendar.region': { key: 'region' },
        terminatedOn: { key: 'beforeStart' },
      });
    }
  });
});

describe('the equipment inventory', () => {
  const withH = aContract({ modules: modules('AHJ') });

  it('says which forfait covers an item, or why none does', () => {
    const today = '2026-11-27';
    expect(coverageStatus({ kind: 'server', covered: true }, [withH], today)).toEqual({
      state: 'covered',
      module: 'H',
    });
    expect(coverageStatus({ kind: 'pc', covered: true }, [withH], today)).toEqual({
      state: 'module_missing',
      module: 'I',
    });
    expect(coverageStatus({ kind: 'network', covered: false }, [withH], today)).toEqual({ state: 'not_covered' });
    expect(coverageStatus({ kind: 'printer', covered: true }, [withH], today)).toEqual({ state: 'not_coverable' });
    const ended = { ...withH, terminatedOn: '2026-06-30' };
    expect(coverageStatus({ kind: 'server', covered: true }, [ended], today).state).toBe('module_missing');
  });

  it('raises expiries that are past or within 30 days, soonest first', () => {
    const item = anEquipment({
      expiries: [
        { kind: 'warranty', label: 'Garantie constructeur', date: '2027-06-01' },
        { kind: 'antivirus', label: 'Antivirus', date: '2026-12-15' },
        { kind: 'firewall', label: 'Licence pare-feu', date: '2026-11-01' },
      ],
    });
    expect(expiryAlerts(item, '2026-11-27').map((a) => [a.expiry.kind, a.level, a.daysLeft])).toEqual([
      ['firewall', 'expired', -26],
      ['antivirus', 'soon', 18],
      ['warranty', 'ok', 186],
    ]);
  });

  it('round-trips an item and names a missing name', () => {
    const item = anEquipment({ serial: 'SN-1', location: 'Baie 1' });
    expect(checkEquipment(equipmentDraft(item), item.clientId, item)).toEqual({
      ok: true,
      equipment: { ...item, updatedAt: undefined },
    });
    const result = checkEquipment({ ...equipmentDraft(), name: ' ' }, 'cl-1');
    expect(!result.ok && result.errors).toEqual({ name: { key: 'required' } });
  });
});

describe('the price-revision calculator', () => {
  const contract = aContract({
    startDate: '2025-01-15',
    prices: [
      { from: '2025-01-15', utUnitPrice: '25.00', halfDayUnitPrice: '360.00' },
      { from: '2026-01-15', utUnitPrice: '25.75', halfDayUnitPrice: '370.80' },
    ],
  });

  it('finds the next anniversary', () => {
    expect(nextAnniversary('2025-01-15', '2026-11-27')).toBe('2027-01-15');
    expect(nextAnniversary('2024-02-29', '2026-11-27')).toBe('2027-02-28');
    expect(nextAnniversary('2026-11-27', '2026-11-27')).toBe('2027-11-27');
  });

  it('revises the prices in force with the index, at least +3 %', () => {
    expect(revise(contract, '2026-11-27', { s: '140', s0: '125' })).toEqual({
      ok: true,
      // 25.75 × (0.15 + 0.85 × 140 / 125) = 28.3765; 370.80 × 1.102 = 408.6216.
      ut: '28.38',
      halfDay: '408.62',
      floorApplied: false,
      from: '2027-01-15',
    });
    expect(revise(contract, '2026-11-27', { s: '126,5', s0: '125' })).toMatchObject({
      ut: '26.52',
      floorApplied: true,
    });
  });

  it('names the index that is wrong', () => {
    expect(revise(contract, '2026-11-27', { s: '128', s0: '0' })).toMatchObject({ ok: false, field: 's0' });
    expect(revise(contract, '2026-11-27', { s: 'abc', s0: '125' })).toMatchObject({ ok: false, field: 's' });
  });
});
