import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { detectImportFormat } from '../../candidates/import-records.ts';
import type { ImportSummary } from '../../candidates/import-candidates.ts';
import { printImportSummary } from '../commands/import-command.ts';
import { action, printJson } from '../cli-context.ts';
import type { RemoteClient } from './remote-client.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * `import FILE` against a server: the file is streamed as the body of
 * POST /api/import with its content type (never read into memory), with the
 * format, --map, --ndjson and --source as the route's query parameters.
 */
export function registerImportRemote(program: Command, client: () => RemoteClient): void {
  program
    .command('import <file>')
    .description('import candidates on the server from a JSON Resume file (object, array or NDJSON) or a CSV export; "-" reads stdin')
    .option('--format <format>', 'jsonresume or csv (default: from the file name, else the server looks at the first character)')
    .option('--map <column=field>', 'CSV: map a column to a field (repeatable)', collect, [])
    .option('--ndjson', 'JSON Resume: one record per line')
    .option('--source <name>', 'the source recorded on new candidates')
    .option('--json', "print the API's JSON")
    .action(
      action(async (file: string, opts: { format?: string; map: string[]; ndjson?: boolean; source?: string; json?: boolean }) => {
        let size: number | undefined;
        if (file !== '-') {
          try {
            size = statSync(file).size;
          } catch {
            throw new AppError('not_found', `no such file: ${file}`, { file });
          }
        }
        const named = file === '-' ? undefined : file;
        // known from the flag or the file name; otherwise the server sniffs the first character, as the local command does
        const format = opts.format !== undefined || (named && /\.(csv|json|ndjson|jsonl)$/i.test(named)) ? detectImportFormat(opts.format, named) : undefined;
        const ndjson = opts.ndjson === true || (named !== undefined && /\.(ndjson|jsonl)$/i.test(named));
        const contentType = format === 'csv' ? 'text/csv' : format === 'jsonresume' ? (ndjson ? 'application/x-ndjson' : 'application/json') : 'application/octet-stream';
        const input = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
        const c = client();
        const started = performance.now();
        const summary = await c.json<ImportSummary & { format: string; ignoredColumns?: string[] }>('POST', '/api/import', {
          query: { format, map: opts.map.length ? opts.map : undefined, ndjson: ndjson ? 'true' : undefined, source: opts.source },
          body: Readable.toWeb(input) as ReadableStream<Uint8Array>,
          contentType,
          contentLength: size,
        });
        const seconds = (performance.now() - started) / 1000;
        if (opts.json) return printJson(summary);
        printImportSummary(summary, `Imported ${file} (${summary.format}) into ${c.server}`, seconds);
        if (summary.ignoredColumns?.length) process.stdout.write(`Ignored CSV columns (use --map to use them): ${summary.ignoredColumns.join(', ')}\n`);
      }),
    );
}
