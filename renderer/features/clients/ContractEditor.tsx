import { useState } from 'react';
import type { Client, Contract } from '../../../shared/schemas';
import { href, navigate } from '../../app/router';
import { useData } from '../../data/react';
import { useTranslation } from '../../i18n';
import { FormStatus, type FormMessage } from '../../ui/FormStatus';
import { checkContract, contractDraft, newContractDraft, type ContractDraft } from './contract-form';
import { ContractTermPanel } from './ContractTermPanel';
import { DateList } from './DateList';
import { Field } from './Field';
import { integerInput, moneyInput, type FormErrors } from './form-errors';
import { ModulesFieldset } from './ModulesFieldset';
import { PriceRevisionPanel } from './PriceRevisionPanel';
import { regionOptions } from './regions';

type Props = { client: Client; contract?: Contract | undefined; today: string };

/**
 * Creates or edits a contract: number and dates, modules A–L with quantities, UT and half-day
 * bases and prices, hosting fee, commitment target, calendar and direct debit; beside it, the
 * term with its notice date and the price-revision calculator.
 */
export function ContractEditor({ client, contract, today }: Props) {
  const { t } = useTranslation('clients');
  const data = useData();
  const [draft, setDraft] = useState<ContractDraft>(() =>
    contract ? contractDraft(contract) : newContractDraft(today),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [status, setStatus] = useState<FormMessage | null>(null);
  const set = (patch: Partial<ContractDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setPrice = (i: number, patch: Partial<ContractDraft['prices'][number]>) =>
    set({ prices: draft.prices.map((p, k) => (k === i ? { ...p, ...patch } : p)) });

  const save = async () => {
    const checked = checkContract(draft, client.id, contract);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus({ kind: 'error', text: t('fixErrors') });
      return;
    }
    setErrors({});
    try {
      const saved = await data.contracts.save(checked.contract);
      setStatus({ kind: 'ok', text: t('saved') });
      if (!contract) navigate(`/clients/${client.id}/contracts/${saved.id}`);
    } catch (e) {
      setStatus({ kind: 'error', text: t('saveFailed', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };
  const termYears = integerInput(draft.termYears);
  const err = (path: string) => errors[path];

  return (
    <div className="contract-layout">
      <form
        className="card contract-form"
        aria-label={contract ? t('contract.title', { number: contract.number }) : t('contract.newTitle')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>{t('contract.general')}</legend>
          <div className="form-grid">
            <Field
              label={t('contract.number')}
              value={draft.number}
              onChange={(number) => set({ number })}
              error={err('number')}
              required
            />
            <Field
              label={t('contract.startDate')}
              type="date"
              value={draft.startDate}
              onChange={(startDate) => set({ startDate })}
              error={err('startDate')}
              required
            />
            <Field
              label={t('contract.termYears')}
              type="number"
              min={1}
              max={10}
              value={draft.termYears}
              onChange={(termYears) => set({ termYears })}
              error={err('termYears')}
            />
            <Field
              label={t('contract.terminatedOn')}
              type="date"
              value={draft.terminatedOn}
              onChange={(terminatedOn) => set({ terminatedOn })}
              error={err('terminatedOn')}
            />
          </div>
        </fieldset>
        <ModulesFieldset modules={draft.modules} errors={errors} onChange={(modules) => set({ modules })} />
        <fieldset>
          <legend>{t('contract.consumption')}</legend>
          <div className="form-grid">
            <Field
              label={t('contract.utBase')}
              type="number"
              min={1}
              value={draft.utBase}
              onChange={(utBase) => set({ utBase })}
              error={err('utBase')}
            />
            <Field
              label={t('contract.halfDayBase')}
              type="number"
              min={0}
              value={draft.halfDayBase}
              onChange={(halfDayBase) => set({ halfDayBase })}
              error={err('halfDayBase')}
            />
            <Field
              label={t('contract.hosting')}
              inputMode="decimal"
              value={draft.monthlyHostingFee}
              onChange={(monthlyHostingFee) => set({ monthlyHostingFee })}
              error={err('monthlyHostingFee')}
            />
            <Field
              label={t('contract.target')}
              type="number"
              min={1}
              value={draft.interventionTargetMinutes}
              onChange={(interventionTargetMinutes) => set({ interventionTargetMinutes })}
              error={err('interventionTargetMinutes')}
            />
          </div>
          <h3>{t('contract.prices')}</h3>
          {err('prices') && (
            <span className="field-error">
              {t(`errors.${err('prices')?.key ?? 'invalid'}`, err('prices')?.params ?? {})}
            </span>
          )}
          {draft.prices.map((price, i) => (
            <div key={i} className="price-row">
              <Field
                label={`${t('contract.priceFrom')} (${i + 1})`}
                type="date"
                value={price.from}
                onChange={(from) => setPrice(i, { from })}
                error={err(`prices.${i}.from`)}
              />
              <Field
                label={`${t('contract.utPrice')} (${i + 1})`}
                inputMode="decimal"
                value={price.utUnitPrice}
                onChange={(utUnitPrice) => setPrice(i, { utUnitPrice })}
                error={err(`prices.${i}.utUnitPrice`)}
              />
              <Field
                label={`${t('contract.halfDayPrice')} (${i + 1})`}
                inputMode="decimal"
                value={price.halfDayUnitPrice}
                onChange={(halfDayUnitPrice) => setPrice(i, { halfDayUnitPrice })}
                error={err(`prices.${i}.halfDayUnitPrice`)}
              />
              {i > 0 && (
                <button
                  type="button"
                  className="btn btn-icon"
                  aria-label={t('contract.removePrice', { n: i + 1 })}
                  onClick={() => set({ prices: draft.prices.filter((_, k) => k !== i) })}
                >
                  ×
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="btn"
            onClick={() =>
              set({
                prices: [
                  ...draft.prices,
                  { ...(draft.prices.at(-1) ?? { utUnitPrice: '', halfDayUnitPrice: '' }), from: '' },
                ],
              })
            }
          >
            {t('contract.addPrice')}
          </button>
          <label className="checkbox direct-debit">
            <input
              type="checkbox"
              checked={draft.directDebit}
              onChange={(e) => set({ directDebit: e.target.checked })}
            />
            {t('contract.directDebit')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('contract.calendarTitle')}</legend>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="contract-region">{t('contract.region')}</label>
              <select
                id="contract-region"
                value={draft.region}
                onChange={(e) => set({ region: e.target.value })}
                aria-invalid={err('calendar.region') ? true : undefined}
              >
                <option value="">{t('contract.noRegion')}</option>
                {regionOptions().map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.code} — {r.name}
                  </option>
                ))}
              </select>
              {err('calendar.region') && <span className="field-error">{t('errors.region')}</span>}
            </div>
            <Field
              label={t('contract.timeZone')}
              value={draft.timeZone}
              onChange={(timeZone) => set({ timeZone })}
              error={err('calendar.timeZone')}
            />
          </div>
          <div className="form-grid">
            <DateList
              label={t('contract.closedDates')}
              dates={draft.closedDates}
              onChange={(closedDates) => set({ closedDates })}
            />
            <DateList
              label={t('contract.workedHolidays')}
              dates={draft.workedHolidays}
              onChange={(workedHolidays) => set({ workedHolidays })}
            />
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            {t('save')}
          </button>
          <a className="btn" href={href(`/clients/${client.id}?tab=contracts`)}>
            {t('cancel')}
          </a>
          <FormStatus message={status} />
        </div>
      </form>
      <aside className="contract-aside">
        {Number.isInteger(termYears) && termYears >= 1 && (
          <ContractTermPanel
            startDate={draft.startDate}
            termYears={termYears}
            terminatedOn={draft.terminatedOn || undefined}
            today={today}
          />
        )}
        <PriceRevisionPanel
          contract={{
            startDate: draft.startDate,
            prices: draft.prices.map((p) => ({
              from: p.from,
              utUnitPrice: moneyInput(p.utUnitPrice),
              halfDayUnitPrice: moneyInput(p.halfDayUnitPrice),
            })),
          }}
          today={today}
          onApply={(step) => set({ prices: [...draft.prices, step].sort((a, b) => (a.from < b.from ? -1 : 1)) })}
        />
      </aside>
    </div>
  );
}
