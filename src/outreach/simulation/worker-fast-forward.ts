import { AppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import type { ExecutorName } from '../delivery/executor.ts';
import { silentLog, type StructuredLog } from '../delivery/structured-log.ts';
import { SandboxAnswerStore } from './sandbox-answer-store.ts';
import { buildWorkerExecutors } from '../delivery/worker-executors.ts';
import { runWorkerPass, type PassReport } from '../delivery/worker.ts';

/**
 * Runs the real worker against the real database on a virtual clock:
 * `days` days from `start`, one pass every `stepMinutes`. With the sandbox
 * executor the simulated members' answers come back through applyOutcome
 * when they fall due, so a campaign runs end to end in seconds (the demo,
 * `scoutline worker --fast-forward DAYS`). Nothing here is simulated except
 * the clock and the members: planning, claims, caps and the state machine
 * are the production code paths.
 */
export interface FastForwardOptions {
  days: number;
  /** ISO date or timestamp; default: the start of the current UTC day, so runs on one day with one seed pass at the same instants */
  start?: string;
  stepMinutes?: number;
  executor?: ExecutorName | null;
  seed?: string | number;
  log?: StructuredLog;
}

export interface FastForwardReport {
  from: string;
  to: string;
  passes: number;
  planned: number;
  executed: number;
  outcomes: number;
  results: PassReport['results'];
}

export async function fastForward(store: Store, opts: FastForwardOptions): Promise<FastForwardReport> {
  // not the current instant: passes at different minutes plan different windows and draw different gaps
  const start = Date.parse(opts.start ?? `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
  if (Number.isNaN(start)) throw new AppError('invalid_input', `fast-forward start must be an ISO date or timestamp, got '${opts.start}'`);
  const step = (opts.stepMinutes ?? 60) * 60_000;
  const end = start + opts.days * 86_400_000;
  // a demo on a virtual clock: only tasks and the sandbox, nothing configured is contacted
  const { registry, takeDueOutcomes } = buildWorkerExecutors({ sandboxSeed: opts.seed ?? 1, env: {}, sandboxAnswers: new SandboxAnswerStore(store) });
  const report: FastForwardReport = { from: new Date(start).toISOString(), to: new Date(end).toISOString(), passes: 0, planned: 0, executed: 0, outcomes: 0, results: {} };
  for (let t = start; t <= end; t += step) {
    const now = new Date(t).toISOString();
    const r = await runWorkerPass(store, { registry, override: opts.executor ?? 'sandbox', now: () => now, seed: opts.seed ?? 1, takeDueOutcomes, log: opts.log ?? silentLog, workerId: 'fast-forward' });
    report.passes++;
    report.planned += r.planned;
    report.executed += r.executed;
    report.outcomes += r.outcomes;
    for (const [k, v] of Object.entries(r.results)) report.results[k as keyof PassReport['results']] = (report.results[k as keyof PassReport['results']] ?? 0) + (v ?? 0);
  }
  return report;
}
