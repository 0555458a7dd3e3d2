/**
 * The typed client for Scoutline's public HTTP API. Every error body has the
 * shape `{ error: { code, message, details? } }`; the client turns it into an
 * `ApiError` so pages can show the message and act on the code.
 */

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
  /** The route does not exist on this server (yet). */
  get isMissingRoute(): boolean {
    return this.status === 404 && this.code === 'not_found' && /^no route for /.test(this.message);
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

/** POSTs a file as it is (the server streams it), with its content type. */
export function upload<T>(path: string, file: Blob, contentType: string, signal?: AbortSignal): Promise<T> {
  return send<T>('POST', path, { method: 'POST', headers: { accept: 'application/json', 'content-type': contentType }, body: file, signal });
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
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The Scoutline server cannot be reached. Is it running?');
  }
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
      : new ApiError(res.status, res.status === 404 ? 'not_found' : 'http_error', `${method} ${path} failed with HTTP ${res.status}`);
    const retry = Number(res.headers.get('retry-after'));
    if (res.status === 429 && Number.isFinite(retry) && retry > 0) err.retryAfterSeconds = retry;
    // a wrong password at sign-in is a 401 too: the sign-in form shows that one itself
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated?.(err);
    throw err;
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown, signal?: AbortSignal) => request<T>('POST', path, body ?? {}, signal),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** Query string from an object, skipping undefined and empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** A readable one-line message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.code === 'network' || err.code === 'http_error' ? err.message : `${err.message} (${err.code})`;
  if (err instanceof Error) return err.message;
  return String(err);
}
