import { useState } from 'react';
import type { Client } from '../../../shared/schemas';
import { navigate } from '../../app/router';
import { useData } from '../../data/react';
import { useTranslation } from '../../i18n';
import { FormStatus, type FormMessage } from '../../ui/FormStatus';
import {
  checkClient,
  clientDraft,
  EMPTY_CONTACT,
  EMPTY_PROVIDER,
  type ClientDraft,
  type ContactDraft,
} from './client-form';
import { Field } from './Field';
import type { FormErrors } from './form-errors';

/** Creates or edits a client: identity, phone numbers, contacts and third-party providers. */
export function ClientForm({ client }: { client?: Client }) {
  const { t } = useTranslation('clients');
  const data = useData();
  const [draft, setDraft] = useState<ClientDraft>(() => clientDraft(client));
  const [errors, setErrors] = useState<FormErrors>({});
  const [status, setStatus] = useState<FormMessage | null>(null);
  const set = (patch: Partial<ClientDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setList = <K extends 'contacts' | 'providers'>(key: K, i: number, patch: Partial<ClientDraft[K][number]>) =>
    setDraft((d) => ({ ...d, [key]: d[key].map((item, k) => (k === i ? { ...item, ...patch } : item)) }));

  const save = async () => {
    const checked = checkClient(draft, client);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus({ kind: 'error', text: t('fixErrors') });
      return;
    }
    setErrors({});
    try {
      const saved = await data.clients.save(checked.client);
      setStatus({ kind: 'ok', text: t('saved') });
      if (!client) navigate(`/clients/${saved.id}`);
    } catch (e) {
      setStatus({ kind: 'error', text: t('saveFailed', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const contactFields = (key: 'contacts' | 'providers', item: ContactDraft, i: number) => (
    <>
      <Field
        label={t('client.contactName')}
        value={item.name}
        onChange={(name) => setList(key, i, { name })}
        error={errors[`${key}.${i}.name`]}
      />
      <Field
        label={t('client.contactRole')}
        value={item.role}
        onChange={(role) => setList(key, i, { role })}
        error={errors[`${key}.${i}.role`]}
      />
      <Field
        label={t('client.contactPhone')}
        type="tel"
        value={item.phone}
        onChange={(phone) => setList(key, i, { phone })}
        error={errors[`${key}.${i}.phone`]}
      />
      <Field
        label={t('client.contactEmail')}
        type="email"
        value={item.email}
        onChange={(email) => setList(key, i, { email })}
        error={errors[`${key}.${i}.email`]}
      />
    </>
  );

  return (
    <form
      className="card client-form"
      aria-label={client ? t('client.title') : t('client.newTitle')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="form-grid">
        <Field
          label={t('client.name')}
          value={draft.name}
          onChange={(name) => set({ name })}
          error={errors.name}
          required
        />
        <Field
          label={t('client.code')}
          value={draft.code}
          onChange={(code) => set({ code })}
          error={errors.code}
          required
        />
        <Field
          label={t('client.email')}
          type="email"
          value={draft.email}
          onChange={(email) => set({ email })}
          error={errors.email}
        />
        <Field
          label={t('client.address')}
          value={draft.address}
          onChange={(address) => set({ address })}
          error={errors.address}
        />
      </div>
      <fieldset>
        <legend>{t('client.phones')}</legend>
        {draft.phones.map((phone, i) => (
          <div key={i} className="row-with-remove">
            <Field
              label={t('client.phone', { n: i + 1 })}
              type="tel"
              value={phone}
              onChange={(value) => set({ phones: draft.phones.map((p, k) => (k === i ? value : p)) })}
              error={errors[`phones.${i}`]}
            />
            <button
              type="button"
              className="btn btn-icon"
              aria-label={t('client.removePhone', { n: i + 1 })}
              onClick={() => set({ phones: draft.phones.filter((_, k) => k !== i) })}
            >
              ×
            </button>
          </div>
        ))}
        <button type="button" className="btn" onClick={() => set({ phones: [...draft.phones, ''] })}>
          {t('client.addPhone')}
        </button>
        {errors.phones && (
          <span className="field-error">{t(`errors.${errors.phones.key}`, errors.phones.params ?? {})}</span>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('client.contacts')}</legend>
        {draft.contacts.length === 0 && <p className="muted">{t('client.noContacts')}</p>}
        {draft.contacts.map((contact, i) => (
          <fieldset key={i} className="sub-fieldset">
            <legend>{t('client.contact', { n: i + 1 })}</legend>
            <div className="form-grid four">{contactFields('contacts', contact, i)}</div>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => set({ contacts: draft.contacts.filter((_, k) => k !== i) })}
            >
              {t('client.removeContact', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => set({ contacts: [...draft.contacts, { ...EMPTY_CONTACT }] })}
        >
          {t('client.addContact')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('client.providers')}</legend>
        {draft.providers.length === 0 && <p className="muted">{t('client.noProviders')}</p>}
        {draft.providers.map((provider, i) => (
          <fieldset key={i} className="sub-fieldset">
            <legend>{t('client.provider', { n: i + 1 })}</legend>
            <div className="form-grid four">
              <Field
                label={t('client.service')}
                value={provider.service}
                onChange={(service) => setList('providers', i, { service })}
                error={errors[`providers.${i}.service`]}
              />
              {contactFields('providers', provider, i)}
            </div>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => set({ providers: draft.providers.filter((_, k) => k !== i) })}
            >
              {t('client.removeProvider', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => set({ providers: [...draft.providers, { ...EMPTY_PROVIDER }] })}
        >
          {t('client.addProvider')}
        </button>
      </fieldset>
      <Field
        label={t('client.notes')}
        multiline
        value={draft.notes}
        onChange={(notes) => set({ notes })}
        error={errors.notes}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t('save')}
        </button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
