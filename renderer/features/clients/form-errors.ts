/**
 * Schema errors as form errors: every zod issue of a document becomes a message key on the path
 * of the field it concerns ('contacts.0.email'), so a form shows each error beside its field in
 * the user's language instead of the schema's English sentence.
 */
import type { z } from 'zod';

export type FieldError = { key: string; params?: Record<string, number | string> };
export type FormErrors = Record<string, FieldError>;

// Messages of the shared schemas' own refinements, by their English text.
const CUSTOM: Record<string, string> = {
  'the first price must apply from startDate': 'firstPrice',
  'price steps must be in date order': 'pricesOrder',
};

function errorOf(issue: z.core.$ZodIssue): FieldError {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { key: 'required' };
      if (issue.origin === 'array') return { key: 'atLeast', params: { min: Number(issue.minimum) } };
      return { key: 'min', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? { key: 'tooLong', params: { max: Number(issue.maximum) } }
        : { key: 'max', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return { key: issue.expected === 'number' || issue.expected === 'int' ? 'number' : 'required' };
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'email' };
      if (issue.format === 'date') return { key: 'day' };
      if (issue.message.includes('phone')) return { key: 'phone' };
      if (issue.message.includes('euros')) return { key: 'money' };
      return { key: 'format' };
    case 'custom':
      return { key: CUSTOM[issue.message] ?? 'invalid', params: { message: issue.message } };
    default:
      return { key: 'invalid', params: { message: issue.message } };
  }
}

/** The first error of each field path, from a failed safeParse. */
export function formErrors(error: z.ZodError, prefix: readonly PropertyKey[] = []): FormErrors {
  const out: FormErrors = {};
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path].map(String).join('.');
    if (!(path in out)) out[path] = errorOf(issue);
  }
  return out;
}

/** "25,50" or "25.5" → "25.50"-like text the money schema reads; other text is left for it to refuse. */
export function moneyInput(value: string): string {
  const text = value.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(text) ? text : value.trim();
}

/** A whole number typed in a field, or NaN (which the schema names as "a number"). */
export function integerInput(value: string): number {
  const text = value.trim();
  return /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** Optional text: absent when blank, trimmed otherwise. */
export function optional(value: string): string | undefined {
  const text = value.trim();
  return text === '' ? undefined : text;
}
