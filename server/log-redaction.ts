/**
 * What an error may say in a log line. Logs leave the server (files, collectors, support
 * tickets), so a log line never carries a request body, an SQL parameter, a token or a hash,
 * whatever the status — and errors are where they hide:
 * - Drizzle's query errors put the SQL text *and its parameters* in their message (a 500 on a
 *   push logged the whole document, a vault entry's cipher; on a user creation, the argon2id
 *   hash), and keep them as `params`;
 * - PostgreSQL's errors quote values in their message and detail ("Key (email)=(…)", "invalid
 *   input syntax for type bigint: "…""), and their `where` shows the JSON being parsed.
 * So an error is logged as its type, its SQLSTATE code, a message with every quoted value
 * blanked, cut to one line, and its stack frames (code locations only) — the same for each
 * error of its `cause` chain. Nothing else of the error object is copied.
 */

/** `stack` holds only the `at …` frames (empty when there are none). */
export type SafeError = { type: string; message: string; stack: string; code?: string; cause?: SafeError };

const MAX_MESSAGE = 300;
const MAX_CAUSES = 4;

/** One line, quoted values blanked: `invalid input syntax for type bigint: "abc"` → `… bigint: "…"`. */
export function redactMessage(message: string): string {
  const line = message.split('\n', 1)[0] ?? '';
  const blanked = line
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/\((?:[^()]|\([^()]*\))*\)=\((?:[^()]|\([^()]*\))*\)/g, '(…)=(…)');
  return blanked.length > MAX_MESSAGE ? `${blanked.slice(0, MAX_MESSAGE)}…` : blanked;
}

function isQueryError(error: object): boolean {
  return 'params' in error || 'query' in error || (error as Error).message?.startsWith('Failed query:') === true;
}

function serialize(error: unknown, depth: number): SafeError {
  if (!(error instanceof Error)) {
    const message = typeof error === 'string' ? redactMessage(error) : 'non-error value thrown';
    return { type: typeof error, message, stack: '' };
  }
  const code = (error as { code?: unknown }).code;
  const safe: SafeError = {
    type: error.constructor?.name || error.name || 'Error',
    // A query error's message is the SQL with its parameters: say only that a query failed.
    message: isQueryError(error) ? 'database query failed' : redactMessage(error.message),
    stack: '',
    ...(typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? { code } : {}),
  };
  safe.stack = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .join('\n');
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined && depth < MAX_CAUSES) safe.cause = serialize(cause, depth + 1);
  return safe;
}

/** pino's `err` serializer for the server's logger. */
export function serializeError(error: unknown): SafeError {
  return serialize(error, 0);
}

/** One line for a plain-text log (standard error before the logger exists). */
export function describeError(error: unknown): string {
  const chain: string[] = [];
  for (let e: SafeError | undefined = serializeError(error); e; e = e.cause) {
    chain.push(`${e.message}${e.code ? ` [${e.code}]` : ''}`);
  }
  return chain.join(' ← ');
}
