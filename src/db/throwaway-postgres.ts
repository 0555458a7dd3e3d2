import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Test fixture: a private PostgreSQL cluster in a temp folder, on 127.0.0.1
 * and a free port, that a test may stop and start (outage tests) or run
 * pg_dump/pg_restore against. Built with the server's own initdb/pg_ctl from
 * `SCOUTLINE_PG_BIN`, /usr/lib/postgresql/<15..17>/bin or PATH. PostgreSQL
 * refuses to run as root: as root the cluster belongs to the `postgres` OS
 * user (runuser). Nothing listens beyond 127.0.0.1.
 */
export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  port: number;
  /** folder of the server's binaries (pg_dump, pg_restore, psql) */
  bin: string;
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`: open connections are terminated (57P01), new ones refused */
  stop(): Promise<void>;
  /** stops the server and deletes the cluster */
  destroy(): Promise<void>;
}

/** The folder with initdb and pg_ctl, or null when this machine has no PostgreSQL server binaries. */
export function postgresBinDir(): string | null {
  const candidates = [process.env.SCOUTLINE_PG_BIN, ...[17, 16, 15].map((v) => `/usr/lib/postgresql/${v}/bin`)].filter((d): d is string => !!d);
  for (const d of candidates) if (existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl'))) return d;
  return null;
}

export const noPostgresBinariesReason = 'PostgreSQL server binaries (initdb, pg_ctl) not found: set SCOUTLINE_PG_BIN or install postgresql (CI has them)';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(noPostgresBinariesReason);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'scoutline-pg-'));
  const data = join(dir, 'data');
  const socket = dir;
  if (asRoot) {
    const owner = osUser('postgres');
    chownSync(dir, owner.uid, owner.gid);
  }
  const port = await freePort();
  const as = (cmd: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args));
  await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  const serverOptions = `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const pg: ThrowawayPostgres = {
    port,
    bin,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await as('pg_ctl', ['-D', data, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', 'start']);
    },
    async stop() {
      await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    async destroy() {
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await pg.start();
  return pg;
}

/** uid and gid of an OS user, from /etc/passwd (name:x:uid:gid:...) */
function osUser(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no '${name}' OS user to own the PostgreSQL cluster (PostgreSQL does not run as root)`);
  const f = line.split(':');
  return { uid: Number(f[2]), gid: Number(f[3]) };
}
