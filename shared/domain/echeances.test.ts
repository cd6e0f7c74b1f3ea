import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Equipment } from '../schemas';
import { calendarDay, createCalendar, dayNumberOf } from './calendar';
import { echeanceAlerts, echeanceCounts, echeanceState, echeances, lastWorkingDayOnOrBefore } from './echeances';

const item = (expiries: Equipment['expiries'], overrides: Partial<Equipment> = {}): Equipment => ({
  id: 'eq-1',
  updatedAt: '2026-12-01T09:00:00.000Z',
  clientId: 'cl-1',
  kind: 'firewall',
  name: 'Pare-feu',
  covered: true,
  expiries,
  retired: false,
  ...overrides,
});
const warranty = (date: string) => ({ kind: 'warranty' as const, label: 'Garantie', date });
const addDays = (day: string, n: number) => new Date((dayNumberOf(day) + n) * 86_400_000).toISOString().slice(0, 10);
const mainland = createCalendar();

describe('échéance states around today', () => {
  it.each([
    ['2026-12-01', 'expired', -1],
    ['2026-12-02', 'within30', 0],
    ['2027-01-01', 'within30', 30],
    ['2027-01-02', 'within90', 31],
    ['2027-03-02', 'within90', 90],
    ['2027-03-03', 'later', 91],
  ] as const)('an échéance on %s is %s on 2 December 2026 (%i days left)', (date, state, daysLeft) => {
    const [e] = echeances([item([warranty(date)])], '2026-12-02');
    expect(e).toMatchObject({ state, daysLeft, key: `eq-1#warranty#${date}` });
  });

  it('leaves retired items out and sorts the rest soonest first', () => {
    const list = echeances(
      [
        item([warranty('2027-02-01'), { kind: 'antivirus', label: 'ESET', date: '2026-12-20' }]),
        item([warranty('2026-11-01')], { id: 'eq-2', retired: true }),
        item([warranty('2026-11-30')], { id: 'eq-3', clientId: 'cl-2', name: 'Serveur' }),
      ],
      '2026-12-02',
    );
    expect(list.map((e) => [e.equipmentId, e.kind, e.state])).toEqual([
      ['eq-3', 'warranty', 'expired'],
      ['eq-1', 'antivirus', 'within30'],
      ['eq-1', 'warranty', 'within90'],
    ]);
    expect(echeanceCounts(list)).toEqual({ expired: 1, within30: 1, within90: 1, later: 0 });
  });

  it('gives the last jour ouvré before a weekend or a holiday, and the jours ouvrés left to act', () => {
    // Sunday 6 December 2026 → Friday 4; from Wednesday 2: Wed, Thu, Fri.
    expect(echeances([item([warranty('2026-12-06')])], '2026-12-02')[0]).toMatchObject({
      lastWorkingDay: '2026-12-04',
      workingDaysLeft: 3,
    });
    // Friday 25 December (Noël) → Thursday 24.
    expect(lastWorkingDayOnOrBefore(mainland, '2026-12-25')).toBe('2026-12-24');
    // Saturday 26 December in Moselle: the 26th is a holiday there too, Friday 25 as well → Thursday 24.
    expect(lastWorkingDayOnOrBefore(createCalendar({ region: '57' }), '2026-12-28')).toBe('2026-12-28');
    expect(lastWorkingDayOnOrBefore(createCalendar({ region: '57' }), '2026-12-27')).toBe('2026-12-24');
    // Seen on Saturday 5 December, a Sunday échéance has no working day left: nobody will see it in time.
    expect(echeances([item([warranty('2026-12-06')])], '2026-12-05')[0]).toMatchObject({
      state: 'within30',
      workingDaysLeft: 0,
    });
  });

  it('uses the client’s own calendar', () => {
    const moselle = createCalendar({ region: '57' });
    const [e] = echeances([item([warranty('2026-12-26')])], '2026-12-21', { calendarOf: () => moselle });
    expect(e?.lastWorkingDay).toBe('2026-12-24');
  });

  it('names the item and field of a bad date', () => {
    expect(() => echeances([item([warranty('2026-02-30')])], '2026-12-02')).toThrow(
      /equipment eq-1\.expiries\[0\]\.date/,
    );
  });
});

describe('échéance alerts', () => {
  it('announces entering the 30 days, then the expiry, each once', () => {
    const equipment = [item([warranty('2026-12-31')])];
    const announced = new Set<string>();
    const raise = (today: string) => {
      const alerts = echeanceAlerts(echeances(equipment, today), announced);
      for (const a of alerts) announced.add(a.key);
      return alerts.map((a) => a.stage);
    };
    expect(raise('2026-11-30')).toEqual([]); // 31 days left
    expect(raise('2026-12-01')).toEqual(['within30']);
    expect(raise('2026-12-02')).toEqual([]);
    expect(raise('2026-12-31')).toEqual([]);
    expect(raise('2027-01-01')).toEqual(['expired']);
    expect(raise('2027-01-02')).toEqual([]);
  });

  it('announces only the expiry of an échéance first seen already expired, and anew after a renewal', () => {
    const announced = new Set<string>();
    const first = echeanceAlerts(echeances([item([warranty('2026-11-15')])], '2026-12-02'), announced);
    expect(first.map((a) => a.stage)).toEqual(['expired']);
    for (const a of first) announced.add(a.key);
    const renewed = echeanceAlerts(echeances([item([warranty('2026-12-20')])], '2026-12-02'), announced);
    expect(renewed.map((a) => a.stage)).toEqual(['within30']);
  });
});

const day = fc
  .integer({ min: dayNumberOf('2024-01-01'), max: dayNumberOf('2030-12-31') })
  .map((n) => addDays('1970-01-01', n));

describe('échéance properties', () => {
  it('a later date is never in a more urgent state', () => {
    const rank = { expired: 0, within30: 1, within90: 2, later: 3 };
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, d) => {
        expect(rank[echeanceState(a + d)]).toBeGreaterThanOrEqual(rank[echeanceState(a)]);
      }),
    );
  });

  it('the last jour ouvré is a jour ouvré, on or before the date, with none between them', () => {
    fc.assert(
      fc.property(day, (date) => {
        const last = lastWorkingDayOnOrBefore(mainland, date);
        expect(last <= date).toBe(true);
        expect(calendarDay(mainland, dayNumberOf(last)).working).toBe(true);
        for (let n = dayNumberOf(last) + 1; n <= dayNumberOf(date); n++)
          expect(calendarDay(mainland, n).working).toBe(false);
      }),
    );
  });

  it('jours ouvrés left never exceed calendar days left + 1, and the list is sorted', () => {
    fc.assert(
      fc.property(day, fc.array(day, { minLength: 1, maxLength: 6 }), (today, dates) => {
        const list = echeances([item(dates.map(warranty))], today);
        for (const e of list)
          if (e.workingDaysLeft !== null) expect(e.workingDaysLeft).toBeLessThanOrEqual(Math.max(0, e.daysLeft + 1));
        const days = list.map((e) => e.daysLeft);
        expect(days).toEqual([...days].sort((a, b) => a - b));
      }),
    );
  });

  it('raising the alerts once leaves nothing to raise on the same day', () => {
    fc.assert(
      fc.property(day, fc.array(day, { maxLength: 6 }), (today, dates) => {
        const list = echeances([item(dates.map(warranty))], today);
        const announced = new Set(echeanceAlerts(list, new Set()).map((a) => a.key));
        expect(echeanceAlerts(list, announced)).toEqual([]);
      }),
    );
  });
});
