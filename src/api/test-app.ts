import type { Store } from '../db/open-database.ts';
import { createApp, type AppOptions } from './app.ts';
import { createAccessContext, type AccessContextOptions } from '../access/access-context.ts';
import { createUser } from '../access/user-accounts.ts';
import { addMember } from '../access/membership-store.ts';
import { createApiToken } from '../access/api-token-store.ts';
import type { Role } from '../access/role.ts';

/** A fixed master key for tests: never use it anywhere else. */
export const testMasterKey = Buffer.alloc(32, 7);

export function testAccess(store: Store, extra: Partial<AccessContextOptions> = {}) {
  return createAccessContext({ store, masterKey: testMasterKey, publicUrl: 'http://localhost', ...extra });
}

export interface SignedInApp {
  app: ReturnType<typeof createApp>;
  /** app.request with the member's token added */
  request(path: string, init?: RequestInit): Promise<Response>;
  userId: string;
  token: string;
  access: ReturnType<typeof testAccess>;
}

let counter = 0;

/**
 * An in-process app and a member of `workspaceId` (default: 'default', as
 * owner) calling it with an API token: what route tests use now that every
 * route needs a caller.
 */
export async function signedInApp(options: Omit<AppOptions, 'access'> & { role?: Role; workspaceId?: string; email?: string; access?: AppOptions['access'] }): Promise<SignedInApp> {
  const access = options.access ?? testAccess(options.store);
  const app = createApp({ ...options, access });
  const workspaceId = options.workspaceId ?? 'default';
  const role = options.role ?? 'owner';
  const exists = await options.store.db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst();
  if (!exists) await options.store.db.insertInto('workspaces').values({ id: workspaceId, name: workspaceId, settings: '{}', created_at: new Date().toISOString() }).execute();
  const email = options.email ?? `tester-${process.pid}-${Date.now().toString(36)}-${++counter}@example.test`;
  const user = await createUser(access, { email, name: `Tester ${counter}` });
  await addMember(options.store, workspaceId, user.id, role);
  const { token } = await createApiToken(options.store, { workspaceId, userId: user.id, name: 'test', role });
  return {
    app,
    userId: user.id,
    token,
    access,
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
      return Promise.resolve(app.request(path, { ...init, headers }));
    },
  };
}
