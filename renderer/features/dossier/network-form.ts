/**
 * The network list as editable rows of text (sites, subnets, public IPs, links) and back,
 * validated by the shared schema; errors by path ('subnets.0.cidr').
 */
import { EMPTY_NETWORK_LIST, networkListSchema, type NetworkList } from '../../../shared/schemas';
import { formErrors, type FormErrors } from '../clients/form-errors';

export type ListName = keyof NetworkList;
export const LIST_NAMES: readonly ListName[] = ['sites', 'subnets', 'publicIps', 'links'];

/** Columns of each list: the field, and whether it is required / a number / a link kind. */
export const COLUMNS: Record<
  ListName,
  readonly { field: string; label: string; required?: true; number?: true; select?: true }[]
> = {
  sites: [
    { field: 'name', label: 'name', required: true },
    { field: 'address', label: 'address' },
    { field: 'notes', label: 'notes' },
  ],
  subnets: [
    { field: 'cidr', label: 'cidr', required: true },
    { field: 'name', label: 'name', required: true },
    { field: 'site', label: 'site' },
    { field: 'vlan', label: 'vlan', number: true },
    { field: 'gateway', label: 'gateway' },
  ],
  publicIps: [
    { field: 'address', label: 'ip', required: true },
    { field: 'site', label: 'site' },
    { field: 'provider', label: 'provider' },
    { field: 'usage', label: 'usage' },
  ],
  links: [
    { field: 'name', label: 'name', required: true },
    { field: 'kind', label: 'kind', select: true, required: true },
    { field: 'site', label: 'site' },
    { field: 'provider', label: 'provider' },
    { field: 'bandwidth', label: 'bandwidth' },
    { field: 'reference', label: 'reference' },
  ],
};

export type Row = Record<string, string>;
export type NetworkDraft = Record<ListName, Row[]>;

export function networkDraft(list: NetworkList | undefined): NetworkDraft {
  const source = list ?? EMPTY_NETWORK_LIST;
  const rows = (name: ListName) =>
    (source[name] as Record<string, unknown>[]).map((item) =>
      Object.fromEntries(COLUMNS[name].map((c) => [c.field, item[c.field] === undefined ? '' : String(item[c.field])])),
    );
  return { sites: rows('sites'), subnets: rows('subnets'), publicIps: rows('publicIps'), links: rows('links') };
}

export function emptyRow(name: ListName): Row {
  return Object.fromEntries(COLUMNS[name].map((c) => [c.field, c.select ? 'fibre' : '']));
}

export function checkNetwork(
  draft: NetworkDraft,
): { ok: true; network: NetworkList } | { ok: false; errors: FormErrors } {
  const convert = (name: ListName) =>
    draft[name].map((row) => {
      const out: Record<string, unknown> = {};
      for (const c of COLUMNS[name]) {
        const value = (row[c.field] ?? '').trim();
        if (value === '' && !c.required) continue;
        out[c.field] = c.number && /^\d+$/.test(value) ? Number(value) : value;
      }
      return out;
    });
  const result = networkListSchema.safeParse({
    sites: convert('sites'),
    subnets: convert('subnets'),
    publicIps: convert('publicIps'),
    links: convert('links'),
  });
  return result.success ? { ok: true, network: result.data } : { ok: false, errors: formErrors(result.error) };
}
