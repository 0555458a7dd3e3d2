import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { action } from '../cli-context.ts';
import type { RemoteClient } from './remote-client.ts';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** --data: inline JSON, @FILE, or @- for stdin. */
function readData(data: string): string {
  if (!data.startsWith('@')) return data;
  const file = data.slice(1);
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new AppError('invalid_input', `cannot read --data ${data}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/**
 * `api METHOD PATH [--data JSON|@file]`: any route of the API with the token,
 * for what has no command of its own (see /openapi.json). The answer is
 * printed as it came (JSON pretty-printed); a refusal also sets the exit status.
 */
export function registerApiRemote(program: Command, client: () => RemoteClient): void {
  program
    .command('api <method> <path>')
    .description('call any API route with the token, e.g. `api GET /api/analytics/funnel` or `api POST /api/roles --data @role.json` (routes: GET /openapi.json)')
    .option('--data <json|@file>', 'the request body: JSON, @FILE, or @- for stdin')
    .option('--content-type <type>', 'the body’s content type', 'application/json')
    .option('--json', 'print errors as JSON too')
    .action(
      action(async (methodText: string, path: string, opts: { data?: string; contentType: string }) => {
        const method = methodText.toUpperCase();
        if (!methods.includes(method)) throw new AppError('invalid_input', `METHOD is one of ${methods.join(', ')}; got '${methodText}'`);
        if (!path.startsWith('/')) throw new AppError('invalid_input', `PATH starts with '/', e.g. /api/candidates; got '${path}'`);
        const body = opts.data === undefined ? undefined : readData(opts.data);
        if (body !== undefined && opts.contentType.includes('json')) {
          try {
            JSON.parse(body);
          } catch (err) {
            throw new AppError('invalid_input', `--data is not valid JSON: ${(err as Error).message}`);
          }
        }
        const c = client();
        const [p, q] = path.split(/\?(.*)/s, 2) as [string, string | undefined];
        const query = q ? Object.fromEntries([...new URLSearchParams(q).keys()].map((k) => [k, new URLSearchParams(q).getAll(k)])) : undefined;
        const res = await c.send(method, p, { query, ...(body !== undefined ? { body, contentType: opts.contentType } : {}) });
        if (res.status >= 400) throw c.refusal(res);
        if (res.contentType.includes('json')) {
          try {
            process.stdout.write(`${JSON.stringify(JSON.parse(res.text), null, 2)}\n`);
            return;
          } catch {
            /* printed as it came */
          }
        }
        process.stdout.write(res.text.endsWith('\n') || res.text === '' ? res.text : `${res.text}\n`);
      }),
    );
}
