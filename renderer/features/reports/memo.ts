/**
 * Memoisation by input identity. Documents from the local database are immutable: a live query
 * emits new arrays when something changed and the same arrays otherwise, so "same array" means
 * "same data". Aggregates are computed once per (inputs, filter) and reused by every render.
 */

/**
 * Remembers the last result per identity of the first argument (held weakly) and, under it, the
 * results of the last `size` keys. memoByIdentity((facts, key) => …) — `key` must describe every
 * other input (a filter serialised to a string).
 */
export function memoByIdentity<I extends object, R>(
  compute: (input: I, key: string) => R,
  size = 24,
): (input: I, key: string) => R {
  const cache = new WeakMap<I, Map<string, R>>();
  return (input, key) => {
    let results = cache.get(input);
    if (!results) {
      results = new Map();
      cache.set(input, results);
    }
    const hit = results.get(key);
    if (hit !== undefined || results.has(key)) {
      // Most recently used last, so the oldest key goes first.
      results.delete(key);
      results.set(key, hit as R);
      return hit as R;
    }
    const value = compute(input, key);
    results.set(key, value);
    if (results.size > size) {
      const oldest = results.keys().next().value;
      if (oldest !== undefined) results.delete(oldest);
    }
    return value;
  };
}

/** Remembers the result for the last arguments, compared one by one with Object.is. */
export function memoLast<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let lastResult: R;
  return (...args: A) => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((value, i) => Object.is(value, args[i]))) {
      return lastResult;
    }
    lastResult = compute(...args);
    lastArgs = args;
    return lastResult;
  };
}
