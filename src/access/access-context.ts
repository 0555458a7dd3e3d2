import type { Store } from '../db/open-database.ts';
import { createAuthServer, type AuthServer } from './auth-server.ts';
import type { AccountMailer } from './account-mailer.ts';
import { deriveKey } from './secret-box.ts';

/**
 * Everything the API needs to authenticate and protect requests, built once
 * per server: the auth library's instance, the key for stored secrets, and
 * the browser rules (which hosts and origins are ours).
 */
export interface AccessContext {
  auth: AuthServer;
  /** the key that seals stored secrets (derived from the master key) */
  secretsKey: Buffer;
  publicUrl: string;
  /** host names (no port) the server answers for; others are refused (DNS rebinding) */
  allowedHosts: ReadonlySet<string>;
  /** take the client address from X-Forwarded-For (only behind a reverse proxy you run) */
  trustProxy: boolean;
  mailer: AccountMailer | null;
  /** failed sign-ins per account in 15 minutes before it is locked for the rest of them */
  accountLockAfter: number;
  /** the last link the auth library made per kind and address (read by the server-side link makers) */
  lastLinks: Map<string, string>;
}

export interface AccessContextOptions {
  store: Store;
  masterKey: Buffer;
  publicUrl: string;
  /** extra host names (SCOUTLINE_ALLOWED_HOSTS, comma-separated) */
  allowedHosts?: string[];
  trustProxy?: boolean;
  mailer?: AccountMailer | null;
  signInPerMinute?: number;
  accountLockAfter?: number;
  onLink?: (kind: 'sign-in' | 'reset', email: string, url: string) => void;
}

export function createAccessContext(o: AccessContextOptions): AccessContext {
  const mailer = o.mailer ?? null;
  const lastLinks = new Map<string, string>();
  const publicHost = new URL(o.publicUrl).hostname.replace(/^\[|\]$/g, '');
  const hosts = new Set(['localhost', '127.0.0.1', '::1', publicHost, ...(o.allowedHosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean)]);
  return {
    auth: createAuthServer({ store: o.store, publicUrl: o.publicUrl, secret: deriveKey(o.masterKey, 'sessions').toString('base64url'), mailer,
      signInPerMinute: o.signInPerMinute,
      onLink: (kind, email, url) => {
        lastLinks.set(`${kind}:${email.toLowerCase()}`, url);
        o.onLink?.(kind, email, url);
      },
    }),
    secretsKey: deriveKey(o.masterKey, 'settings'),
    publicUrl: o.publicUrl.replace(/\/+$/, ''),
    allowedHosts: hosts,
    trustProxy: o.trustProxy ?? false,
    mailer,
    accountLockAfter: o.accountLockAfter ?? 10,
    lastLinks,
  };
}
