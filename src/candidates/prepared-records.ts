import { AppError } from '../core/app-error.ts';
import type { ErrorCode } from '../core/error-codes.ts';
import { errorCodes } from '../core/error-codes.ts';
import { startTsWorker } from '../core/start-ts-worker.ts';
import type { CsvMapping } from './csv-mapping.ts';
import type { ImportEncoding } from './import-encoding.ts';
import type { ImportFormat, ImportRecord } from './import-record.ts';
import type { RecordsOptions } from './import-records.ts';
import { preparedCandidatesOf, unpackPreparedBatch, type PackedCandidateBatch } from './prepared-candidates.ts';
import { bulkBatchSize } from './sqlite-bulk-import.ts';

/**
 * Records per posted block. Small blocks keep what the worker holds at once
 * small, so what it builds dies young: with blocks of 5,000 a third of the
 * worker's time went to garbage collection of blocks promoted to the old
 * generation (200k demo profiles: 8.9 s CPU with blocks of 5,000 and a 16 MiB
 * semi-space, 5.5 s with blocks of 500 and a 64 MiB one).
 */
const defaultBlockSize = 500;

/**
 * The worker's young generation (V8 gives a thread ~3 times the semi-space):
 * large enough that a block's values are dead before a scavenge copies them.
 */
const workerYoungGenerationMb = 192;

/** Files (and request bodies) at least this large are read and prepared on a worker thread on SQLite: starting the worker costs ~0.4 s. */
export const workerImportMinBytes = 16 * 1024 * 1024;

/** What a prepare-records worker reads: a file to import (as `importRecords` reads it), or the benchmark's demo profiles. */
export type PrepareRecordsSource =
  | { kind: 'file'; path: string; format: ImportFormat; map?: string[]; ndjson?: boolean; source?: string; encoding?: string; maxRecordChars?: number }
  | { kind: 'demo'; count: number; seed: number };

export interface PrepareRecordsJob {
  source: PrepareRecordsSource;
  workspaceId: string;
  /** records per posted block */
  blockSize: number;
  /** blocks the worker may build before the importing thread asks for them */
  ahead: number;
}

export type PreparedRecordsMessage =
  /** records in order: `lines[i]` is a bad record when `errors[i]` is a reason, else the next candidate of `batch` (no errors: all are) */
  | { type: 'block'; lines: number[]; errors: Array<string | null>; bytes: number; batch: PackedCandidateBatch }
  | { type: 'csvHeader'; mapping: CsvMapping; headers: string[] }
  | { type: 'encoding'; encoding: ImportEncoding }
  | { type: 'end' }
  | { type: 'error'; code: string; message: string; details?: unknown };

export interface PreparedRecordsOptions {
  blockSize?: number;
  ahead?: number;
  /** called with the milliseconds the importing thread waited for each block */
  onWait?: (ms: number) => void;
  /** file sources: bytes of the file read so far, after each block */
  onBytes?: (bytes: number) => void;
  /** CSV files: the resolved column mapping and the header */
  onCsvHeader?: (mapping: CsvMapping, headers: string[]) => void;
  /** file sources: the character encoding the file was read with, once known */
  onEncoding?: (encoding: ImportEncoding) => void;
}

/**
 * The records of `source`, read or built, checked (checkedImportInput: bad records
 * come as their line and reason) and prepared for storage (prepared-candidates.ts)
 * on a worker thread, in order with their line numbers, while the calling thread
 * stores the previous ones. Memory holds at most `ahead` + 1 blocks. Stopping
 * early (break, or an error in the consumer) ends the worker.
 */
export async function* preparedRecords(source: PrepareRecordsSource, workspaceId: string, options: PreparedRecordsOptions = {}): AsyncGenerator<ImportRecord> {
  const blockSize = options.blockSize ?? defaultBlockSize;
  // The importing thread takes a whole batch before it writes: the worker may build the next one meanwhile.
  const ahead = options.ahead ?? Math.ceil(bulkBatchSize / blockSize) + 1;
  const job: PrepareRecordsJob = { source, workspaceId, blockSize, ahead };
  const worker = startTsWorker(new URL('./prepare-records-worker.ts', import.meta.url), job, { maxYoungGenerationSizeMb: workerYoungGenerationMb });
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
      if (m.type === 'csvHeader') {
        options.onCsvHeader?.(m.mapping, m.headers);
        continue;
      }
      if (m.type === 'encoding') {
        options.onEncoding?.(m.encoding);
        continue;
      }
      if (m.type === 'error') throw new AppError((m.code in errorCodes ? m.code : 'internal') as ErrorCode, m.message, m.details as Record<string, unknown> | undefined);
      worker.postMessage('next');
      options.onBytes?.(m.bytes);
      const prepared = preparedCandidatesOf(unpackPreparedBatch(m.batch));
      let k = 0;
      for (let i = 0; i < m.lines.length; i++) {
        const error = m.errors[i] ?? null;
        yield error === null ? { line: m.lines[i], prepared: prepared[k++] } : { line: m.lines[i], error };
      }
    }
  } finally {
    await worker.terminate();
  }
}

/** A file's records read, checked and prepared on the worker, with the options `importRecords` takes for the same file. */
export function preparedFileRecords(path: string, options: RecordsOptions, workspaceId: string, onBytes?: (bytes: number) => void): AsyncGenerator<ImportRecord> {
  const { format, map, ndjson, source, onCsvHeader, encoding, onEncoding, maxRecordChars } = options;
  return preparedRecords({ kind: 'file', path, format, map: map ? [...map] : undefined, ndjson, source, encoding, maxRecordChars }, workspaceId, { onCsvHeader, onBytes, onEncoding });
}
