/**
 * The contract form: a contract as editable text — number, dates, modules A–L with quantities,
 * UT and half-day bases, price steps, monthly hosting fee, calendar (region, closed dates,
 * worked holidays), direct debit — and back, validated by the shared contract schema. Amounts
 * accept the French decimal comma ("25,50").
 */
import {
  contractSchema,
  EARLIEST_INSTANT,
  MODULE_CODES,
  type Contract,
  type ModuleCode,
} from '../../../shared/schemas';
import { formErrors, integerInput, moneyInput, optional, type FormErrors } from './form-errors';
import { normalizeRegionOrError } from './regions';

export type PriceDraft = { from: string; utUnitPrice: string; halfDayUnitPrice: string };

export type ContractDraft = {
  number: string;
  startDate: string;
  termYears: string;
  modules: Record<ModuleCode, { active: boolean; quantity: string }>;
  utBase: string;
  halfDayBase: string;
  prices: PriceDraft[];
  monthlyHostingFee: string;
  interventionTargetMinutes: string;
  region: string;
  timeZone: string;
  closedDates: string[];
  workedHolidays: string[];
  directDebit: boolean;
  terminatedOn: string;
};

/** CP art. 7 and module K: 16 UT at 25.00 € HT, half-days at 360.00 € HT; 3 years firm (CG art. 18). */
export function newContractDraft(today: string): ContractDraft {
  return {
    number: '',
    startDate: today,
    termYears: '3',
    modules: Object.fromEntries(
      MODULE_CODES.map((code) => [code, { active: code === 'A', quantity: '' }]),
    ) as ContractDraft['modules'],
    utBase: '16',
    halfDayBase: '0',
    prices: [{ from: today, utUnitPrice: '25.00', halfDayUnitPrice: '360.00' }],
    monthlyHostingFee: '0.00',
    interventionTargetMinutes: '30',
    region: '',
    timeZone: 'Europe/Paris',
    closedDates: [],
    workedHolidays: [],
    directDebit: false,
    terminatedOn: '',
  };
}

export function contractDraft(contract: Contract): ContractDraft {
  return {
    number: contract.number,
    startDate: contract.startDate,
    termYears: String(contract.termYears),
    modules: Object.fromEntries(
      MODULE_CODES.map((code) => {
        const m = contract.modules[code];
        return [code, { active: m.active, quantity: m.quantity === undefined ? '' : String(m.quantity) }];
      }),
    ) as ContractDraft['modules'],
    utBase: String(contract.utBase),
    halfDayBase: String(contract.halfDayBase),
    prices: contract.prices.map((p) => ({ ...p })),
    monthlyHostingFee: contract.monthlyHostingFee,
    interventionTargetMinutes: String(contract.interventionTargetMinutes),
    region: contract.calendar.region ?? '',
    timeZone: contract.calendar.timeZone,
    closedDates: [...contract.calendar.closedDates],
    workedHolidays: [...contract.calendar.workedHolidays],
    directDebit: contract.directDebit,
    terminatedOn: contract.terminatedOn ?? '',
  };
}

export type ContractInput = Omit<Contract, 'id' | 'updatedAt'> & { id?: string };

/** The contract to save for `clientId`, or the errors by field path ('prices.1.utUnitPrice', 'modules.C.quantity'). */
export function checkContract(
  draft: ContractDraft,
  clientId: string,
  base?: Contract,
): { ok: true; contract: ContractInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const region = normalizeRegionOrError(draft.region);
  if (!region.ok) errors['calendar.region'] = { key: 'region' };
  const terminatedOn = optional(draft.terminatedOn);
  const contract: ContractInput = {
    ...(base ? { id: base.id } : {}),
    clientId,
    number: draft.number.trim(),
    startDate: draft.startDate,
    termYears: integerInput(draft.termYears),
    modules: Object.fromEntries(
      MODULE_CODES.map((code) => {
        const m = draft.modules[code];
        const quantity = m.quantity.trim() === '' ? undefined : integerInput(m.quantity);
        return [code, quantity === undefined ? { active: m.active } : { active: m.active, quantity }];
      }),
    ) as Contract['modules'],
    utBase: integerInput(draft.utBase),
    halfDayBase: integerInput(draft.halfDayBase),
    prices: draft.prices.map((p) => ({
      from: p.from,
      utUnitPrice: moneyInput(p.utUnitPrice),
      halfDayUnitPrice: moneyInput(p.halfDayUnitPrice),
    })),
    monthlyHostingFee: moneyInput(draft.monthlyHostingFee),
    interventionTargetMinutes: integerInput(draft.interventionTargetMinutes),
    calendar: {
      ...(region.ok && region.code ? { region: region.code } : {}),
      timeZone: draft.timeZone.trim() || 'Europe/Paris',
      closedDates: [...new Set(draft.closedDates.filter(Boolean))].sort(),
      workedHolidays: [...new Set(draft.workedHolidays.filter(Boolean))].sort(),
    },
    directDebit: draft.directDebit,
    ...(terminatedOn ? { terminatedOn } : {}),
  };
  const result = contractSchema.safeParse({ id: base?.id ?? 'new', updatedAt: EARLIEST_INSTANT, ...contract });
  if (!result.success) Object.assign(errors, formErrors(result.error), errors);
  if (terminatedOn && terminatedOn < draft.startDate) errors.terminatedOn ??= { key: 'beforeStart' };
  // The schema checks the price order only once every field is valid; say it at once.
  draft.prices.forEach((price, i) => {
    const previous = draft.prices[i - 1];
    if (i === 0 && price.from > draft.startDate) errors['prices.0.from'] ??= { key: 'firstPrice' };
    if (previous && price.from <= previous.from) errors[`prices.${i}.from`] ??= { key: 'pricesOrder' };
  });
  return Object.keys(errors).length === 0 ? { ok: true, contract } : { ok: false, errors };
}
