import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contract, PlannedService } from '../schemas';
import {
  contractYear,
  contractYearOn,
  createCalendar,
  isWorkingDay,
  occurrenceTicketId,
  plannedOccurrences,
  plannedQuantity,
} from './index';
import { makeContract } from './test-fixtures';

function withPlanned(modules: Partial<Record<PlannedService, number | undefined>>, overrides: Partial<Contract> = {}) {
  const contract = makeContract(overrides);
  const next = { ...contract.modules };
  for (const [code, quantity] of Object.entries(modules) as [PlannedService, number | undefined][]) {
    next[code] = quantity === undefined ? { active: true } : { active: true, quantity };
  }
  return { ...contract, modules: next };
}

describe('contract years', () => {
  it('run from the start date to the day before each anniversary', () => {
    expect(contractYear('2026-03-15', 0)).toEqual({ index: 0, start: '2026-03-15', end: '2027-03-14', days: 365 });
    expect(contractYear('2026-03-15', 1)).toEqual({ index: 1, start: '2027-03-15', end: '2028-03-14', days: 366 });
  });

  it('finds the year holding a day, anniversaries included', () => {
    expect(contractYearOn('2026-03-15', '2027-03-14').index).toBe(0);
    expect(contractYearOn('2026-03-15', '2027-03-15').index).toBe(1);
    expect(contractYearOn('2026-03-15', '2020-01-01').index).toBe(0);
    expect(contractYearOn('2024-02-29', '2025-02-28')).toMatchObject({ index: 1, start: '2025-02-28' });
  });
});

