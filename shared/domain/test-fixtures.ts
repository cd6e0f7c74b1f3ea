/**
 * Documents for the domain's tests: a valid contract, ticket, equipment and intervention, each
 * checked against its zod schema so a fixture can never drift from what devices really sync.
 */
import {
  type Contract,
  type Equipment,
  type Intervention,
  type Ticket,
  contractSchema,
  equipmentSchema,
  interventionSchema,
  ticketSchema,
} from '../schemas';

const T0 = '2026-01-01T00:00:00.000Z';
const inactive = { active: false };

export function makeContract(overrides: Partial<Contract> = {}): Contract {
  return contractSchema.parse({
    id: 'ct-1',
    updatedAt: T0,
    clientId: 'cl-1',
    number: 'SS-0001',
    startDate: '2026-01-01',
    termYears: 3,
    modules: {
      A: { active: true },
      B: inactive,
      C: inactive,
      D: inactive,
      E: inactive,
      F: inactive,
      G: inactive,
      H: inactive,
      I: inactive,
      J: { active: true },
      K: inactive,
      L: inactive,
    },
    utBase: 16,
    halfDayBase: 0,
    prices: [{ from: '2026-01-01', utUnitPrice: '25.00', halfDayUnitPrice: '360.00' }],
    monthlyHostingFee: '150.00',
    interventionTargetMinutes: 30,
    calendar: { timeZone: 'Europe/Paris', closedDates: [], workedHolidays: [] },
    directDebit: true,
    ...overrides,
  });
}

/** The contract with the given modules switched on. */
export function withModules(contract: Contract, ...codes: (keyof Contract['modules'])[]): Contract {
  const modules = { ...contract.modules };
  for (const code of codes) modules[code] = { active: true };
  return { ...contract, modules };
}

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  return ticketSchema.parse({
    id: 'tk-1',
    updatedAt: T0,
    reference: 'T-0101-AAAA',
    clientId: 'cl-1',
    contractId: 'ct-1',
    channel: 'hotline',
    nature: 'curative',
    priority: 'normal',
    status: 'in_progress',
    receivedAt: '2026-03-02T09:00:00.000Z',
    title: 'Serveur de fichiers inaccessible',
    description: '',
    createdBy: 'u-1',
    createdAt: '2026-03-02T09:00:00.000Z',
    fieldUpdatedAt: {},
    history: [],
    ...overrides,
  });
}

export function makeEquipment(overrides: Partial<Equipment> = {}): Equipment {
  return equipmentSchema.parse({
    id: 'eq-1',
    updatedAt: T0,
    clientId: 'cl-1',
    kind: 'server',
    name: 'SRV-01',
    covered: true,
    expiries: [],
    retired: false,
    ...overrides,
  });
}

/**
 * An intervention of `minutes` worked minutes starting at `start`, completed at its end unless
 * `completedAt` is given (or set to undefined in overrides for one still open).
 */
export function makeIntervention(
  id: string,
  start: string,
  minutes: number,
  overrides: Partial<Intervention> = {},
): Intervention {
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
  return interventionSchema.parse({
    id,
    updatedAt: T0,
    ticketId: 'tk-1',
    clientId: 'cl-1',
    contractId: 'ct-1',
    technicianId: 'u-1',
    channel: 'onsite',
    segments: [{ start, end }],
    trips: 0,
    halfDay: false,
    report: '',
    completedAt: end,
    createdAt: start,
    ...overrides,
  });
}
