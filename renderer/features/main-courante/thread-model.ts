/**
 * The main courante screen's pure part: what a kind is shown as, the search, unread entries
 * corrections and reading receipts. Entries arrive in thread order (renderer/data/repositories/logbook.ts).
 */
import type { LogbookEntry, LogbookKind, Receipt } from '../../../shared/schemas';

/** Kinds of schema version 0 are shown as the kind that replaced them. */
export function shownKind(kind: LogbookKind): Exclude<LogbookKind, 'note' | 'call' | 'visit'> {
  switch (kind) {
    case 'note':
      return 'information';
    case 'call':
      return 'request';
    case 'visit':
      return 'intervention';
    default:
      return kind;
  }
}

/** Lower case without accents: "Réseau" and "reseau" match. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The entries matching every word of `query` in their text, author, kind label, ticket
 * reference or attachment names. searchEntries(entries, 'onduleur julie', …) → Julie's entries
 * that mention the UPS.
 */
export function searchEntries(
  entries: readonly LogbookEntry[],
  query: string,
  describe: (entry: LogbookEntry) => string,
): LogbookEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const haystack = fold(
      [entry.text, entry.authorName, describe(entry), ...(entry.attachments ?? []).map((a) => a.name)].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** Entries others wrote that reached the server after the user's read mark. */
export function unreadEntries(entries: readonly LogbookEntry[], mark: number | undefined, me: string): LogbookEntry[] {
  return entries.filter((e) => e.serverSeq !== undefined && e.serverSeq > (mark ?? -1) && e.authorId !== me);
}

/** The highest server sequence of a thread (what reading it to the end marks as read). */
export function lastSeq(entries: readonly LogbookEntry[]): number | undefined {
  let max: number | undefined;
  for (const e of entries) if (e.serverSeq !== undefined && (max === undefined || e.serverSeq > max)) max = e.serverSeq;
  return max;
}

/** For each entry, the entries that correct it, in thread order. */
export function correctionsByEntry(entries: readonly LogbookEntry[]): Map<string, LogbookEntry[]> {
  const map = new Map<string, LogbookEntry[]>();
  for (const e of entries) {
    if (e.correctionOf) map.set(e.correctionOf, [...(map.get(e.correctionOf) ?? []), e]);
  }
  return map;
}

/** Unread counts per client, for the list of threads. */
export function unreadByClient(
  entries: readonly LogbookEntry[],
  marks: Readonly<Record<string, number>>,
  me: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) {
    if (e.serverSeq !== undefined && e.serverSeq > (marks[e.clientId] ?? -1) && e.authorId !== me) {
      counts.set(e.clientId, (counts.get(e.clientId) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Where each reading receipt sits in the thread: the last entry the account had seen (the
 * highest `serverSeq` not beyond its `readUpTo`). Entries not yet on the server have no place in
 * its order, so they are never counted as read; a receipt older than every entry has no place.
 */
export function receiptsByEntry(
  entries: readonly LogbookEntry[],
  receipts: readonly Receipt[],
): Map<string, Receipt[]> {
  const placed = new Map<string, Receipt[]>();
  for (const receipt of receipts) {
    let last: LogbookEntry | undefined;
    for (const entry of entries) {
      if (entry.serverSeq === undefined || entry.serverSeq > receipt.readUpTo) continue;
      if (!last || entry.serverSeq > (last.serverSeq ?? -1)) last = entry;
    }
    if (last) placed.set(last.id, [...(placed.get(last.id) ?? []), receipt]);
  }
  return placed;
}
