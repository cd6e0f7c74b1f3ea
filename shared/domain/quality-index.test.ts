import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlannedService } from '../schemas';
import {
  LATE_WEIGHT,
  lastMonths,
  monthPeriod,
  occurrenceFacts,
  occurrenceOutcome,
  qualityIndex,
  qualityTrend,
  type QualityFacts,
} from './index';
import { makeContract, makeIntervention, makeTicket } from './test-fixtures';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

function occurrence(id: string, dueDate: string, extra: Partial<QualityFacts> = {}): QualityFacts {
  return { id, module: 'C', dueDate, completions: [], ...extra };
}
const doneOn = (day: string, reported = true) => ({ completions: [{ day, reported }] });

describe('occurrenceOutcome (D-43)', () => {
  it.each([
    ['done by its due date', doneOn('2026-03-31'), '2026-04-10', 'on_time'],
    ['done after its due date', doneOn('2026-04-02'), '2026-04-10', 'late'],
    ['not done, due date passed', {}, '2026-04-01', 'missed'],
    ['not done, still due today', {}, '2026-03-31', 'upcoming'],
    ['completed without a compte-rendu', doneOn('2026-03-20', false), '2026-04-01', 'no_report'],
    ['completed without a compte-rendu, still due', doneOn('2026-03-20', false), '2026-03-25', 'upcoming'],
    ['completed after today (not known yet)', doneOn('2026-04-02'), '2026-04-01', 'missed'],
    ['cancelled at the client’s request', { cancelledBy: 'client' as const }, '2026-04-10', 'excluded'],
    ['cancelled by the provider', { cancelledBy: 'provider' as const }, '2026-04-10', 'cancelled_by_provider'],
    ['cancelled, even if done', { cancelledBy: 'client' as const, ...doneOn('2026-03-02') }, '2026-04-10', 'excluded'],
  ])('%s', (_name, extra, today, outcome) => {
    expect(occurrenceOutcome(occurrence('o', '2026-03-31', extra), today)).toBe(outcome);
  });

  it('takes the earliest completion that has its compte-rendu', () => {
    const facts = occurrence('o', '2026-03-31', {
      completions: [
        { day: '2026-03-10', reported: false },
        { day: '2026-04-03', reported: true },
        { day: '2026-03-28', reported: true },
      ],
    });
    expect(occurrenceOutcome(facts, '2026-04-10')).toBe('on_time');
  });
});

