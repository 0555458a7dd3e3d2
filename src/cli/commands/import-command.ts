import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { AppError } from '../../core/app-error.ts';
import { defaultBatchSize, importCandidates, type ImportSummary } from '../../candidates/import-candidates.ts';
import { describeEncoding, encodingName, sniffText, type ImportEncoding } from '../../candidates/import-encoding.ts';
import { detectImportFormat, importRecords } from '../../candidates/import-records.ts';
import type { CsvMapping } from '../../candidates/csv-mapping.ts';
import { preparedFileRecords, workerImportMinBytes } from '../../candidates/prepared-records.ts';
import { bulkBatchSize, bulkImportAfter } from '../../candidates/sqlite-bulk-import.ts';
import { auditCli, localCliActor } from '../cli-audit.ts';
import { importFileName } from '../../privacy/data-source.ts';
import { action, dbOption, defaultWorkspace, parseIntOption, printJson, withStore } from '../cli-context.ts';

interface ImportOpts {
  format?: string;
  encoding?: string;
  map: string[];
  ndjson?: boolean;
  source?: string;
  batchSize?: number;
  json?: boolean;
  progress: boolean;
  threads?: number;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** How many bad records a person sees; --json always lists all of them. */
const shownErrors = 50;

export function printImportSummary(summary: ImportSummary, what: string, seconds: number): void {
  const lines = [
    `${what}: ${summary.records} records in ${seconds.toFixed(1)} s`,
    `  imported   ${summary.imported}`,
    `  updated    ${summary.updated}`,
    `  unchanged  ${summary.unchanged}`,
    `  skipped    ${summary.skipped}`,
  ];
  if (summary.errors.length) {
    lines.push('Bad records (skipped):');
    for (const e of summary.errors.slice(0, shownErrors)) lines.push(`  line ${e.line}: ${e.reason}`);
    if (summary.errors.length > shownErrors) lines.push(`  ... and ${summary.errors.length - shownErrors} more (--json lists them all)`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function registerImportCommand(program: Command): void {
  program
    .command('import <file>')
    .description('import candidates from a JSON Resume file (one object, an array, or NDJSON) or a CSV export; "-" reads stdin')
    .option('--format <format>', 'jsonresume or csv (default: from the file name, else from its first character)')
    .option('--encoding <name>', 'the file\'s character encoding, e.g. utf-8, windows-1252, latin1, iso-8859-15, utf-16le (default: detected; the summary says which was used)')
    .option('--map <column=field>', 'CSV: map a column to a field (repeatable), e.g. --map "Job=currentTitle"; "Column=-" ignores a column', collect, [])
    .option('--ndjson', 'JSON Resume: one record per line, even if the first line looks otherwise')
    .option('--source <name>', 'the source recorded on new candidates (default: the format)')
    .option('--batch-size <n>', `records per transaction (default ${defaultBatchSize}; ${bulkBatchSize} after the first ${bulkImportAfter} records on SQLite)`, parseIntOption('batch-size'))
    .option('--threads <n>', `2: a worker thread reads, checks and prepares the records while this one writes (default on SQLite for files of ${workerImportMinBytes / 1024 / 1024} MiB or more); 1: one thread`, parseIntOption('threads'))
    .option('--no-progress', 'no progress bar (it is only shown on a terminal anyway)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
CSV fields for --map: firstName lastName name headline currentTitle currentCompany location city region
country timeZone profileUrl email phone skills summary tags openProfile openToWork premium degree
mutualConnections lastActive. Re-importing a file changes nothing: candidates are matched by LinkedIn
profile URL, then by email, and merged (empty fields filled, skills/emails/tags united).`,
    )
    .action(
      action(async (file: string, opts: ImportOpts, cmd: Command) => {
        if (opts.batchSize !== undefined && opts.batchSize < 1) throw new AppError('invalid_input', '--batch-size must be at least 1');
        if (opts.threads !== undefined && opts.threads !== 1 && opts.threads !== 2) throw new AppError('invalid_input', '--threads must be 1 or 2');
        if (opts.threads === 2 && file === '-') throw new AppError('invalid_input', '--threads 2 reads a file, not stdin');
        let size = 0;
        if (file !== '-') {
          try {
            size = statSync(file).size;
          } catch {
            throw new AppError('not_found', `no such file: ${file}`, { file });
          }
        }
        // an unknown encoding is refused before anything is read
        if (opts.encoding !== undefined) encodingName(opts.encoding);
        const format = detectImportFormat(opts.format, file === '-' ? undefined : file, file === '-' ? undefined : await firstText(file));
        await withStore(dbOption(cmd), async (store) => {
          let bytes = 0;
          async function* counted(): AsyncGenerator<Uint8Array> {
            const input = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
            for await (const chunk of input as AsyncIterable<Buffer>) {
              bytes += chunk.length;
              yield chunk;
            }
          }
          let ignoredColumns: string[] = [];
          let encoding: ImportEncoding | undefined;
          const recordOptions = {
            format,
            map: opts.map,
            ndjson: opts.ndjson || /\.(ndjson|jsonl)$/i.test(file),
            source: opts.source,
            encoding: opts.encoding,
            onCsvHeader: (mapping: CsvMapping) => {
              ignoredColumns = mapping.ignored;
            },
            onEncoding: (e: ImportEncoding) => {
              encoding = e;
            },
          };
          // The same records either way; on a worker the writing thread only runs the SQLite statements.
          const threads = opts.threads ?? (store.dialect === 'sqlite' && file !== '-' && size >= workerImportMinBytes ? 2 : 1);
          const records =
            threads === 2
              ? preparedFileRecords(file, recordOptions, defaultWorkspace, (n) => (bytes = n))
              : importRecords(counted(), recordOptions);
          const showBar = opts.progress && !opts.json && process.stderr.isTTY === true && size > 0;
          const bar = showBar
            ? new cliProgress.SingleBar(
                { stream: process.stderr, format: 'import |{bar}| {percentage}% | {records} records | {imported} new, {updated} updated, {skipped} bad | ETA {eta_formatted}', hideCursor: true },
                cliProgress.Presets.shades_classic,
              )
            : undefined;
          bar?.start(size, 0, { records: 0, imported: 0, updated: 0, skipped: 0 });
          const started = performance.now();
          let summary: ImportSummary;
          try {
            summary = await importCandidates(store, defaultWorkspace, records, {
              batchSize: opts.batchSize,
              provenance: { kind: 'import', format, via: 'cli', label: opts.source ?? format, fileName: importFileName(file), actor: localCliActor() },
              onBatch: (s) => bar?.update(bytes, { records: s.records, imported: s.imported, updated: s.updated, skipped: s.skipped }),
            });
            bar?.update(size);
          } finally {
            bar?.stop();
          }
          const seconds = (performance.now() - started) / 1000;
          // counts only (not the file name, which may name a person)
          await auditCli(store.db, defaultWorkspace, 'import', 'candidates', { via: 'cli', format, records: summary.records, imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged, skipped: summary.skipped });
          if (opts.json) {
            printJson({ file, format, encoding, database: store.dialect, ...summary, ...(format === 'csv' ? { ignoredColumns } : {}), seconds: Math.round(seconds * 1000) / 1000 });
            return;
          }
          printImportSummary(summary, `Imported ${file} (${format}) into ${store.dialect} ${store.location}`, seconds);
          if (encoding) process.stdout.write(`Encoding: ${describeEncoding(encoding)}\n`);
          if (ignoredColumns.length) process.stdout.write(`Ignored CSV columns (use --map to use them): ${ignoredColumns.join(', ')}\n`);
        });
      }),
    );
}

/** The first bytes of a file as text (UTF-16 too), to tell JSON from CSV when the name does not. */
async function firstText(path: string): Promise<string> {
  const stream = createReadStream(path, { start: 0, end: 511 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return sniffText(Buffer.concat(chunks));
}
