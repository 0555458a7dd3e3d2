import { AppError } from '../core/app-error.ts';
import type { StorageCondition } from '../db/storage-failure.ts';
import type { Store } from '../db/open-database.ts';
import type { CandidateInput } from './candidate.ts';
import { upsertCandidates } from './candidate-store.ts';
import { createDataSource } from '../privacy/data-source-store.ts';
import type { DataSourceInput } from '../privacy/data-source.ts';
import { checkedImportInput, importErrorReason } from './checked-import-input.ts';
import type { ImportRecord } from './import-record.ts';
import type { PreparedCandidate } from './prepared-candidates.ts';
import { storageConditionOf } from '../db/storage-failure.ts';
import { bulkBatchSize, bulkImportAfter, startSqliteBulkImport, type SqliteBulkImport } from './sqlite-bulk-import.ts';

export const defaultBatchSize = 1000;

export interface ImportError {
  line: number;
  reason: string;
}

export interface ImportSummary {
  /** records read (good and bad) */
  records: number;
  /** new candidates */
  imported: number;
  /** existing candidates (or earlier records of the same file) that gained data */
  updated: number;
  /** records that matched a candidate and added nothing (a re-import) */
  unchanged: number;
  /** bad records, each listed in `errors` */
  skipped: number;
  errors: ImportError[];
}

export interface ImportOptions {
  /** records per transaction (default 1000, and bulkBatchSize once a SQLite import is in bulk mode) */
  batchSize?: number;
  /** import time written on new candidates (default: now) */
  now?: string;
  /** the inputs are already normalised (demo data, benchmarks): skip the schema pass */
  normalised?: boolean;
  /** called after each batch is written, with the running totals */
  onBatch?: (summary: Readonly<ImportSummary>) => void;
  /** SQLite: records after which the import switches to bulk settings (default bulkImportAfter) */
  bulkAfter?: number;
  /** the batch writer (default upsertCandidates; tests inject failures through it) */
  upsert?: typeof upsertCandidates;
  /** where the records come from: recorded once (at the first batch written) and linked to every candidate they touch */
  provenance?: DataSourceInput;
}

export function emptyImportSummary(): ImportSummary {
  return { records: 0, imported: 0, updated: 0, unchanged: 0, skipped: 0, errors: [] };
}

const reasonOf = importErrorReason;

/**
 * The streaming import: records -> validate -> batches -> upsertCandidates.
 * Memory holds one batch. Each batch is one transaction; a bad record is
 * skipped and reported with its line and reason, never aborting the rest.
 * If a batch fails as a whole, its records are retried one by one so only the
 * record at fault is skipped (nothing is half-written: each write is a
 * transaction). If every record of a batch then fails, the store itself is
 * failing and the import stops with a storage_error carrying the totals so far.
 *
 * A full disk, a read-only or an unreachable database is not a bad record:
 * the batch is rolled back as a whole, not retried record by record (that
 * saved part of the batch on a full disk), and the import stops with
 * storage_full / storage_read_only / storage_unavailable. The error names
 * the boundary: every record before `details.firstUnsavedLine` was saved or
 * is listed in the summary's errors, nothing from that line on was saved.
 */
