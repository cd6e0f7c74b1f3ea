/**
 * The JSON a ticket's history keeps of a field's value (previous and new, or the version that
 * lost a merge). A history entry holds at most HISTORY_VALUE_MAX characters of it while a
 * description may hold 20,000: a longer value is kept as the string of its beginning with a
 * note of its length, so editing (or merging) a long description never makes the ticket
 * invalid — the trace says who changed it and when, and the ticket holds the value itself.
 */
export const HISTORY_VALUE_MAX = 10_000;

export function traceValue(value: unknown): string {
  const json = JSON.stringify(value ?? null);
  if (json.length <= HISTORY_VALUE_MAX) return json;
  const text = typeof value === 'string' ? value : json;
  const note = ` … [${text.length} caractères, tronqué]`;
  let keep = HISTORY_VALUE_MAX - note.length - 2;
  for (;;) {
    // Never cut a surrogate pair in two: a lone surrogate is refused (input-rules.ts).
    const code = text.charCodeAt(keep - 1);
    const end = code >= 0xd800 && code <= 0xdbff ? keep - 1 : keep;
    const cut = JSON.stringify(`${text.slice(0, end)}${note}`);
    if (cut.length <= HISTORY_VALUE_MAX) return cut;
    // Escapes (quotes, line ends) made it longer than its characters: keep less.
    keep = Math.floor(keep * 0.8);
  }
}
