/** The main courante: append-only, per client. A wrong entry is corrected by a new one. */
import type { RxCollection } from 'rxdb';
import type { Observable } from 'rxjs';
import type { LogbookEntry } from '../../../shared/schemas';
import { newId, plainList$, putDocument, type Store } from '../store';

export function createLogbookRepository(store: Store) {
  const rx = () => store.db.logbook as RxCollection<LogbookEntry>;
  return {
    byClient$(clientId: string, options: { includeInternal?: boolean } = {}): Observable<LogbookEntry[]> {
      const selector = options.includeInternal ? { clientId } : { clientId, internal: false };
      return plainList$(rx().find({ selector, sort: [{ clientId: 'asc' }, { at: 'desc' }] }));
    },
    /** Who revealed or copied which vault entry of the client, latest first (leads read it). */
    reveals$(clientId: string): Observable<LogbookEntry[]> {
      return plainList$(
        rx().find({ selector: { clientId, kind: 'vault_reveal' }, sort: [{ clientId: 'asc' }, { at: 'desc' }] }),
      );
    },
    async append(input: Pick<LogbookEntry, 'clientId' | 'kind' | 'text'> & { ticketId?: string; internal?: boolean }): Promise<LogbookEntry> {
      const at = store.now().toISOString();
      return putDocument(store, 'logbook', {
        id: newId('lb'),
        updatedAt: at,
        clientId: input.clientId,
        ...(input.ticketId ? { ticketId: input.ticketId } : {}),
        authorId: store.user.id,
        authorName: store.user.name,
        at,
        kind: input.kind,
        text: input.text.trim(),
        internal: input.internal ?? false,
      });
    },
  };
}