export async function importCandidates(
  store: Store,
  workspaceId: string,
  records: AsyncIterable<ImportRecord> | Iterable<ImportRecord>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  let batchSize = Math.max(1, options.batchSize ?? defaultBatchSize);
  const now = options.now ?? new Date().toISOString();
  const upsert = options.upsert ?? upsertCandidates;
  const bulkAfter = options.bulkAfter ?? bulkImportAfter;
  const summary = emptyImportSummary();
  let lines: number[] = [];
  let inputs: Array<CandidateInput | PreparedCandidate> = [];

  const skip = (line: number, reason: string) => {
    summary.skipped++;
    summary.errors.push({ line, reason });
  };
  const count = (outcome: 'imported' | 'updated' | 'unchanged') => {
    summary[outcome]++;
  };

  let source: number | undefined;
  const sourceId = async () => (options.provenance ? (source ??= await createDataSource(store.db, workspaceId, options.provenance, now)) : undefined);

  const flush = async () => {
    if (inputs.length === 0) return;
    const batchLines = lines;
    const batch = inputs;
    lines = [];
    inputs = [];
    try {
      const res = await upsert(store, workspaceId, batch, now, { sourceId: await sourceId() });
      for (const o of res.outcomes) count(o.outcome);
    } catch (batchError) {
      stopOnStorageCondition(batchError, summary, batchLines[0], batchLines[batchLines.length - 1]);
      let failed = 0;
      let lastError: unknown = batchError;
      for (let i = 0; i < batch.length; i++) {
        try {
          const res = await upsert(store, workspaceId, [batch[i]], now, { sourceId: await sourceId() });
          count(res.outcomes[0].outcome);
        } catch (err) {
          // records before this one were saved one by one: the boundary is this record
          stopOnStorageCondition(err, summary, batchLines[i], batchLines[batchLines.length - 1]);
          failed++;
          lastError = err;
          skip(batchLines[i], `could not be stored: ${reasonOf(err)}`);
        }
      }
      if (failed === batch.length && batch.length > 1) {
        throw new AppError('storage_error', `import stopped: the database refused a whole batch (${reasonOf(lastError)})`, { summary: { ...summary } });
      }
    }
    options.onBatch?.(summary);
  };

  // Large imports on SQLite switch to bulk settings part-way (see sqlite-bulk-import.ts).
  let bulk: SqliteBulkImport | undefined;
  const readAll = async () => {
    for await (const r of records) {
      if (!bulk && store.dialect === 'sqlite' && summary.records >= bulkAfter) {
        bulk = await startSqliteBulkImport(store.db);
        if (options.batchSize === undefined) batchSize = bulkBatchSize;
      }
      summary.records++;
      if ('error' in r) {
        skip(r.line, r.error);
        continue;
      }
      if ('prepared' in r) {
        // normalised and checked (checkedImportInput) by the worker that prepared it
        lines.push(r.line);
        inputs.push(r.prepared);
        if (inputs.length >= batchSize) await flush();
        continue;
      }
      const checked = checkedImportInput(r.input, options.normalised === true);
      if ('reason' in checked) {
        skip(r.line, checked.reason);
        continue;
      }
      lines.push(r.line);
      inputs.push(checked.input);
      if (inputs.length >= batchSize) await flush();
    }
    await flush();
  };

  try {
    await readAll();
  } catch (err) {
    // settings restored, index left as it is: the import's own error is the one to report
    await bulk?.finish({ optimize: false }).catch(() => undefined);
    throw err;
  }
  await bulk?.finish({ optimize: true });
  return summary;
}

const storageStops: Record<StorageCondition, string> = {
  storage_full: 'the disk is full; nothing of this batch was saved',
  storage_read_only: 'the database became read-only; nothing of this batch was saved',
  storage_unavailable: 'the database could not be reached; nothing of this batch was saved',
};

/**
 * Ends the import when a write failed because of the storage itself: the
 * failing batch (lines `fromLine`..`toLine`, or from `fromLine` when its
 * first records had been saved one by one) was rolled back whole, and the
 * message says how many records were saved before it.
 */
function stopOnStorageCondition(err: unknown, summary: ImportSummary, fromLine: number, toLine: number): void {
  const condition = storageConditionOf(err);
  if (!condition) return;
  const saved = summary.imported + summary.updated + summary.unchanged;
  throw new AppError(
    condition,
    `${storageStops[condition]} (lines ${fromLine}-${toLine}). ${saved} record${saved === 1 ? '' : 's'} before line ${fromLine} ${saved === 1 ? 'was' : 'were'} saved (${summary.imported} new, ${summary.updated} updated, ${summary.unchanged} unchanged)${summary.skipped ? ` and ${summary.skipped} skipped as bad` : ''}; nothing from line ${fromLine} on. Importing the file again after fixing this is safe: saved records are recognised and left unchanged.`,
    { saved, firstUnsavedLine: fromLine, batch: { fromLine, toLine }, summary: { ...summary, errors: [...summary.errors] } },
  );
}
