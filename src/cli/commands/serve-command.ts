import type { Command } from 'commander';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app.ts';
import { openDatabase } from '../../db/open-database.ts';
import { countCandidates } from '../../candidates/candidate-store.ts';
import { loadDemoWorkspace } from '../../candidates/demo-workspace.ts';
import { action, dbOption, defaultWorkspace, parseIntOption } from '../cli-context.ts';
import { startWorkerLoop } from '../../outreach/worker-loop.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the Scoutline server (API, web UI and the outreach worker)')
    .option('--port <n>', 'port to listen on (default: $PORT or 4477)', parseIntOption('port'))
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--demo', 'load demo data on first start (empty database)')
    .option('--demo-count <n>', 'how many demo candidates to load', parseIntOption('demo-count'), 2000)
    .option('--no-worker', 'do not run the outreach worker in this process')
    .action(
      action(async (opts: { port?: number; host: string; demo?: boolean; demoCount: number; worker: boolean }, cmd: Command) => {
        const store = await openDatabase(dbOption(cmd));
        if (opts.demo && (await countCandidates(store, defaultWorkspace)) === 0) {
          process.stdout.write(`Loading demo data (${opts.demoCount} candidates) on first start...\n`);
          await loadDemoWorkspace(store, defaultWorkspace, { count: opts.demoCount });
        }
        const app = createApp({ store });
        const port = opts.port ?? (Number(process.env.PORT) || 4477);
        const worker = opts.worker ? startWorkerLoop(store, { log: (line) => process.stdout.write(`${line}\n`) }) : null;
        const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
          process.stdout.write(`Scoutline is running on ${store.dialect} (${store.location}).\nOpen http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${info.port}/\n`);
        });
        const shutdown = async () => {
          await worker?.stop();
          server.close();
          await store.close();
          process.exit(0);
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      }),
    );
}
