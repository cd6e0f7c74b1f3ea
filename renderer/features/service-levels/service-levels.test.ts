import { describe, expect, it } from 'vitest';
import { aClient, aContract, aTicket, anIntervention, modules, paris } from '../../testing/documents';
import { presetPeriod } from '../reports/period';
import { commitmentReport, commitmentRows } from './commitments';
import { slaYears } from './penalties';

const contract = aContract({ modules: modules('AJ') });
const withoutA = aContract({ id: 'ct-2', clientId: 'cl-2', number: 'CI-2', modules: modules('J') });
const minute = (local: string) => Date.parse(paris(local));

describe('30-minute commitment compliance', () => {
  const tickets = [
    // Met: called 09:00, first intervention 09:20.
    aTicket({ id: 'met', received: '2026-11-02 09:00' }),
    // Breached across lunch: called 11:50, deadline 14:20, started 14:35.
    aTicket({ id: 'late', received: '2026-11-02 11:50', assigneeId: 'u-tech-2' }),
    // Waiting: called 16:00, nothing started yet.
    aTicket({ id: 'waiting', received: '2026-11-27 16:00', assigneeId: 'u-tech-2' }),
    // No module A: no commitment.
    aTicket({ id: 'no-a', received: '2026-11-02 09:00', clientId: 'cl-2', contractId: 'ct-2' }),
    // A planned preventive visit (module D) is not a call: no 30-minute clock.
    aTicket({
      id: 'planned',
      received: '2026-11-02 08:30',
      plannedService: 'D',
      nature: 'preventive',
      dueDate: '2026-11-30',
    }),
  ];
  const interventions = [
    anIntervention({ id: 'i1', ticketId: 'met', start: '2026-11-02 09:20' }),
    anIntervention({ id: 'i2', ticketId: 'late', start: '2026-11-02 14:35', technicianId: 'u-tech-3' }),
    anIntervention({ id: 'i3', ticketId: 'late', start: '2026-11-02 14:40', technicianId: 'u-tech-2' }),
  ];
  const contracts = [contract, withoutA];
  const rows = (now: string) => commitmentRows(tickets, contracts, interventions, minute(now));
  const november = { period: presetPeriod('month', '2026-11-15') };

  it('counts only calls on contracts with module A, not planned visits', () => {
    expect(rows('2026-11-27 16:10').map((r) => r.ticket.id)).toEqual(['met', 'late', 'waiting']);
  });

  it('computes the compliance rate over decided tickets', () => {
    const { total } = commitmentReport(rows('2026-11-27 16:10'), november);
    expect(total).toMatchObject({ tickets: 3, met: 1, breached: 1, running: 1, rate: 0.5 });
    // 20 minutes and 45 business minutes (11:50–12:00, then 14:00–14:35).
    expect(total.meanMinutes).toBeCloseTo(32.5);
  });

  it('explains a breach day by day in business minutes', () => {
    const [breach] = commitmentReport(rows('2026-11-27 16:10'), november).breaches;
    expect(breach?.ticket.id).toBe('late');
    expect(breach?.commitment.elapsedMinutes).toBe(45);
    expect(breach?.commitment.explanation).toEqual([
      {
        day: '2026-11-02',
        minutes: 45,
        periods: [
          { from: '11:50', to: '12:00' },
          { from: '14:00', to: '14:35' },
        ],
      },
    ]);
  });

  it('credits the technician who started first, else the assignee', () => {
    const report = commitmentReport(rows('2026-11-27 16:10'), november);
    expect(report.byTechnician.map((g) => [g.id, g.compliance.tickets]).sort()).toEqual([
      ['u-tech-1', 1],
      ['u-tech-2', 1],
      ['u-tech-3', 1],
    ]);
  });

  it('shows a waiting ticket at risk with its minutes left, then breached once the deadline passed', () => {
    const early = commitmentReport(rows('2026-11-27 16:25'), november);
    expect(early.running.map((r) => [r.ticket.id, r.commitment.remainingMinutes])).toEqual([['waiting', 5]]);
    expect(early.total.atRisk).toBe(1);
    const late = commitmentReport(rows('2026-11-27 16:31'), november);
    expect(late.running).toEqual([]);
    expect(late.total.breached).toBe(2);
  });

  it('filters by client and technician and groups by month', () => {
    const report = commitmentReport(rows('2026-11-27 16:10'), { ...november, technicianId: 'u-tech-3' });
    expect(report.total.tickets).toBe(1);
    expect(report.byMonth.map((m) => m.id)).toEqual(['2026-11']);
    expect(commitmentReport(rows('2026-11-27 16:10'), { ...november, clientId: 'cl-2' }).total.tickets).toBe(0);
  });

  it('reuses the rows for the same documents and minute', () => {
    expect(rows('2026-11-27 16:10')).toBe(rows('2026-11-27 16:10'));
  });
});

