/**
 * The price-revision calculator (CG art. 21.4): at each anniversary P = P0 × (0.15 + 0.85 × S/S0),
 * S the INSEE labour-cost index, and at least +3 %. The rule is shared/domain's `revisedPrice`;
 * this module finds the anniversary and the prices in force, and says whether the floor applied.
 */
import { priceInForce, revisedPrice } from '../../../shared/domain';
import type { Contract } from '../../../shared/schemas';

/** The first anniversary of the start strictly after `today` ('2026-01-15' start, today '2026-11-27' → '2027-01-15'). */
export function nextAnniversary(startDate: string, today: string): string {
  const [, m, d] = startDate.split('-').map(Number);
  for (let year = Number(today.slice(0, 4)); ; year++) {
    // 29 February starts renew on 28 February in common years.
    const last = new Date(Date.UTC(year, m ?? 1, 0)).getUTCDate();
    const candidate = `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d ?? 1, last)).padStart(2, '0')}`;
    if (candidate > today && candidate > startDate) return candidate;
  }
}

export type Revision =
  | { ok: true; ut: string; halfDay: string; floorApplied: boolean; from: string }
  | { ok: false; field: 's' | 's0' | 'p0'; message: string };

/**
 * revise(contract, today, { s: '128', s0: '125' }) → the UT and half-day prices in force today,
 * revised, effective at the next anniversary.
 */
export function revise(
  contract: Pick<Contract, 'prices' | 'startDate'>,
  today: string,
  index: { s: string; s0: string },
): Revision {
  const current = priceInForce(contract.prices, today);
  // Indices are decimals typed the French way ("128,4"): the domain reads a dot.
  const s = index.s.trim().replace(',', '.');
  const s0 = index.s0.trim().replace(',', '.');
  try {
    const ut = revisedPrice(current.utUnitPrice, s, s0);
    const halfDay = revisedPrice(current.halfDayUnitPrice, s, s0);
    const floor = revisedPrice(current.utUnitPrice, '1', '1');
    return { ok: true, ut, halfDay, floorApplied: ut === floor, from: nextAnniversary(contract.startDate, today) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const field = message.startsWith('s0') ? 's0' : message.startsWith('s:') || message.startsWith('s ') ? 's' : 'p0';
    return { ok: false, field, message };
  }
}
