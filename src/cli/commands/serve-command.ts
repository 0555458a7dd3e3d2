import type { Command } from 'commander';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app.ts';
import { isPostgresUrl, openDatabase, resolveDatabaseTarget } from '../../db/open-database.ts';
import { countCandidates } from '../../candidates/candidate-store.ts';
import { loadDemoWorkspace } from '../../demo/demo-workspace.ts';
import { resolve } from 'node:path';
import { AppError } from '../../core/app-error.ts';
import { parseBackupInterval, parseBackupKeep } from '../../operations/backup-schedule.ts';
import { startBackupScheduler } from '../../operations/backup-scheduler.ts';
import { postgresBackupNote } from '../../operations/backup-status.ts';
import { writeServerMarker } from '../../operations/server-marker.ts';
import { jsonLineLogger } from '../../outreach/delivery/structured-log.ts';
import { action, dbOption, defaultWorkspace, parseIntOption } from '../cli-context.ts';
import { startWorkerLoop } from '../../outreach/delivery/worker-loop.ts';
import { startRetentionSchedule } from '../../privacy/retention-schedule.ts';
import { publicUrlFrom, serverAccess } from '../server-access.ts';
import { sealClearSecrets } from '../../access/seal-clear-secrets.ts';
import { bootstrapFirstOwner } from '../../access/first-owner.ts';

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

function atLeastOne(name: string): (value: string) => number {
  return (value) => {
    const n = parseIntOption(name)(value);
    if (n < 1) throw new AppError('invalid_input', `--${name} must be at least 1 (seconds), got ${n}`);
    return n;
  };
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the Scoutline server (API, web UI and the outreach worker)')
    .option('--port <n>', 'port to listen on (default: $PORT or 4477)', parseIntOption('port'))
    .option('--host <host>', 'interface to bind (default 127.0.0.1; anything else needs HTTPS in front, see docs/security.md)', '127.0.0.1')
    .option('--public-url <url>', 'the URL people open, e.g. https://scoutline.example.com behind a reverse proxy (default: $SCOUTLINE_PUBLIC_URL or http://HOST:PORT)')
    .option('--trust-proxy', 'take the client address from X-Forwarded-For (only behind your own reverse proxy; also $SCOUTLINE_TRUST_PROXY=1)')
    .option('--demo', 'load demo data on first start (empty database)')
    .option('--demo-count <n>', 'how many demo candidates to load', parseIntOption('demo-count'), 2000)
    .option('--no-worker', 'do not run the outreach worker in this process')
    .option('--worker-interval <seconds>', 'seconds between worker passes', atLeastOne('worker-interval'), 15)
    .option('--backup-dir <dir>', 'SQLite: back up into this folder on a schedule (also $SCOUTLINE_BACKUP_DIR; see docs/operations.md)')
    .option('--backup-every <interval>', 'with --backup-dir: how often, e.g. 6h, 1d (default 1d; also $SCOUTLINE_BACKUP_EVERY)')
    .option('--backup-keep <n>', 'with --backup-dir: how many backups to keep (default 7; also $SCOUTLINE_BACKUP_KEEP)')
    .option('--worker-lease <seconds>', 'seconds an action stays claimed: after a crash or a database outage it is retried once this has passed', atLeastOne('worker-lease'), 120)
    .action(
      action(async (opts: { port?: number; host: string; publicUrl?: string; trustProxy?: boolean; demo?: boolean; demoCount: number; worker: boolean; workerInterval: number; workerLease: number; backupDir?: string; backupEvery?: string; backupKeep?: string }, cmd: Command) => {
        const backupDir = opts.backupDir ?? (process.env.SCOUTLINE_BACKUP_DIR || undefined);
        const schedule = backupDir
          ? {
              dir: resolve(backupDir),
              everyMs: parseBackupInterval(opts.backupEvery ?? (process.env.SCOUTLINE_BACKUP_EVERY || '1d')),
              keep: parseBackupKeep(opts.backupKeep ?? (process.env.SCOUTLINE_BACKUP_KEEP || '7')),
            }
          : null;
        const target = resolveDatabaseTarget(dbOption(cmd));
        if (schedule && (isPostgresUrl(target) || target === ':memory:')) {
          throw new AppError('invalid_input', `--backup-dir schedules backups of a SQLite database file; this server runs on ${isPostgresUrl(target) ? 'PostgreSQL' : 'an in-memory database'}. ${postgresBackupNote}`);
        }
        const store = await openDatabase(target);
        if (opts.demo && (await countCandidates(store, defaultWorkspace)) === 0) {
          process.stdout.write(`Loading demo data (${opts.demoCount} candidates) on first start...\n`);
          await loadDemoWorkspace(store, defaultWorkspace, { count: opts.demoCount });
        }
        const port = opts.port ?? (Number(process.env.PORT) || 4477);
        const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
        const publicUrl = publicUrlFrom(opts.publicUrl, `http://${shownHost}:${port}`);
        const trustProxy = opts.trustProxy === true || process.env.SCOUTLINE_TRUST_PROXY === '1';
        const access = serverAccess(store, { publicUrl, trustProxy });
        // secrets written in clear by older versions are sealed once, before anything reads them
        await sealClearSecrets(store, access.secretsKey);
        const backups = schedule ? startBackupScheduler({ databaseFile: store.location, schedule, log: jsonLineLogger((line) => process.stdout.write(`${line}\n`)) }) : null;
        // beside a SQLite file while serving: `scoutline restore` refuses this database, `scoutline backups` finds the schedule
        const removeMarker = store.dialect === 'sqlite' && store.location !== ':memory:' ? writeServerMarker(store.location, { pid: process.pid, startedAt: new Date().toISOString(), url: publicUrl, backups: schedule }) : () => undefined;
        const app = createApp({ store, access, ...(backups ? { backupStatus: () => backups.status() } : {}) });
        const first = await bootstrapFirstOwner(store, access, { email: process.env.SCOUTLINE_OWNER_EMAIL });
        const worker = opts.worker ? startWorkerLoop(store, { log: (line) => process.stdout.write(`${line}\n`), secretsKey: access.secretsKey, intervalSeconds: opts.workerInterval, leaseSeconds: opts.workerLease }) : null;
        // scheduled retention policies go with the worker (docs/privacy.md)
        const retention = opts.worker ? startRetentionSchedule(store, { log: (line) => process.stdout.write(`${line}\n`) }) : null;
        const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
          process.stdout.write(`Scoutline is running on ${store.dialect} (${store.location}).\nOpen ${publicUrl.replace(`:${port}`, `:${info.port}`)}/\n`);
          if (first) {
            process.stdout.write(
              `${first.created ? 'First start: the owner account is' : 'The owner has not set a password yet:'} ${first.email}.\n` +
                `Sign in once with this link (valid 24 hours, works once), then set a password under Account:\n  ${first.link}\n`,
            );
          }
          if (!loopback.has(opts.host) && !publicUrl.startsWith('https://')) {
            process.stderr.write(
              `Warning: listening on ${opts.host} without HTTPS. Passwords and session cookies would cross the network in clear.\n` +
                `Put a reverse proxy with HTTPS in front and pass --public-url https://... (and --trust-proxy), see docs/security.md.\n`,
            );
          }
        });
        const shutdown = async () => {
          await worker?.stop();
          await retention?.stop();
          await backups?.stop();
          removeMarker();
          server.close();
          await store.close();
          process.exit(0);
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      }),
    );
}
