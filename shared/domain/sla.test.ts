import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  createCalendar,
  firstInterventionStart,
  gtr,
  gtrPenaltyRate,
  gtrRateForOverrun,
  interruptionFactsOf,
  interruptionGtr,
  interventionCommitment,
} from './index';
import { makeTicket } from './test-fixtures';

const france = createCalendar();
const paris = (local: string): Date =>
  DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: 'Europe/Paris' }).toJSDate();

describe('the 30-minute intervention commitment', () => {
  const received = paris('2026-11-27 17:45'); // a Friday: 15 minutes left that day

  it('runs with the business minutes left until a deadline on Monday morning', () => {
    const result = interventionCommitment(france, received, undefined, paris('2026-11-27 17:50'));
    expect(result).toMatchObject({
      deadline: paris('2026-11-30 08:45'),
      state: 'running',
      remainingMinutes: 25,
      elapsedMinutes: 5,
      targetMinutes: 30,
    });
    expect(result.explanation).toEqual([{ day: '2026-11-27', minutes: 5, periods: [{ from: '17:45', to: '17:50' }] }]);
    expect(result.deadlineExplanation.map((d) => [d.day, d.minutes])).toEqual([
      ['2026-11-27', 15],
      ['2026-11-30', 15],
    ]);
  });

  it('keeps the remaining minutes still over the weekend', () => {
    const result = interventionCommitment(france, received, undefined, paris('2026-11-29 12:00'));
    expect(result.state).toBe('running');
    expect(result.remainingMinutes).toBe(15);
    expect(result.elapsedMinutes).toBe(15);
  });

  it('is still running, with 0 minutes left, at the deadline itself', () => {
    const result = interventionCommitment(france, received, undefined, paris('2026-11-30 08:45'));
    expect(result.state).toBe('running');
    expect(result.remainingMinutes).toBe(0);
  });

  it('is breached one millisecond after the deadline with no intervention started', () => {
    const now = new Date(paris('2026-11-30 08:45').getTime() + 1);
    expect(interventionCommitment(france, received, undefined, now)).toMatchObject({
      state: 'breached',
      remainingMinutes: 0,
    });
  });

  it('is met when the first intervention starts at the deadline exactly', () => {
    const result = interventionCommitment(france, received, paris('2026-11-30 08:45'), paris('2026-12-01 10:00'));
    expect(result).toMatchObject({ state: 'met', remainingMinutes: 0, elapsedMinutes: 30 });
  });

  it('is breached when the first intervention starts a second late, however late the screen looks', () => {
    const late = new Date(paris('2026-11-30 08:45').getTime() + 1000);
    const result = interventionCommitment(france, received, late, paris('2026-11-30 08:50'));
    expect(result.state).toBe('breached');
    expect(result.elapsedMinutes).toBeCloseTo(30 + 1 / 60, 9);
  });

  it('is met by a start before the call was logged (receivedAt moved back)', () => {
    const result = interventionCommitment(france, received, paris('2026-11-27 17:40'), paris('2026-11-27 17:50'));
    expect(result).toMatchObject({ state: 'met', elapsedMinutes: 0, explanation: [] });
  });

  it('uses the contract’s own target', () => {
    const result = interventionCommitment(france, paris('2026-11-27 09:00'), undefined, paris('2026-11-27 09:00'), 120);
    expect(result.deadline).toEqual(paris('2026-11-27 11:00'));
  });

  it('names the argument of bad input', () => {
    expect(() => interventionCommitment(france, new Date('x'), undefined, received)).toThrow(
      /^receivedAt: invalid date/,
    );
    expect(() => interventionCommitment(france, received, undefined, received, 0)).toThrow(/^targetMinutes: /);
    expect(() => interventionCommitment(france, received, new Date(Number.NaN), received)).toThrow(/^firstStart: /);
  });
});

describe('firstInterventionStart', () => {
  it('is the earliest segment start of all the ticket’s interventions, running ones included', () => {
    const start = firstInterventionStart([
      { segments: [{ start: '2026-11-27T10:00:00Z', end: '2026-11-27T10:30:00Z' }] },
      { segments: [{ start: '2026-11-27T11:00:00+02:00' }] },
      { segments: [] },
    ]);
    expect(start?.toISOString()).toBe('2026-11-27T09:00:00.000Z');
  });

  it('is undefined before any work started', () => {
    expect(firstInterventionStart([])).toBeUndefined();
    expect(firstInterventionStart([{ segments: [] }])).toBeUndefined();
  });

  it('names the segment of an invalid start', () => {
    expect(() => firstInterventionStart([{ segments: [] }, { segments: [{ start: 'soon' }] }])).toThrow(
      /^interventions\[1\]\.segments\[0\]\.start: invalid instant/,
    );
  });
});

