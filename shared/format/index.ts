/**
 * The one place that turns instants, durations, units and money into text. French first
 * (`fr-FR`, Europe/Paris); English (`en-GB`) is available. Pure `Intl`, so the renderer, the
 * server (CSV/XLSX exports) and the tests format alike.
 *
 * French typography: Intl separates thousands with a narrow no-break space (U+202F) and puts a
 * no-break space (U+00A0) before "€" — "1 234,50 €" on screen, never broken across lines.
 */
import Decimal from 'decimal.js';

export type Locale = 'fr' | 'en';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

const intlLocale: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

// Intl formatters are costly to build (≈ 50 µs) and cheap to reuse: a ticket list formats
// thousands of cells, so they are cached per (kind, locale, time zone).
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter as T;
}

function toDate(value: Date | string | number, argName: string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${argName}: invalid date "${String(value)}"`);
  return date;
}

function parts(
  value: Date | string | number,
  locale: Locale,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Record<string, string> {
  const key = `dt|${locale}|${timeZone}|${JSON.stringify(options)}`;
  const formatter = cached(key, () => new Intl.DateTimeFormat(intlLocale[locale], { timeZone, ...options }));
  const out: Record<string, string> = {};
  for (const part of formatter.formatToParts(toDate(value, 'date'))) out[part.type] = part.value;
  return out;
}

/** formatTime(2026-11-27T13:20Z) → "14 h 20" (fr, Paris winter time); "14:20" (en). */
export function formatTime(value: Date | string | number, locale: Locale = 'fr', timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(value, locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return locale === 'fr' ? `${p.hour} h ${p.minute}` : `${p.hour}:${p.minute}`;
}

/** formatDate(2026-11-27) → "27/11/2026". */
export function formatDate(value: Date | string | number, locale: Locale = 'fr', timeZone = DEFAULT_TIME_ZONE): string {
  const key = `d|${locale}|${timeZone}`;
  const formatter = cached(
    key,
    () => new Intl.DateTimeFormat(intlLocale[locale], { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }),
  );
  return formatter.format(toDate(value, 'date'));
}

/** formatDateLong(2026-11-27) → "vendredi 27 novembre 2026". */
export function formatDateLong(
  value: Date | string | number,
  locale: Locale = 'fr',
  timeZone = DEFAULT_TIME_ZONE,
): string {
  const key = `dl|${locale}|${timeZone}`;
  const formatter = cached(
    key,
    () =>
      new Intl.DateTimeFormat(intlLocale[locale], {
        timeZone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
  );
  return formatter.format(toDate(value, 'date'));
}

/** formatDateTime(…) → "27/11/2026 14 h 20". */
export function formatDateTime(
  value: Date | string | number,
  locale: Locale = 'fr',
  timeZone = DEFAULT_TIME_ZONE,
): string {
  return `${formatDate(value, locale, timeZone)} ${formatTime(value, locale, timeZone)}`;
}

/**
 * A duration in whole minutes: formatDuration(80) → "1 h 20"; formatDuration(45) → "45 min";
 * formatDuration(120) → "2 h". Negative durations keep their sign ("-15 min": an overrun).
 */
export function formatDuration(minutes: number, locale: Locale = 'fr'): string {
  if (!Number.isFinite(minutes)) throw new RangeError(`minutes: not a finite number (${minutes})`);
  const sign = minutes < 0 ? '-' : '';
  const total = Math.round(Math.abs(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${sign}${m} min`;
  if (locale === 'en') return m === 0 ? `${sign}${h} h` : `${sign}${h} h ${String(m).padStart(2, '0')} min`;
  return m === 0 ? `${sign}${h} h` : `${sign}${h} h ${String(m).padStart(2, '0')}`;
}

/** A running clock in seconds: formatClock(3725) → "1:02:05". */
export function formatClock(seconds: number): string {
  if (!Number.isFinite(seconds)) throw new RangeError(`seconds: not a finite number (${seconds})`);
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** A plain number: formatNumber(1234.5) → "1 234,5". */
export function formatNumber(value: number, locale: Locale = 'fr', fractionDigits = 0): string {
  const key = `n|${locale}|${fractionDigits}`;
  const formatter = cached(
    key,
    () =>
      new Intl.NumberFormat(intlLocale[locale], {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }),
  );
  return formatter.format(value);
}

/**
 * Money in euros from a decimal string or Decimal — never from a binary float, so cents stay
 * exact: formatMoney('1234.5') → "1 234,50 €"; formatMoney('1234.5', 'en') → "€1,234.50".
 * Rounded half-up to the cent.
 */
export function formatMoney(amount: string | Decimal, locale: Locale = 'fr'): string {
  let value: Decimal;
  try {
    value = new Decimal(amount);
  } catch {
    throw new RangeError(`amount: not a decimal number ("${String(amount)}")`);
  }
  if (!value.isFinite()) throw new RangeError(`amount: not a finite number ("${String(amount)}")`);
  const key = `m|${locale}`;
  const formatter = cached(
    key,
    () =>
      new Intl.NumberFormat(intlLocale[locale], {
        style: 'currency',
        currency: 'EUR',
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }),
  );
  // Intl accepts a decimal string and formats it exactly (no float round trip).
  const exact = value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) as `${number}`;
  return formatter.format(exact);
}

/** UT count: formatUnits(3) → "3 UT". */
export function formatUnits(units: number, locale: Locale = 'fr'): string {
  return `${formatNumber(units, locale)} UT`;
}

/** The calendar day of an instant in a time zone, as `YYYY-MM-DD`: isoDay(2026-12-31T23:30Z) → "2027-01-01". */
export function isoDay(value: Date | string | number, timeZone = DEFAULT_TIME_ZONE): string {
  const formatter = cached(
    `iso|${timeZone}`,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  );
  return formatter.format(toDate(value, 'date'));
}
