/**
 * Unit types of the domain. Brands make a number in the wrong unit a type error at the call
 * site (passing seconds where minutes are expected bills a client 60 times too much), while the
 * values stay plain numbers at run time and in JSON.
 */

/** Elapsed business (or wall-clock) time in minutes; may carry a fraction (millisecond precision). */
export type Minutes = number & { readonly __unit: 'minutes' };
/** Elapsed time in whole seconds. */
export type Seconds = number & { readonly __unit: 'seconds' };
/** UT: one started quarter hour of work (CP art. 7). */
export type Units = number & { readonly __unit: 'ut' };
/** An instant as milliseconds since the Unix epoch (UTC). */
export type UtcMillis = number & { readonly __unit: 'utc-millis' };
/** A local calendar day in the contract's time zone, `YYYY-MM-DD`. */
export type IsoDay = string & { readonly __unit: 'iso-day' };

export const MS_PER_MINUTE = 60_000;
export const SECONDS_PER_UT = 900;
/** A floating half-day covers three hours of work (module K à la consommation). */
export const SECONDS_PER_HALF_DAY = 3 * 3600;
/** A round trip on site is billed a flat 4 UT whatever its length (CP art. 7). */
export const UNITS_PER_TRIP = 4;
/** Module G: the first 30 minutes of hotline/telemaintenance work per incident are included. */
export const HOTLINE_ALLOWANCE_SECONDS = 30 * 60;
export const DEFAULT_TIME_ZONE = 'Europe/Paris';
/** Module A: intervention within 30 business minutes of the call (CP art. 2). */
export const DEFAULT_INTERVENTION_TARGET_MINUTES = 30;
/** Module K: GTR of 4 h 30 in heures ouvrées (CG art. 4.2). */
export const DEFAULT_GTR_MINUTES = 270;
/** Module L: IMS of 30 heures ouvrées a calendar year (CG art. 4.3). */
export const DEFAULT_IMS_BUDGET_MINUTES = 1800;

/** One day of an explanation: business minutes counted that day and the local periods they came from. */
export type BusinessDayCount = {
  /** `YYYY-MM-DD` in the calendar's time zone. */
  day: string;
  minutes: number;
  periods: { from: string; to: string }[];
};
