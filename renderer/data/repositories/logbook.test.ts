import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogbookEntry } from '../../../shared/schemas';
import { InvalidDocumentError } from '../errors';
import { putDocument, type Store } from '../store';
import { lead, openTestStore, technician } from '../testing';
import { createLogbookRepository, threadOrder } from './logbook';

let store: Store | undefined;
afterEach(async () => {
  await store?.db.close();
  store = undefined;
});

const entry = (id: string, at: string, serverSeq?: number): LogbookEntry => ({
  id,
  updatedAt: at,
  clientId: 'cl-1',
  authorId: 'u-lead-1',
  authorName: 'Marc Dubois',
  at,
  kind: 'information',
  text: id,
  internal: false,
  ...(serverSeq === undefined ? {} : { serverSeq }),
});

describe('main courante repository', () => {
  it('orders the thread by the server’s sequence, then the entries not synced yet', async () => {
    store = await openTestStore(technician);
    // The device clock of the second entry was wrong: the server's order still wins.
    await putDocument(store, 'logbook', entry('late-clock', '2026-11-20T09:00:00.000Z', 20));
    await putDocument(store, 'logbook', entry('first', '2026-11-25T09:00:00.000Z', 10));
    const logbook = createLogbookRepository(store);
    const mine = await logbook.append({ clientId: 'cl-1', kind: 'request', text: '  Le client demande un poste de plus.  ' });
    expect(mine).toMatchObject({ authorId: technician.id, authorName: 'Julie Martin', text: 'Le client demande un poste de plus.' });
    expect(mine.serverSeq).toBeUndefined();
    const thread = await firstValueFrom(logbook.byClient$('cl-1'));
    expect(thread.map((e) => e.id)).toEqual(['first', 'late-clock', mine.id]);
    expect([entry('b', '2026-01-02T00:00:00Z'), entry('a', '2026-01-01T00:00:00Z')].sort(threadOrder).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('corrects an entry with a new one naming it, never by editing it', async () => {
    store = await openTestStore(lead);
    const logbook = createLogbookRepository(store);
    const wrong = await logbook.append({ clientId: 'cl-1', kind: 'information', text: 'Passage prévu mardi.' });
    const fix = await logbook.append({ clientId: 'cl-1', kind: 'information', text: 'Passage prévu jeudi.', correctionOf: wrong.id });
    expect(fix.correctionOf).toBe(wrong.id);
    expect((await logbook.get(wrong.id))?.text).toBe('Passage prévu mardi.');
    await expect(logbook.append({ clientId: 'cl-2', kind: 'information', text: 'x', correctionOf: wrong.id })).rejects.toThrow(/correctionOf/);
  });

  it('keeps attachments bounded and names the field at fault', async () => {
    store = await openTestStore(lead);
    const logbook = createLogbookRepository(store);
    const small = { name: 'capture.png', type: 'image/png', size: 3, dataUrl: 'data:image/png;base64,AAAA' };
    expect((await logbook.append({ clientId: 'cl-1', kind: 'incident', text: 'Écran bleu', attachments: [small] })).attachments).toHaveLength(1);
    const four = [small, small, small, small];
    await expect(logbook.append({ clientId: 'cl-1', kind: 'incident', text: 'x', attachments: four })).rejects.toThrow(InvalidDocumentError);
    await expect(logbook.append({ clientId: 'cl-1', kind: 'incident', text: 'x', attachments: four })).rejects.toThrow(/attachments/);
    const huge = { ...small, size: 300_000 };
    await expect(logbook.append({ clientId: 'cl-1', kind: 'incident', text: 'x', attachments: [huge] })).rejects.toThrow(/attachments\.0\.size/);
  });

  it('keeps each user’s read marks, never moving back', async () => {
    store = await openTestStore(technician);
    const logbook = createLogbookRepository(store);
    expect(await firstValueFrom(logbook.readMarks$())).toEqual({});
    await Promise.all([logbook.markRead('cl-1', 12), logbook.markRead('cl-2', 4)]);
    await logbook.markRead('cl-1', 7);
    expect(await firstValueFrom(logbook.readMarks$())).toEqual({ 'cl-1': 12, 'cl-2': 4 });
  });
});
