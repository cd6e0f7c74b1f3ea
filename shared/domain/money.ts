/**
 * Money (domain.md §4, CG art. 21) with decimal.js — never binary floats. Amounts come in and go
 * out as decimal strings in euros; every computation keeps full precision and rounds to the cent
 * half-up once, at its end ("2.675" → "2.68", which a float would make 2.67).
 */
import DecimalJs from 'decimal.js';
import { checkArray } from './validate';

// A private Decimal so no other module's configuration can change how cents round here.
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const VAT_RATE = '0.20';
/** CG art. 21.5: "frais de tenue de compte de neuf Euros et soixante-quinze centimes HT". */
export const HANDLING_FEE = '9.75';
/** CG art. 21.4: prices rise at least 3 % a year. */
export const MIN_YEARLY_REVISION = '1.03';
/** CG art. 22: early-termination penalties are "majorés de 30 %". */
export const TERMINATION_MARKUP = '1.30';

const AMOUNT = /^-?\d+(\.\d+)?$/;

/** A decimal string as a Decimal, else an error naming `name`. money('25.00', 'p0') → 25. */
export function money(value: unknown, name: string): Decimal {
  if (typeof value !== 'string') throw new TypeError(`${name}: expected a decimal string such as "25.00"`);
  if (!AMOUNT.test(value.trim())) throw new RangeError(`${name}: not a decimal amount ("${value}")`);
  return new Decimal(value.trim());
}

function nonNegativeMoney(value: unknown, name: string): Decimal {
  const amount = money(value, name);
  if (amount.isNegative() && !amount.isZero())
    throw new RangeError(`${name}: must not be negative ("${String(value)}")`);
  return amount;
}

/** Cents, half-up, as a string with two decimals. cents(new Decimal('2.675')) → '2.68'. */
export function cents(value: Decimal): string {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/**
 * HT, VAT 20 % and TTC of an amount; TTC = HT + VAT so an invoice adds up.
 * withVat('400.00') → { ht: '400.00', vat: '80.00', ttc: '480.00' }; withVat('0.125') → ht '0.13'.
 */
export function withVat(amountHT: string): { ht: string; vat: string; ttc: string } {
  const ht = new Decimal(cents(money(amountHT, 'amountHT')));
  const vat = new Decimal(cents(ht.times(VAT_RATE)));
  return { ht: cents(ht), vat: cents(vat), ttc: cents(ht.plus(vat)) };
}

/** The handling fee of an invoice (CG art. 21.5). handlingFee(false) → '9.75'; handlingFee(true) → '0.00'. */
export function handlingFee(directDebit: boolean): string {
  if (typeof directDebit !== 'boolean') throw new TypeError('directDebit: expected a boolean');
  return directDebit ? '0.00' : HANDLING_FEE;
}

/**
 * Late-payment interest (CG art. 21.3): per day of delay at 1.5 × the legal rate, actual/365.
 * lateInterest('1000.00', 30, '4.00') → '4.93' (1000 × 6 % × 30 / 365 = 4.9315…).
 */
export function lateInterest(amount: string, daysLate: number, legalRatePercent: string): string {
  const principal = nonNegativeMoney(amount, 'amount');
  if (typeof daysLate !== 'number' || !Number.isInteger(daysLate) || daysLate < 0) {
    throw new RangeError(`daysLate: expected a whole number of days ≥ 0 (${String(daysLate)})`);
  }
  const rate = nonNegativeMoney(legalRatePercent, 'legalRatePercent');
  return cents(principal.times(rate).times('1.5').dividedBy(100).times(daysLate).dividedBy(365));
}

/**
 * Price revision at an anniversary (CG art. 21.4): P = P0 × (0.15 + 0.85 × S / S0), and at least
 * P0 × 1.03. revisedPrice('25.00', '128', '125') → '25.75' (the formula gives 25.51, below +3 %);
 * revisedPrice('25.00', '140', '125') → '27.55'.
 */
export function revisedPrice(p0: string, s: string, s0: string): string {
  const base = nonNegativeMoney(p0, 'p0');
  const index = nonNegativeMoney(s, 's');
  const previousIndex = nonNegativeMoney(s0, 's0');
  if (previousIndex.isZero()) throw new RangeError('s0: the previous index must be greater than 0');
  const formula = base.times(new Decimal('0.15').plus(new Decimal('0.85').times(index).dividedBy(previousIndex)));
  const floor = base.times(MIN_YEARLY_REVISION);
  return cents(Decimal.max(formula, floor));
}

/** Sum of decimal strings, to the cent. sumMoney(['0.10', '0.20']) → '0.30'. */
export function sumMoney(amounts: readonly string[], name = 'amounts'): string {
  checkArray(amounts, name);
  return cents(
    amounts.reduce((total: Decimal, amount, i) => total.plus(money(amount, `${name}[${i}]`)), new Decimal(0)),
  );
}

/**
 * A penalty owed on a hosting invoice: base × rate × share, to the cent, where `share` is an
 * exact fraction such as the IMS prorata (days of service / days in the year).
 * penaltyAmount('1200.00', 0.02) → '24.00'; penaltyAmount('1200.00', 0.02, { numerator: 73, denominator: 365 }) → '4.80'.
 */
export function penaltyAmount(
  baseHT: string,
  rate: number,
  share: { numerator: number; denominator: number } = { numerator: 1, denominator: 1 },
): string {
  const base = nonNegativeMoney(baseHT, 'baseHT');
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new RangeError(`rate: expected a share between 0 and 1 (${String(rate)})`);
  }
  const { numerator, denominator } = share;
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError(`share: expected whole numerator ≥ 0 and denominator > 0 (${numerator}/${denominator})`);
  }
  // Tier rates are short decimals (0.1, 0.02…): through their shortest string they are exact.
  return cents(base.times(String(rate)).times(numerator).dividedBy(denominator));
}

/**
 * All penalties together capped at three months of hosting fees (CG art. 3.1).
 * capPenalties(['300.00', '250.00'], '150.00') → { total: '550.00', cap: '450.00', capped: '450.00', wasCapped: true }.
 */
export function capPenalties(
  penalties: readonly string[],
  monthlyHostingFee: string,
): { total: string; cap: string; capped: string; wasCapped: boolean } {
  checkArray(penalties, 'penalties');
  const total = penalties.reduce(
    (sum: Decimal, penalty, i) => sum.plus(nonNegativeMoney(penalty, `penalties[${i}]`)),
    new Decimal(0),
  );
  const cap = nonNegativeMoney(monthlyHostingFee, 'monthlyHostingFee').times(3);
  const wasCapped = total.greaterThan(cap);
  return { total: cents(total), cap: cents(cap), capped: cents(wasCapped ? cap : total), wasCapped };
}
