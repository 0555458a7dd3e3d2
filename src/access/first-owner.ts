import type { Store } from '../db/open-database.ts';
import type { AccessContext } from './access-context.ts';
import { addMember } from './membership-store.ts';
import { createUser, hasPassword, makeSignInLink } from './user-accounts.ts';
import { appendAudit } from './audit-store.ts';

export const defaultOwnerEmail = 'owner@scoutline.local';

/**
 * First start: with no users yet, the server creates the owner of the
 * default workspace (SCOUTLINE_OWNER_EMAIL, else owner@scoutline.local; no
 * password) and returns a one-time sign-in link to print, like a notebook
 * server's token, so trying Scoutline needs no typing. Until that owner has
 * set a password, every start prints a fresh link (the old one may have
 * expired unused); after that, null: people sign in with their password,
 * and `scoutline users link EMAIL` makes a link on the server's machine.
 */
export async function bootstrapFirstOwner(store: Store, access: AccessContext, opts: { email?: string; workspaceId?: string } = {}): Promise<{ email: string; link: string; created: boolean } | null> {
  const workspaceId = opts.workspaceId ?? 'default';
  const first = await store.db.selectFrom('auth_users').select(['id', 'email']).orderBy('created_at').limit(1).executeTakeFirst();
  if (first) {
    const users = await store.db.selectFrom('auth_users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    if (Number(users?.n) !== 1 || (await hasPassword(access, first.id))) return null;
    return { email: first.email, link: await makeSignInLink(access, first.email), created: false };
  }
  const user = await createUser(access, { email: opts.email || defaultOwnerEmail, name: 'Owner' });
  await addMember(store, workspaceId, user.id, 'owner');
  await appendAudit(store.db, { workspaceId, actorUserId: user.id, actor: user.email, via: 'system', action: 'member_role_changed', target: user.email, details: { to: 'owner', reason: 'first start' } });
  return { email: user.email, link: await makeSignInLink(access, user.email), created: true };
}
