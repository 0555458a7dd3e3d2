import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { storageConditionOf, storageFailureOf } from './storage-failure.ts';
import { freePort } from './throwaway-postgres.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const sqlState = (cls: string) => fc.stringMatching(/^[0-9A-Z]{3}$/).map((rest) => `${cls}${rest}`);

describe('storageConditionOf', () => {
  it('every SQLSTATE of class 08 and the shutdown / start-up states are storage_unavailable, whatever the message', () => {
    fc.assert(
      fc.property(fc.oneof(sqlState('08'), fc.constantFrom('57P01', '57P02', '57P03', '53300')), fc.string(), (code, message) => {
        expect(storageConditionOf(withCode(code, message))).toBe('storage_unavailable');
      }),
    );
  });

  it('constraint, syntax and data errors are not storage conditions (they stay what they are)', () => {
    const notStorage = fc.oneof(sqlState('22'), sqlState('23'), sqlState('42'), sqlState('40'), fc.constantFrom('SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'ERR_INVALID_ARG_TYPE'));
    fc.assert(
      fc.property(notStorage, fc.string(), (code, message) => {
        expect(storageConditionOf(withCode(code, message))).toBeNull();
      }),
    );
  });

  it('full disk, read-only and busy on both drivers', () => {
    expect(storageConditionOf(withCode('SQLITE_FULL', 'database or disk is full'))).toBe('storage_full');
    expect(storageConditionOf(withCode('53100', 'could not extend file'))).toBe('storage_full');
    expect(storageConditionOf(withCode('ENOSPC'))).toBe('storage_full');
    for (const c of ['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_DBMOVED', '25006', 'EROFS']) expect(storageConditionOf(withCode(c))).toBe('storage_read_only');
    expect(storageConditionOf(withCode('SQLITE_BUSY', 'database is locked'))).toBe('storage_unavailable');
  });

  it("pg's own connection errors without a code, and errors wrapped as cause or inside an AggregateError", () => {
    expect(storageConditionOf(new Error('Connection terminated unexpectedly'))).toBe('storage_unavailable');
    expect(storageConditionOf(new Error('Client has encountered a connection error and is not queryable'))).toBe('storage_unavailable');
    expect(storageConditionOf(new Error('timeout exceeded when trying to connect'))).toBe('storage_unavailable');
    expect(storageConditionOf(new Error('outer', { cause: withCode('ECONNREFUSED') }))).toBe('storage_unavailable');
    expect(storageConditionOf(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], ''))).toBe('storage_unavailable');
    // a message that merely mentions a connection is not enough when the driver gave a code
    expect(storageConditionOf(withCode('23505', 'Connection terminated'))).toBeNull();
    expect(storageConditionOf('Connection terminated')).toBeNull();
  });

  it('a real refused PostgreSQL connection is storage_unavailable, answered without the driver message', async () => {
    const port = await freePort();
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/x` });
    const err = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(storageConditionOf(err)).toBe('storage_unavailable');
    const app = storageFailureOf(err);
    expect(app?.toJSON()).toEqual({ error: { code: 'storage_unavailable', message: 'the database cannot be reached just now; try again shortly', details: { reason: 'ECONNREFUSED' } } });
  });
});
