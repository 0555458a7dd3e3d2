/**
 * Test fixture (sqlite-backup.test.ts): a separate process writing to a
 * SQLite database as fast as it can until SIGTERM. Each transaction is one
 * upsertCandidates batch: five new candidates tagged with the batch number
 * in their profile URL, plus a change to a candidate of an earlier batch (so
 * updated_at moves too). A consistent snapshot holds batches 1..k whole.
 * Env: DB. Prints `batch <n>` now and then and `stopped <n>` at the end.
 */
import { openDatabase } from '../db/open-database.ts';
import { normaliseCandidateInput, upsertCandidates } from '../candidates/candidate-store.ts';

const store = await openDatabase(process.env.DB!, { migrate: false });
let stop = false;
process.once('SIGTERM', () => (stop = true));
const person = (batch: number, i: number, headline = 'Load Engineer') =>
  normaliseCandidateInput({ firstName: `L${batch}x${i}`, lastName: 'Load', headline, profileUrl: `https://www.linkedin.com/in/load-${batch}-${i}`, emails: [`load${batch}x${i}@example.com`] });
let batch = 0;
while (!stop) {
  batch++;
  const inputs = [0, 1, 2, 3, 4].map((i) => person(batch, i));
  if (batch > 1) inputs.push(person(Math.ceil(batch / 2), 0, `Load Engineer, changed in batch ${batch}`));
  await upsertCandidates(store, 'default', inputs);
  if (batch % 50 === 0) process.stdout.write(`batch ${batch}\n`);
  await new Promise((r) => setImmediate(r));
}
await store.close();
process.stdout.write(`stopped ${batch}\n`);
