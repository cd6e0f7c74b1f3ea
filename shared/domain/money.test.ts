import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capPenalties, handlingFee, lateInterest, penaltyAmount, revisedPrice, sumMoney, withVat } from './index';
import { Decimal, cents } from './money';

describe('cents half-up at the end of a computation', () => {
  it.each([
    ['2.675', '2.68'], // (2.675).toFixed(2) is "2.67"
    ['1.005', '1.01'], // Math.round(1.005 * 100) / 100 is 1
    ['1.004999', '1.00'],
    ['-2.675', '-2.68'],
    ['0', '0.00'],
  ])('rounds %s to %s', (value, expected) => {
    expect(cents(new Decimal(value))).toBe(expected);
  });

  it('adds 0.10 and 0.20 to exactly 0.30', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
  });
});

describe('withVat', () => {
  it.each([
    ['400.00', '400.00', '80.00', '480.00'],
    ['16.00', '16.00', '3.20', '19.20'],
    ['1.005', '1.01', '0.20', '1.21'],
    ['12.34', '12.34', '2.47', '14.81'],
    ['9.75', '9.75', '1.95', '11.70'],
  ])('gives HT, VAT 20 %% and TTC of %s', (amount, ht, vat, ttc) => {
    expect(withVat(amount)).toEqual({ ht, vat, ttc });
  });

  it('always has TTC = HT + VAT, to the cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (centsHT) => {
        const amount = (centsHT / 100).toFixed(2);
        const { ht, vat, ttc } = withVat(amount);
        expect(new Decimal(ht).plus(vat).toFixed(2)).toBe(ttc);
        expect(ht).toBe(amount);
      }),
    );
  });

  it.each([
    ['25,00', /^amountHT: not a decimal amount/],
    ['1e3', /^amountHT: not a decimal amount/],
    ['', /^amountHT: not a decimal amount/],
  ])('refuses %s, naming the argument', (amount, message) => {
    expect(() => withVat(amount)).toThrow(message);
  });

  it('refuses a float', () => {
    expect(() => withVat(25 as unknown as string)).toThrow(TypeError);
  });
});

describe('revisedPrice (CG art. 21.4)', () => {
  it('applies P0 × (0.15 + 0.85 × S/S0) when it rises by more than 3 %', () => {
    expect(revisedPrice('25.00', '140', '125')).toBe('27.55');
  });

  it('applies the 3 % floor when the index rose less', () => {
    expect(revisedPrice('25.00', '128', '125')).toBe('25.75');
    expect(revisedPrice('360.00', '100', '100')).toBe('370.80');
  });

  it('applies the floor when the index fell', () => {
    expect(revisedPrice('25.00', '110', '125')).toBe('25.75');
  });

  it('rounds a half cent up where binary floats round it down', () => {
    // 1.00 × (0.15 + 0.85 × 1.3) = 1.255 exactly; in floats 1.2549999… → 1.25.
    expect(revisedPrice('1.00', '130', '100')).toBe('1.26');
  });

  it('never gives less than P0 × 1.03', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (p, s, s0) => {
          const p0 = (p / 100).toFixed(2);
          const revised = new Decimal(revisedPrice(p0, String(s), String(s0)));
          expect(
            revised.greaterThanOrEqualTo(new Decimal(p0).times('1.03').toDecimalPlaces(2, Decimal.ROUND_HALF_UP)),
          ).toBe(true);
        },
      ),
    );
  });

  it('names the argument at fault', () => {
    expect(() => revisedPrice('25.00', '130', '0')).toThrow(/^s0: /);
    expect(() => revisedPrice('abc', '130', '125')).toThrow(/^p0: /);
    expect(() => revisedPrice('25.00', '-1', '125')).toThrow(/^s: must not be negative/);
  });
});

describe('fees, interest and penalties', () => {
  it('charges 9.75 € HT per invoice unless paid by direct debit', () => {
    expect(handlingFee(false)).toBe('9.75');
    expect(handlingFee(true)).toBe('0.00');
  });

  it('charges late interest at 1.5 × the legal rate per day, actual/365', () => {
    expect(lateInterest('1000.00', 30, '4.00')).toBe('4.93');
    expect(lateInterest('1000.00', 0, '4.00')).toBe('0.00');
    expect(lateInterest('2500.00', 365, '8.00')).toBe('300.00');
    expect(() => lateInterest('1000.00', 1.5, '4.00')).toThrow(/^daysLate: /);
    expect(() => lateInterest('-5', 3, '4.00')).toThrow(/^amount: must not be negative/);
  });

  it('computes a penalty share of a hosting invoice', () => {
    expect(penaltyAmount('450.00', 0.1)).toBe('45.00');
    expect(penaltyAmount('1200.00', 0.02, { numerator: 73, denominator: 365 })).toBe('4.80');
    expect(() => penaltyAmount('450.00', 1.5)).toThrow(/^rate: /);
  });

  it('caps all penalties at three months of hosting fees and shows the cap', () => {
    expect(capPenalties(['300.00', '250.00'], '150.00')).toEqual({
      total: '550.00',
      cap: '450.00',
      capped: '450.00',
      wasCapped: true,
    });
    expect(capPenalties(['45.00', '0.10', '0.20'], '150.00')).toEqual({
      total: '45.30',
      cap: '450.00',
      capped: '45.30',
      wasCapped: false,
    });
    expect(capPenalties([], '150.00').capped).toBe('0.00');
    expect(() => capPenalties(['10.00', 'x'], '150.00')).toThrow(/^penalties\[1\]: /);
  });
});
