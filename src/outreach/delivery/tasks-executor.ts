import type { ActionToExecute, ExecutionResult, Executor } from './executor.ts';

/**
 * The `tasks` executor (default for LinkedIn steps): Scoutline never drives
 * LinkedIn itself, so each due action becomes a ready-to-do task for the
 * recruiter — the final text, the profile link — answered with one click
 * (done / skipped / failed, see `completeTask`). Executing it only moves the
 * action into the queue (`awaiting_person`); doing that twice is harmless,
 * so it is idempotent by construction.
 */
export class TasksExecutor implements Executor {
  readonly name = 'tasks' as const;

  async execute(_action: ActionToExecute): Promise<ExecutionResult> {
    return { status: 'queued_for_person' };
  }
}
