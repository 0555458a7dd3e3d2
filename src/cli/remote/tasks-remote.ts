import type { Command } from 'commander';
import type { Task } from '../../outreach/delivery/task-queue-store.ts';
import { action, parseIntOption, printJson } from '../cli-context.ts';
import type { RemoteClient } from './remote-client.ts';

/** `tasks list|done|skip|fail` against a server: the recruiter's queue of LinkedIn actions. */
export function registerTasksRemote(program: Command, client: () => RemoteClient): void {
  const tasks = program.command('tasks').description("the recruiter's queue of ready-to-do LinkedIn actions, on the server");

  tasks
    .command('list')
    .option('--seat <id>', 'only this seat')
    .option('--limit <n>', 'how many', parseIntOption('limit'), 50)
    .option('--json', "print the API's JSON: { tasks, seats }")
    .action(
      action(async (opts: { seat?: string; limit: number; json?: boolean }) => {
        const r = await client().json<{ tasks: Task[]; seats: unknown[] }>('GET', '/api/tasks', { query: { seat: opts.seat, limit: opts.limit } });
        if (opts.json) return printJson(r);
        for (const t of r.tasks) {
          console.log(`${t.actionId}  ${t.dueAt}  ${t.channel}${t.channel === 'connection_request' ? (t.withNote ? ' (with note)' : ' (no note)') : ''}${t.variant ? ` [variant ${t.variant}]` : ''}  ${t.candidateName}  ${t.profileUrl ?? t.email ?? ''}`);
          if (t.subject) console.log(`    subject: ${t.subject}`);
          if (t.body) console.log(`    ${t.body.replace(/\n/g, '\n    ')}`);
          for (const f of t.lint) console.log(`    ${f.severity}: ${f.code}: ${f.message}`);
        }
        if (r.tasks.length === 0) console.log('no tasks waiting');
      }),
    );

  for (const [name, outcome] of [
    ['done', 'done'],
    ['skip', 'skipped'],
    ['fail', 'failed'],
  ] as const) {
    tasks
      .command(`${name} <actionId>`)
      .description(`mark a task ${outcome}`)
      .option('--message <text>', 'why (skip / fail)', '')
      .option('--json', "print the API's JSON")
      .action(
        action(async (id: string, opts: { message: string; json?: boolean }) => {
          const row = await client().json<{ actionId: string; status: string }>('POST', `/api/tasks/${encodeURIComponent(id)}/${name}`, { json: { message: opts.message } });
          if (opts.json) return printJson(row);
          console.log(`task ${row.actionId}: ${row.status}`);
        }),
      );
  }
}
