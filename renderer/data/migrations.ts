/**
 * Migration strategies per collection: `strategies[n]` turns a document of schema version n-1
 * into version n. Every schema version bump in shared/schemas/collections.ts adds its step here
 * (a unit test checks there is one per version), so a device that was offline across an upgrade
 * migrates its local documents — including unsynced ones — instead of losing them.
 */
import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '../../shared/schemas';

export const migrationStrategies: Record<CollectionName, MigrationStrategies> = {
  clients: {},
  contracts: {},
  equipment: {},
  tickets: {},
  interventions: {},
  logbook: {},
  vault: {},
  // v1 only widened the schema (client role, clientIds, passwordChangeRequired): documents stay as they are.
  users: { 1: (doc: unknown) => doc },
  invoices: {},
};
