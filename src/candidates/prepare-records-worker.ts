import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { generateDemoCandidates } from './demo-data.ts';
import type { CandidateInput } from './candidate.ts';
import { checkedImportInput } from './checked-import-input.ts';
import { importRecords } from './import-records.ts';
import { packedTransfers, packPreparedBatch, prepareCandidates } from './prepared-candidates.ts';
import type { PrepareRecordsJob, PreparedRecordsMessage } from './prepared-records.ts';

/**
 * Worker thread entry (started by preparedRecords): reads or builds the
 * records of a job in blocks, checks and prepares each block for storage and
 * posts it in order; it never runs more than `ahead` blocks in front of what
 * the importing thread asked for.
 */
const job = workerData as PrepareRecordsJob;
const port = parentPort!;
let credits = job.ahead;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits++;
  wake?.();
});

const post = (message: PreparedRecordsMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function send(block: CandidateInput[], lines: number[], errors: Array<string | null>, bytes: number): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  const batch = packPreparedBatch(prepareCandidates(block, job.workspaceId));
  post({ type: 'block', lines, errors, bytes, batch }, packedTransfers(batch));
}

async function runDemo(count: number, seed: number): Promise<void> {
  const source = generateDemoCandidates(count, seed)[Symbol.iterator]();
  let line = 0;
  for (;;) {
    const block: CandidateInput[] = [];
    while (block.length < job.blockSize) {
      const r = source.next();
      if (r.done) break;
      block.push(r.value);
    }
    if (block.length === 0) return;
    const lines = block.map(() => ++line);
    await send(block, lines, [], 0);
  }
}

async function runFile(source: Extract<PrepareRecordsJob['source'], { kind: 'file' }>): Promise<void> {
  let bytes = 0;
  const input = createReadStream(source.path, { highWaterMark: 1 << 20 });
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  const records = importRecords(counted(), {
    format: source.format,
    map: source.map,
    ndjson: source.ndjson,
    source: source.source,
    encoding: source.encoding,
    maxRecordChars: source.maxRecordChars,
    onCsvHeader: (mapping, headers) => post({ type: 'csvHeader', mapping, headers }),
    onEncoding: (encoding) => post({ type: 'encoding', encoding }),
  });
  let block: CandidateInput[] = [];
  let lines: number[] = [];
  let errors: Array<string | null> = [];
  for await (const r of records) {
    lines.push(r.line);
    if ('error' in r) errors.push(r.error);
    else {
      const checked = 'input' in r ? checkedImportInput(r.input, false) : { reason: 'unexpected prepared record' };
      if ('reason' in checked) errors.push(checked.reason);
      else {
        errors.push(null);
        block.push(checked.input);
      }
    }
    if (lines.length >= job.blockSize) {
      await send(block, lines, errors, bytes);
      block = [];
      lines = [];
      errors = [];
    }
  }
  if (lines.length) await send(block, lines, errors, bytes);
}

const { source } = job;
(source.kind === 'demo' ? runDemo(source.count, source.seed) : runFile(source))
  .then(() => post({ type: 'end' }))
  .catch((err: unknown) => {
    const e = err as { code?: string; message?: string; details?: unknown };
    post({ type: 'error', code: e.code ?? 'internal', message: e.message ?? String(err), details: e.details });
  });
