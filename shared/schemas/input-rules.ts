/**
 * Rules every value crossing a trust boundary obeys, whatever its schema: every synced document
 * (through `validateDocument`, on the device and on the server alike), a push's assumed master
 * state, and the server's other JSON bodies. A collection added tomorrow gets them for free.
 *
 * - No NUL character (U+0000): PostgreSQL's text and jsonb cannot hold it, so it turned a push
 *   or a login into a 500.
 * - No lone UTF-16 surrogate: it is not a Unicode character; PostgreSQL refuses it, and a device
 *   that accepted it would retry the batch holding it for ever.
 * - At most MAX_NESTING_DEPTH objects and arrays deep: comparisons and canonical JSON recurse,
 *   and a value 100,000 levels deep overflowed the stack. The walk below stops at the bound, so
 *   it never recurses deeper than that itself.
 * - Optionally, at most `maxTextBytes` of text (UTF-8 bytes of every string and member name).
 *
 * Member names are held to the same character rules as strings.
 */

/** Deepest nesting of objects and arrays accepted (a document itself is level 1). */
export const MAX_NESTING_DEPTH = 16;

export type InputIssue = { path: (string | number)[]; message: string };

// NUL is what these rules look for.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
/** Anything but printable ASCII, tab and line ends: such text is one byte a character. */
const NOT_PLAIN_ASCII = /[^ -~\t\n\r]/;

/** Why the string breaks the character rules, or null. */
export function textIssue(text: string): string | null {
  if (!SUSPECT.test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'contains a NUL character (U+0000)';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'contains a lone UTF-16 surrogate (not a Unicode character)';
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return 'contains a lone UTF-16 surrogate (not a Unicode character)';
    }
  }
  return null;
}

/** UTF-8 length of a well-formed string. */
export function utf8Bytes(text: string): number {
  if (!NOT_PLAIN_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The first place where `value` breaks the rules above, or null. inputIssue({ a: 'x\u0000' })
 * → { path: ['a'], message: 'contains a NUL character (U+0000)' }.
 */
export function inputIssue(
  value: unknown,
  options: { maxDepth?: number; maxTextBytes?: number } = {},
): InputIssue | null {
  const maxDepth = options.maxDepth ?? MAX_NESTING_DEPTH;
  const maxTextBytes = options.maxTextBytes ?? Number.POSITIVE_INFINITY;
  let textBytes = 0;
  const path: (string | number)[] = [];

  const visitText = (text: string, what: string): InputIssue | null => {
    const issue = textIssue(text);
    if (issue) return { path: [...path], message: `${what} ${issue}` };
    textBytes += utf8Bytes(text);
    if (textBytes > maxTextBytes) {
      return { path: [], message: `the document's text is larger than ${maxTextBytes} bytes` };
    }
    return null;
  };

  const visit = (node: unknown, depth: number): InputIssue | null => {
    if (typeof node === 'string') return visitText(node, 'the text');
    if (node === null || typeof node !== 'object') return null;
    if (depth > maxDepth) return { path: [...path], message: `nested more than ${maxDepth} levels deep` };
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        const issue = visit(node[i], depth + 1);
        path.pop();
        if (issue) return issue;
      }
      return null;
    }
    for (const [key, child] of Object.entries(node)) {
      path.push(key);
      const issue = visitText(key, 'the member name') ?? visit(child, depth + 1);
      path.pop();
      if (issue) return issue;
    }
    return null;
  };

  return visit(value, 1);
}

/** `a.b.0.c`, or `(document)` for the value itself; member names that break the rules are not echoed. */
export function issuePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(document)';
  return path
    .map((part) => (typeof part === 'string' && textIssue(part) !== null ? '(invalid name)' : String(part)))
    .join('.');
}
