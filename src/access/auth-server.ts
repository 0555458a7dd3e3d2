import { betterAuth } from 'better-auth';
import { magicLink } from 'better-auth/plugins';
import type { Store } from '../db/open-database.ts';
import type { AccountMailer } from './account-mailer.ts';

/**
 * Sign-in, sessions and passwords come from better-auth over our own Kysely
 * connection (its tables are in migration 0013, snake_case as ours are).
 * Scoutline adds workspaces, roles, tokens and the audit log around it.
 *
 * - Email + password (scrypt hashes, at least 10 characters); public sign-up
 *   is off: people join by invitation (the API creates their user).
 * - Sessions: an HttpOnly SameSite=Lax cookie `scoutline.session_token`,
 *   Secure when the public URL is https; 7 days, renewed daily.
 * - Sign-in attempts are rate limited per client address (the API sets the
 *   address header from the socket, or from X-Forwarded-For only behind a
 *   trusted proxy, so a client cannot pick its own).
 * - The one-time sign-in link of the first start is a magic link, made on
 *   the server and never requested over HTTP.
 * - Telemetry is off.
 */
export const clientIpHeader = 'x-scoutline-client-ip';

export interface AuthServerOptions {
  store: Store;
  /** the URL people open, e.g. http://127.0.0.1:4477 or https://scoutline.example.com */
  publicUrl: string;
  /** the session signing secret (derived from the master key) */
  secret: string;
  mailer: AccountMailer | null;
  /** sign-in attempts per client address per minute (default 10) */
  signInPerMinute?: number;
  /** how long the first start's sign-in link lives, seconds (default 24 h) */
  signInLinkSeconds?: number;
  /** sink for the one-time links made by the server (the first-owner link, reset links for the CLI) */
  onLink?: (kind: 'sign-in' | 'reset', email: string, url: string) => void;
}

export function createAuthServer(options: AuthServerOptions) {
  const secure = options.publicUrl.startsWith('https://');
  const send = async (kind: 'sign-in' | 'reset', email: string, url: string, subject: string, text: string) => {
    options.onLink?.(kind, email, url);
    if (kind === 'reset' && options.mailer) await options.mailer.send({ to: email, subject, text });
  };
  return betterAuth({
    appName: 'Scoutline',
    baseURL: options.publicUrl,
    basePath: '/api/auth',
    secret: options.secret,
    database: { db: options.store.db as never, type: options.store.dialect === 'postgres' ? 'postgres' : 'sqlite' },
    telemetry: { enabled: false },
    trustedOrigins: [new URL(options.publicUrl).origin],
    emailAndPassword: {
      enabled: true,
      // the invitation route creates users server-side; the HTTP sign-up endpoint is refused by the API
      disableSignUp: false,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => {
        await send('reset', user.email, url, 'Reset your Scoutline password', `Someone asked to reset the password of your Scoutline account (${user.email}).\n\nOpen this link within an hour to choose a new one:\n${url}\n\nIf it was not you, ignore this email: your password stays as it is.\n`);
      },
    },
    session: {
      modelName: 'auth_sessions',
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at', ipAddress: 'ip_address', userAgent: 'user_agent', userId: 'user_id' },
    },
    user: { modelName: 'auth_users', fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' } },
    account: {
      modelName: 'auth_accounts',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: { modelName: 'auth_verifications', fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' } },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'auth_rate_limits',
      fields: { lastRequest: 'last_request' },
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: options.signInPerMinute ?? 10 },
        '/request-password-reset': { window: 60, max: 3 },
        '/reset-password': { window: 60, max: 10 },
        '/change-password': { window: 60, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: 'scoutline',
      useSecureCookies: secure,
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
    },
    logger: { level: 'error' },
    plugins: [
      magicLink({
        expiresIn: options.signInLinkSeconds ?? 60 * 60 * 24,
        disableSignUp: true,
        storeToken: 'hashed',
        sendMagicLink: async ({ email, url }) => {
          await send('sign-in', email, url, 'Your Scoutline sign-in link', `Open this link to sign in to Scoutline:\n${url}\n`);
        },
      }),
    ],
  });
}

export type AuthServer = ReturnType<typeof createAuthServer>;

/**
 * better-auth endpoints reachable over HTTP (under /api/auth). Everything
 * else it has (sign-up, magic-link requests, account linking, ...) is
 * refused: users are created by invitation and links by the server.
 */
export const publicAuthEndpoints: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: 'POST', path: /^\/api\/auth\/sign-in\/email$/ },
  { method: 'POST', path: /^\/api\/auth\/sign-out$/ },
  { method: 'GET', path: /^\/api\/auth\/get-session$/ },
  { method: 'POST', path: /^\/api\/auth\/change-password$/ },
  { method: 'POST', path: /^\/api\/auth\/request-password-reset$/ },
  { method: 'POST', path: /^\/api\/auth\/reset-password$/ },
  { method: 'GET', path: /^\/api\/auth\/reset-password\/[^/]+$/ },
  { method: 'GET', path: /^\/api\/auth\/magic-link\/verify$/ },
];
