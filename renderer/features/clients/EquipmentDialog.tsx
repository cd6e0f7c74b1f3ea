import { useState } from 'react';
import { equipmentKindSchema, expiryKindSchema, type Equipment } from '../../../shared/schemas';
import { useData } from '../../data/react';
import { useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { checkEquipment, equipmentDraft, type EquipmentDraft, type ExpiryDraft } from './equipment-form';
import { Field } from './Field';
import type { FormErrors } from './form-errors';

const EXPIRY_KINDS: readonly ExpiryDraft['kind'][] = expiryKindSchema.options;

type Props = { clientId: string; item: Equipment | undefined; onClose(): void; onSaved(): void };

/** Adds or edits an item of the inventory: type, name, serial, location, H/I coverage, expiries. */
export function EquipmentDialog({ clientId, item, onClose, onSaved }: Props) {
  const { t } = useTranslation('clients');
  const data = useData();
  const [draft, setDraft] = useState<EquipmentDraft>(() => equipmentDraft(item));
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = (patch: Partial<EquipmentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setExpiry = (i: number, patch: Partial<ExpiryDraft>) =>
    set({ expiries: draft.expiries.map((e, k) => (k === i ? { ...e, ...patch } : e)) });
  const save = async () => {
    const checked = checkEquipment(draft, clientId, item);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    try {
      await data.equipment.save(checked.equipment);
      onSaved();
    } catch (e) {
      setFailure(t('saveFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <Dialog
      open
      wide
      title={item ? t('equipment.dialogEdit') : t('equipment.dialogNew')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void save()}>
            {t('save')}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <div className="field">
          <label htmlFor="equipment-kind">{t('equipment.kind')}</label>
          <select
            id="equipment-kind"
            value={draft.kind}
            onChange={(e) => set({ kind: equipmentKindSchema.parse(e.target.value) })}
          >
            {equipmentKindSchema.options.map((kind) => (
              <option key={kind} value={kind}>
                {t(`equipment.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('equipment.name')}
          value={draft.name}
          onChange={(name) => set({ name })}
          error={errors.name}
          required
        />
        <Field
          label={t('equipment.serial')}
          value={draft.serial}
          onChange={(serial) => set({ serial })}
          error={errors.serial}
        />
        <Field
          label={t('equipment.location')}
          value={draft.location}
          onChange={(location) => set({ location })}
          error={errors.location}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={draft.covered} onChange={(e) => set({ covered: e.target.checked })} />
        {t('equipment.covered')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={draft.retired} onChange={(e) => set({ retired: e.target.checked })} />
        {t('equipment.isRetired')}
      </label>
      <fieldset>
        <legend>{t('equipment.expiries')}</legend>
        {draft.expiries.map((expiry, i) => (
          <div key={i} className="price-row">
            <div className="field">
              <label htmlFor={`expiry-kind-${i}`}>{t('equipment.expiryKind', { n: i + 1 })}</label>
              <select
                id={`expiry-kind-${i}`}
                value={expiry.kind}
                onChange={(e) => setExpiry(i, { kind: e.target.value as ExpiryDraft['kind'] })}
              >
                {EXPIRY_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`equipment.expiryKinds.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <Field
              label={t('equipment.expiryLabel', { n: i + 1 })}
              value={expiry.label}
              onChange={(label) => setExpiry(i, { label })}
              error={errors[`expiries.${i}.label`]}
            />
            <Field
              label={t('equipment.expiryDate', { n: i + 1 })}
              type="date"
              value={expiry.date}
              onChange={(date) => setExpiry(i, { date })}
              error={errors[`expiries.${i}.date`]}
            />
            <button
              type="button"
              className="btn btn-icon"
              aria-label={t('equipment.removeExpiry', { n: i + 1 })}
              onClick={() => set({ expiries: draft.expiries.filter((_, k) => k !== i) })}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => set({ expiries: [...draft.expiries, { kind: 'warranty', label: '', date: '' }] })}
        >
          {t('equipment.addExpiry')}
        </button>
      </fieldset>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </Dialog>
  );
}
