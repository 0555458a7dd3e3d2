import type { MiddlewareHandler } from 'hono';
import { AppError } from '../core/app-error.ts';
import type { AppEnv } from './app-env.ts';
import { errorResponse } from './error-response.ts';

/**
 * Protections for the recruiter's own browser, on every request:
 * - a Host allow-list, so a page on a rebinding domain that resolves to this
 *   machine cannot read the API (its requests carry its own host name);
 * - state-changing methods only from the app's own origin, whatever their
 *   content type (form posts, text/plain, multipart, body-less, no-cors):
 *   `Sec-Fetch-Site` must say same-origin (or none: typed by the user) and an
 *   `Origin`, when sent, must be ours. Clients that send neither (the CLI,
 *   curl, integrations) are not browsers and carry a token instead;
 * - security headers: a CSP without inline scripts, nosniff, no framing,
 *   no referrer beyond our origin.
 * The signed outcomes webhook is server-to-server; its signature is its guard.
 */
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const crossSiteExempt = new Set(['/api/webhooks/outcomes']);

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** The host name of a Host header value, lower case, without port or IPv6 brackets. */
export function hostNameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon > 0 ? h.slice(0, colon) : h;
}

export function browserGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const access = c.get('access');
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!access.allowedHosts.has(hostNameOf(host))) {
      const res = errorResponse(c, new AppError('unknown_host', `this server does not answer for host '${hostNameOf(host)}'; add it to SCOUTLINE_ALLOWED_HOSTS if it is yours`));
      applyHeaders(res.headers);
      return res;
    }
    if (unsafeMethods.has(c.req.method) && !crossSiteExempt.has(c.req.path)) {
      const refusal = crossSiteRefusal(c.req.header('sec-fetch-site'), c.req.header('origin'), host, access.publicUrl);
      if (refusal) {
        const res = errorResponse(c, new AppError('cross_site', refusal));
        applyHeaders(res.headers);
        return res;
      }
    }
    await next();
    try {
      applyHeaders(c.res.headers);
    } catch {
      // a Response.redirect() has immutable headers: copy it once
      c.res = new Response(c.res.body, c.res);
      applyHeaders(c.res.headers);
    }
  };
}

/** Why a state-changing request is refused as cross-site, or null when it is ours (pure). */
export function crossSiteRefusal(secFetchSite: string | undefined, origin: string | undefined, host: string, publicUrl: string): string | null {
  if (secFetchSite !== undefined && secFetchSite !== 'same-origin' && secFetchSite !== 'none') {
    return `a ${secFetchSite} request cannot change anything here; use the Scoutline app itself`;
  }
  if (origin !== undefined) {
    if (origin === 'null') return 'a request from an opaque origin cannot change anything here';
    let o: URL;
    try {
      o = new URL(origin);
    } catch {
      return 'the Origin header is not a URL';
    }
    const ours = new URL(publicUrl);
    const sameAsHost = o.host.toLowerCase() === host.toLowerCase();
    const sameAsPublic = o.origin === ours.origin;
    if (!sameAsHost && !sameAsPublic) return `requests from ${o.origin} cannot change anything here`;
  }
  return null;
}

function applyHeaders(headers: Headers): void {
  for (const [k, v] of Object.entries(securityHeaders)) if (!headers.has(k)) headers.set(k, v);
}