describe('GTR', () => {
  it('counts restoration time in heures ouvrées and finds the tier', () => {
    const result = gtr(france, paris('2026-11-30 09:00'), paris('2026-11-30 16:00'), paris('2026-12-01 09:00'));
    expect(result).toMatchObject({
      deadline: paris('2026-11-30 15:30'),
      businessMinutes: 300,
      overrunMinutes: 30,
      rate: 0.1,
      restored: true,
    });
    expect(result.explanation.map((d) => d.periods)).toEqual([
      [
        { from: '09:00', to: '12:00' },
        { from: '14:00', to: '16:00' },
      ],
    ]);
  });

  it('runs to now while the service is still down (a provisional rate)', () => {
    const result = gtr(france, paris('2026-11-30 09:00'), undefined, paris('2026-12-01 10:00'));
    expect(result).toMatchObject({ restored: false, businessMinutes: 420 + 90, overrunMinutes: 240, rate: 0.1 });
  });

  it('does not count nights and weekends', () => {
    // Friday 16:00 → Monday 11:00: 120 + 150 = 270 minutes: exactly the guarantee.
    expect(gtrPenaltyRate(france, paris('2026-11-27 16:00'), paris('2026-11-30 11:00'))).toBe(0);
    expect(gtrPenaltyRate(france, paris('2026-11-27 16:00'), paris('2026-11-30 11:01'))).toBe(0.1);
  });

  it.each([
    [0, 0],
    [0.01, 0.1],
    [240, 0.1],
    [240.01, 0.2],
    [480, 0.2],
    [481, 0.3],
    [10_000, 0.3],
  ])('puts an overrun of %d minutes in the %d tier', (overrun, rate) => {
    expect(gtrRateForOverrun(overrun)).toBe(rate);
  });

  it('reaches each tier boundary through real instants', () => {
    const notified = paris('2026-11-30 08:30'); // Monday: 450 business minutes a day
    // 270 + 240 = 510 minutes: Tuesday 09:30 → 10 %; one minute more → 20 %.
    expect(gtrPenaltyRate(france, notified, paris('2026-12-01 09:30'))).toBe(0.1);
    expect(gtrPenaltyRate(france, notified, paris('2026-12-01 09:31'))).toBe(0.2);
    // 270 + 480 = 750 minutes: Tuesday 210 min in the morning, then 14:00–15:30 → 20 %; a minute more → 30 %.
    expect(gtrPenaltyRate(france, notified, paris('2026-12-01 15:30'))).toBe(0.2);
    expect(gtrPenaltyRate(france, notified, paris('2026-12-01 15:31'))).toBe(0.3);
  });

  it('refuses a restoration before the notification', () => {
    expect(() => gtr(france, paris('2026-11-30 10:00'), paris('2026-11-30 09:00'), paris('2026-11-30 11:00'))).toThrow(
      /^restoredAt: restoration cannot come before the notification/,
    );
  });

  it('owes no GTR penalty for a scheduled or excluded interruption, though it still measures it', () => {
    const facts = { id: 'x', notifiedAt: paris('2026-11-30 09:00'), restoredAt: paris('2026-12-01 18:00') };
    const now = paris('2026-12-02 09:00');
    expect(interruptionGtr(france, { ...facts, scheduled: false, excluded: false }, now)).toMatchObject({
      rate: 0.3,
      owed: true,
      businessMinutes: 870,
    });
    expect(interruptionGtr(france, { ...facts, scheduled: false, excluded: true }, now)).toMatchObject({
      rate: 0,
      owed: false,
      reason: 'excluded',
      businessMinutes: 870,
    });
    expect(interruptionGtr(france, { ...facts, scheduled: true, excluded: false }, now).reason).toBe('scheduled');
  });

  it('reads the interruption facts of a ticket, exclusion included', () => {
    const ticket = makeTicket({
      interruption: {
        notifiedAt: '2026-11-30T08:00:00.000Z',
        scheduled: false,
        exclusionReason: 'telecom_operator',
      },
    });
    expect(interruptionFactsOf(ticket)).toEqual({
      id: 'tk-1',
      notifiedAt: new Date('2026-11-30T08:00:00.000Z'),
      restoredAt: undefined,
      scheduled: false,
      excluded: true,
    });
    expect(interruptionFactsOf(makeTicket())).toBeUndefined();
  });
});
