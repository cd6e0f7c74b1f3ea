/**
 * When will a credit renew next? From the pace of the last three months: the units consumed in
 * that window divided by its days gives units a day; the balance lasts balance / pace days, and
 * the renewal happens when the balance reaches 0 (CP art. 7: "le renouvellement d'un crédit de
 * base est automatique à épuisement du solde").
 *
 * The window is the three calendar months before today, shortened to the contract's effective
 * date when it started later (a young contract's pace is its pace so far). Days are Paris days.
 */
import type { CreditLedger } from '../../../shared/domain';
import { dayNumberOf, dayResolver, isoOfDayNumber, yearMonthOf } from '../reports/local-day';

export type Forecast = {
  /** First day of the window (inclusive) and today (inclusive). */
  windowFrom: string;
  windowTo: string;
  windowDays: number;
  windowConsumed: number;
  /** Units a day over the window; 0 when nothing was consumed. */
  pacePerDay: number;
  /** Day the balance should reach 0 at that pace; null without consumption. */
  renewalDay: string | null;
  daysLeft: number | null;
};

const paris = dayResolver('Europe/Paris');

/** The same day `months` calendar months earlier, clamped to the month's end (31 May − 3 → 28/29 Feb). */
export function monthsBefore(day: string, months: number): string {
  const n = dayNumberOf(day, 'day');
  const { year, month } = yearMonthOf(n);
  const dayOfMonth = Number(day.slice(8, 10));
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(dayOfMonth, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * forecastRenewal(ledger with balance 12 and 45 UT consumed over the last 90 days, '2026-11-27',
 * '2026-01-01') → pace 0.5 UT a day, renewal in 24 days: '2026-12-21'.
 */
export function forecastRenewal(
  ledger: Pick<CreditLedger, 'balance' | 'entries'>,
  today: string,
  contractStart: string,
  months = 3,
): Forecast {
  const todayN = dayNumberOf(today, 'today');
  const fromN = Math.min(
    todayN,
    Math.max(dayNumberOf(monthsBefore(today, months)) + 1, dayNumberOf(contractStart, 'contractStart')),
  );
  const windowDays = todayN - fromN + 1;
  let consumed = 0;
  // Entries are in ledger order (by end): walk back from the newest until the window starts.
  const entries = ledger.entries;
  for (let i = entries.length - 1; i >= 0; i--) {
    const day = paris(entries.atMs(i));
    if (day < fromN) break;
    if (day <= todayN) consumed += entries.consumed(i);
  }
  const pace = windowDays > 0 ? consumed / windowDays : 0;
  const daysLeft = pace > 0 ? Math.ceil(ledger.balance / pace) : null;
  return {
    windowFrom: isoOfDayNumber(fromN),
    windowTo: today,
    windowDays,
    windowConsumed: consumed,
    pacePerDay: pace,
    renewalDay: daysLeft === null ? null : isoOfDayNumber(todayN + daysLeft),
    daysLeft,
  };
}

/** Units consumed and renewals per Paris month, for the `months` months up to today's, oldest first. */
export function monthlyConsumption(
  ledger: Pick<CreditLedger, 'entries' | 'blockEvents'>,
  today: string,
  months = 12,
): { month: string; consumed: number; renewals: number }[] {
  const { year, month } = yearMonthOf(dayNumberOf(today, 'today'));
  const out: { month: string; consumed: number; renewals: number }[] = [];
  const index = new Map<string, number>();
  for (let k = months - 1; k >= 0; k--) {
    const key = new Date(Date.UTC(year, month - 1 - k, 1)).toISOString().slice(0, 7);
    index.set(key, out.length);
    out.push({ month: key, consumed: 0, renewals: 0 });
  }
  const monthOf = (atMs: number) => out[index.get(isoOfDayNumber(paris(atMs)).slice(0, 7)) ?? -1];
  const entries = ledger.entries;
  for (let i = 0; i < entries.length; i++) {
    const row = monthOf(entries.atMs(i));
    if (row) row.consumed += entries.consumed(i);
  }
  for (const event of ledger.blockEvents) {
    if (event.block === 1) continue;
    const row = monthOf(Date.parse(event.at));
    if (row) row.renewals += 1;
  }
  return out;
}