describe('plannedOccurrences (modules C–F, D-41)', () => {
  it('plans a monthly module on the start date’s day, moved to the next jour ouvré', () => {
    const contract = withPlanned({ C: 12 }, { startDate: '2026-01-15' });
    const days = plannedOccurrences(contract, 0).map((o) => [o.nominal, o.plannedFor, o.dueDate]);
    expect(days).toHaveLength(12);
    expect(days.slice(0, 3)).toEqual([
      ['2026-01-15', '2026-01-15', '2026-01-31'],
      // 15 February and 15 March 2026 are Sundays.
      ['2026-02-15', '2026-02-16', '2026-02-28'],
      ['2026-03-15', '2026-03-16', '2026-03-31'],
    ]);
    expect(days[11]).toEqual(['2026-12-15', '2026-12-15', '2026-12-31']);
  });

  it('skips public holidays of the contract’s region', () => {
    // 1 May 2026 is a Friday (Fête du Travail): Monday 4 May.
    const contract = withPlanned({ D: undefined }, { startDate: '2026-01-01' });
    const may = plannedOccurrences(contract, 0).find((o) => o.nominal === '2026-05-01');
    expect(may?.plannedFor).toBe('2026-05-04');
    // 1 January 2026 is a holiday too: the first one moves to Friday 2 January.
    expect(plannedOccurrences(contract, 0)[0]?.plannedFor).toBe('2026-01-02');
    // Vendredi saint (3 April 2026) is closed in Moselle only; Lundi de Pâques everywhere.
    const mainland = withPlanned({ C: 12 }, { startDate: '2026-01-03' });
    const moselle = { ...mainland, calendar: { ...mainland.calendar, region: '57' } };
    const april = (c: Contract) => plannedOccurrences(c, 0).find((o) => o.nominal === '2026-04-03')?.plannedFor;
    expect(april(mainland)).toBe('2026-04-03');
    expect(april(moselle)).toBe('2026-04-07');
  });

  it('keeps the 31st as the last day of shorter months, without drifting', () => {
    const contract = withPlanned({ C: 12 }, { startDate: '2027-01-31' });
    const nominal = plannedOccurrences(contract, 0).map((o) => o.nominal);
    expect(nominal.slice(0, 4)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
  });

  it('plans a yearly module at the anniversary, and spreads a larger quantity evenly', () => {
    const contract = withPlanned({ F: undefined, E: 2 }, { startDate: '2026-09-07' });
    const plan = plannedOccurrences(contract, 1);
    expect(plan.filter((o) => o.module === 'F').map((o) => o.plannedFor)).toEqual(['2027-09-07']);
    expect(plan.filter((o) => o.module === 'E').map((o) => o.nominal)).toEqual(['2027-09-07', '2028-03-07']);
  });

  it('moves back to the previous jour ouvré rather than leave the contract year', () => {
    // 26 occurrences: the last falls on the year's last day, a Sunday (2027-01-03 is one).
    const contract = withPlanned({ C: 365 }, { startDate: '2026-01-04' });
    const last = plannedOccurrences(contract, 0).at(-1);
    expect(last?.nominal).toBe('2027-01-03');
    expect(last?.plannedFor).toBe('2026-12-31');
  });

  it('plans nothing for inactive modules or a quantity of 0', () => {
    expect(plannedOccurrences(makeContract(), 0)).toEqual([]);
    expect(plannedOccurrences(withPlanned({ C: 0 }), 0)).toEqual([]);
    expect(plannedQuantity(withPlanned({ D: undefined }), 'D')).toBe(12);
    expect(plannedQuantity(withPlanned({ E: undefined }), 'E')).toBe(1);
  });

  it('refuses a calendar with no jour ouvré in the year', () => {
    const closed = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const contract = withPlanned(
      { F: 1 },
      { calendar: { timeZone: 'Europe/Paris', closedDates: closed.slice(0, 366), workedHolidays: [] } },
    );
    expect(() => plannedOccurrences(contract, 0)).toThrow(/no jour ouvré/);
  });

  it('names each occurrence with a short id, the same on every device', () => {
    const id = occurrenceTicketId('ct_9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d-and-some-more-characters', {
      module: 'D',
      yearStart: '2026-01-15',
      index: 11,
    });
    expect(id).toMatch(/^pl_[0-9a-z]+_D_20260115_11$/);
    expect(id.length).toBeLessThanOrEqual(40);
    expect(occurrenceTicketId('ct-a', { module: 'C', yearStart: '2026-01-15', index: 0 })).not.toBe(
      occurrenceTicketId('ct-b', { module: 'C', yearStart: '2026-01-15', index: 0 }),
    );
  });
});

describe('plannedOccurrences properties', () => {
  const arbitraryContract = fc
    .record({
      // Effective dates at most a year ahead of the validating clock (D-31): the schema refuses later ones.
      start: fc.date({
        min: new Date('2019-01-01T00:00:00Z'),
        max: new Date('2027-06-30T00:00:00Z'),
        noInvalidDate: true,
      }),
      region: fc.constantFrom(undefined, '57', '67', '68', 'RE'),
      quantities: fc.record({
        C: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        D: fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }),
        E: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        F: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      }),
      active: fc.array(fc.constantFrom<PlannedService>('C', 'D', 'E', 'F'), { minLength: 1, maxLength: 4 }),
      closedOffsets: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 20 }),
      yearIndex: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ start, region, quantities, active, closedOffsets, yearIndex }) => {
      const startDate = start.toISOString().slice(0, 10);
      const closedDates = [
        ...new Set(
          closedOffsets.map((d) =>
            new Date(start.getTime() + (yearIndex * 365 + d) * 86_400_000).toISOString().slice(0, 10),
          ),
        ),
      ];
      const planned: Partial<Record<PlannedService, number | undefined>> = {};
      for (const code of new Set(active)) planned[code] = quantities[code];
      const contract = withPlanned(planned, {
        startDate,
        prices: [{ from: startDate, utUnitPrice: '25.00', halfDayUnitPrice: '360.00' }],
        calendar: { ...(region ? { region } : {}), timeZone: 'Europe/Paris', closedDates, workedHolidays: [] },
      });
      return { contract, yearIndex };
    });

  it('never plans an occurrence on a day that is not a jour ouvré, nor outside its contract year', () => {
    fc.assert(
      fc.property(arbitraryContract, ({ contract, yearIndex }) => {
        const calendar = createCalendar({ ...contract.calendar });
        const year = contractYear(contract.startDate, yearIndex);
        for (const occurrence of plannedOccurrences(contract, yearIndex)) {
          expect(isWorkingDay(calendar, occurrence.plannedFor), occurrence.plannedFor).toBe(true);
          expect(occurrence.plannedFor >= year.start && occurrence.plannedFor <= year.end).toBe(true);
          expect(occurrence.dueDate >= occurrence.plannedFor).toBe(true);
          expect(occurrence.dueDate.slice(0, 7)).toBe(occurrence.plannedFor.slice(0, 7));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('plans as many occurrences a contract year as each module’s quantity', () => {
    fc.assert(
      fc.property(arbitraryContract, ({ contract, yearIndex }) => {
        const plan = plannedOccurrences(contract, yearIndex);
        for (const code of ['C', 'D', 'E', 'F'] as const) {
          const mine = plan.filter((o) => o.module === code);
          expect(mine).toHaveLength(plannedQuantity(contract, code));
          expect(mine.map((o) => o.index)).toEqual(mine.map((_, k) => k));
          // In date order, each a distinct nominal date when there are at most 12.
          const nominal = mine.map((o) => o.nominal);
          expect([...nominal].sort()).toEqual(nominal);
          if (mine.length <= 12) expect(new Set(nominal).size).toBe(mine.length);
        }
        const ids = plan.map((o) => occurrenceTicketId(contract.id, o));
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 150 },
    );
  });
});
