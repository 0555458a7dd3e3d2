import { AppError } from '../core/app-error.ts';
import type { ErrorCode } from '../core/error-codes.ts';
import { errorCodes } from '../core/error-codes.ts';
import { startTsWorker } from '../core/start-ts-worker.ts';
import type { ImportRecord } from './import-record.ts';
import { preparedCandidatesOf, unpackPreparedBatch, type PackedCandidateBatch } from './prepared-candidates.ts';

/** What a prepare-records worker builds: for now the demo profiles of the benchmark. */
export type PrepareRecordsSource = { kind: 'demo'; count: number; seed: number };

export interface PrepareRecordsJob {
  source: PrepareRecordsSource;
  workspaceId: string;
  /** records per posted block */
  blockSize: number;
  /** blocks the worker may build before the importing thread asks for them */
  ahead: number;
}

export type PreparedRecordsMessage =
  | { type: 'block'; firstLine: number; batch: PackedCandidateBatch }
  | { type: 'end' }
  | { type: 'error'; code: string; message: string; details?: unknown };

export interface PreparedRecordsOptions {
  blockSize?: number;
  ahead?: number;
  /** called with the milliseconds the importing thread waited for each block */
  onWait?: (ms: number) => void;
}

/**
 * The records of `source`, built and prepared for storage (prepared-candidates.ts)
 * on a worker thread, in order with their line numbers, while the calling thread
 * stores the previous ones. Memory holds at most `ahead` + 1 blocks. Stopping
 * early (break, or an error in the consumer) ends the worker.
 */
export async function* preparedRecords(source: PrepareRecordsSource, workspaceId: string, options: PreparedRecordsOptions = {}): AsyncGenerator<ImportRecord> {
  const job: PrepareRecordsJob = { source, workspaceId, blockSize: options.blockSize ?? 5000, ahead: options.ahead ?? 3 };
  const worker = startTsWorker(new URL('./prepare-records-worker.ts', import.meta.url), job);
  const queue: PreparedRecordsMessage[] = [];
  let failure: unknown;
  let wake: (() => void) | undefined;
  worker.on('message', (m: PreparedRecordsMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (err) => {
    failure = err;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new AppError('internal', `the import's worker thread stopped (exit ${code})`);
    wake?.();
  });
  try {
    for (;;) {
      const t = performance.now();
      while (queue.length === 0 && failure === undefined) await new Promise<void>((resolve) => (wake = resolve));
      options.onWait?.(performance.now() - t);
      const m = queue.shift();
      if (!m) throw failure;
      if (m.type === 'end') return;
      if (m.type === 'error') throw new AppError((m.code in errorCodes ? m.code : 'internal') as ErrorCode, m.message, m.details as Record<string, unknown> | undefined);
      worker.postMessage('next');
      const prepared = preparedCandidatesOf(unpackPreparedBatch(m.batch));
      for (let i = 0; i < prepared.length; i++) yield { line: m.firstLine + i, prepared: prepared[i] };
    }
  } finally {
    await worker.terminate();
  }
}
