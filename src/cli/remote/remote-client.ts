import { AppError } from '../../core/app-error.ts';
import { errorFromResponse } from './remote-error.ts';

export type QueryValue = string | number | boolean | readonly string[] | undefined | null;

export interface RemoteRequest {
  query?: Record<string, QueryValue>;
  /** a JSON body */
  json?: unknown;
  /** a raw body (streamed) with its content type */
  body?: ReadableStream<Uint8Array> | string | Uint8Array;
  contentType?: string;
  contentLength?: number;
}

export interface RemoteResponse {
  status: number;
  contentType: string;
  text: string;
}

/**
 * The CLI's side of the HTTP API: `Authorization: Bearer` with the token,
 * JSON in and out, and every refusal turned into the AppError the local
 * command would have raised (same code, same exit status). The token is
 * only ever put in that header: not in URLs, messages or output.
 */
export class RemoteClient {
  readonly server: string;
  readonly #token: string | null;

  constructor(target: { server: string; token: string | null }) {
    this.server = target.server;
    this.#token = target.token;
  }

  get hasToken(): boolean {
    return this.#token !== null;
  }

  url(path: string, query: Record<string, QueryValue> = {}): string {
    if (!path.startsWith('/')) throw new AppError('invalid_input', `an API path starts with '/', got '${path}'`);
    const u = new URL(this.server + path);
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null) continue;
      for (const item of Array.isArray(v) ? v : [v]) u.searchParams.append(k, String(item));
    }
    return u.toString();
  }

  /** The raw answer, refusals included (the `api` command shows both). */
  async send(method: string, path: string, r: RemoteRequest = {}): Promise<RemoteResponse> {
    const headers = new Headers({ accept: 'application/json', 'user-agent': 'scoutline-cli' });
    if (this.#token) headers.set('authorization', `Bearer ${this.#token}`);
    let body: RemoteRequest['body'];
    if (r.json !== undefined) {
      body = JSON.stringify(r.json);
      headers.set('content-type', 'application/json');
    } else if (r.body !== undefined) {
      body = r.body;
      if (r.contentType) headers.set('content-type', r.contentType);
      if (r.contentLength !== undefined) headers.set('content-length', String(r.contentLength));
    }
    let res: Response;
    try {
      res = await fetch(this.url(path, r.query), { method, headers, body, redirect: 'manual', ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
    } catch (err) {
      if (err instanceof AppError) throw err;
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new AppError('upstream_error', `cannot reach the Scoutline server at ${new URL(this.server).origin}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
    }
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      // a redirect would send the token to wherever it points: refused, the URL is likely wrong (http vs https)
      throw new AppError('upstream_error', `the server at ${new URL(this.server).origin} redirects (HTTP ${res.status}${res.headers.get('location') ? ` to ${res.headers.get('location')}` : ''}); give the URL it redirects to as --server`);
    }
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  }

  /** The JSON answer of a 2xx; any other status is thrown as the AppError it stands for. */
  async json<T = unknown>(method: string, path: string, r: RemoteRequest = {}): Promise<T> {
    const res = await this.send(method, path, r);
    if (res.status >= 400) throw this.refusal(res);
    try {
      return JSON.parse(res.text) as T;
    } catch {
      throw new AppError('upstream_error', `the server answered ${method} ${path} with something that is not JSON (${res.contentType || 'no content type'})`);
    }
  }

  refusal(res: RemoteResponse): AppError {
    const e = errorFromResponse(res.status, res.text, this.#token);
    if (e.code === 'unauthenticated' && !this.#token) return new AppError('unauthenticated', `${e.message} (no API token given: pass --token, --token-file or set SCOUTLINE_TOKEN)`, e.details);
    return e;
  }
}
