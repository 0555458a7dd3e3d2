/**
 * Test fixture (worker-crash.test.ts): a worker process the test kills with
 * SIGKILL at random points. Env: DB (SQLite path or postgres URL), PG_SCHEMA,
 * DELIVERIES (recording executor file), CLOCK_OFFSET_MS (virtual clock =
 * real clock + offset, so leases still run out in real time).
 */
import { openDatabase } from '../../db/open-database.ts';
import { createExecutorRegistry } from './executor-registry.ts';
import { RecordingExecutor } from './recording-executor.ts';
import { runWorkerPass } from './worker.ts';

const offset = Number(process.env.CLOCK_OFFSET_MS ?? 0);
const store = await openDatabase(process.env.DB!, { migrate: false, ...(process.env.PG_SCHEMA ? { schema: process.env.PG_SCHEMA, poolSize: 2 } : {}) });
const executor = new RecordingExecutor(process.env.DELIVERIES!, { name: 'webhook', delayMs: () => Math.floor(Math.random() * 25) });
process.stdout.write('ready\n');
for (;;) {
  const pass = await runWorkerPass(store, {
    registry: createExecutorRegistry([executor]),
    override: 'webhook',
    now: () => new Date(Date.now() + offset).toISOString(),
    leaseSeconds: 1,
    workerId: `child-${process.pid}`,
  });
  if (pass.executed === 0) {
    const left = await store.db.selectFrom('outreach_actions').select('id').where('status', 'in', ['pending', 'running']).executeTakeFirst();
    if (!left) break;
    await new Promise((r) => setTimeout(r, 200)); // a crashed worker's lease has not run out yet
  }
}
executor.close();
await store.close();
process.stdout.write('done\n');
