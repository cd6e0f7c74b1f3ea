import { describe, expect, it } from 'vitest';
import type { LogbookEntry, Receipt } from '../../../shared/schemas';
import { furthestPerAccount } from '../../data/repositories/logbook';
import { attachmentProblem, mimeOf } from './attachments';
import {
  correctionsByEntry,
  lastSeq,
  receiptsByEntry,
  searchEntries,
  shownKind,
  unreadByClient,
  unreadEntries,
} from './thread-model';

const entry = (id: string, extra: Partial<LogbookEntry> = {}): LogbookEntry => ({
  id,
  updatedAt: '2026-11-27T09:00:00.000Z',
  clientId: 'cl-1',
  authorId: 'u-other',
  authorName: 'Thomas Bernard',
  at: '2026-11-27T09:00:00.000Z',
  kind: 'information',
  text: id,
  internal: false,
  ...extra,
});

const receipt = (userId: string, readUpTo: number): Receipt => ({
  id: `rc-${userId}-${readUpTo}`,
  updatedAt: '2026-11-27T10:00:00.000Z',
  clientId: 'cl-1',
  userId,
  userName: userId === 'u-a' ? 'Hélène Durand' : 'Bruno Adam',
  readUpTo,
  readAt: '2026-11-27T10:00:00.000Z',
});

describe('reading receipts', () => {
  it('sit under the last entry the account had seen, never under one not yet on the server', () => {
    const entries = [
      entry('a', { serverSeq: 3 }),
      entry('b', { serverSeq: 7 }),
      entry('c', { serverSeq: 12 }),
      entry('unsent'),
    ];
    const placed = receiptsByEntry(entries, [receipt('u-a', 7), receipt('u-b', 11), receipt('u-c', 2)]);
    expect([...placed.entries()].map(([id, list]) => [id, list.map((r) => r.userId)])).toEqual([['b', ['u-a', 'u-b']]]);
    expect(receiptsByEntry(entries, [receipt('u-a', 99)]).get('c')?.[0]?.readUpTo).toBe(99);
  });

  it('count the furthest of an account’s receipts (two devices offline each wrote one)', () => {
    const furthest = furthestPerAccount([receipt('u-a', 4), receipt('u-b', 1), receipt('u-a', 9), receipt('u-a', 2)]);
    expect(furthest.map((r) => [r.userName, r.readUpTo])).toEqual([
      ['Bruno Adam', 1],
      ['Hélène Durand', 9],
    ]);
  });
});

describe('main courante thread', () => {
  it('shows the kinds of the first schema as the kinds that replaced them', () => {
    expect(['note', 'call', 'visit', 'incident'].map((k) => shownKind(k as LogbookEntry['kind']))).toEqual([
      'information',
      'request',
      'intervention',
      'incident',
    ]);
  });

  it('searches every word, without caring for accents or case', () => {
    const entries = [
      entry('a', { text: 'Remplacement de l’onduleur du réseau' }),
      entry('b', { text: 'Onduleur OK', authorName: 'Julie Martin' }),
      entry('c', {
        text: 'Rien',
        attachments: [
          { name: 'Facture-onduleur.pdf', type: 'application/pdf', size: 1, dataUrl: 'data:application/pdf;base64,' },
        ],
      }),
    ];
    const describe = () => 'Information';
    expect(searchEntries(entries, 'ONDULEUR reseau', describe).map((e) => e.id)).toEqual(['a']);
    expect(searchEntries(entries, 'onduleur', describe).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(searchEntries(entries, 'julie', describe).map((e) => e.id)).toEqual(['b']);
    expect(searchEntries(entries, '  ', describe)).toHaveLength(3);
  });

  it('marks as new what others wrote after the read mark, never one’s own or unsynced entries', () => {
    const entries = [
      entry('old', { serverSeq: 5 }),
      entry('new', { serverSeq: 9 }),
      entry('mine', { serverSeq: 10, authorId: 'u-me' }),
      entry('pending'),
      entry('other-client', { serverSeq: 11, clientId: 'cl-2' }),
    ];
    expect(unreadEntries(entries.slice(0, 4), 5, 'u-me').map((e) => e.id)).toEqual(['new']);
    expect(unreadEntries(entries.slice(0, 4), undefined, 'u-me').map((e) => e.id)).toEqual(['old', 'new']);
    expect(lastSeq(entries.slice(0, 4))).toBe(10);
    expect(unreadByClient(entries, { 'cl-1': 5 }, 'u-me')).toEqual(
      new Map([
        ['cl-1', 1],
        ['cl-2', 1],
      ]),
    );
  });

  it('links each entry to the entries correcting it', () => {
    const map = correctionsByEntry([entry('a'), entry('b', { correctionOf: 'a' }), entry('c', { correctionOf: 'a' })]);
    expect(map.get('a')?.map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('refuses a fourth attachment or a file over 200 kB, naming it', () => {
    const file = (name: string, size: number) => ({ name, size, type: 'image/png' });
    expect(attachmentProblem([], [file('a.png', 1000)])).toBeNull();
    expect(attachmentProblem([], [file('a', 1), file('b', 1), file('c', 1), file('d', 1)])).toEqual({
      kind: 'too_many',
      max: 3,
    });
    expect(attachmentProblem([], [file('photo.jpg', 200_001)])).toEqual({
      kind: 'too_large',
      name: 'photo.jpg',
      maxKb: 200,
    });
    expect(mimeOf({ name: 'x', size: 1, type: '' })).toBe('application/octet-stream');
  });
});
