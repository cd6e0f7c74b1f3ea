/**
 * GTR and IMS of hosting contracts (modules K and L; domain.md §2.2–2.3, CG art. 4), with their
 * penalties and the cap.
 *
 * - GTR, per interruption (a ticket with `interruption`): business minutes from the client's
 *   notification to the restoration; beyond 4 h 30 a penalty of 10/20/30 % of that month's hosting
 *   invoice (HT) — the contract's monthly hosting fee. Scheduled or excluded interruptions owe none.
 * - IMS, per calendar year: the interruptions' business time summed and clipped to the year;
 *   beyond 30 h a penalty of 1/2/3 % of the year's hosting invoice (12 monthly fees), prorated
 *   when the service started during the year (CG 4.5 "prorata temporis").
 * - CG 4.5: "les pénalités seront calculées par année calendaire" — so the cap of three months of
 *   hosting fees (CG art. 3.1) applies to each calendar year's penalties together.
 *
 * The rules are shared/domain's (gtr, imsYear, penaltyAmount, capPenalties); this module only
 * gathers each contract's interruptions and years.
 */
import Decimal from 'decimal.js';
import {
  capPenalties,
  contractCalendar,
  gtr,
  imsYear,
  interruptionFactsOf,
  penaltyAmount,
  type GtrResult,
  type ImsYear,
} from '../../../shared/domain';
import type { Client, Contract, Ticket } from '../../../shared/schemas';
import { dayResolver, isoOfDayNumber } from '../reports/local-day';

export type InterruptionRow = {
  ticket: Ticket;
  /** GTR measure (for scheduled and excluded ones too: shown, not charged). */
  gtr: GtrResult;
  status: 'counted' | 'scheduled' | 'excluded';
  /** Month of the notification, 'YYYY-MM' (Paris): the hosting invoice the penalty applies to. */
  month: string;
  /** Penalty owed, euros HT ("0.00" when none or not counted). */
  penalty: string;
};

export type ContractSlaYear = {
  contract: Contract;
  client: Client | undefined;
  year: number;
  gtrActive: boolean;
  imsActive: boolean;
  interruptions: InterruptionRow[];
  ims: ImsYear | null;
  imsPenalty: string;
  cap: ReturnType<typeof capPenalties>;
};

const paris = dayResolver('Europe/Paris');

/** The GTR and IMS of one contract for one calendar year, as seen at `now`. */
export function contractSlaYear(
  contract: Contract,
  client: Client | undefined,
  tickets: readonly Ticket[],
  year: number,
  now: Date,
): ContractSlaYear {
  const calendar = contractCalendar(contract);
  const gtrActive = contract.modules.K.active;
  const imsActive = contract.modules.L.active;
  const interruptions: InterruptionRow[] = [];
  const facts = [];
  for (const ticket of tickets) {
    const fact = interruptionFactsOf(ticket);
    if (!fact) continue;
    facts.push(fact);
    const month = isoOfDayNumber(paris(fact.notifiedAt.getTime())).slice(0, 7);
    if (Number(month.slice(0, 4)) !== year) continue;
    const measure = gtr(calendar, fact.notifiedAt, fact.restoredAt, now);
    const status = fact.scheduled ? 'scheduled' : fact.excluded ? 'excluded' : 'counted';
    interruptions.push({
      ticket,
      gtr: measure,
      status,
      month,
      penalty: gtrActive && status === 'counted' ? penaltyAmount(contract.monthlyHostingFee, measure.rate) : '0.00',
    });
  }
  interruptions.sort(
    (a, b) => Date.parse(a.ticket.interruption?.notifiedAt ?? '') - Date.parse(b.ticket.interruption?.notifiedAt ?? ''),
  );
  const ims = imsActive ? imsYear(calendar, year, facts, now, { serviceStart: contract.startDate }) : null;
  const yearlyFee = new Decimal(contract.monthlyHostingFee).times(12).toFixed(2);
  const imsPenalty =
    ims && ims.rate > 0
      ? penaltyAmount(yearlyFee, ims.rate, { numerator: ims.serviceDays, denominator: ims.daysInYear })
      : '0.00';
  const cap = capPenalties([...interruptions.map((i) => i.penalty), imsPenalty], contract.monthlyHostingFee);
  return { contract, client, year, gtrActive, imsActive, interruptions, ims, imsPenalty, cap };
}

/** Every contract with module K or L, for one year. */
export function slaYears(
  contracts: readonly Contract[],
  clients: readonly Client[],
  tickets: readonly Ticket[],
  year: number,
  now: Date,
): ContractSlaYear[] {
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const ticketsByContract = new Map<string, Ticket[]>();
  for (const ticket of tickets) {
    if (!ticket.interruption) continue;
    const list = ticketsByContract.get(ticket.contractId);
    if (list) list.push(ticket);
    else ticketsByContract.set(ticket.contractId, [ticket]);
  }
  return contracts
    .filter((c) => c.modules.K.active || c.modules.L.active)
    .map((c) => contractSlaYear(c, clientById.get(c.clientId), ticketsByContract.get(c.id) ?? [], year, now))
    .sort((a, b) => (a.client?.name ?? '').localeCompare(b.client?.name ?? '', 'fr'));
}
