import type { Store } from '../db/open-database.ts';
import { createAccessContext, type AccessContext } from '../access/access-context.ts';
import { loadStoreMasterKey } from '../access/store-master-key.ts';
import { accountMailerFromEnv } from '../access/account-mailer.ts';

/** What `serve` and the local account commands assume people open when nothing says otherwise. */
export const defaultPublicUrl = 'http://127.0.0.1:4477';

/** The public URL from the flag, else SCOUTLINE_PUBLIC_URL, else the fallback; without a trailing slash. */
export function publicUrlFrom(flag: string | undefined, fallback: string = defaultPublicUrl, env: NodeJS.ProcessEnv = process.env): string {
  return (flag ?? env.SCOUTLINE_PUBLIC_URL ?? fallback).replace(/\/+$/, '');
}

/**
 * The access context of a database, built the same way for the server and
 * for the local CLI: the same master key (so sessions, sealed secrets and
 * links agree), the same mailer from the environment, and the same host
 * list. A sign-in link the CLI makes therefore works on the server that
 * serves this database at `publicUrl`.
 */
export function serverAccess(store: Store, o: { publicUrl: string; trustProxy?: boolean; env?: NodeJS.ProcessEnv }): AccessContext {
  const env = o.env ?? process.env;
  // created on first use, as on the server's first start (store-master-key.ts finds it the same way)
  const { key } = loadStoreMasterKey(store, { create: true, env })!;
  return createAccessContext({
    store,
    masterKey: key,
    publicUrl: o.publicUrl,
    trustProxy: o.trustProxy ?? false,
    allowedHosts: (env.SCOUTLINE_ALLOWED_HOSTS ?? '').split(','),
    mailer: accountMailerFromEnv(env),
  });
}
