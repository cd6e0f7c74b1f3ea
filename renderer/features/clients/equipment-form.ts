/**
 * The equipment form and what the inventory tells a lead: whether an item is covered by a forfait
 * (H for covered servers and network elements, I for covered PCs — domain.md §3.1 rules 2–3) on
 * the client's contracts, and which expiry dates (antivirus, firewall, warranty…) come close.
 */
import { coveringModule } from '../../../shared/domain';
import {
  EARLIEST_INSTANT,
  equipmentSchema,
  type Contract,
  type Equipment,
  type EquipmentKind,
} from '../../../shared/schemas';
import { dayNumberOf } from '../reports/local-day';
import { formErrors, optional, type FormErrors } from './form-errors';

export type ExpiryDraft = { kind: Equipment['expiries'][number]['kind']; label: string; date: string };

export type EquipmentDraft = {
  kind: EquipmentKind;
  name: string;
  serial: string;
  location: string;
  covered: boolean;
  retired: boolean;
  expiries: ExpiryDraft[];
};

export function equipmentDraft(item?: Equipment): EquipmentDraft {
  return {
    kind: item?.kind ?? 'pc',
    name: item?.name ?? '',
    serial: item?.serial ?? '',
    location: item?.location ?? '',
    covered: item?.covered ?? false,
    retired: item?.retired ?? false,
    expiries: item?.expiries.map((e) => ({ ...e })) ?? [],
  };
}

export type EquipmentInput = Omit<Equipment, 'id' | 'updatedAt'> & { id?: string };

export function checkEquipment(
  draft: EquipmentDraft,
  clientId: string,
  base?: Equipment,
): { ok: true; equipment: EquipmentInput } | { ok: false; errors: FormErrors } {
  const serial = optional(draft.serial);
  const location = optional(draft.location);
  const equipment: EquipmentInput = {
    ...(base ? { id: base.id } : {}),
    clientId,
    kind: draft.kind,
    name: draft.name.trim(),
    ...(serial ? { serial } : {}),
    ...(location ? { location } : {}),
    covered: draft.covered,
    retired: draft.retired,
    expiries: draft.expiries.map((e) => ({ kind: e.kind, label: e.label.trim(), date: e.date })),
  };
  const result = equipmentSchema.safeParse({
    id: base?.id ?? 'new',
    updatedAt: EARLIEST_INSTANT,
    ...equipment,
  });
  return result.success ? { ok: true, equipment } : { ok: false, errors: formErrors(result.error) };
}

export { coveringModule } from '../../../shared/domain';

export type CoverageStatus =
  | { state: 'covered'; module: 'H' | 'I' }
  /** Listed as covered, but no active contract has the module: work on it will be billed in UT. */
  | { state: 'module_missing'; module: 'H' | 'I' }
  | { state: 'not_covered' }
  /** Printers, software, other: no forfait covers them. */
  | { state: 'not_coverable' };

/**
 * coverageStatus(covered server, [contract with H active]) → { state: 'covered', module: 'H' }.
 * Only contracts in force count (not terminated before today).
 */
export function coverageStatus(
  item: Pick<Equipment, 'kind' | 'covered'>,
  contracts: readonly Contract[],
  today: string,
): CoverageStatus {
  const module = coveringModule(item.kind);
  if (!module) return { state: 'not_coverable' };
  if (!item.covered) return { state: 'not_covered' };
  const inForce = contracts.filter((c) => c.startDate <= today && (!c.terminatedOn || c.terminatedOn >= today));
  return inForce.some((c) => c.modules[module].active)
    ? { state: 'covered', module }
    : { state: 'module_missing', module };
}

export type ExpiryAlert = { expiry: Equipment['expiries'][number]; daysLeft: number; level: 'expired' | 'soon' | 'ok' };

/** Alert when an expiry is past, or within `soonDays` (default 30). Soonest first. */
export function expiryAlerts(item: Pick<Equipment, 'expiries'>, today: string, soonDays = 30): ExpiryAlert[] {
  const now = dayNumberOf(today, 'today');
  return item.expiries
    .map((expiry) => {
      const daysLeft = dayNumberOf(expiry.date, 'expiry.date') - now;
      const level: ExpiryAlert['level'] = daysLeft < 0 ? 'expired' : daysLeft <= soonDays ? 'soon' : 'ok';
      return { expiry, daysLeft, level };
    })
    .sort((a, b) => a.daysLeft - b.daysLeft);
}
