/**
 * What this user was already told (échéance alerts), kept in an RxDB local document of the
 * user's own database: never synced, survives restarts, wiped with the user's data.
 */
import type { CadranDatabase } from './database';

const KEY = 'echeance-announced';
/** Keys are dropped oldest first beyond this: échéances of years ago need no memory. */
const MAX_KEYS = 5000;

export function createAnnouncedStore(db: CadranDatabase) {
  return {
    async load(): Promise<Set<string>> {
      const doc = await db.getLocal<{ keys: string[] }>(KEY);
      return new Set(doc?.toJSON().data.keys ?? []);
    },
    async add(keys: readonly string[]): Promise<void> {
      if (keys.length === 0) return;
      const current = [...(await this.load())];
      const next = [...new Set([...current, ...keys])].slice(-MAX_KEYS);
      await db.upsertLocal(KEY, { keys: next });
    },
  };
}
