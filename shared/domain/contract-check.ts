/**
 * The fields of a contract the billing and the ledger rely on, checked once per call so a
 * malformed document (an old replica, a hand-written fixture) fails with the field's name rather
 * than with "cannot read properties of undefined" deep inside a loop.
 */
import { type Contract, MODULE_CODES } from '../schemas';
import { checkArray, checkDay, integerAtLeast } from './validate';

export function checkContract(contract: Contract): void {
  if (typeof contract !== 'object' || contract === null) throw new TypeError('contract: expected a contract');
  if (typeof contract.id !== 'string') throw new TypeError('contract.id: expected a string');
  checkDay(contract.startDate, 'contract.startDate');
  integerAtLeast(contract.utBase, 1, 'contract.utBase');
  integerAtLeast(contract.halfDayBase, 0, 'contract.halfDayBase');
  checkArray(contract.prices, 'contract.prices');
  if (contract.prices.length === 0) throw new RangeError('contract.prices: expected at least one price step');
  contract.prices.forEach((step, i) => checkDay(step?.from, `contract.prices[${i}].from`));
  if (typeof contract.modules !== 'object' || contract.modules === null) {
    throw new TypeError('contract.modules: expected the modules A–L');
  }
  for (const code of MODULE_CODES) {
    if (typeof contract.modules[code]?.active !== 'boolean') {
      throw new TypeError(`contract.modules.${code}.active: expected a boolean`);
    }
  }
}
