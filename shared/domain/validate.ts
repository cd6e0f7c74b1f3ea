/**
 * Argument checks shared by the domain functions. Every failure names the argument (or field)
 * at fault, so a screen or a server log says what to fix: `RangeError: from: invalid date`.
 * Wrong kinds of value throw TypeError; values of the right kind outside their domain throw
 * RangeError.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The epoch millis of a valid Date, else a TypeError/RangeError naming `name`. */
export function instantMillis(value: unknown, name: string): number {
  if (!(value instanceof Date)) throw new TypeError(`${name}: expected a Date, got ${describe(value)}`);
  const ms = value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name}: invalid date`);
  return ms;
}

/** Millis of an ISO 8601 instant string with its zone ('Z' or ±HH:MM), else an error naming `name`. */
export function isoMillis(value: unknown, name: string): number {
  if (typeof value !== 'string') throw new TypeError(`${name}: expected an ISO 8601 instant, got ${describe(value)}`);
  const ms = parseInstant(value);
  if (Number.isNaN(ms))
    throw new RangeError(`${name}: invalid instant "${value}" (expected e.g. 2026-11-27T13:20:00Z)`);
  return ms;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses an ISO 8601 instant strictly: a zone is required (Date.parse would read a zoneless time
 * in the machine's zone, so a device and the server would disagree), and impossible dates such as
 * 30 February or 24:00 are NaN (Date.parse rolls them over). Fractions beyond the millisecond
 * are truncated. The stored form "2026-11-27T13:20:00.000Z" takes a fast path: a ledger reads
 * hundreds of thousands of them.
 */
export function parseInstant(text: unknown): number {
  // Kept this small so the engine inlines it into the ledger's loops: the general form lives apart.
  if (typeof text === 'string' && text.length === 24) {
    const ms = canonical(text);
    if (!Number.isNaN(ms)) return ms;
  }
  return parseGeneralInstant(text);
}

/** Any ISO 8601 instant with its zone, by regular expression; NaN when impossible. */
function parseGeneralInstant(text: unknown): number {
  if (typeof text !== 'string') return Number.NaN;
  const match = INSTANT.exec(text);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, oh, om] = match;
  if (Number(oh ?? 0) > 23 || Number(om ?? 0) > 59) return Number.NaN;
  const offset = zulu === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  return compose(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), millis, offset);
}

/** "YYYY-MM-DDTHH:mm:ss.sssZ" read by character codes; NaN when it is not exactly that. */
function canonical(t: string): number {
  if (
    t.charCodeAt(4) !== 45 || // -
    t.charCodeAt(7) !== 45 ||
    t.charCodeAt(10) !== 84 || // T
    t.charCodeAt(13) !== 58 || // :
    t.charCodeAt(16) !== 58 ||
    t.charCodeAt(19) !== 46 || // .
    t.charCodeAt(23) !== 90 // Z
  ) {
    return Number.NaN;
  }
  // Digit values; a non-digit character gives a value outside 0..9.
  const y0 = t.charCodeAt(0) - 48;
  const y1 = t.charCodeAt(1) - 48;
  const y2 = t.charCodeAt(2) - 48;
  const y3 = t.charCodeAt(3) - 48;
  const mo0 = t.charCodeAt(5) - 48;
  const mo1 = t.charCodeAt(6) - 48;
  const d0 = t.charCodeAt(8) - 48;
  const d1 = t.charCodeAt(9) - 48;
  const h0 = t.charCodeAt(11) - 48;
  const h1 = t.charCodeAt(12) - 48;
  const mi0 = t.charCodeAt(14) - 48;
  const mi1 = t.charCodeAt(15) - 48;
  const s0 = t.charCodeAt(17) - 48;
  const s1 = t.charCodeAt(18) - 48;
  const f0 = t.charCodeAt(20) - 48;
  const f1 = t.charCodeAt(21) - 48;
  const f2 = t.charCodeAt(22) - 48;
  // Unsigned, a negative value is huge: one comparison per digit says "0..9".
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    mo0 >>> 0 > 9 ||
    mo1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9 ||
    h0 >>> 0 > 9 ||
    h1 >>> 0 > 9 ||
    mi0 >>> 0 > 9 ||
    mi1 >>> 0 > 9 ||
    s0 >>> 0 > 9 ||
    s1 >>> 0 > 9 ||
    f0 >>> 0 > 9 ||
    f1 >>> 0 > 9 ||
    f2 >>> 0 > 9
  ) {
    return Number.NaN;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = mo0 * 10 + mo1;
  const day = d0 * 10 + d1;
  const hour = h0 * 10 + h1;
  const minute = mi0 * 10 + mi1;
  const second = s0 * 10 + s1;
  const millis = f0 * 100 + f1 * 10 + f2;
  return compose(year, month, day, hour, minute, second, millis, 0);
}

/** Epoch millis of a proleptic Gregorian date-time at a UTC offset in minutes; NaN when impossible. */
function compose(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offset: number,
): number {
  if (!(mo >= 1 && mo <= 12 && d >= 1 && h <= 23 && mi <= 59 && s <= 59 && ms >= 0)) return Number.NaN;
  if (d > 28 && d > daysInMonth(y, mo)) return Number.NaN;
  return daysFromCivil(y, mo, d) * 86_400_000 + ((h * 60 + mi) * 60 + s) * 1000 + ms - offset * 60_000;
}

/**
 * Days since 1970-01-01 of a civil date. Years of TABLE_YEARS are looked up (a ledger composes
 * about 500,000 instants); any other year takes civilDays.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  if (year >= TABLE_YEARS.first && year < TABLE_YEARS.end) {
    const leapDay = month > 2 && daysInMonth(year, 2) === 29 ? 1 : 0;
    return (YEAR_START_DAYS[year - TABLE_YEARS.first] ?? 0) + (DAYS_BEFORE_MONTH[month] ?? 0) + leapDay + day - 1;
  }
  return civilDays(year, month, day);
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's algorithm): plain arithmetic, any year. */
function civilDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const TABLE_YEARS = { first: 1900, end: 2200 } as const;
/** Days from 1970-01-01 to 1 January of each year of TABLE_YEARS. */
const YEAR_START_DAYS = Int32Array.from({ length: TABLE_YEARS.end - TABLE_YEARS.first }, (_, i) =>
  civilDays(TABLE_YEARS.first + i, 1, 1),
);
/** Days before the first of each month (1-based) in a common year. */
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A real calendar day `YYYY-MM-DD` (no 2026-02-30), else an error naming `name`. */
export function checkDay(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new TypeError(`${name}: expected a day "YYYY-MM-DD", got ${describe(value)}`);
  const match = DAY_PATTERN.exec(value);
  if (!match) throw new RangeError(`${name}: expected a day "YYYY-MM-DD", got "${value}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`${name}: no such day "${value}"`);
  }
  return value;
}

