import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Store } from '../db/open-database.ts';
import { defaultKeyFile, loadMasterKey } from './master-key-file.ts';
import { deriveKey } from './secret-box.ts';

/**
 * The master key of the server that uses `store`, found the way `serve`
 * finds it: SCOUTLINE_SECRET_KEY, else SCOUTLINE_KEY_FILE, else
 * `secret.key` beside the SQLite file (./data/secret.key with PostgreSQL or
 * an in-memory database). The worker and the CLI load it here so they open
 * the secrets the server sealed.
 */
export function keyFileFor(store: Pick<Store, 'dialect' | 'location'>): string {
  return store.dialect === 'sqlite' && store.location !== ':memory:' ? join(dirname(store.location), 'secret.key') : defaultKeyFile;
}

/**
 * With `create: false` (the worker) a missing key file is not created: no
 * key means nothing was sealed with one yet, and the answer is null.
 */
export function loadStoreMasterKey(store: Pick<Store, 'dialect' | 'location'>, opts: { create: boolean; env?: NodeJS.ProcessEnv }): { key: Buffer; source: string } | null {
  const env = opts.env ?? process.env;
  const file = keyFileFor(store);
  if (!opts.create && !env.SCOUTLINE_SECRET_KEY && !existsSync(resolve(env.SCOUTLINE_KEY_FILE || file))) return null;
  return loadMasterKey(file, env);
}

/** The key that seals stored settings (AccessContext.secretsKey), or null (see loadStoreMasterKey). */
export function loadStoreSecretsKey(store: Pick<Store, 'dialect' | 'location'>, opts: { create: boolean; env?: NodeJS.ProcessEnv }): Buffer | null {
  const master = loadStoreMasterKey(store, opts);
  return master ? deriveKey(master.key, 'settings') : null;
}
