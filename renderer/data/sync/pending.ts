/**
 * Local changes waiting for the server, counted per document version. A write adds
 * (collection, id) → updatedAt; a successful push of that same version, or the server sending that
 * version back (pull or stream), removes it. The set is kept in an RxDB local document, so a
 * device reopened offline still says what waits.
 */
import type { CollectionName } from '../../../shared/schemas';

export type PendingStorage = {
  load(): Promise<Record<string, string> | null>;
  save(entries: Record<string, string>): Promise<void>;
};

export function createPendingTracker(storage: PendingStorage, onCount: (count: number) => void) {
  const entries = new Map<string, string>();
  let saving: Promise<void> = Promise.resolve();
  const key = (collection: CollectionName, id: string) => `${collection}/${id}`;
  const persist = () => {
    const snapshot = Object.fromEntries(entries);
    saving = saving.then(() => storage.save(snapshot)).catch(() => undefined);
    onCount(entries.size);
  };
  return {
    async init(): Promise<void> {
      for (const [k, v] of Object.entries((await storage.load()) ?? {})) if (!entries.has(k)) entries.set(k, v);
      onCount(entries.size);
    },
    written(collection: CollectionName, id: string, updatedAt: string): void {
      entries.set(key(collection, id), updatedAt);
      persist();
    },
    pushed(collection: CollectionName, docs: readonly { id: string; updatedAt: string }[]): void {
      let changed = false;
      for (const doc of docs) {
        const k = key(collection, doc.id);
        // A newer local version written during the push still waits.
        const waiting = entries.get(k);
        if (waiting !== undefined && waiting <= doc.updatedAt) {
          entries.delete(k);
          changed = true;
        }
      }
      if (changed) persist();
    },
    /**
     * Documents as the server holds them (pulled or streamed). A waiting version the server sends
     * back has reached it, even if the push's answer was lost to a reload or a dropped connection
     * after the server committed it (RxDB then has nothing left to push for it).
     */
    confirmed(collection: CollectionName, docs: readonly { id: string; updatedAt: string }[]): void {
      let changed = false;
      for (const doc of docs) {
        const k = key(collection, doc.id);
        if (entries.get(k) === doc.updatedAt) {
          entries.delete(k);
          changed = true;
        }
      }
      if (changed) persist();
    },
    count: () => entries.size,
    flushed: () => saving,
  };
}

export type PendingTracker = ReturnType<typeof createPendingTracker>;
