import { describe, expect, it } from 'vitest';
import { describeError, redactMessage, serializeError } from './log-redaction';

describe('error log lines', () => {
  it('say a query failed, never its SQL parameters', () => {
    const cause = Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' });
    const query = Object.assign(
      new Error('Failed query: insert into accounts values ($1, $2)\nparams: u-1,$argon2id$v=19$secret'),
      {
        query: 'insert into accounts values ($1, $2)',
        params: ['u-1', '$argon2id$v=19$secret'],
        cause,
      },
    );
    const safe = serializeError(query);
    expect(JSON.stringify(safe)).not.toMatch(/argon2id|insert into/);
    expect(safe).toMatchObject({
      message: 'database query failed',
      cause: { message: 'canceling statement due to lock timeout', code: '55P03' },
    });
    expect(safe.stack).toMatch(/^\s+at /);
    expect(describeError(query)).toBe('database query failed ← canceling statement due to lock timeout [55P03]');
  });

  it('blank the values PostgreSQL quotes in its messages', () => {
    expect(redactMessage('invalid input syntax for type bigint: "s3cr3t"')).toBe(
      'invalid input syntax for type bigint: "…"',
    );
    expect(redactMessage('Key (email)=(boss@example.fr) already exists.')).toBe('Key (…)=(…) already exists.');
    expect(redactMessage("value 'hunter2' is wrong\nDETAIL: hunter2")).toBe("value '…' is wrong");
  });
});
