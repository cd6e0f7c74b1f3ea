import { describe, expect, it } from 'vitest';
import { validateDocument, withSchemaClock, type CollectionName } from './index';

const now = Date.parse('2026-11-27T09:00:00.000Z');
const at = '2026-11-27T09:00:00.000Z';

const intervention = {
  id: 'iv-1',
  updatedAt: at,
  ticketId: 'tk-1',
  clientId: 'cl-1',
  contractId: 'ct-1',
  technicianId: 'u-1',
  channel: 'onsite',
  segments: [{ start: '2026-11-27T08:00:00.000Z', end: '2026-11-27T09:00:00.000Z' }],
  trips: 1,
  halfDay: false,
  report: 'Remplacement du disque.',
  completedAt: '2026-11-27T09:00:00.000Z',
  createdAt: '2026-11-27T08:00:00.000Z',
};

const contract = {
  id: 'ct-1',
  updatedAt: at,
  clientId: 'cl-1',
  number: 'SS-1',
  startDate: '2026-01-01',
  termYears: 3,
  modules: Object.fromEntries('ABCDEFGHIJKL'.split('').map((code) => [code, { active: false }])),
  utBase: 16,
  halfDayBase: 0,
  prices: [{ from: '2026-01-01', utUnitPrice: '25.00', halfDayUnitPrice: '360.00' }],
  monthlyHostingFee: '0.00',
  interventionTargetMinutes: 30,
  calendar: { timeZone: 'Europe/Paris', closedDates: [], workedHolidays: [] },
  directDebit: true,
};

const ticket = {
  id: 'tk-1',
  updatedAt: at,
  reference: 'T-2611-AAAA',
  clientId: 'cl-1',
  contractId: 'ct-1',
  channel: 'hotline',
  nature: 'curative',
  priority: 'normal',
  status: 'new',
  receivedAt: at,
  title: 'Imprimante',
  description: '',
  createdBy: 'u-1',
  createdAt: at,
  fieldUpdatedAt: {},
  history: [],
};

function failure(collection: CollectionName, document: object) {
  const result = validateDocument(collection, document, { now });
  return result.ok ? null : { field: result.failure.field, message: result.failure.message };
}

