/**
 * Who may read and write what (docs/server.md, "Authorisation matrix"). Pure functions: the
 * caller passes the server's current version, the pushed one, and a look-up of each client's
 * `vaultAccess`, so the rules are tested without a database and applied alike to pull, push
 * and stream.
 *
 * Devices are never trusted: these run on every pushed document, whatever the app allowed.
 * A `client` account is ruled by its own table (client-scope.ts), checked first everywhere.
 */
import { collections, type CollectionName, type Role } from '../../shared/schemas';
import type { AuthUser } from '../../shared/sync';
import { sameJson } from './canonical-json';
import { type ClientReferences, clientMayRead, clientWriteRefusal, NO_REFERENCES } from './client-scope';
import { type VaultAccessLookup, vaultRevealRefusal } from './vault-reveal';

export type { VaultAccessLookup };

type Doc = Record<string, unknown>;

const LEADS: readonly Role[] = ['lead', 'admin'];
const isLead = (user: AuthUser) => LEADS.includes(user.role);
export const isClientAccount = (user: AuthUser) => user.role === 'client';
const field = (doc: Doc | null, name: string): unknown => doc?.[name];

/**
 * Collections a role may pull and be streamed. Vault entries are then filtered per client; a
 * client account reads every collection, each scoped to its clients' documents.
 */
export function canReadCollection(user: AuthUser, collection: CollectionName): boolean {
  return collection !== 'invoices' || isLead(user) || isClientAccount(user);
}

/** Vault entries reach only users listed in the client's vaultAccess, whatever their role. */
export function canReadDocument(
  user: AuthUser,
  collection: CollectionName,
  doc: Doc,
  vaultAccess: VaultAccessLookup,
): boolean {
  if (!canReadCollection(user, collection)) return false;
  if (isClientAccount(user)) return clientMayRead(user, collection, doc, vaultAccess);
  if (collection !== 'vault') return true;
  return vaultAccess(String(field(doc, 'clientId'))).includes(user.id);
}

/** Refusal of a whole push to the collection, before looking at documents; null when allowed. */
export function collectionWriteRefusal(user: AuthUser, collection: CollectionName): string | null {
  if (!collections[collection].deviceWritable)
    return `${collection} are written by the server only (read-only to devices)`;
  if (isClientAccount(user)) return clientWriteRefusal(user, collection, null, null);
  if (collection === 'contracts' && !isLead(user)) return `only leads and admins edit ${collection}`;
  if (collection === 'receipts') return 'reading receipts are written by client accounts only';
  return null;
}

/**
 * The fields of a client a technician may change (dossier technique kept up to date from the
 * field, as equipment): its providers and its network list. Everything else — identity,
 * contacts, vault access — is the leads'.
 */
export const CLIENT_FIELDS_TECHNICIANS_EDIT: readonly string[] = ['providers', 'network'];

function clientRefusal(user: AuthUser, current: Doc | null, next: Doc): string | null {
  if (isLead(user)) return null;
  if (!current) return 'only leads and admins create clients';
  const keys = new Set([...Object.keys(current), ...Object.keys(next)]);
  for (const key of keys) {
    if (key === 'updatedAt' || CLIENT_FIELDS_TECHNICIANS_EDIT.includes(key)) continue;
    if (!sameJson(current[key], next[key]))
      return `a technician may change only a client's providers and network (not ${key})`;
  }
  return null;
}

/** Vault reveals are internal and name a vault entry of a client the author may read. */
function logbookRefusal(user: AuthUser, next: Doc, vaultAccess: VaultAccessLookup): string | null {
  if (field(next, 'authorId') !== user.id) return 'a logbook entry must be written as yourself (authorId)';
  return vaultRevealRefusal(user.id, next, vaultAccess);
}

/** Attachments are written once, as oneself; later only deleted, by their author or a lead. */
function attachmentRefusal(user: AuthUser, current: Doc | null, next: Doc, deleted: boolean): string | null {
  if (!current) {
    if (field(next, 'createdBy') !== user.id) return 'an attachment must be added as yourself (createdBy)';
    return deleted ? 'an attachment cannot be created deleted' : null;
  }
  if (!sameJson(current, next)) return 'an attachment never changes: add a new version instead';
  if (!deleted) return null;
  if (!isLead(user) && field(current, 'createdBy') !== user.id)
    return 'only its author or a lead may delete an attachment';
  return null;
}

/**
 * Refusal of one write (the server's `current` version, null for a creation, replaced by
 * `next`); null when allowed. Called only for writes that change something. `references`
 * answers the stored documents a client account's logbook entry names (client-scope.ts);
 * without it every such name is refused.
 */
export function writeRefusal(
  user: AuthUser,
  collection: CollectionName,
  current: Doc | null,
  next: Doc,
  vaultAccess: VaultAccessLookup,
  deleted = false,
  references: ClientReferences = NO_REFERENCES,
): string | null {
  const collectionRefusal = collectionWriteRefusal(user, collection);
  if (collectionRefusal) return collectionRefusal;
  if (isClientAccount(user)) return clientWriteRefusal(user, collection, current, next, { vaultAccess, references });
  switch (collection) {
    case 'tickets':
      return plannedServiceRefusal(user, current, next);
    case 'interventions':
      return interventionRefusal(user, current, next);
    case 'clients':
      return clientRefusal(user, current, next);
    case 'attachments':
      return attachmentRefusal(user, current, next, deleted);
    case 'logbook':
      if (current) return 'the logbook is append-only: an existing entry cannot change';
      return logbookRefusal(user, next, vaultAccess);
    case 'vault': {
      const clientIds = new Set([field(next, 'clientId'), field(current, 'clientId')].filter((id) => id !== undefined));
      for (const clientId of clientIds) {
        if (!vaultAccess(String(clientId)).includes(user.id))
          return `you are not granted access to the vault of client ${String(clientId)}`;
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * Planning (modules C–F): only leads and admins generate occurrences, move or cancel them —
 * the quality index of preventive services (CP art. 5) is measured on them, so the people
 * whose work it measures do not reschedule or cancel it. Technicians still edit everything else.
 */
const PLANNING_FIELDS = ['plannedFor', 'occurrence', 'cancellation'] as const;

function plannedServiceRefusal(user: AuthUser, current: Doc | null, next: Doc): string | null {
  if (isLead(user)) return null;
  for (const name of PLANNING_FIELDS) {
    if (!sameJson(field(current, name) ?? null, field(next, name) ?? null)) {
      return `only leads and admins plan, move or cancel planned services (${name})`;
    }
  }
  return null;
}

/**
 * domain.md §5: a validated intervention is locked (corrections are new records); only leads
 * and admins validate, as themselves; a technician writes only their own interventions.
 */
function interventionRefusal(user: AuthUser, current: Doc | null, next: Doc): string | null {
  if (field(current, 'validatedAt') !== undefined) {
    return 'this intervention is validated and locked: record a correction (correctionOf) instead';
  }
  if (!isLead(user)) {
    if (field(next, 'technicianId') !== user.id || (current && field(current, 'technicianId') !== user.id)) {
      return 'a technician can only push their own interventions (technicianId)';
    }
    if (field(next, 'validatedAt') !== undefined || field(next, 'validatedBy') !== undefined) {
      return 'only leads and admins validate interventions (validatedAt)';
    }
    return null;
  }
  if (field(next, 'validatedAt') !== undefined && field(next, 'validatedBy') !== user.id) {
    return 'an intervention must be validated by the pushing user (validatedBy)';
  }
  return null;
}
