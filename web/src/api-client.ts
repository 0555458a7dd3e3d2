/**
 * The typed client for Scoutline's public HTTP API. `client` is Hono's RPC
 * client over the API contract (src/api-contract: the route definitions the
 * server implements), so a page names a route and gets its input and answer
 * types from the contract; `call` turns an answer into its success body.
 * Every error body has the shape `{ error: { code, message, details? } }`;
 * it becomes an `ApiError` so pages can show the message and act on the code.
 */
import { hc, type ClientResponse } from 'hono/client';
import type { ApiType } from '../../src/api-contract/api-type.ts';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  /** seconds to wait before trying again, from a 429's Retry-After header */
  retryAfterSeconds: number | null = null;
  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

function isErrorBody(v: unknown): v is ApiErrorBody {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit =
    body === undefined
      ? { method, headers: { accept: 'application/json' }, signal }
      : { method, headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body), signal };
  return send<T>(method, path, init);
}

/**
 * Called when the server answers 401 outside its sign-in endpoints: the
 * session ended (expired, signed out elsewhere, password changed), so the
 * app sends the person to the sign-in page and back afterwards.
 */
let onUnauthenticated: ((err: ApiError) => void) | null = null;
export function setUnauthenticatedHandler(handler: ((err: ApiError) => void) | null): void {
  onUnauthenticated = handler;
}

async function send<T>(method: string, path: string, init: RequestInit): Promise<T> {
  return readAnswer<T>(await fetchOrExplain(path, init), method, path);
}

/** fetch, with "the server cannot be reached" as an ApiError rather than a bare TypeError. */
async function fetchOrExplain(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The Scoutline server cannot be reached. Is it running?');
  }
}

async function readAnswer<T>(res: Response, method: string, path: string): Promise<T> {
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!res.ok) {
    const err = isErrorBody(parsed)
      ? new ApiError(res.status, parsed.error.code, parsed.error.message, parsed.error.details)
      : new ApiError(res.status, res.status === 404 ? 'not_found' : 'http_error', `${[method, path].filter(Boolean).join(' ')} failed with HTTP ${res.status}`);
    const retry = Number(res.headers.get('retry-after'));
    if (res.status === 429 && Number.isFinite(retry) && retry > 0) err.retryAfterSeconds = retry;
    // a wrong password at sign-in is a 401 too: the sign-in form shows that one itself
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated?.(err);
    throw err;
  }
  return parsed as T;
}

/** The API as typed routes: `client.api.search.$post({ json })`, `client.api.candidates[':id'].$get({ param: { id } })`. */
export const client = hc<ApiType>(typeof location === 'undefined' ? 'http://localhost' : location.origin, {
  fetch: fetchOrExplain,
  headers: { accept: 'application/json' },
});

/** The body of a success answer (2xx) of a client call, whose type the contract gives. */
export type Answer<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends 200 | 201 | 202 | 204 ? T : never) : never;

/** The success body of a client route: `AnswerOf<typeof client.api.roles.$get>`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnswerOf<F extends (...args: any[]) => Promise<unknown>> = Answer<Awaited<ReturnType<F>>>;

/**
 * Awaits a typed client call and returns its success body; an error answer
 * throws an ApiError with the server's code and message (and a 401 sends the
 * person to sign in, as every other call does).
 */
export async function call<R extends ClientResponse<unknown, number, string>>(pending: Promise<R>): Promise<Answer<R>> {
  const res = (await pending) as unknown as Response;
  const url = new URL(res.url || 'http://localhost/');
  return readAnswer<Answer<R>>(res, '', url.pathname);
}

/**
 * Untyped calls, for what is not in our contract: better-auth's own
 * /api/auth/* endpoints and the /openapi.json document itself.
 */
export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown, signal?: AbortSignal) => request<T>('POST', path, body ?? {}, signal),
};

/** A readable one-line message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.code === 'network' || err.code === 'http_error' ? err.message : `${err.message} (${err.code})`;
  if (err instanceof Error) return err.message;
  return String(err);
}
