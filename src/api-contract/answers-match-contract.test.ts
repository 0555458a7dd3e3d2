import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from '@hono/zod-openapi';
import { openDatabase, type Store } from '../db/open-database.ts';
import { signedInApp, type SignedInApp } from '../api/test-app.ts';
import { loadDemoWorkspace } from '../demo/demo-workspace.ts';
import { demoRoleId, ensureDemoRole } from '../demo/demo-campaign.ts';
import { apiRoutes } from './api-routes.ts';

/**
 * The contract is only worth its types if the server's answers are what it
 * says. On a demo workspace (candidates, two seats, a role, a running
 * campaign), every GET route and the read-only POSTs are called, and each
 * 200 answer is parsed by the route's own answer schema: parsing must
 * succeed and change nothing (a field the schema does not know would be
 * stripped, a missing one filled by a default, so either shows as a
 * difference).
 */
describe('the server answers as the contract says', () => {
  let store: Store;
  let owner: SignedInApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    store = await openDatabase(':memory:');
    owner = await signedInApp({ store, webRoot: '/nonexistent' });
    const demo = await loadDemoWorkspace(store, 'default', { count: 40, asOf: '2026-06-01' });
    await ensureDemoRole(store, 'default');
    const campaigns = (await (await owner.request('/api/campaigns')).json()) as { campaigns: Array<{ id: string }> };
    const candidates = (await (await owner.request('/api/candidates?limit=1')).json()) as { candidates?: Array<{ id: number }> };
    ids.campaign = campaigns.campaigns[0]!.id;
    ids.candidate = String(candidates.candidates?.[0]?.id ?? 1);
    ids.seat = demo.seats[0]!.id;
    ids.role = demoRoleId;
  }, 120_000);
  afterAll(async () => store?.close());

  /** The concrete path for a route's template, or null when this test has no row for a parameter. */
  function concrete(path: string): string | null {
    const out = path
      .replace(/^\/api\/candidates\/\{id\}/, `/api/candidates/${ids.candidate}`)
      .replace(/^\/api\/campaigns\/\{id\}/, `/api/campaigns/${encodeURIComponent(ids.campaign!)}`)
      .replace(/^\/api\/roles\/\{id\}/, `/api/roles/${ids.role}`)
      .replace(/\{seatId\}/, encodeURIComponent(ids.seat!))
      .replace(/^\/api\/outreach\/seats\/\{id\}/, `/api/outreach/seats/${encodeURIComponent(ids.seat!)}`);
    return out.includes('{') ? null : out;
  }

  /** Queries some GET routes require (the rest take none or have defaults). */
  const requiredQuery: Record<string, string> = { '/api/tasks': `?seat=${encodeURIComponent('')}` };

  const readOnlyPosts: Record<string, unknown> = {
    '/api/search': { query: 'engineer', limit: 5 },
    '/api/rank': { roleId: demoRoleId, limit: 5 },
    '/api/roles/extract': { jobDescription: 'Senior backend engineer, Go and Kubernetes, 5+ years, Berlin or remote.' },
  };

  it('every answer of every GET route, and of search and rank, parses to itself under its schema', async () => {
    requiredQuery['/api/tasks'] = `?seat=${encodeURIComponent(ids.seat!)}`;
    const checked: string[] = [];
    const differences: string[] = [];
    const unanswered: string[] = [];
    for (const route of apiRoutes) {
      const method = route.method.toUpperCase();
      if (method !== 'GET' && !(method === 'POST' && route.path in readOnlyPosts)) continue;
      const path = concrete(route.path);
      if (!path) continue;
      const init: RequestInit = method === 'GET' ? {} : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(readOnlyPosts[route.path]) };
      const res = await owner.request(path + (requiredQuery[route.path] ?? ''), init);
      const ok = (route.responses as Record<number, { content?: Record<string, { schema?: unknown }> }>)[200];
      const schema = ok?.content?.['application/json']?.schema as z.ZodType | undefined;
      if (res.status !== 200 || !schema || !(res.headers.get('content-type') ?? '').includes('json')) {
        unanswered.push(`${method} ${route.path}: ${res.status}`);
        continue;
      }
      const body: unknown = await res.json();
      const parsed = schema.safeParse(body);
      checked.push(`${method} ${route.path}`);
      if (!parsed.success) differences.push(`${method} ${route.path}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      else if (JSON.stringify(sorted(parsed.data)) !== JSON.stringify(sorted(body))) differences.push(`${method} ${route.path}: ${firstDifference(body, parsed.data)}`);
    }
    expect(differences).toEqual([]);
    expect(unanswered, 'routes this test called that did not answer 200').toEqual([]);
    expect(checked.length).toBeGreaterThan(30);
  }, 120_000);
});

/** A value with its object keys in order, so two JSON texts compare by content. */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sorted(x)]));
  return v;
}

/** Where the parsed answer differs from the one sent: the first path, and what each side has there. */
function firstDifference(sent: unknown, parsed: unknown, at = ''): string {
  if (JSON.stringify(sorted(sent)) === JSON.stringify(sorted(parsed))) return '';
  if (sent && parsed && typeof sent === 'object' && typeof parsed === 'object') {
    const keys = new Set([...Object.keys(sent), ...Object.keys(parsed)]);
    for (const k of keys) {
      const d = firstDifference((sent as Record<string, unknown>)[k], (parsed as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return `${at || '(root)'}: sent ${JSON.stringify(sent)?.slice(0, 80)}, contract reads ${JSON.stringify(parsed)?.slice(0, 80)}`;
}
