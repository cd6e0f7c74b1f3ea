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

/** Millis of an ISO 8601 instant string (offsets allowed), else an error naming `name`. */
export function isoMillis(value: unknown, name: string): number {
  if (typeof value !== 'string') throw new TypeError(`${name}: expected an ISO 8601 instant, got ${describe(value)}`);
  // Date.parse would read a bare day as UTC midnight: an instant must carry its time.
  const ms = value.includes('T') ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name}: invalid instant "${value}"`);
  return ms;
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
