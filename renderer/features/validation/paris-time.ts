/**
 * Times a lead types in a correction are Paris wall-clock times ("2026-11-02T14:35" in a
 * `datetime-local` field), stored as UTC instants. The conversion goes through the zone's rules,
 * never a fixed offset, so a correction across a daylight-saving change stays right whatever the
 * device's own time zone.
 */
import { offsetAt } from '../reports/local-day';

const ZONE = 'Europe/Paris';
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** toParisInput('2026-11-02T13:35:00.000Z') → '2026-11-02T14:35'. */
export function toParisInput(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`iso: not an instant ("${iso}")`);
  return new Date(ms + offsetAt(ZONE, ms)).toISOString().slice(0, 16);
}

/**
 * fromParisInput('2026-11-02T14:35') → '2026-11-02T13:35:00.000Z'. A time that does not exist
 * (the hour skipped in spring) is refused; an ambiguous one (the hour repeated in autumn) takes
 * the first occurrence. Throws a RangeError naming `name`.
 */
export function fromParisInput(value: string, name = 'time'): string {
  const match = LOCAL.exec(value);
  if (!match) throw new RangeError(`${name}: expected a date and time ("${value}")`);
  const [, y, m, d, hh, mm] = match;
  const wall = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm));
  // Try the offsets in force an hour either side of the wall time; keep the earliest that maps back.
  const candidates = [offsetAt(ZONE, wall - 7_200_000), offsetAt(ZONE, wall + 7_200_000)]
    .map((offset) => wall - offset)
    .filter((ms) => ms + offsetAt(ZONE, ms) === wall)
    .sort((a, b) => a - b);
  const ms = candidates[0];
  if (ms === undefined)
    throw new RangeError(`${name}: ${value.replace('T', ' ')} does not exist in Paris (daylight-saving change)`);
  return new Date(ms).toISOString();
}
