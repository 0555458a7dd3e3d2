import { describe, expect, it } from 'vitest';
import { internalErrorLog } from './error-response.ts';

describe('internalErrorLog', () => {
  it('prints class, driver code, a redacted message and the frames, never the values a database error carries', () => {
    // the shape of a pg unique violation: the row's values are in detail and parameters
    const err = Object.assign(new Error('duplicate key value violates unique constraint "candidate_emails_pkey" for grace@example.org'), {
      code: '23505',
      detail: 'Key (workspace_id, email)=(default, grace@example.org) already exists.',
      parameters: ['Grace Hopper', 'grace@example.org'],
    });
    const out = internalErrorLog(err);
    expect(out).toMatch(/^internal error: Error \[23505\]: duplicate key value violates unique constraint "candidate_emails_pkey" for \[email\]/);
    expect(out).toMatch(/\n\s+at /);
    expect(out).not.toContain('grace@example.org');
    expect(out).not.toContain('Grace Hopper');
    expect(out).not.toContain('already exists');
  });

  it('handles causes and non-errors', () => {
    const out = internalErrorLog(new Error('outer', { cause: new TypeError('inner sl_tok_secret123') }));
    expect(out).toContain('caused by internal error: TypeError: inner sl_tok_[redacted]');
    expect(internalErrorLog('boom ada@example.com')).toBe('internal error: boom [email]');
  });
});
