import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { collections, COLLECTION_NAMES } from '../../shared/schemas';
import { migrationStrategies } from './migrations';
import { rxSchemaOf } from './rx-schemas';
import type { Store } from './store';
import { openTestStore, technician } from './testing';
import { createTicketsRepository } from './repositories/tickets';

let store: Store | undefined;
afterEach(async () => {
  await store?.db.close();
  store = undefined;
});

describe('device database', () => {
  it('ships one migration step per schema version of every collection', () => {
    for (const name of COLLECTION_NAMES) {
      const steps = Object.keys(migrationStrategies[name]).map(Number).sort((a, b) => a - b);
      expect(steps, name).toEqual(Array.from({ length: collections[name].version }, (_, i) => i + 1));
    }
  });

  it('stays under free RxDB’s limit of 13 open collections', () => {
    // One database is open at a time (signing out closes it before the next opens).
    expect(COLLECTION_NAMES.length).toBeLessThan(13);
  });

  it('bounds every indexed string so RxDB can index it', () => {
    for (const name of COLLECTION_NAMES) {
      const schema = rxSchemaOf(name);
      for (const index of (schema.indexes ?? []) as string[][]) {
        for (const field of index) {
          const property = (schema.properties as Record<string, { maxLength?: number }>)[field];
          expect(property?.maxLength, `${name}.${field}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('opens all eleven collections, ready for writes', async () => {
    store = await openTestStore(technician);
    expect(Object.keys(store.db.collections).sort()).toEqual([...COLLECTION_NAMES].sort());
    const tickets = createTicketsRepository(store);
    await tickets.create({ clientId: 'cl-1', contractId: 'ct-1', channel: 'hotline', title: 'Poste lent' });
    expect(await firstValueFrom(tickets.all$())).toHaveLength(1);
  });
});
