import { describe, expect, it } from 'vitest';
import { presetPeriod, rangePeriod } from './period';
import { reportPath, reportStateFrom } from './report-route';

describe('the reports URL', () => {
  it('round-trips period, client, technician and grouping', () => {
    const state = {
      period: rangePeriod('2026-10-01', '2026-11-15'),
      clientId: 'cl-7',
      technicianId: 'u-2',
      group: 'technician' as const,
    };
    const path = reportPath(state);
    expect(path).toBe('/reports?period=range&from=2026-10-01&to=2026-11-15&client=cl-7&tech=u-2&group=technician');
    expect(reportStateFrom(new URLSearchParams(path.split('?')[1]), '2026-11-27')).toEqual(state);
  });

  it('opens on this month grouped by client', () => {
    expect(reportStateFrom(new URLSearchParams(''), '2026-11-27')).toEqual({
      period: presetPeriod('month', '2026-11-27'),
      group: 'client',
    });
  });

  it('ignores an unknown grouping and says why a period was refused', () => {
    const state = reportStateFrom(
      new URLSearchParams('group=colour&period=range&from=2026-13-01&to=2026-11-01'),
      '2026-11-27',
    );
    expect(state.group).toBe('client');
    expect(state.periodError).toMatch(/^from:/);
  });
});
