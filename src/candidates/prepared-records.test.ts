import { describe, expect, it } from 'vitest';
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
});
