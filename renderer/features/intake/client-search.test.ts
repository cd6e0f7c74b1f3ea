import { describe, expect, it } from 'vitest';
import type { Client, Contract } from '../../../shared/schemas';
import { activeContract, searchClients } from './client-search';

const client = (id: string, name: string, phones: string[] = [], code = id.toUpperCase()): Client => ({
  id,
  updatedAt: '2026-01-01T00:00:00.000Z',
  name,
  code,
  phones,
  contacts: [],
  providers: [],
  vaultAccess: [],
});
const contract = (id: string, clientId: string, number: string, startDate = '2025-01-01'): Contract =>
  ({ id, clientId, number, startDate }) as Contract;

const clients = [
  client('c1', 'Boulangerie Élodie', ['01 23 45 67 89']),
  client('c2', 'Cabinet Dentaire des Lilas', ['+33 4 78 00 11 22']),
  client('c3', 'Garage Lefèvre'),
];
const contracts = [contract('k1', 'c1', 'CI-2024-017'), contract('k3', 'c3', 'CI-2025-102')];

describe('client search', () => {
  it('ignores accents and case', () => {
    expect(searchClients('elodie', clients, contracts).map((m) => m.client.id)).toEqual(['c1']);
    expect(searchClients('LEFEVRE', clients, contracts).map((m) => m.client.id)).toEqual(['c3']);
  });

  it('finds by phone number whatever its spacing or prefix', () => {
    expect(searchClients('0123456789', clients, contracts)[0]?.client.id).toBe('c1');
    expect(searchClients('04 78 00', clients, contracts)[0]).toMatchObject({
      matchedOn: 'phone',
      client: { id: 'c2' },
    });
  });

  it('finds by contract number', () => {
    expect(searchClients('2025-102', clients, contracts)[0]).toMatchObject({
      matchedOn: 'contract',
      client: { id: 'c3' },
    });
  });

  it('ranks names starting with the query first', () => {
    const more = [...clients, client('c4', 'La Boulangerie du Port')];
    expect(searchClients('boul', more, contracts).map((m) => m.client.id)).toEqual(['c1', 'c4']);
  });

  it('finds nothing for an empty query', () => {
    expect(searchClients('  ', clients, contracts)).toEqual([]);
  });

  it('picks the contract in force', () => {
    const list = [
      contract('old', 'c1', 'A', '2020-01-01'),
      contract('new', 'c1', 'B', '2024-01-01'),
      contract('future', 'c1', 'C', '2030-01-01'),
    ];
    expect(activeContract(list, '2026-11-27')?.id).toBe('new');
  });
});
