/**
 * The ledger of one contract, derived from its interventions alone (domain.md §3.2).
 *
 * 1. Interventions replaced by a correction (another one with `correctionOf` = their id) are
 *    dropped; the correction counts instead.
 * 2. Each remaining intervention is billed (§3.1). The hotline allowance of a ticket is consumed
 *    by its hotline/telemaintenance interventions in order of first segment start, then id.
 * 3. Only completed interventions count in the credits, in order of `completedAt` (as an instant,
 *    not as text: offsets are allowed), then id. So every device that holds the same
 *    interventions reaches the same balances and block numbers, whatever order they synced in.
 */
import type { Contract, Equipment, Intervention, Ticket } from '../schemas';
import { type BilledIntervention, billFromFacts, byStart } from './billing';
import { calendarDay, dayNumberOf, localDay } from './calendar';
import { contractCalendar } from './contract-calendar';
import { priceInForce } from './contract-term';
import { type CoverageDecision, decideCoverage } from './coverage';
import { type CreditLedger, type LedgerConsumption, buildCreditLedger } from './credit-ledger';
import { HOTLINE_ALLOWANCE_SECONDS } from './types';
import { type WorkedTime, workedTime } from './units';
import { checkArray, checkDay, isoMillis } from './validate';

export type ContractLedger = {
  billed: Map<string, BilledIntervention>;
  ut: CreditLedger;
  /** null when the contract has no half-day base. */
  halfDays: CreditLedger | null;
};

type Prepared = {
  intervention: Intervention;
  index: number;
  ticket: Ticket | undefined;
  equipment: Equipment | undefined;
  worked: WorkedTime;
  decision: CoverageDecision;
  startMs: number;
  id: string;
};

/**
 * Bills every intervention of one contract and derives its UT and half-day ledgers.
 * A contract with a 16 UT base and completed interventions of 10, 6 and 20 UT →
 * ut: { blocks: 3, balance: 12, blockEvents: [block 1 at the effective date, 2 after the 6, 3 after the 20] }.
 */
export function contractLedger(input: {
  contract: Contract;
  tickets: readonly Ticket[];
  equipment: readonly Equipment[];
  interventions: readonly Intervention[];
}): ContractLedger {
  const { contract } = input;
  if (typeof contract !== 'object' || contract === null) throw new TypeError('contract: expected a contract');
  for (const name of ['tickets', 'equipment', 'interventions'] as const) {
    checkArray(input[name], name);
  }
  const calendar = contractCalendar(contract);
  const tickets = new Map(input.tickets.map((ticket) => [ticket.id, ticket]));
  const equipment = new Map(input.equipment.map((item) => [item.id, item]));

  const replaced = new Set<string>();
  const seen = new Set<string>();
  input.interventions.forEach((intervention, i) => {
    // The same intervention twice would be billed twice: refuse rather than guess.
    if (seen.has(intervention.id)) throw new RangeError(`interventions[${i}].id: duplicate id "${intervention.id}"`);
    seen.add(intervention.id);
    if (intervention.contractId !== contract.id) {
      throw new RangeError(
        `interventions[${i}].contractId: "${intervention.contractId}" is not contract "${contract.id}"`,
      );
    }
    if (intervention.correctionOf !== undefined) replaced.add(intervention.correctionOf);
  });

  const byTicket = new Map<string, Prepared[]>();
  input.interventions.forEach((intervention, index) => {
    if (replaced.has(intervention.id)) return;
    const ticket = tickets.get(intervention.ticketId);
    const item = ticket?.equipmentId === undefined ? undefined : equipment.get(ticket.equipmentId);
    const worked = workedTime(intervention, undefined, `interventions[${index}]`);
    const prepared: Prepared = {
      intervention,
      index,
      ticket,
      equipment: item,
      worked,
      decision: decideCoverage({ contract, ticket, equipment: item, intervention }),
      startMs: worked.firstStartMs ?? Number.POSITIVE_INFINITY,
      id: intervention.id,
    };
    const group = byTicket.get(intervention.ticketId);
    if (group) group.push(prepared);
    else byTicket.set(intervention.ticketId, [prepared]);
  });

  const billed = new Map<string, BilledIntervention>();
  const ut: LedgerConsumption[] = [];
  const halfDays: LedgerConsumption[] = [];
  for (const group of byTicket.values()) {
    if (group.length > 1) group.sort(byStart);
    let allowanceUsed = 0;
    for (const item of group) {
      const bill = billFromFacts({
        contract,
        ticket: item.ticket,
        equipment: item.equipment,
        intervention: item.intervention,
        worked: item.worked,
        decision: item.decision,
        allowanceUsedBefore: allowanceUsed,
        live: false,
      });
      allowanceUsed = Math.min(HOTLINE_ALLOWANCE_SECONDS, allowanceUsed + bill.allowanceSecondsUsed);
      billed.set(item.id, bill);
      const completedAt = item.intervention.completedAt;
      if (completedAt === undefined) continue;
      const atMs = isoMillis(completedAt, `interventions[${item.index}].completedAt`);
      const at = new Date(atMs).toISOString();
      if (bill.utConsumed > 0) ut.push({ interventionId: item.id, at, atMs, units: bill.utConsumed });
      if (bill.halfDaysConsumed > 0) halfDays.push({ interventionId: item.id, at, atMs, units: bill.halfDaysConsumed });
    }
  }
  const ledgerOrder = (a: LedgerConsumption, b: LedgerConsumption): number =>
    a.atMs - b.atMs || (a.interventionId < b.interventionId ? -1 : a.interventionId > b.interventionId ? 1 : 0);
  ut.sort(ledgerOrder);
  halfDays.sort(ledgerOrder);

  // Block 1 is invoiced at the effective date, 00:00 in the contract's time zone.
  const startDay = checkDay(contract.startDate, 'contract.startDate');
  const startMs = calendarDay(calendar, dayNumberOf(startDay)).startMs;
  const start = { at: new Date(startMs).toISOString(), atMs: startMs };
  const prices = new Map<string, Contract['prices'][number]>();
  const stepAt = (atMs: number): Contract['prices'][number] => {
    const day = localDay(calendar, atMs);
    let step = prices.get(day);
    if (!step) {
      step = priceInForce(contract.prices, day);
      prices.set(day, step);
    }
    return step;
  };
  return {
    billed,
    ut: buildCreditLedger('ut', contract.utBase, ut, start, (atMs) => stepAt(atMs).utUnitPrice),
    halfDays:
      contract.halfDayBase > 0
        ? buildCreditLedger('half_day', contract.halfDayBase, halfDays, start, (atMs) => stepAt(atMs).halfDayUnitPrice)
        : null,
  };
}
