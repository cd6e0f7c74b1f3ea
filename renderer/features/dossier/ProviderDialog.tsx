import { useState } from 'react';
import { providerCategorySchema, type Provider } from '../../../shared/schemas';
import { useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../clients/Field';
import type { FormErrors } from '../clients/form-errors';
import { checkProvider, providerDraft, type ProviderDraft } from './provider-form';

type Props = { provider: Provider | undefined; onClose(): void; onSave(provider: Provider | null): Promise<void> };
type ListKey = 'contacts' | 'references' | 'supportNumbers';

/** Adds or edits a provider: identity, main contact, other contacts, contract references, support numbers. */
export function ProviderDialog({ provider, onClose, onSave }: Props) {
  const { t } = useTranslation('dossier');
  const { t: tc } = useTranslation('clients');
  const [draft, setDraft] = useState<ProviderDraft>(() => providerDraft(provider));
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = (patch: Partial<ProviderDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setRow = <K extends ListKey>(key: K, i: number, patch: Partial<ProviderDraft[K][number]>) =>
    setDraft((d) => ({ ...d, [key]: d[key].map((row, k) => (k === i ? { ...row, ...patch } : row)) }));
  const removeRow = (key: ListKey, i: number) => setDraft((d) => ({ ...d, [key]: d[key].filter((_, k) => k !== i) }));
  const run = async (provider: Provider | null) => {
    try {
      await onSave(provider);
    } catch (e) {
      setFailure(tc('saveFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  const submit = () => {
    const checked = checkProvider(draft);
    if (!checked.ok) return setErrors(checked.errors);
    void run(checked.provider);
  };
  const remove = (key: ListKey, i: number) => (
    <button
      type="button"
      className="btn btn-icon"
      aria-label={t('providers.removeRow', { n: i + 1 })}
      onClick={() => removeRow(key, i)}
    >
      ×
    </button>
  );
  return (
    <Dialog
      open
      wide
      title={provider ? t('providers.dialogEdit') : t('providers.dialogNew')}
      onClose={onClose}
      actions={
        <>
          {provider && (
            <button type="button" className="btn btn-danger" onClick={() => void run(null)}>
              {t('providers.remove')}
            </button>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {tc('cancel')}
          </button>
          <button type="button" className="btn btn-primary" onClick={submit}>
            {tc('save')}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <Field
          label={t('providers.name')}
          value={draft.name}
          onChange={(name) => set({ name })}
          error={errors.name}
          required
        />
        <div className="field">
          <label htmlFor="provider-category">{t('providers.category')}</label>
          <select
            id="provider-category"
            value={draft.category}
            onChange={(e) => set({ category: providerCategorySchema.parse(e.target.value) })}
          >
            {providerCategorySchema.options.map((c) => (
              <option key={c} value={c}>
                {t(`providers.categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('providers.service')}
          value={draft.service}
          onChange={(service) => set({ service })}
          error={errors.service}
        />
        <Field
          label={t('providers.phone')}
          type="tel"
          value={draft.phone}
          onChange={(phone) => set({ phone })}
          error={errors.phone}
        />
        <Field label={t('providers.role')} value={draft.role} onChange={(role) => set({ role })} error={errors.role} />
        <Field
          label={t('providers.email')}
          type="email"
          value={draft.email}
          onChange={(email) => set({ email })}
          error={errors.email}
        />
        <Field
          label={t('providers.website')}
          value={draft.website}
          onChange={(website) => set({ website })}
          error={errors.website}
        />
      </div>
      <fieldset>
        <legend>{t('providers.support')}</legend>
        {draft.supportNumbers.map((s, i) => (
          <div key={i} className="price-row">
            <Field
              label={t('providers.supportLabel', { n: i + 1 })}
              value={s.label}
              onChange={(label) => setRow('supportNumbers', i, { label })}
              error={errors[`supportNumbers.${i}.label`]}
            />
            <Field
              label={t('providers.supportPhone', { n: i + 1 })}
              type="tel"
              value={s.phone}
              onChange={(phone) => setRow('supportNumbers', i, { phone })}
              error={errors[`supportNumbers.${i}.phone`]}
            />
            <Field
              label={t('providers.supportHours', { n: i + 1 })}
              value={s.hours}
              onChange={(hours) => setRow('supportNumbers', i, { hours })}
              error={errors[`supportNumbers.${i}.hours`]}
            />
            {remove('supportNumbers', i)}
          </div>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => set({ supportNumbers: [...draft.supportNumbers, { label: '', phone: '', hours: '' }] })}
        >
          {t('providers.addSupport')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('providers.references')}</legend>
        {draft.references.map((r, i) => (
          <div key={i} className="price-row">
            <Field
              label={t('providers.refLabel', { n: i + 1 })}
              value={r.label}
              onChange={(label) => setRow('references', i, { label })}
              error={errors[`references.${i}.label`]}
            />
            <Field
              label={t('providers.refValue', { n: i + 1 })}
              value={r.reference}
              onChange={(reference) => setRow('references', i, { reference })}
              error={errors[`references.${i}.reference`]}
            />
            {remove('references', i)}
          </div>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => set({ references: [...draft.references, { label: '', reference: '' }] })}
        >
          {t('providers.addReference')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('providers.contacts')}</legend>
        {draft.contacts.map((c, i) => (
          <div key={i} className="price-row">
            <Field
              label={t('providers.contactName', { n: i + 1 })}
              value={c.name}
              onChange={(name) => setRow('contacts', i, { name })}
              error={errors[`contacts.${i}.name`]}
            />
            <Field
              label={t('providers.contactRole', { n: i + 1 })}
              value={c.role}
              onChange={(role) => setRow('contacts', i, { role })}
            />
            <Field
              label={t('providers.contactPhone', { n: i + 1 })}
              type="tel"
              value={c.phone}
              onChange={(phone) => setRow('contacts', i, { phone })}
              error={errors[`contacts.${i}.phone`]}
            />
            <Field
              label={t('providers.contactEmail', { n: i + 1 })}
              type="email"
              value={c.email}
              onChange={(email) => setRow('contacts', i, { email })}
              error={errors[`contacts.${i}.email`]}
            />
            {remove('contacts', i)}
          </div>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => set({ contacts: [...draft.contacts, { name: '', role: '', phone: '', email: '' }] })}
        >
          {t('providers.addContact')}
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
