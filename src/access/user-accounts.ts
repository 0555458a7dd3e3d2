import { AppError } from '../core/app-error.ts';
import type { AccessContext } from './access-context.ts';
import { normaliseEmail } from './invitation-store.ts';

/**
 * Users made by the server itself (the first owner, people accepting an
 * invitation, the local CLI's `users create`) and the one-time links it
 * hands out, all through the auth library: its password hashing, its
 * verification tokens, its sessions.
 */
export async function createUser(access: AccessContext, input: { email: string; name: string; password?: string }): Promise<{ id: string; email: string; name: string }> {
  const email = normaliseEmail(input.email);
  const name = input.name.replace(/[\r\n\t]+/g, ' ').trim();
  if (!name || name.length > 200) throw new AppError('invalid_input', 'a name of 1 to 200 characters is needed');
  const ctx = await access.auth.$context;
  if (await ctx.internalAdapter.findUserByEmail(email)) throw new AppError('conflict', `a user with the email ${email} already exists`);
  if (input.password !== undefined) checkPassword(input.password);
  const user = await ctx.internalAdapter.createUser({ email, name, emailVerified: false }, { method: 'admin' });
  if (input.password !== undefined) {
    await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: await ctx.password.hash(input.password) });
  }
  return { id: user.id, email: user.email, name: user.name };
}

export function checkPassword(password: string): void {
  if (password.length < 10) throw new AppError('invalid_input', 'password: at least 10 characters');
  if (password.length > 256) throw new AppError('invalid_input', 'password: at most 256 characters');
}

/** Sets a user's password (the first owner after the sign-in link, the CLI for a locked-out user); other sessions stay. */
export async function setUserPassword(access: AccessContext, userId: string, password: string): Promise<void> {
  checkPassword(password);
  const ctx = await access.auth.$context;
  const hash = await ctx.password.hash(password);
  const accounts = await ctx.internalAdapter.findAccounts(userId);
  const credential = accounts.find((a) => a.providerId === 'credential');
  if (credential) await ctx.internalAdapter.updatePassword(userId, hash);
  else await ctx.internalAdapter.linkAccount({ userId, providerId: 'credential', accountId: userId, password: hash });
}

export async function hasPassword(access: AccessContext, userId: string): Promise<boolean> {
  const ctx = await access.auth.$context;
  return (await ctx.internalAdapter.findAccounts(userId)).some((a) => a.providerId === 'credential' && !!a.password);
}

/** A one-time sign-in link for an existing user (valid 24 hours, works once). */
export async function makeSignInLink(access: AccessContext, email: string): Promise<string> {
  const key = `sign-in:${email.toLowerCase()}`;
  access.lastLinks.delete(key);
  await access.auth.api.signInMagicLink({ body: { email, callbackURL: '/' }, headers: new Headers() });
  const url = access.lastLinks.get(key);
  if (!url) throw new AppError('internal', 'the sign-in link was not made');
  return url;
}

/** A password-reset link (valid one hour); emailed too when the server has SMTP settings. */
export async function makeResetLink(access: AccessContext, email: string): Promise<string> {
  const key = `reset:${email.toLowerCase()}`;
  access.lastLinks.delete(key);
  await access.auth.api.requestPasswordReset({ body: { email, redirectTo: '/reset-password' }, headers: new Headers() });
  const url = access.lastLinks.get(key);
  if (!url) throw new AppError('not_found', `no user with the email ${email}`);
  return url;
}
