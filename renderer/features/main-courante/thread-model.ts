/**
 * The main courante screen's pure part: what a kind is shown as, the search, unread entries
 * and corrections. Entries arrive in thread order (renderer/data/repositories/logbook.ts).
 */
import type { LogbookEntry, LogbookKind } from '../../../shared/schemas';

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
