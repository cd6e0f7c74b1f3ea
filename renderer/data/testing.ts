/**
 * A real RxDB database on the memory storage, for unit tests. RxDB's dev-mode checks schemas
 * and queries as the app uses them, and the ajv validator checks every write against the JSON
 * schema generated from shared/schemas (a second opinion on the generation). Free RxDB allows 13 open collections per process and one
 * Cadran database has ten: close each database before opening the next.
 */
import { addRxPlugin } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { openDatabase } from './database';
import type { SessionUser, Store } from './store';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

let counter = 0;

export type TestClock = { now: () => Date; set(iso: string): void; advance(ms: number): void };

export function testClock(start = '2026-11-27T09:00:00.000Z'): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export async function openTestStore(user: SessionUser, clock: TestClock = testClock()): Promise<Store & { clock: TestClock }> {
  const db = await openDatabase({ name: `test-${crypto.randomUUID().slice(0, 8)}-${counter++}`, storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
  });
  return { db, user, now: clock.now, clock };
}

export const technician: SessionUser = { id: 'u-tech-1', name: 'Julie Martin', email: 'julie@cadran.test', role: 'technician' };
export const lead: SessionUser = { id: 'u-lead-1', name: 'Marc Dubois', email: 'marc@cadran.test', role: 'lead' };