describe('qualityIndex', () => {
  it('is the share of points over counted occurrences, with what lowered it', () => {
    const facts = [
      occurrence('on-time', '2026-01-31', doneOn('2026-01-20')),
      occurrence('late', '2026-02-28', doneOn('2026-03-04')),
      occurrence('missed', '2026-03-31'),
      occurrence('client', '2026-04-30', { cancelledBy: 'client' }),
      occurrence('future', '2026-12-31'),
      { ...occurrence('d-done', '2026-03-31', doneOn('2026-03-02')), module: 'D' as const },
    ];
    const summary = qualityIndex(facts, YEAR, '2026-06-15');
    expect(summary.counted).toBe(4);
    expect(summary.points).toBe(2 + LATE_WEIGHT);
    expect(summary.index).toBeCloseTo(2.5 / 4);
    expect(summary.outcomes).toMatchObject({ on_time: 2, late: 1, missed: 1, excluded: 1, upcoming: 1 });
    expect(summary.byModule.C?.index).toBeCloseTo(1.5 / 3);
    expect(summary.byModule.D?.index).toBe(1);
    expect(summary.lowered.map((l) => [l.id, l.outcome, l.lost])).toEqual([
      ['missed', 'missed', 1],
      ['late', 'late', 0.5],
    ]);
  });

  it('counts only the occurrences due in the period', () => {
    const facts = [occurrence('jan', '2026-01-31'), occurrence('feb', '2026-02-28', doneOn('2026-02-02'))];
    expect(qualityIndex(facts, monthPeriod('2026-02'), '2026-06-01')).toMatchObject({ index: 1, counted: 1 });
    expect(qualityIndex(facts, monthPeriod('2026-01'), '2026-06-01')).toMatchObject({ index: 0, counted: 1 });
  });

  it('has no value when nothing is counted yet', () => {
    expect(qualityIndex([occurrence('future', '2026-12-31')], YEAR, '2026-06-01').index).toBeNull();
    expect(qualityIndex([], YEAR, '2026-06-01').index).toBeNull();
  });

  it('names the argument at fault', () => {
    expect(() => qualityIndex([occurrence('x', '2026-02-30')], YEAR, '2026-06-01')).toThrow(/facts\[0\]\.dueDate/);
    expect(() => qualityIndex([], { from: '2026-12-01', to: '2026-01-01' }, '2026-06-01')).toThrow(/period/);
  });

  it('follows the year month by month for the trend chart', () => {
    const months = lastMonths('2026-03-10', 3);
    expect(months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(lastMonths('2026-02-01', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    const facts = [occurrence('jan', '2026-01-31', doneOn('2026-01-05')), occurrence('feb', '2026-02-28')];
    expect(qualityTrend(facts, months, '2026-03-10')).toEqual([
      { month: '2026-01', index: 1, counted: 1 },
      { month: '2026-02', index: 0, counted: 1 },
      { month: '2026-03', index: null, counted: 0 },
    ]);
  });
});

describe('occurrenceFacts', () => {
  it('reads completions in the contract’s time zone and skips replaced interventions', () => {
    const ticket = {
      ...makeTicket({ plannedService: 'C', dueDate: '2026-03-31' }),
      plannedService: 'C' as const,
      dueDate: '2026-03-31',
    };
    const contract = makeContract();
    const late = makeIntervention('a', '2026-03-31T21:30:00.000Z', 60, { report: 'Fait.' });
    const replaced = makeIntervention('b', '2026-03-02T08:00:00.000Z', 60, { report: 'Fait.' });
    const correction = makeIntervention('c', '2026-03-03T08:00:00.000Z', 60, {
      correctionOf: 'b',
      correctionReason: 'erreur',
    });
    const other = makeIntervention('d', '2026-03-02T08:00:00.000Z', 60, { ticketId: 'other', report: 'x' });
    const facts = occurrenceFacts(ticket, [late, replaced, correction, other], contract);
    // 22:30 UTC on 31 March is 00:30 on 1 April in Paris.
    expect(facts.completions).toEqual([
      { day: '2026-04-01', reported: true },
      { day: '2026-03-03', reported: false },
    ]);
    expect(occurrenceOutcome(facts, '2026-04-05')).toBe('late');
  });
});

describe('qualityIndex properties', () => {
  const day = fc
    .integer({ min: 0, max: 729 })
    .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
  const facts = fc.array(
    fc.record({
      id: fc.uuid(),
      module: fc.constantFrom<PlannedService>('C', 'D', 'E', 'F'),
      dueDate: day,
      cancelledBy: fc.constantFrom(undefined, 'client' as const, 'provider' as const),
      completions: fc.array(fc.record({ day, reported: fc.boolean() }), { maxLength: 3 }),
    }),
    { maxLength: 40 },
  );
  const period = fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));

  it('stays in [0, 1], for every module too', () => {
    fc.assert(
      fc.property(facts, period, day, (list, p, today) => {
        const summary = qualityIndex(list, p, today);
        for (const counts of [summary, ...Object.values(summary.byModule)]) {
          if (counts.index === null) expect(counts.counted).toBe(0);
          else {
            expect(counts.index).toBeGreaterThanOrEqual(0);
            expect(counts.index).toBeLessThanOrEqual(1);
          }
        }
        expect(summary.lowered.every((l) => l.lost > 0 && l.lost <= 1)).toBe(true);
      }),
    );
  });

  it('never goes down when one more occurrence is completed with its compte-rendu', () => {
    fc.assert(
      fc.property(facts, period, day, fc.nat(), day, (list, p, today, pick, doneDay) => {
        fc.pre(list.length > 0 && doneDay <= today);
        const before = qualityIndex(list, p, today);
        const target = pick % list.length;
        const after = qualityIndex(
          list.map((o, i) =>
            i === target ? { ...o, completions: [...o.completions, { day: doneDay, reported: true }] } : o,
          ),
          p,
          today,
        );
        if (before.index !== null) expect(after.index ?? 0).toBeGreaterThanOrEqual(before.index - 1e-12);
        expect(after.points).toBeGreaterThanOrEqual(before.points);
      }),
    );
  });
});
