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
  if (typeof text !== 'string') return Number.NaN;
  if (text.length === 24) {
    const ms = canonical(text);
    if (!Number.isNaN(ms)) return ms;
  }
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
  const year = digitAt(t, 0) * 1000 + digitAt(t, 1) * 100 + digitAt(t, 2) * 10 + digitAt(t, 3);
  const month = digitAt(t, 5) * 10 + digitAt(t, 6);
  const day = digitAt(t, 8) * 10 + digitAt(t, 9);
  const hour = digitAt(t, 11) * 10 + digitAt(t, 12);
  const minute = digitAt(t, 14) * 10 + digitAt(t, 15);
  const second = digitAt(t, 17) * 10 + digitAt(t, 18);
  const millis = digitAt(t, 20) * 100 + digitAt(t, 21) * 10 + digitAt(t, 22);
  // A non-digit is NaN, which fails every range check in compose.
  return compose(year, month, day, hour, minute, second, millis, 0);
}

function digitAt(text: string, index: number): number {
  const value = text.charCodeAt(index) - 48;
  return value >= 0 && value <= 9 ? value : Number.NaN;
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

/** Days since 1970-01-01 of a civil date (H. Hinnant's algorithm): plain arithmetic, any year. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

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
