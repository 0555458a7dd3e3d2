import { api, ApiError } from './api-client.ts';

/**
 * Which API routes this server has, read once from /openapi.json. The UI
 * grows with the API: a page asks before it calls a route that may not exist
 * yet, so nothing 404s in the console.
 */
let routes: Promise<Set<string>> | null = null;

function load(): Promise<Set<string>> {
  routes ??= api.get<{ paths?: Record<string, Record<string, unknown>> }>('/openapi.json').then(
    (doc) => {
      const out = new Set<string>();
      for (const [path, ops] of Object.entries(doc.paths ?? {})) for (const m of Object.keys(ops)) out.add(`${m.toUpperCase()} ${path}`);
      return out;
    },
    () => new Set<string>(),
  );
  return routes;
}

/** Starts reading /openapi.json at once, so the first search does not wait for it (bench ui: ~150 ms at Enter otherwise). */
export function preloadCapabilities(): void {
  void load();
}

/** `has('POST', '/api/search')`; path templates as in the spec: '/api/campaigns/{id}'. */
export async function has(method: string, path: string): Promise<boolean> {
  return (await load()).has(`${method.toUpperCase()} ${path}`);
}

/** GET a route when the server has it, else the fallback (no 404 in the console). */
export async function getIfAvailable<T>(path: string, template: string, fallback: T, signal?: AbortSignal): Promise<T> {
  if (!(await has('GET', template))) return fallback;
  return api.get<T>(path, signal);
}

/** Throws the same error a missing route would, without asking the server (so no 404 in the console). */
export async function need(method: string, template: string): Promise<void> {
  if (!(await has(method, template))) throw new ApiError(404, 'not_found', `no route for ${method.toUpperCase()} ${template}`);
}
