import { readFileSync } from 'node:fs';
import { AppError } from '../../core/app-error.ts';

/**
 * Local or remote, decided before the program is built: with `--server URL`
 * (or SCOUTLINE_SERVER) the CLI talks to that server's API with a token and
 * never opens a database; otherwise it works on the database file as its
 * owner. Both at once is refused rather than guessed.
 */
export type CliMode = { kind: 'local' } | { kind: 'remote'; server: string; token: string | null };

export interface GlobalFlags {
  server?: string;
  token?: string;
  tokenFile?: string;
  db?: string;
}

const valued = { '--server': 'server', '--token': 'token', '--token-file': 'tokenFile', '--db': 'db' } as const;

/** The global connection flags wherever they sit on the command line (`--x v` or `--x=v`; nothing after `--`). */
export function scanGlobalFlags(args: readonly string[]): GlobalFlags {
  const flags: GlobalFlags = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!(name in valued)) continue;
    const key = valued[name as keyof typeof valued];
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value !== undefined) flags[key] = value;
  }
  return flags;
}

export function cliMode(args: readonly string[], env: NodeJS.ProcessEnv = process.env): CliMode {
  const flags = scanGlobalFlags(args);
  const server = flags.server ?? (env.SCOUTLINE_SERVER || undefined);
  if (server === undefined) {
    if (flags.token !== undefined || flags.tokenFile !== undefined) throw new AppError('invalid_input', 'a token is for a server: give --server URL too (or SCOUTLINE_SERVER)');
    return { kind: 'local' };
  }
  if (flags.db !== undefined) {
    const where = flags.server !== undefined ? '--server' : 'SCOUTLINE_SERVER';
    throw new AppError('invalid_input', `give either --db (work on a database file) or a server (${where}), not both`);
  }
  return { kind: 'remote', server: serverUrl(server), token: tokenFrom(flags, env) };
}

/** The server's base URL, checked: http(s), no trailing slash. */
export function serverUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('invalid_input', `--server expects a URL such as http://127.0.0.1:4477, got '${raw}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('invalid_input', `--server must be an http:// or https:// URL, got '${url.protocol}'`);
  if (url.username || url.password) throw new AppError('invalid_input', '--server takes no user name or password in the URL: pass an API token with --token, --token-file or SCOUTLINE_TOKEN');
  if (url.search || url.hash) throw new AppError('invalid_input', '--server takes the base URL only, without ?query or #fragment');
  return url.toString().replace(/\/+$/, '');
}

/** --token, else --token-file, else SCOUTLINE_TOKEN, else SCOUTLINE_TOKEN_FILE; null when none (public routes still work). */
function tokenFrom(flags: GlobalFlags, env: NodeJS.ProcessEnv): string | null {
  if (flags.token !== undefined && flags.tokenFile !== undefined) throw new AppError('invalid_input', 'give --token or --token-file, not both');
  if (flags.token !== undefined) return checkToken(flags.token, '--token');
  const file = flags.tokenFile ?? (flags.token === undefined && !env.SCOUTLINE_TOKEN ? env.SCOUTLINE_TOKEN_FILE || undefined : undefined);
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new AppError('invalid_input', `cannot read the token file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    return checkToken(text.trim(), `the token file ${file}`);
  }
  if (env.SCOUTLINE_TOKEN) return checkToken(env.SCOUTLINE_TOKEN.trim(), 'SCOUTLINE_TOKEN');
  return null;
}

function checkToken(token: string, where: string): string {
  // the token goes into a header: no line breaks or spaces; never echoed back in the message
  if (!token || /[\s\u0000-\u001f\u007f]/.test(token)) throw new AppError('invalid_input', `${where} does not hold a token (empty, or with spaces or line breaks)`);
  return token;
}
