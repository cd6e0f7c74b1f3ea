import { useState } from 'react';
import { priceInForce } from '../../../shared/domain';
import type { Contract } from '../../../shared/schemas';
import { useFormat, useTranslation } from '../../i18n';
import { Field } from './Field';
import { revise } from './price-revision';

type Props = {
  contract: Pick<Contract, 'prices' | 'startDate'>;
  today: string;
  /** Adds the revised prices as a new step of the contract being edited. */
  onApply(step: Contract['prices'][number]): void;
};

/** The yearly price revision, computed from the INSEE index (shared/domain `revisedPrice`). */
export function PriceRevisionPanel({ contract, today, onApply }: Props) {
  const { t } = useTranslation('clients');
  const fmt = useFormat();
  const [index, setIndex] = useState({ s0: '', s: '' });
  const [applied, setApplied] = useState(false);
  let current: Contract['prices'][number] | undefined;
  try {
    current = priceInForce(contract.prices, today);
  } catch {
    current = undefined;
  }
  const ready = index.s.trim() !== '' && index.s0.trim() !== '';
  const result = ready ? revise(contract, today, index) : undefined;
  const day = (iso: string) => fmt.date(`${iso}T12:00:00Z`);
  return (
    <section className="card" aria-labelledby="revision-title">
      <h2 id="revision-title">{t('revision.title')}</h2>
      <p className="muted">{t('revision.intro')}</p>
      {current && (
        <p>
          {t('revision.inForce', { ut: fmt.money(current.utUnitPrice), halfDay: fmt.money(current.halfDayUnitPrice) })}
        </p>
      )}
      <div className="form-grid">
        <Field
          label={t('revision.s0')}
          inputMode="decimal"
          value={index.s0}
          onChange={(s0) => setIndex((i) => ({ ...i, s0 }))}
          error={
            result && !result.ok && result.field === 's0'
              ? { key: 'invalid', params: { message: result.message } }
              : undefined
          }
        />
        <Field
          label={t('revision.s')}
          inputMode="decimal"
          value={index.s}
          onChange={(s) => setIndex((i) => ({ ...i, s }))}
          error={
            result && !result.ok && result.field !== 's0'
              ? { key: 'invalid', params: { message: result.message } }
              : undefined
          }
        />
      </div>
      {result?.ok && (
        <div role="status">
          <p>
            <strong>
              {t('revision.result', {
                date: day(result.from),
                ut: fmt.money(result.ut),
                halfDay: fmt.money(result.halfDay),
              })}
            </strong>
          </p>
          <p className="muted">{result.floorApplied ? t('revision.floor') : t('revision.formula')}</p>
          <button
            type="button"
            className="btn"
            disabled={applied || contract.prices.some((p) => p.from === result.from)}
            onClick={() => {
              onApply({ from: result.from, utUnitPrice: result.ut, halfDayUnitPrice: result.halfDay });
              setApplied(true);
            }}
          >
            {t('revision.apply')}
          </button>
          {applied && <p className="notice notice-ok">{t('revision.applied')}</p>}
        </div>
      )}
    </section>
  );
}
