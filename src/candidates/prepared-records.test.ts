import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/app-error.ts';
import { checkedImportInput } from './checked-import-input.ts';
import type { ImportRecord } from './import-record.ts';
import { importRecords } from './import-records.ts';
import { candidateColumns } from './candidate-columns.ts';
import { generateDemoCandidates } from './demo-data.ts';
import { preparedInput } from './prepared-candidates.ts';
import { preparedRecords } from './prepared-records.ts';

describe('prepared records from a worker thread', () => {
  it('are the demo profiles, in order, with their line numbers, across blocks', async () => {
    const expected = [...generateDemoCandidates(23, 4)];
    const lines: number[] = [];
    const columns: unknown[] = [];
    for await (const r of preparedRecords({ kind: 'demo', count: 23, seed: 4 }, 'default', { blockSize: 5, ahead: 1 })) {
      if (!('prepared' in r)) throw new Error(`unexpected record ${JSON.stringify(r)}`);
      lines.push(r.line);
      columns.push(candidateColumns(preparedInput(r.prepared)));
    }
    expect(lines).toEqual(expected.map((_, i) => i + 1));
    expect(columns).toEqual(expected.map(candidateColumns));
  });

  it('stop the worker when the reader stops early', async () => {
    let n = 0;
    for await (const _ of preparedRecords({ kind: 'demo', count: 100_000, seed: 1 }, 'default', { blockSize: 10 })) if (++n === 15) break;
    expect(n).toBe(15);
  });

  const dir = mkdtempSync(join(tmpdir(), 'scoutline-prepared-records-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** what the single-thread import does with a file's records: line, then a reason or the stored columns */
  async function expectedOf(records: AsyncIterable<ImportRecord>) {
    const out: Array<{ line: number; error?: string; columns?: unknown }> = [];
    for await (const r of records) {
      if ('error' in r) out.push({ line: r.line, error: r.error });
      else if ('input' in r) {
        const checked = checkedImportInput(r.input, false);
        out.push('reason' in checked ? { line: r.line, error: checked.reason } : { line: r.line, columns: candidateColumns(checked.input) });
      }
    }
    return out;
  }
  async function fromWorker(records: AsyncIterable<ImportRecord>) {
    const out: Array<{ line: number; error?: string; columns?: unknown }> = [];
    for await (const r of records) {
      if ('error' in r) out.push({ line: r.line, error: r.error });
      else if ('prepared' in r) out.push({ line: r.line, columns: candidateColumns(preparedInput(r.prepared)) });
    }
    return out;
  }

  it('read from a file are the records the import reads there, bad ones with their line and reason', async () => {
    const lines = readFileSync(resolve(import.meta.dirname, '../../test/fixtures/jsonresume-40.ndjson'), 'utf8').trimEnd().split('\n');
    lines[19] = '{"basics": {"name": "Broken", ';
    lines[29] = '{"basics": {"label": "nobody"}}';
    lines[34] = '{"basics": {"name": "Bad Date"}, "work": [{"startDate": "someday"}]}';
    const path = join(dir, 'broken.ndjson');
    writeFileSync(path, lines.join('\n'));
    const expected = await expectedOf(importRecords([lines.join('\n')], { format: 'jsonresume', ndjson: true }));
    expect(expected.filter((r) => r.error).map((r) => r.line)).toEqual([20, 30, 35]);
    expect(await fromWorker(preparedRecords({ kind: 'file', path, format: 'jsonresume', ndjson: true }, 'default', { blockSize: 6 }))).toEqual(expected);
  });

  it('read from a CSV file report the column mapping, and a bad --map as the same invalid_input', async () => {
    const text = 'First Name,Last Name,Hobby,Email\nAda,Lovelace,chess,ADA@example.com\n,,,\nGrace,Hopper,,grace@example.com\n';
    const path = join(dir, 'people.csv');
    writeFileSync(path, text);
    let ignored: string[] = [];
    const got = await fromWorker(preparedRecords({ kind: 'file', path, format: 'csv' }, 'default', { onCsvHeader: (m) => (ignored = m.ignored) }));
    expect(got).toEqual(await expectedOf(importRecords([text], { format: 'csv' })));
    expect(ignored).toEqual(['Hobby']);
    const bad = fromWorker(preparedRecords({ kind: 'file', path, format: 'csv', map: ['Nope=name'] }, 'default'));
    await expect(bad).rejects.toSatisfy((e) => isAppError(e) && e.code === 'invalid_input' && /Nope|nope/.test(e.message));
  });
});
