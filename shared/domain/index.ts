/**
 * shared/domain — the contract's rules as pure functions (docs: /docs/domain-decisions.md and
 * the project's domain.md). Used alike by the renderer, the server and the tests; no clock is
 * read here: the current instant is always an argument.
 */
export {
  type BusinessCalendar,
  type CalendarOptions,
  createCalendar,
  dayHours,
  holidayName,
  isWorkableDay,
  isWorkingDay,
  localDay,
} from './calendar';
export { frenchRegions } from './holidays';
export { addBusinessMinutes, businessDayCounts, businessMinutesBetween } from './business-time';
export { contractCalendar } from './contract-calendar';
export { coveringModule, isServerOrNetwork } from './equipment-kinds';
export {
  type Echeance,
  type EcheanceAlert,
  type EcheanceOptions,
  type EcheanceState,
  ECHEANCE_SOON_DAYS,
  ECHEANCE_WATCH_DAYS,
  echeanceAlerts,
  echeanceCounts,
  echeanceState,
  echeances,
  lastWorkingDayOnOrBefore,
} from './echeances';
export {
  type CommitmentState,
  type InterventionCommitment,
  firstInterventionStart,
  interventionCommitment,
} from './sla-commitment';
export {
  type GtrRate,
  type GtrResult,
  type InterruptionFacts,
  gtr,
  gtrPenaltyRate,
  gtrRateForOverrun,
  interruptionFactsOf,
  interruptionGtr,
} from './gtr';
export { type ImsRate, type ImsYear, imsPenaltyRate, imsYear } from './ims';
export { type WorkedTime, billableUnits, halfDaysFor, tripUnitsFor, workedTime } from './units';
export { COVERAGES, type Coverage, coverageCode, decideCoverage } from './coverage';
export { type ExplanationLine, frenchDuration } from './billing-text';
export { type BilledIntervention, billIntervention } from './billing';
export {
  type CreditBlock,
  type CreditLedger,
  type CreditLedgerEntry,
  type LedgerEntries,
  type CreditState,
  creditState,
  renewalAhead,
} from './credit-ledger';
export type { BlockEvents } from './block-events';
export { type ContractLedger, contractLedger } from './contract-ledger';
export {
  HANDLING_FEE,
  VAT_RATE,
  capPenalties,
  handlingFee,
  lateInterest,
  penaltyAmount,
  revisedPrice,
  sumMoney,
  withVat,
} from './money';
export { type ContractTerm, contractTerm, earlyTerminationPenalty, priceInForce } from './contract-term';
export { type ContractYear, contractYear, contractYearOn } from './contract-year';
export {
  PLANNED_SERVICES,
  PLANNED_SERVICE_CODES,
  type PlannedOccurrence,
  occurrenceTicketId,
  plannedOccurrences,
  plannedQuantity,
} from './planned-occurrences';
export {
  LATE_WEIGHT,
  OUTCOMES,
  type Outcome,
  type Period,
  type QualityCounts,
  type QualityFacts,
  type QualityLoss,
  type QualitySummary,
  lastMonths,
  monthPeriod,
  occurrenceOutcome,
  outcomePoints,
  qualityIndex,
  qualityTrend,
} from './quality-index';
export { PLANNED_TITLES, occurrenceTicket } from './occurrence-ticket';
export {
  type OccurrenceStatus,
  type PlannedTicket,
  isPlannedTicket,
  occurrenceFacts,
  occurrenceStatus,
} from './occurrence-facts';
export {
  type BusinessDayCount,
  type IsoDay,
  type Minutes,
  type Seconds,
  type Units,
  type UtcMillis,
  DEFAULT_GTR_MINUTES,
  DEFAULT_IMS_BUDGET_MINUTES,
  DEFAULT_INTERVENTION_TARGET_MINUTES,
  DEFAULT_TIME_ZONE,
  HOTLINE_ALLOWANCE_SECONDS,
  SECONDS_PER_HALF_DAY,
  SECONDS_PER_UT,
  UNITS_PER_TRIP,
} from './types';
