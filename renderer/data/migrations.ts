/**
 * Migration strategies per collection: `strategies[n]` turns a document of schema version n-1
 * into version n. Every schema version bump in shared/schemas/collections.ts adds its step here
 * (a unit test checks there is one per version), so a device that was offline across an upgrade
 * migrates its local documents — including unsynced ones — instead of losing them.
 */
import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '../../shared/schemas';

/**
 * A step for a version that only added optional fields (or enum values): every document of the
 * previous version is valid as it is. Kept unchanged on purpose — the server's copies are not
 * migrated, so a device must not hold a different version of a document than the server does.
 */
const unchanged = (document: unknown) => document;

export const migrationStrategies: Record<CollectionName, MigrationStrategies> = {
  // 1: providers' contacts, references and support numbers; the network list (dossier technique).
  clients: { 1: unchanged },
  contracts: {},
  // 1: kinds firewall, av_gateway, licence; échéance kind av_gateway.
  equipment: { 1: unchanged },
  // 1: planned services' plannedFor, occurrence and cancellation (planning of modules C–F).
  tickets: { 1: unchanged },
  // 1: a coordination day's compte-rendu by heading with its action plan (module F).
  interventions: { 1: unchanged },
  // 1: the optional `reveal` of vault_reveal entries (dossier technique).
  // 2: kinds information/request/intervention/planned_service, links to interventions,
  // corrections, attachments and the server's sequence. Version-0 kinds stay valid.
  logbook: { 1: unchanged, 2: unchanged },
  // 1: the Argon2id cipher beside PBKDF2 (still read), the optional linked equipment.
  vault: { 1: unchanged },
  // 1: the client role, clientIds, passwordChangeRequired, email optional (issue 16).
  users: { 1: unchanged },
  // 1: optional `renewalStorm` added; existing invoices are unchanged.
  invoices: { 1: unchanged },
  attachments: {},
  receipts: {},
};
