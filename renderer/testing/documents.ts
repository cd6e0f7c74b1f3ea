/**
 * Valid documents for the unit tests, and through test/fixtures for the server and sync suites.
 * Every builder checks its result against the shared schema, so a test can never run on a
 * document the app would refuse to store.
 * Times are written as Paris wall-clock ("2026-11-02 09:00") because that is how a lead reads them.
 */
import {
  MODULE_CODES,
  validateDocument,
  type Client,
  type CollectionName,
  type Contract,
  type DocumentOf,
  type Equipment,
  type Intervention,
  type Modules,
  type Ticket,
  type User,
} from '../../shared/schemas';
import { offsetAt } from '../features/reports/local-day';

const T0 = '2026-01-01T07:00:00.000Z';

function valid<C extends CollectionName>(collection: C, value: unknown): DocumentOf<C> {
  const result = validateDocument(collection, value);
  if (!result.ok) {
    throw new Error(
      `fixture ${collection} ${result.failure.documentId}: ${result.failure.field} ${result.failure.message}`,
    );
  }
  return result.document;
}

/** "2026-11-02 09:00" in Paris → UTC ISO instant. */
export function paris(local: string): string {
  const [day = '', time = '00:00'] = local.split(' ');
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  // The offset at the wall time read as UTC is right except within the hour of a change.
  let ms = wall - offsetAt('Europe/Paris', wall);
  ms = wall - offsetAt('Europe/Paris', ms);
  return new Date(ms).toISOString();
}

export function modules(active: string, quantities: Partial<Record<string, number>> = {}): Modules {
  return Object.fromEntries(
    MODULE_CODES.map((code) => [
      code,
      quantities[code] === undefined
        ? { active: active.includes(code) }
        : { active: active.includes(code), quantity: quantities[code] },
    ]),
  ) as Modules;
}

export function aClient(overrides: Partial<Client> = {}): Client {
  return valid('clients', {
    id: 'cl-1',
    updatedAt: T0,
    name: 'Boulangerie Martin',
    code: 'C-1001',
    phones: ['01 23 45 67 89'],
    contacts: [],
    providers: [],
    vaultAccess: [],
    ...overrides,
  });
}

export function aContract(overrides: Partial<Contract> = {}): Contract {
  return valid('contracts', {
    id: 'ct-1',
    updatedAt: T0,
    clientId: 'cl-1',
    number: 'CI-2026-001',
    startDate: '2026-01-01',
    termYears: 3,
    modules: modules('AJ'),
    utBase: 16,
    halfDayBase: 0,
    prices: [{ from: '2026-01-01', utUnitPrice: '25.00', halfDayUnitPrice: '360.00' }],
    monthlyHostingFee: '450.00',
    interventionTargetMinutes: 30,
    calendar: { timeZone: 'Europe/Paris', closedDates: [], workedHolidays: [] },
    directDebit: true,
    ...overrides,
  });
}

export function aTicket(overrides: Partial<Ticket> & { received?: string } = {}): Ticket {
  const { received, ...rest } = overrides;
  const receivedAt = rest.receivedAt ?? paris(received ?? '2026-11-02 09:00');
  return valid('tickets', {
    id: 'tk-1',
    updatedAt: receivedAt,
    reference: `T-${rest.id ?? 'tk-1'}`,
    clientId: 'cl-1',
    contractId: 'ct-1',
    channel: 'hotline',
    nature: 'curative',
    priority: 'normal',
    status: 'resolved',
    receivedAt,
    title: 'Imprimante bloquée',
    description: '',
    createdBy: 'u-tech-1',
    createdAt: receivedAt,
    fieldUpdatedAt: {},
    history: [],
    ...rest,
  });
}

/** An intervention from a Paris start and a duration in minutes, completed at its end unless `running`. */
export function anIntervention(
  overrides: Partial<Intervention> & { start?: string; minutes?: number; running?: boolean } = {},
): Intervention {
  const { start = '2026-11-02 09:10', minutes = 20, running = false, ...rest } = overrides;
  const from = paris(start);
  const to = new Date(Date.parse(from) + minutes * 60_000).toISOString();
  return valid('interventions', {
    id: 'itv-1',
    updatedAt: to,
    ticketId: 'tk-1',
    clientId: 'cl-1',
    contractId: 'ct-1',
    technicianId: 'u-tech-1',
    channel: 'hotline',
    segments: running ? [{ start: from }] : [{ start: from, end: to }],
    trips: 0,
    halfDay: false,
    report: 'Compte-rendu.',
    ...(running ? {} : { completedAt: to }),
    createdAt: from,
    ...rest,
  });
}

export function anEquipment(overrides: Partial<Equipment> = {}): Equipment {
  return valid('equipment', {
    id: 'eq-1',
    updatedAt: T0,
    clientId: 'cl-1',
    kind: 'server',
    name: 'SRV-FICHIERS',
    covered: true,
    expiries: [],
    retired: false,
    ...overrides,
  });
}

export function aUser(overrides: Partial<User> = {}): User {
  return valid('users', {
    id: 'u-tech-1',
    updatedAt: T0,
    email: 'julie.martin@example.fr',
    name: 'Julie Martin',
    role: 'technician',
    active: true,
    ...overrides,
  });
}
