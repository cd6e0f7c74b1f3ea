/**
 * The client form: a client document as editable text (contacts, phone numbers, third-party
 * providers), and back — validated by the shared client schema, each error on its field.
 */
import { clientSchema, EARLIEST_INSTANT, type Client, type Provider } from '../../../shared/schemas';
import { formErrors, optional, type FormErrors } from './form-errors';

export type ContactDraft = { name: string; role: string; phone: string; email: string };
/** What the dossier technique adds to a provider (category, contacts, references, support numbers): kept as is by this form. */
type ProviderExtras = Omit<Provider, 'name' | 'role' | 'phone' | 'email' | 'service'>;
export type ProviderDraft = ContactDraft & { service: string; extras?: ProviderExtras };

export type ClientDraft = {
  name: string;
  code: string;
  phones: string[];
  email: string;
  address: string;
  notes: string;
  contacts: ContactDraft[];
  providers: ProviderDraft[];
};

export const EMPTY_CONTACT: ContactDraft = { name: '', role: '', phone: '', email: '' };
export const EMPTY_PROVIDER: ProviderDraft = { ...EMPTY_CONTACT, service: '' };

export function clientDraft(client?: Client): ClientDraft {
  const contact = (c: Client['contacts'][number]): ContactDraft => ({
    name: c.name,
    role: c.role ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
  });
  return {
    name: client?.name ?? '',
    code: client?.code ?? '',
    phones: client?.phones.length ? [...client.phones] : [''],
    email: client?.email ?? '',
    address: client?.address ?? '',
    notes: client?.notes ?? '',
    contacts: client?.contacts.map(contact) ?? [],
    providers:
      client?.providers.map(({ name, role, phone, email, service, ...extras }) => ({
        ...contact({ name, role, phone, email }),
        service,
        extras,
      })) ?? [],
  };
}

function contactOf(draft: ContactDraft) {
  const role = optional(draft.role);
  const phone = optional(draft.phone);
  const email = optional(draft.email);
  return {
    name: draft.name.trim(),
    ...(role ? { role } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  };
}

export type ClientInput = Omit<Client, 'id' | 'updatedAt'> & { id?: string };

/**
 * The client to save, keeping what the form does not edit (vault access, network list, the
 * providers' dossier fields) from `base`; or the
 * errors by field path ('phones.1', 'contacts.0.email'). Empty phone lines are dropped.
 */
export function checkClient(
  draft: ClientDraft,
  base?: Client,
): { ok: true; client: ClientInput } | { ok: false; errors: FormErrors } {
  const email = optional(draft.email);
  const address = optional(draft.address);
  const notes = optional(draft.notes);
  const phones = draft.phones.map((p) => p.trim());
  const client: ClientInput = {
    ...(base ? { id: base.id } : {}),
    name: draft.name.trim(),
    code: draft.code.trim(),
    phones: phones.filter((p) => p !== ''),
    ...(email ? { email } : {}),
    ...(address ? { address } : {}),
    ...(notes ? { notes } : {}),
    contacts: draft.contacts.map(contactOf),
    providers: draft.providers.map((p) => ({ ...p.extras, ...contactOf(p), service: p.service.trim() })),
    vaultAccess: base?.vaultAccess ?? [],
    // The network list is edited in the dossier technique.
    ...(base?.network ? { network: base.network } : {}),
  };
  // The schema checks a whole document: give it the id and instant it will have.
  const result = clientSchema.safeParse({ id: base?.id ?? 'new', updatedAt: EARLIEST_INSTANT, ...client });
  if (result.success) return { ok: true, client };
  // Errors on kept phones point at the line the user typed, not at the filtered index.
  const lines = phones.map((p, i) => (p === '' ? -1 : i)).filter((i) => i >= 0);
  const errors: FormErrors = {};
  for (const [key, error] of Object.entries(formErrors(result.error))) {
    const match = /^phones\.(\d+)$/.exec(key);
    errors[match ? `phones.${lines[Number(match[1])] ?? match[1]}` : key] = error;
  }
  return { ok: false, errors };
}
