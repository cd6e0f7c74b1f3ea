/**
 * Parses a JSON request body that is not a synced document (login, refresh, user creation):
 * the rules every input obeys (shared/schemas input-rules.ts: no NUL, no lone surrogate,
 * bounded nesting), then the body's schema. Throws 400 naming the field, e.g.
 * "email: the text contains a NUL character (U+0000)".
 */
import type { z } from 'zod';
import { inputIssue, issuePath } from '../../shared/schemas';
import { badRequest } from '../errors';

export function parseInput<T>(schema: z.ZodType<T>, body: unknown): T {
  const issue = inputIssue(body);
  if (issue) throw badRequest(`${issue.path.length > 0 ? issuePath(issue.path) : 'body'}: ${issue.message}`);
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw badRequest(`${first?.path.join('.') || 'body'}: ${first?.message ?? 'invalid'}`);
}