describe('plausible bounds on dates and durations', () => {
  it('accepts the documents these tests start from', () => {
    expect(failure('interventions', intervention)).toBeNull();
    expect(failure('contracts', contract)).toBeNull();
    expect(failure('tickets', ticket)).toBeNull();
  });

  it('refuses a segment of more than 24 hours, and 24 hours of work in several segments', () => {
    const hundredYears = {
      ...intervention,
      segments: [{ start: '2026-01-01T08:00:00.000Z', end: '2125-12-31T08:00:00.000Z' }],
    };
    expect(failure('interventions', hundredYears)?.field).toBe('segments.0.end');
    const day = { start: '2026-11-25T08:00:00.000Z', end: '2026-11-26T08:00:00.001Z' };
    expect(failure('interventions', { ...intervention, segments: [day], completedAt: day.end })).toEqual({
      field: 'segments.0.end',
      message: 'a segment lasts at most 24 hours: record longer work as several interventions',
    });
    const exactlyADay = { start: '2026-11-25T08:00:00.000Z', end: '2026-11-26T08:00:00.000Z' };
    expect(
      failure('interventions', { ...intervention, segments: [exactlyADay], completedAt: exactlyADay.end }),
    ).toBeNull();
    const twoHalves = [
      { start: '2026-11-25T00:00:00.000Z', end: '2026-11-25T13:00:00.000Z' },
      { start: '2026-11-26T00:00:00.000Z', end: '2026-11-26T13:00:00.000Z' },
    ];
    expect(
      failure('interventions', { ...intervention, segments: twoHalves, completedAt: twoHalves[1]?.end })?.field,
    ).toBe('segments');
  });

  it('refuses instants before 2000 and more than a year ahead of the validating clock', () => {
    expect(failure('tickets', { ...ticket, receivedAt: '9999-12-31T23:59:59.000Z' })).toEqual({
      field: 'receivedAt',
      message: 'an instant at most a year ahead of the clock (check the year)',
    });
    expect(failure('tickets', { ...ticket, updatedAt: '0001-01-01T00:00:00.000Z' })?.field).toBe('updatedAt');
    const nextYear = '2027-11-27T09:00:00.000Z';
    expect(
      failure('logbook', {
        id: 'lb-1',
        updatedAt: nextYear,
        clientId: 'cl-1',
        authorId: 'u-1',
        authorName: 'A',
        at: nextYear,
        kind: 'note',
        text: 'x',
        internal: false,
      }),
    ).toBeNull();
  });

  it('reads the upper bound from the clock it is given, not one frozen at load time', () => {
    const future = { ...ticket, updatedAt: '2030-01-01T00:00:00.000Z' };
    expect(validateDocument('tickets', future, { now }).ok).toBe(false);
    expect(validateDocument('tickets', future, { now: Date.parse('2029-06-01T00:00:00.000Z') }).ok).toBe(true);
    expect(withSchemaClock(Date.parse('2029-06-01T00:00:00.000Z'), () => validateDocument('tickets', future).ok)).toBe(
      false,
    );
  });

  it('bounds calendar days to 2000–2099', () => {
    expect(failure('contracts', { ...contract, startDate: '1999-12-31' })?.field).toBe('startDate');
    expect(
      failure('contracts', { ...contract, calendar: { ...contract.calendar, closedDates: ['2100-01-01'] } })?.field,
    ).toBe('calendar.closedDates.0');
  });

  it.each([
    [
      'a contract terminated before it starts',
      'contracts',
      { ...contract, terminatedOn: '2025-12-31' },
      'terminatedOn',
    ],
    [
      'a contract starting more than a year ahead',
      'contracts',
      { ...contract, startDate: '2027-12-01', prices: [{ ...contract.prices[0], from: '2027-12-01' }] },
      'startDate',
    ],
    [
      'completion before the end of the work',
      'interventions',
      { ...intervention, completedAt: '2026-11-27T08:59:59.999Z' },
      'completedAt',
    ],
    [
      'validation before completion',
      'interventions',
      { ...intervention, validatedAt: '2026-11-27T08:00:00.000Z', validatedBy: 'u-lead' },
      'validatedAt',
    ],
    [
      'a signature before the work',
      'interventions',
      {
        ...intervention,
        signature: {
          signerName: 'M. Client',
          image: 'data:image/png;base64,AAAA',
          signedAt: '2026-11-27T07:00:00.000Z',
        },
      },
      'signature.signedAt',
    ],
    [
      'a call received after its ticket was opened',
      'tickets',
      { ...ticket, receivedAt: '2026-11-27T10:00:00.000Z' },
      'receivedAt',
    ],
    [
      'a restoration before the notification',
      'tickets',
      { ...ticket, interruption: { notifiedAt: at, restoredAt: '2026-11-27T08:00:00.000Z', scheduled: false } },
      'interruption.restoredAt',
    ],
  ] as const)('refuses %s, naming the field', (_label, collection, document, field) => {
    expect(failure(collection, document)?.field).toBe(field);
  });

  it('tolerates clocks of two devices a few minutes apart', () => {
    // The lead's device runs 5 minutes behind the technician's.
    expect(
      failure('interventions', { ...intervention, validatedAt: '2026-11-27T08:56:00.000Z', validatedBy: 'u-lead' }),
    ).toBeNull();
    expect(failure('tickets', { ...ticket, receivedAt: '2026-11-27T09:05:00.000Z' })).toBeNull();
  });

  it('accepts a visit recorded after the fact: created after its completion (D-33)', () => {
    expect(
      failure('interventions', {
        ...intervention,
        createdAt: '2026-11-27T18:00:00.000Z',
        updatedAt: '2026-11-27T18:00:00.000Z',
      }),
    ).toBeNull();
  });
});
