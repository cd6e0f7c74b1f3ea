import { describe, expect, it } from 'vitest';
import { contractLedger } from '../../../shared/domain';
import type { Invoice } from '../../../shared/schemas';
import { computeLedgers } from '../reports/ledgers';
import { aClient, aContract, aTicket, anIntervention } from '../../testing/documents';
import { blockRows, creditRows, renewalStormOf } from './credit-model';
import { forecastRenewal, monthlyConsumption, monthsBefore } from './forecast';

const contract = aContract({ utBase: 16 });
const ticket = aTicket();
/** A completed UT intervention of `minutes` on a Paris day at 10:00 (UT = ceil(minutes / 15)). */
const work = (id: string, day: string, minutes: number) => anIntervention({ id, start: `${day} 10:00`, minutes });

describe('renewal forecast', () => {
  it('goes back three calendar months, clamped to the month end', () => {
    expect(monthsBefore('2026-11-27', 3)).toBe('2026-08-27');
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2026-02-15', 3)).toBe('2025-11-15');
  });

  it('forecasts the renewal from the pace of the last three months', () => {
    // 92 days from 28 Aug to 27 Nov; 46 UT consumed → 0.5 UT a day.
    const interventions = [work('a', '2026-09-01', 150), work('b', '2026-10-01', 240), work('c', '2026-11-20', 300)];
    const ledger = contractLedger({ contract, tickets: [ticket], equipment: [], interventions }).ut;
    expect(ledger.consumed).toBe(10 + 16 + 20);
    expect(ledger.balance).toBe(2);
    const forecast = forecastRenewal(ledger, '2026-11-27', contract.startDate);
    expect(forecast.windowFrom).toBe('2026-08-28');
    expect(forecast.windowDays).toBe(92);
    expect(forecast.windowConsumed).toBe(46);
    expect(forecast.pacePerDay).toBeCloseTo(0.5);
    expect(forecast.daysLeft).toBe(4);
    expect(forecast.renewalDay).toBe('2026-12-01');
  });

  it('leaves out what was consumed before the window', () => {
    const ledger = contractLedger({
      contract,
      tickets: [ticket],
      equipment: [],
      interventions: [work('a', '2026-03-02', 60)],
    }).ut;
    const forecast = forecastRenewal(ledger, '2026-11-27', contract.startDate);
    expect(forecast).toMatchObject({ windowConsumed: 0, pacePerDay: 0, renewalDay: null, daysLeft: null });
  });

  it('measures a young contract over its days so far', () => {
    const young = aContract({
      startDate: '2026-11-17',
      prices: [{ from: '2026-11-17', utUnitPrice: '25.00', halfDayUnitPrice: '360.00' }],
    });
    const ledger = contractLedger({
      contract: young,
      tickets: [ticket],
      equipment: [],
      interventions: [work('a', '2026-11-18', 75)],
    }).ut;
    const forecast = forecastRenewal(ledger, '2026-11-26', young.startDate);
    expect(forecast.windowDays).toBe(10);
    expect(forecast.pacePerDay).toBeCloseTo(0.5);
    expect(forecast.daysLeft).toBe(22);
  });

  it('sums consumption and renewals per month', () => {
    const interventions = [work('a', '2026-10-05', 240), work('b', '2026-10-20', 60), work('c', '2026-11-03', 60)];
    const ledger = contractLedger({ contract, tickets: [ticket], equipment: [], interventions }).ut;
    const months = monthlyConsumption(ledger, '2026-11-27', 3);
    expect(months).toEqual([
      { month: '2026-09', consumed: 0, renewals: 0 },
      { month: '2026-10', consumed: 20, renewals: 1 },
      { month: '2026-11', consumed: 4, renewals: 0 },
    ]);
  });
});

describe('credit rows', () => {
  const interventions = [work('a', '2026-11-02', 240), work('b', '2026-11-20', 60)];
  const ledgers = computeLedgers([contract], [ticket], [], interventions);

  it('gives each contract its balance, forecast and low-balance warning', () => {
    const [row] = creditRows(ledgers, [aClient()], '2026-11-27');
    expect(row?.client?.name).toBe('Boulangerie Martin');
    expect(row?.ut?.ledger.balance).toBe(12);
    expect(row?.ut?.low).toBe(false);
    expect(row?.halfDays).toBeNull();
  });

  it('pairs each block with the invoice the server issued for it', () => {
    const ledger = contractLedger({ contract, tickets: [ticket], equipment: [], interventions }).ut;
    const invoice = { id: 'ct-1:ut:1', amountHT: '400.00' } as Invoice;
    const rows = blockRows(contract, ledger, [invoice]);
    expect(rows.map((r) => [r.block, r.amountHT, r.invoice?.id])).toEqual([
      [2, '400.00', undefined],
      [1, '400.00', 'ct-1:ut:1'],
    ]);
  });
});

describe('the renewal-storm signal', () => {
  const invoice = (block: number, storm?: { owed: number; detectedAt: string }, contractId = 'ct-1') =>
    ({
      id: `${contractId}:ut:${block}`,
      contractId,
      block,
      triggeredBy: `iv-${block % 2}`,
      ...(storm ? { renewalStorm: storm } : {}),
    }) as Invoice;

  it('is absent without a marked invoice', () => {
    expect(renewalStormOf('ct-1', [invoice(1), invoice(2)])).toBeNull();
  });

  it('gives the latest storm of the contract, with the interventions behind it', () => {
    const first = { owed: 176, detectedAt: '2026-11-27T09:00:00.000Z' };
    const later = { owed: 156, detectedAt: '2026-11-27T09:00:01.000Z' };
    const elsewhere = { owed: 999, detectedAt: '2026-11-28T09:00:00.000Z' };
    expect(
      renewalStormOf('ct-1', [invoice(2, first), invoice(3, first), invoice(22, later), invoice(5, elsewhere, 'ct-2')]),
    ).toEqual({
      owed: 156,
      detectedAt: later.detectedAt,
      triggeredBy: ['iv-0'],
    });
  });
});
