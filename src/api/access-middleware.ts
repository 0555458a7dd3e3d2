import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from '../core/app-error.ts';
import type { AppEnv } from './app-env.ts';
import { errorResponse } from './error-response.ts';
import { routePolicies } from '../access/route-policies.ts';
import { compileRoutePolicies } from '../access/route-policy-match.ts';
import { needsCaller, needsWorkspace, roleMeets } from '../access/access-level.ts';
import { clientIpHeader, publicAuthEndpoints } from '../access/auth-server.ts';
import { verifyApiToken } from '../access/api-token-store.ts';
import { listUserWorkspaces } from '../access/membership-store.ts';
import { appendAudit, countFailedSignIns } from '../access/audit-store.ts';
import type { Principal } from '../access/principal.ts';

const matchPolicy = compileRoutePolicies(routePolicies);

/** The client address: the socket's, or the first X-Forwarded-For hop when the operator says a proxy is in front. */
export function clientAddress(c: Context<AppEnv>): string | null {
  if (c.get('access').trustProxy) {
    const xff = c.req.header('x-forwarded-for');
    if (xff) return xff.split(',')[0]!.trim() || null;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // an in-process request (tests) has no socket
  }
}

/**
 * Authentication and the route policy table, for every /api request:
 * better-auth's own endpoints (only those listed public) go to its handler,
 * with sign-in attempts recorded in the audit log and an account locked
 * after repeated failures; every other /api route must be in the policy
 * table (else it is refused as unknown), and the caller must meet its level.
 */
export function accessMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    c.set('clientIp', clientAddress(c));
    if (path === '/api/auth' || path.startsWith('/api/auth/')) return handleAuthEndpoint(c);
    if (!path.startsWith('/api/') && path !== '/openapi.json') return next();

    const policy = matchPolicy(c.req.method, path);
    if (!policy) return errorResponse(c, new AppError('not_found', `no route for ${c.req.method} ${path}`));
    if (!needsCaller(policy.level)) return next();

    let principal: Principal | null;
    try {
      principal = await resolvePrincipal(c);
    } catch (err) {
      return errorResponse(c, err);
    }
    if (!principal) return errorResponse(c, new AppError('unauthenticated', 'sign in first, or send an API token as "Authorization: Bearer <token>"'));
    if (policy.level === 'session' && principal.via === 'token') return errorResponse(c, new AppError('forbidden', 'this needs a signed-in session, not an API token'));
    if (needsWorkspace(policy.level)) {
      if (!principal.workspaceId || !principal.role) return errorResponse(c, new AppError('forbidden', 'you are not a member of any workspace yet: ask an admin for an invitation'));
      if (!roleMeets(principal.role, policy.level)) {
        return errorResponse(c, new AppError('forbidden', `your role (${principal.role}) cannot do this; it needs ${policy.level === 'write' ? 'a recruiter' : `an ${policy.level}`} or more`, { role: principal.role, needs: policy.level }));
      }
    }
    c.set('principal', principal);
    c.set('workspaceId', principal.workspaceId ?? '');
    return next();
  };
}

/** Bearer token, else session cookie; null when neither is valid. */
async function resolvePrincipal(c: Context<AppEnv>): Promise<Principal | null> {
  const store = c.get('store');
  const authz = c.req.header('authorization');
  if (authz && /^bearer\s+/i.test(authz)) {
    const id = await verifyApiToken(store, authz.replace(/^bearer\s+/i, '').trim());
    if (!id) throw new AppError('unauthenticated', 'the API token is not valid (unknown, revoked, or its user left the workspace)');
    return { userId: id.userId, email: id.email, name: id.name, via: 'token', workspaceId: id.workspaceId, role: id.role, tokenId: id.tokenId };
  }
  const { auth } = c.get('access');
  const session = await auth.api.getSession({ headers: c.req.raw.headers });
  if (!session) return null;
  const workspaces = await listUserWorkspaces(store, session.user.id);
  const row = await store.db.selectFrom('auth_sessions').select('active_workspace_id').where('id', '=', session.session.id).executeTakeFirst();
  const active = workspaces.find((w) => w.id === row?.active_workspace_id) ?? workspaces[0] ?? null;
  return { userId: session.user.id, email: session.user.email, name: session.user.name, via: 'session', workspaceId: active?.id ?? null, role: active?.role ?? null };
}

async function handleAuthEndpoint(c: Context<AppEnv>): Promise<Response> {
  const method = c.req.method;
  const path = c.req.path;
  if (!publicAuthEndpoints.some((e) => e.method === method && e.path.test(path))) {
    return errorResponse(c, new AppError('not_found', `no route for ${method} ${path}`));
  }
  const access = c.get('access');
  const store = c.get('store');
  const ip = c.get('clientIp');
  // the address better-auth limits by is the one we trust, never one the client sent
  const headers = new Headers(c.req.raw.headers);
  headers.delete(clientIpHeader);
  headers.set(clientIpHeader, ip ?? 'in-process');
  const bodyText = method === 'POST' ? await c.req.raw.text() : undefined;
  const forwarded = new Request(c.req.raw.url, { method, headers, body: bodyText });

  if (path === '/api/auth/sign-in/email') {
    const email = emailIn(bodyText);
    if (email) {
      const since = new Date(Date.now() - 15 * 60_000).toISOString();
      if ((await countFailedSignIns(store, email, since)) >= access.accountLockAfter) {
        await appendAudit(store.db, { workspaceId: null, actorUserId: null, actor: email, via: 'session', action: 'sign_in_failed', outcome: 'refused', details: { reason: 'account locked after repeated failures' }, ip });
        return errorResponse(c, new AppError('rate_limited', 'too many failed sign-ins for this account: wait 15 minutes, or reset the password'));
      }
    }
    const res = await access.auth.handler(forwarded);
    if (email) {
      const user = res.ok ? await store.db.selectFrom('auth_users').select('id').where('email', '=', email).executeTakeFirst() : undefined;
      await appendAudit(store.db, { workspaceId: null, actorUserId: user?.id ?? null, actor: email, via: 'session', action: res.ok ? 'sign_in' : 'sign_in_failed', outcome: res.ok ? 'ok' : 'refused', details: res.ok ? {} : { status: res.status }, ip });
    }
    return translateAuthError(c, res);
  }
  const res = await access.auth.handler(forwarded);
  return translateAuthError(c, res);
}

function emailIn(body: string | undefined): string | null {
  if (!body) return null;
  try {
    const v = (JSON.parse(body) as { email?: unknown }).email;
    return typeof v === 'string' ? v.trim().toLowerCase() : null;
  } catch {
    return null;
  }
}

/** better-auth's refusals in our one error shape, so the UI and CLI read every refusal the same way. */
async function translateAuthError(c: Context<AppEnv>, res: Response): Promise<Response> {
  if (res.status < 400) return res;
  let message = res.statusText || 'refused';
  let authCode: string | undefined;
  try {
    const body = (await res.clone().json()) as { message?: string; code?: string };
    if (body.message) message = body.message;
    authCode = body.code;
  } catch {
    /* not JSON */
  }
  const code = res.status === 429 ? 'rate_limited' : res.status === 401 ? 'unauthenticated' : res.status === 403 ? 'forbidden' : res.status === 404 ? 'not_found' : 'invalid_input';
  const e = new AppError(code, res.status === 429 ? 'too many attempts: wait a minute and try again' : message, authCode ? { authCode } : undefined);
  const out = errorResponse(c, e);
  const retry = res.headers.get('x-retry-after') ?? res.headers.get('retry-after');
  if (retry) out.headers.set('Retry-After', retry);
  return out;
}
