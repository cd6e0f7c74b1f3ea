/** The provider form: a provider as editable text, and back — validated by the shared schema. */
import { providerSchema, type Provider, type ProviderCategory } from '../../../shared/schemas';
import { formErrors, optional, type FormErrors } from '../clients/form-errors';

export type ProviderDraft = {
  name: string;
  category: ProviderCategory;
  service: string;
  role: string;
  phone: string;
  email: string;
  website: string;
  contacts: { name: string; role: string; phone: string; email: string }[];
  references: { label: string; reference: string }[];
  supportNumbers: { label: string; phone: string; hours: string }[];
};

export function providerDraft(p?: Provider): ProviderDraft {
  return {
    name: p?.name ?? '',
    category: p?.category ?? 'other',
    service: p?.service ?? '',
    role: p?.role ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    website: p?.website ?? '',
    contacts: (p?.contacts ?? []).map((c) => ({
      name: c.name,
      role: c.role ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
    })),
    references: (p?.references ?? []).map((r) => ({ ...r })),
    supportNumbers: (p?.supportNumbers ?? []).map((s) => ({ label: s.label, phone: s.phone, hours: s.hours ?? '' })),
  };
}

const opt = <K extends string>(key: K, value: string) => {
  const v = optional(value);
  return v ? ({ [key]: v } as Record<K, string>) : {};
};

/** The provider, or the errors by field path ('supportNumbers.0.phone'). Empty optional lists are left out. */
export function checkProvider(d: ProviderDraft): { ok: true; provider: Provider } | { ok: false; errors: FormErrors } {
  const contacts = d.contacts.map((c) => ({
    name: c.name.trim(),
    ...opt('role', c.role),
    ...opt('phone', c.phone),
    ...opt('email', c.email),
  }));
  const references = d.references.map((r) => ({ label: r.label.trim(), reference: r.reference.trim() }));
  const supportNumbers = d.supportNumbers.map((s) => ({
    label: s.label.trim(),
    phone: s.phone.trim(),
    ...opt('hours', s.hours),
  }));
  const candidate = {
    name: d.name.trim(),
    service: d.service.trim(),
    category: d.category,
    ...opt('role', d.role),
    ...opt('phone', d.phone),
    ...opt('email', d.email),
    ...opt('website', d.website),
    ...(contacts.length ? { contacts } : {}),
    ...(references.length ? { references } : {}),
    ...(supportNumbers.length ? { supportNumbers } : {}),
  };
  const result = providerSchema.safeParse(candidate);
  return result.success ? { ok: true, provider: result.data } : { ok: false, errors: formErrors(result.error) };
}