/** A finite number ≥ 0, else an error naming `name`. */
export function nonNegative(value: unknown, name: string): number {
  if (typeof value !== 'number') throw new TypeError(`${name}: expected a number, got ${describe(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${name}: not a finite number (${value})`);
  if (value < 0) throw new RangeError(`${name}: must not be negative (${value})`);
  return value;
}

/** A finite number > 0, else an error naming `name`. */
export function positive(value: unknown, name: string): number {
  nonNegative(value, name);
  if (value === 0) throw new RangeError(`${name}: must be greater than 0`);
  return value as number;
}

/** An integer ≥ `min`, else an error naming `name`. */
export function integerAtLeast(value: unknown, min: number, name: string): number {
  if (typeof value !== 'number') throw new TypeError(`${name}: expected an integer, got ${describe(value)}`);
  if (!Number.isInteger(value)) throw new RangeError(`${name}: expected an integer, got ${value}`);
  if (value < min) throw new RangeError(`${name}: must be at least ${min} (${value})`);
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'a Date';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/** Throws a TypeError naming `name` unless `value` is an array (no narrowing: keeps readonly element types). */
export function checkArray(value: unknown, name: string): void {
  if (!Array.isArray(value)) throw new TypeError(`${name}: expected an array, got ${describe(value)}`);
}
