import { MODULE_CODES } from '../../../shared/schemas';
import { useTranslation } from '../../i18n';
import type { ContractDraft } from './contract-form';
import { Field } from './Field';
import type { FormErrors } from './form-errors';

/** Modules with a quantity: planned sessions for C–F, covered items for H and I. */
const QUANTIFIED = ['C', 'D', 'E', 'F', 'H', 'I'] as const;

type Props = {
  modules: ContractDraft['modules'];
  errors: FormErrors;
  onChange(modules: ContractDraft['modules']): void;
};

/** The forfait modules A–L of a contract: active or not, with their quantity where one applies. */
export function ModulesFieldset({ modules, errors, onChange }: Props) {
  const { t } = useTranslation('clients');
  return (
    <fieldset>
      <legend>{t('contract.modulesTitle')}</legend>
      <table className="table modules-table">
        <thead>
          <tr>
            <th scope="col">{t('contract.modulesTitle')}</th>
            <th scope="col">{t('contract.active')}</th>
            <th scope="col">{t('contract.quantity')}</th>
          </tr>
        </thead>
        <tbody>
          {MODULE_CODES.map((code) => {
            const m = modules[code];
            const quantified = (QUANTIFIED as readonly string[]).includes(code);
            const update = (patch: Partial<typeof m>) => onChange({ ...modules, [code]: { ...m, ...patch } });
            return (
              <tr key={code}>
                <th scope="row">
                  <label htmlFor={`module-${code}`}>{t(`contract.moduleNames.${code}`)}</label>
                </th>
                <td>
                  <input
                    id={`module-${code}`}
                    type="checkbox"
                    checked={m.active}
                    onChange={(e) => update({ active: e.target.checked })}
                  />
                </td>
                <td>
                  {quantified && (
                    <Field
                      className="compact"
                      label={`${t('contract.quantity')} ${code} (${t(`contract.quantityHint.${code}`)})`}
                      type="number"
                      min={0}
                      disabled={!m.active}
                      value={m.quantity}
                      onChange={(quantity) => update({ quantity })}
                      error={errors[`modules.${code}.quantity`]}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
