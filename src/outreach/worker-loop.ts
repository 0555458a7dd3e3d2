import type { Store } from '../db/open-database.ts';

export interface WorkerHandle {
  stop(): Promise<void>;
}

/** The outreach worker running inside the server process (filled in by the outreach work). */
export function startWorkerLoop(_store: Store, _opts: { log: (line: string) => void }): WorkerHandle {
  return { async stop() {} };
}