describe('GTR, IMS and the penalty cap', () => {
  const hosting = aContract({ modules: modules('AJKL'), monthlyHostingFee: '400.00' });
  const interruption = (id: string, notified: string, restored: string | undefined, extra: object = {}) =>
    aTicket({
      id,
      channel: 'hosting',
      received: notified,
      interruption: {
        notifiedAt: paris(notified),
        ...(restored ? { restoredAt: paris(restored) } : {}),
        scheduled: false,
        ...extra,
      },
    });
  const now = new Date(paris('2026-11-27 17:00'));

  it('charges a GTR overrun a share of that month’s hosting fee', () => {
    // Mon 09:00 → Tue 16:00: 7 h 30 + 5 h = 12 h 30 = 750 min; overrun 480 min = 8 h → 20 %.
    const [year] = slaYears(
      [hosting],
      [aClient()],
      [interruption('i1', '2026-03-02 09:00', '2026-03-03 16:00')],
      2026,
      now,
    );
    const row = year?.interruptions[0];
    expect(row?.gtr.businessMinutes).toBe(750);
    expect(row?.gtr.rate).toBe(0.2);
    expect(row?.penalty).toBe('80.00');
    expect(row?.month).toBe('2026-03');
  });

  it('charges nothing for a scheduled or excluded interruption, and leaves it out of IMS', () => {
    const tickets = [
      interruption('s', '2026-03-02 09:00', '2026-03-06 18:00', { scheduled: true }),
      interruption('x', '2026-04-06 09:00', '2026-04-10 18:00', { exclusionReason: 'telecom_operator' }),
    ];
    const [year] = slaYears([hosting], [aClient()], tickets, 2026, now);
    expect(year?.interruptions.map((i) => [i.ticket.id, i.status, i.penalty])).toEqual([
      ['s', 'scheduled', '0.00'],
      ['x', 'excluded', '0.00'],
    ]);
    expect(year?.ims?.totalMinutes).toBe(0);
    expect(year?.ims?.left.map((l) => l.reason)).toEqual(['scheduled', 'excluded']);
  });

  it('prorates the IMS penalty for a service started mid-year and caps the year at three months of fees', () => {
    const midYear = aContract({
      modules: modules('AJKL'),
      monthlyHostingFee: '400.00',
      startDate: '2026-07-01',
      prices: [{ from: '2026-07-01', utUnitPrice: '25.00', halfDayUnitPrice: '360.00' }],
    });
    // Two long interruptions: 5 + 5 working days of 7 h 30 = 75 h > 30 h + 30 h → 3 %.
    const tickets = [
      interruption('a', '2026-09-07 08:30', '2026-09-11 18:00'),
      interruption('b', '2026-10-05 08:30', '2026-10-09 18:00'),
    ];
    const [year] = slaYears([midYear], [aClient()], tickets, 2026, now);
    expect(year?.ims?.totalMinutes).toBe(75 * 60);
    expect(year?.ims?.rate).toBe(0.03);
    // 4,800 € × 3 % × 184 / 365 = 72.59 €.
    expect(year?.imsPenalty).toBe('72.59');
    // GTR: each is 30 % of 400 € = 120 €; with IMS 312.59 € ≤ 1,200 € cap.
    expect(year?.cap).toEqual({ total: '312.59', cap: '1200.00', capped: '312.59', wasCapped: false });
  });

  it('caps a year of penalties at three months of hosting fees', () => {
    // Eleven Monday-to-Tuesday outages: 15 business hours each, overrun > 8 h → 30 % = 120 € each.
    const mondays = ['01-05', '01-12', '01-19', '01-26', '02-02', '02-09', '02-16', '02-23', '03-02', '03-09', '03-16'];
    const tickets = mondays.map((day, k) => {
      const tuesday = `${day.slice(0, 3)}${String(Number(day.slice(3)) + 1).padStart(2, '0')}`;
      return interruption(`i${k}`, `2026-${day} 08:30`, `2026-${tuesday} 18:00`);
    });
    const [year] = slaYears([hosting], [aClient()], tickets, 2026, now);
    expect(year?.interruptions.every((i) => i.penalty === '120.00')).toBe(true);
    expect(year?.cap.wasCapped).toBe(true);
    expect(Number(year?.cap.total)).toBeGreaterThan(1320);
    expect(year?.cap.capped).toBe('1200.00');
  });

  it('lists only contracts with module K or L', () => {
    expect(slaYears([contract, hosting], [aClient()], [], 2026, now).map((y) => y.contract.modules.K.active)).toEqual([
      true,
    ]);
  });
});
