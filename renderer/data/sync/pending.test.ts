import { describe, expect, it } from 'vitest';
import { createPendingTracker } from './pending';

const doc = (id: string, updatedAt: string) => ({ id, updatedAt, title: 'Imprimante', _deleted: false });

describe('local changes waiting for the server', () => {
  it('counts a written version until that version is pushed, and keeps a newer one waiting', async () => {
    let count = -1;
    const saved: Record<string, string>[] = [];
    const tracker = createPendingTracker(
      { load: async () => null, save: async (entries) => void saved.push(entries) },
      (n) => (count = n),
    );
    await tracker.init();
    tracker.written('tickets', 'tk-1', '2026-11-27T09:00:00.000Z');
    tracker.written('tickets', 'tk-2', '2026-11-27T09:01:00.000Z');
    expect(count).toBe(2);
    // tk-2 was written again while its older version was on the wire.
    tracker.written('tickets', 'tk-2', '2026-11-27T09:02:00.000Z');
    tracker.pushed('tickets', [doc('tk-1', '2026-11-27T09:00:00.000Z'), doc('tk-2', '2026-11-27T09:01:00.000Z')]);
    expect(count).toBe(1);
    await tracker.flushed();
    expect(saved.at(-1)).toEqual({ 'tickets/tk-2': '2026-11-27T09:02:00.000Z' });
  });

  it('lets a version go once the server sends it back, even when its push answer was lost', async () => {
    let count = -1;
    const tracker = createPendingTracker(
      {
        load: async () => ({
          'interventions/itv-1': '2026-11-27T09:00:00.000Z',
          'interventions/itv-2': '2026-11-27T09:10:00.000Z',
        }),
        save: async () => undefined,
      },
      (n) => (count = n),
    );
    await tracker.init();
    // Pulled after a reload: itv-1 as this device wrote it, itv-2 in an older version.
    tracker.confirmed('interventions', [doc('itv-1', '2026-11-27T09:00:00.000Z'), doc('itv-2', '2026-11-27T09:05:00.000Z')]);
    expect(count).toBe(1);
  });

  it('restores what was waiting when the device reopens', async () => {
    let count = -1;
    const tracker = createPendingTracker(
      { load: async () => ({ 'interventions/itv-1': '2026-11-27T09:00:00.000Z' }), save: async () => undefined },
      (n) => (count = n),
    );
    await tracker.init();
    expect(count).toBe(1);
  });
});
