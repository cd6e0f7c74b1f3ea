/**
 * French public holidays (domain.md §1): `date-holidays`, country FR, type `public` only, with an
 * optional département/region. date-holidays names the French subdivisions it knows as FR
 * "states" keyed by code: the Alsace-Moselle départements `57` (Moselle), `67` (Bas-Rhin) and
 * `68` (Haut-Rhin) — which add Vendredi saint and the 26 December — and the overseas ones
 * (`GP`, `MQ`, `GF`, `RE`, `YT`, `MF`, `BL`). It silently ignores a code it does not know, so the
 * code is checked here against its list: an unknown region is an error, not mainland France.
 *
 * Holidays are Paris calendar days ("2026-12-25"), taken from date-holidays' local `date` field,
 * never from its UTC `start` instant (which falls on the day before in UTC).
 */
import Holidays from 'date-holidays';

const COUNTRY = 'FR';
let knownRegions: Readonly<Record<string, string>> | undefined;
const instances = new Map<string, Holidays>();
// date-holidays costs about half a millisecond a look-up: one computation per (region, year).
const byYear = new Map<string, ReadonlyMap<string, string>>();

/** Codes date-holidays knows for France, with their names: `{ '57': 'Département Moselle', … }`. */
export function frenchRegions(): Readonly<Record<string, string>> {
  knownRegions ??= Object.freeze({ ...new Holidays().getStates(COUNTRY, 'fr') });
  return knownRegions;
}

/**
 * The region code date-holidays expects, or undefined for mainland France without a region.
 * normalizeRegion('fr-67') → '67'; normalizeRegion('') → undefined; normalizeRegion('99') throws.
 */
export function normalizeRegion(region: string | undefined, name = 'region'): string | undefined {
  if (region === undefined) return undefined;
  if (typeof region !== 'string') throw new TypeError(`${name}: expected a region code such as "57"`);
  const code = region.trim().toUpperCase().replace(/^FR-/, '');
  if (code === '') return undefined;
  if (!Object.hasOwn(frenchRegions(), code)) {
    const known = Object.keys(frenchRegions()).join(', ');
    throw new RangeError(`${name}: unknown French region "${region}" (known: ${known})`);
  }
  return code;
}

function instance(region: string | undefined): Holidays {
  const key = region ?? '';
  let holidays = instances.get(key);
  if (!holidays) {
    holidays = region === undefined ? new Holidays(COUNTRY) : new Holidays(COUNTRY, region);
    instances.set(key, holidays);
  }
  return holidays;
}

/**
 * Public holidays of one year as a map from Paris day to French name, cached per (region, year).
 * publicHolidays(2026, '57').get('2026-04-03') → 'Vendredi saint'.
 * `region` must already be normalized (see normalizeRegion).
 */
export function publicHolidays(year: number, region: string | undefined): ReadonlyMap<string, string> {
  const key = `${region ?? ''}|${year}`;
  let days = byYear.get(key);
  if (!days) {
    const map = new Map<string, string>();
    for (const holiday of instance(region).getHolidays(year, 'fr')) {
      if (holiday.type === 'public') map.set(holiday.date.slice(0, 10), holiday.name);
    }
    days = map;
    byYear.set(key, days);
  }
  return days;
}
