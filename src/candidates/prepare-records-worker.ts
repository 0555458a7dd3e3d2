import { parentPort, workerData } from 'node:worker_threads';
import { generateDemoCandidates } from './demo-data.ts';
import type { CandidateInput } from './candidate.ts';
import { packPreparedBatch, prepareCandidates } from './prepared-candidates.ts';
import type { PrepareRecordsJob, PreparedRecordsMessage } from './prepared-records.ts';

/**
 * Worker thread entry (started by preparedRecords): builds the records of a
 * job in blocks, prepares each block for storage and posts it; it never runs
 * more than `ahead` blocks in front of what the importing thread asked for.
 */
const job = workerData as PrepareRecordsJob;
const port = parentPort!;
let credits = job.ahead;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits++;
  wake?.();
});

const post = (message: PreparedRecordsMessage) => port.postMessage(message);

async function run(): Promise<void> {
  const source = generateDemoCandidates(job.source.count, job.source.seed)[Symbol.iterator]();
  let line = 0;
  for (;;) {
    const block: CandidateInput[] = [];
    while (block.length < job.blockSize) {
      const r = source.next();
      if (r.done) break;
      block.push(r.value);
    }
    if (block.length === 0) break;
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    const batch = packPreparedBatch(prepareCandidates(block, job.workspaceId));
    port.postMessage({ type: 'block', firstLine: line + 1, batch } satisfies PreparedRecordsMessage, 'numbers' in batch ? [batch.numbers.buffer as ArrayBuffer] : []);
    line += block.length;
  }
  post({ type: 'end' });
}

run().catch((err: unknown) => {
  const e = err as { code?: string; message?: string; details?: unknown };
  post({ type: 'error', code: e.code ?? 'internal', message: e.message ?? String(err), details: e.details });
});
