import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';
import type { AccessContext } from '../access/access-context.ts';
import { browserGuard, crossSiteRefusal, hostNameOf, securityHeaders } from './browser-guard.ts';
import { errorResponse } from './error-response.ts';

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const hostName = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 3 }).map((l) => l.join('.')),
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((n) => n.join('.')),
);
const port = fc.integer({ min: 1, max: 65535 });
const publicUrl = 'http://127.0.0.1:4477';

describe('hostNameOf', () => {
  it('property: the name without port, lower case, for names, IPv4 and IPv6', () => {
    fc.assert(
      fc.property(hostName, port, fc.boolean(), (h, p, upper) => {
        const shown = upper ? h.toUpperCase() : h;
        expect(hostNameOf(`${shown}:${p}`)).toBe(h);
        expect(hostNameOf(shown)).toBe(h);
      }),
    );
    expect(hostNameOf('[::1]:4477')).toBe('::1');
    expect(hostNameOf('[::1]')).toBe('::1');
  });
});

describe('crossSiteRefusal', () => {
  const site = fc.constantFrom('cross-site', 'same-site');
  const maybeOrigin = fc.option(fc.oneof(fc.constant('null'), fc.tuple(hostName, port).map(([h, p]) => `http://${h}:${p}`)), { nil: undefined });

  it('property: a cross-site or same-site (another port) request is refused whatever Origin it shows', () => {
    fc.assert(
      fc.property(site, maybeOrigin, (s, o) => {
        expect(crossSiteRefusal(s, o, '127.0.0.1:4477', publicUrl)).not.toBeNull();
      }),
    );
  });

  it('property: an Origin other than our host or public URL is refused, even when Sec-Fetch-Site is missing or same-origin', () => {
    fc.assert(
      fc.property(hostName, port, fc.constantFrom(undefined, 'same-origin', 'none'), (h, p, s) => {
        fc.pre(`${h}:${p}` !== '127.0.0.1:4477');
        expect(crossSiteRefusal(s, `http://${h}:${p}`, '127.0.0.1:4477', publicUrl)).not.toBeNull();
      }),
    );
    expect(crossSiteRefusal(undefined, 'null', '127.0.0.1:4477', publicUrl)).not.toBeNull();
    expect(crossSiteRefusal(undefined, 'not a url', '127.0.0.1:4477', publicUrl)).not.toBeNull();
  });

  it('our own origin (by Host or by the public URL) and non-browser clients pass', () => {
    expect(crossSiteRefusal('same-origin', 'http://127.0.0.1:4477', '127.0.0.1:4477', publicUrl)).toBeNull();
    expect(crossSiteRefusal('same-origin', 'https://scoutline.example.com', 'internal:8080', 'https://scoutline.example.com')).toBeNull();
    expect(crossSiteRefusal(undefined, undefined, '127.0.0.1:4477', publicUrl)).toBeNull();
    expect(crossSiteRefusal('none', undefined, '127.0.0.1:4477', publicUrl)).toBeNull();
  });
});

describe('browserGuard middleware', () => {
  // the guard's two inputs from the access context; the rest of it is not read here
  const access = { allowedHosts: new Set(['127.0.0.1', 'localhost']), publicUrl } as unknown as AccessContext;
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('access', access);
    await next();
  });
  app.use('*', browserGuard());
  app.onError((err, c) => errorResponse(c, err));
  app.all('/api/thing', (c) => c.json({ ok: true }));
  app.post('/api/webhooks/outcomes', (c) => c.json({ ok: true }));
  app.get('/api/boom', () => {
    throw new Error('boom');
  });
  app.get('/go', (c) => c.redirect('/'));
  app.get('/raw-redirect', () => Response.redirect('http://127.0.0.1:4477/', 302));
  const req = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    app.request(`http://127.0.0.1:4477${path}`, { ...init, headers: { host: '127.0.0.1:4477', ...init.headers } });

  it('every method that changes state is refused cross-site, whatever the body; reads are not', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const body of [undefined, 'a=1', '{}']) {
        const r = await req('/api/thing', { method, body, headers: { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:9999' } });
        expect(r.status, `${method} ${body}`).toBe(403);
        expect(await r.json()).toMatchObject({ error: { code: 'cross_site' } });
      }
    }
    expect((await req('/api/thing', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    expect((await req('/api/thing', { method: 'POST', headers: { 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:4477' } })).status).toBe(200);
    // the signed webhook is server-to-server: its signature guards it (checked in its route)
    expect((await req('/api/webhooks/outcomes', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  });

  it('a Host not on the list is refused with 421 for every method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const r = await req('/api/thing', { method, headers: { host: 'rebind.attacker.example:4477' } });
      expect(r.status).toBe(421);
      expect(await r.json()).toMatchObject({ error: { code: 'unknown_host' } });
    }
  });

  it('puts the security headers on answers, refusals, thrown errors and both kinds of redirect', async () => {
    const answers = [
      await req('/api/thing'),
      await req('/api/nothing-here'),
      await req('/api/boom'),
      await req('/go'),
      await req('/raw-redirect'),
      await req('/api/thing', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } }),
      await req('/api/thing', { headers: { host: 'evil.example' } }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 500, 302, 302, 403, 421]);
    for (const a of answers) for (const [k, v] of Object.entries(securityHeaders)) expect(a.headers.get(k), `${a.status} ${k}`).toBe(v);
    expect(securityHeaders['Content-Security-Policy']).toMatch(/script-src 'self';/);
    expect(securityHeaders['Content-Security-Policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
});
