import { describe, expect, it } from 'vitest';
import { exitStatusFor } from '../core/error-codes.ts';
import { runScoutline } from './cli-process.ts';

describe('scoutline option values', () => {
  it('refuses a malformed number with the invalid_input exit status and one line, not a stack trace', async () => {
    const run = await runScoutline(['search', '--limit', 'x', 'engineer']);
    expect(run.code).toBe(exitStatusFor('invalid_input'));
    expect(run.stderr.trim()).toBe("scoutline: invalid_input: --limit expects a whole number, got 'x'");
  }, 60_000);
});
