/**
 * Canonical JSON: object keys sorted at every depth, so two documents equal by value compare
 * equal as strings whatever their key order (devices, PostgreSQL's jsonb and JavaScript all
 * order keys differently). Values that JSON drops (`undefined`) are dropped here too.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const inner = (value as Record<string, unknown>)[key];
    if (inner !== undefined) sorted[key] = sortKeys(inner);
  }
  return sorted;
}

/** Two JSON values equal by value (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
