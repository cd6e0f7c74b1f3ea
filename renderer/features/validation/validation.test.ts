import { describe, expect, it } from 'vitest';
import { anIntervention } from '../../testing/documents';
import { checkDraft, draftOf } from './correction-form';
import { fromParisInput, toParisInput } from './paris-time';
import {
  canCorrect,
  changesBetween,
  history,
  mondayOf,
  reviewRows,
  shiftWeek,
  validatableIds,
} from './validation-model';

const validated = { validatedAt: '2026-11-06T17:00:00.000Z', validatedBy: 'u-lead-1' };

const week = [
  anIntervention({ id: 'todo', start: '2026-11-02 09:00', minutes: 30 }),
  anIntervention({ id: 'done', start: '2026-11-03 10:00', minutes: 60, ...validated }),
  anIntervention({ id: 'old', start: '2026-11-04 14:00', minutes: 90, ...validated }),
  anIntervention({
    id: 'fix',
    start: '2026-11-04 14:00',
    minutes: 60,
    correctionOf: 'old',
    correctionReason: 'Pause déjeuner comptée',
    createdAt: '2026-11-10T09:00:00.000Z',
  }),
  anIntervention({ id: 'live', start: '2026-11-06 16:00', running: true }),
  anIntervention({ id: 'other-tech', start: '2026-11-05 09:00', technicianId: 'u-tech-2' }),
  anIntervention({ id: 'next-week', start: '2026-11-09 09:00' }),
  // Sunday 23:30 Paris is still in the week, though Monday in UTC+0 terms is not reached.
  anIntervention({ id: 'sunday-night', start: '2026-11-08 23:30', minutes: 20 }),
];

describe('reviewing a week', () => {
  it('starts weeks on Monday and moves by seven days', () => {
    expect(mondayOf('2026-11-08')).toBe('2026-11-02');
    expect(mondayOf('2026-11-02')).toBe('2026-11-02');
    expect(shiftWeek('2026-11-02', -1)).toBe('2026-10-26');
  });

  it('lists the week’s interventions with what a lead may do with each', () => {
    const rows = reviewRows(week, { monday: '2026-11-02' });
    expect(rows.map((r) => [r.intervention.id, r.state])).toEqual([
      ['todo', 'to_validate'],
      ['done', 'validated'],
      ['old', 'replaced'],
      ['fix', 'to_validate'],
      ['other-tech', 'to_validate'],
      ['live', 'running'],
      ['sunday-night', 'to_validate'],
    ]);
  });

  it('validates a week: completed, unvalidated, not replaced — never running work', () => {
    expect(validatableIds(reviewRows(week, { monday: '2026-11-02' }))).toEqual([
      'todo',
      'fix',
      'other-tech',
      'sunday-night',
    ]);
    expect(validatableIds(reviewRows(week, { monday: '2026-11-02', technicianId: 'u-tech-2' }))).toEqual([
      'other-tech',
    ]);
  });

  it('offers a correction only on validated work that is its latest version', () => {
    const rows = new Map(reviewRows(week, { monday: '2026-11-02' }).map((r) => [r.intervention.id, r]));
    const can = (id: string) => {
      const row = rows.get(id);
      return row ? canCorrect(row) : undefined;
    };
    expect([can('done'), can('old'), can('fix'), can('todo')]).toEqual([true, false, false, false]);
    expect(rows.get('old')?.replacedBy?.id).toBe('fix');
    expect(rows.get('fix')?.hasHistory).toBe(true);
  });
});

describe('correction history', () => {
  const again = anIntervention({
    id: 'fix2',
    start: '2026-11-04 14:00',
    minutes: 45,
    correctionOf: 'fix',
    correctionReason: 'Encore trop long',
    createdAt: '2026-11-12T09:00:00.000Z',
  });

  it('gives every version oldest first, from any of them', () => {
    const all = [...week, again];
    expect(history(all, 'fix').map((i) => i.id)).toEqual(['old', 'fix', 'fix2']);
    expect(history(all, 'old').map((i) => i.id)).toEqual(['old', 'fix', 'fix2']);
    expect(history(all, 'done').map((i) => i.id)).toEqual(['done']);
  });

  it('says what a correction changed', () => {
    const [old, fix] = history(week, 'fix');
    const text = (segments: (typeof week)[number]['segments']) =>
      segments.map((s) => `${s.start}→${s.end ?? ''}`).join(', ');
    expect(old && fix && changesBetween(old, fix, text).map((c) => c.field)).toEqual(['segments']);
  });
});

describe('Paris times typed in a correction', () => {
  it.each([
    ['2026-11-02T14:35', '2026-11-02T13:35:00.000Z'],
    ['2026-07-01T09:00', '2026-07-01T07:00:00.000Z'],
    // The autumn hour happens twice: the first one is taken.
    ['2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
  ])('reads %s as %s', (local, iso) => {
    expect(fromParisInput(local)).toBe(iso);
    expect(toParisInput(iso)).toBe(local);
  });

  it('refuses the hour skipped in spring, naming the field', () => {
    expect(() => fromParisInput('2026-03-29T02:30', 'segments[0].start')).toThrow(
      /^segments\[0\]\.start: 2026-03-29 02:30 does not exist/,
    );
  });

  it('refuses something that is not a time', () => {
    expect(() => fromParisInput('demain', 'end')).toThrow('end: expected a date and time ("demain")');
  });
});

describe('the correction form', () => {
  const original = anIntervention({
    id: 'old',
    start: '2026-11-04 14:00',
    minutes: 90,
    trips: 1,
    channel: 'onsite',
    ...validated,
  });
  const now = Date.parse('2026-11-27T12:00:00.000Z');

  it('shows the validated facts in Paris time', () => {
    expect(draftOf(original)).toEqual({
      segments: [{ start: '2026-11-04T14:00', end: '2026-11-04T15:30' }],
      trips: '1',
      halfDay: false,
      channel: 'onsite',
      report: 'Compte-rendu.',
      reason: '',
    });
  });

  it('turns a corrected draft into the changes to record, in UTC', () => {
    const draft = { ...draftOf(original), reason: ' Pause déjeuner comptée ' };
    draft.segments = [{ start: '2026-11-04T14:00', end: '2026-11-04T15:00' }];
    expect(checkDraft(draft, now)).toEqual({
      ok: true,
      reason: 'Pause déjeuner comptée',
      changes: {
        segments: [{ start: '2026-11-04T13:00:00.000Z', end: '2026-11-04T14:00:00.000Z' }],
        trips: 1,
        halfDay: false,
        channel: 'onsite',
        report: 'Compte-rendu.',
      },
    });
  });

  it('names each wrong field: missing reason, reversed period, overlap, future end, bad trips', () => {
    const draft = {
      ...draftOf(original),
      trips: 'deux',
      segments: [
        { start: '2026-11-04T14:00', end: '2026-11-04T13:00' },
        { start: '2026-11-04T12:30', end: '2026-11-04T12:45' },
        { start: '2026-11-27T14:00', end: '2026-11-27T15:00' },
      ],
    };
    const result = checkDraft(draft, now);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual({
        'segments.0.end': { key: 'order', params: { n: 1 } },
        'segments.1.start': { key: 'overlap', params: { n: 2 } },
        'segments.2.end': { key: 'future', params: { n: 3 } },
        trips: { key: 'trips' },
        reason: { key: 'reason' },
      });
    }
  });
});
