import type { Context, MiddlewareHandler } from 'hono';
import { isUtf8 } from 'node:buffer';
import { AppError } from '../core/app-error.ts';
import { routePolicies } from '../access/route-policies.ts';
import { compileRoutePolicies } from '../access/route-policy-match.ts';
import type { AppEnv } from './app-env.ts';
import { bodyLimitVariables, formatBytes, routeBodyLimitKinds, type BodyLimits } from './body-limits.ts';
import { zodIssuesToAppError } from '../core/zod-issues.ts';
import { jsonSyntaxError } from './json-syntax-error.ts';
import { jsonTextProblems, stringProblem } from './json-text-problems.ts';
import { isJsonMediaType, type RouteBody } from './route-bodies.ts';
import { invalidUtf8Offset } from './utf8-offset.ts';

/**
 * The request boundary, once for every route: body size limits, and for
 * routes that take one JSON document, the content type, UTF-8, JSON syntax
 * and text that cannot be stored (NUL, lone surrogates, absurd nesting), each
 * refused as a 4xx naming what is wrong and where before any route code or
 * database sees the request. See docs/operations.md, "Request limits".
 */

const matchRoute = compileRoutePolicies(routePolicies);

/** 'POST /api/import', or undefined for paths outside the route table. */
export function routeKeyOf(method: string, path: string): string | undefined {
  return matchRoute(method, path)?.route;
}

function tooLarge(limit: number, kind: keyof BodyLimits, what: string): AppError {
  return new AppError('payload_too_large', `${what} is over the ${formatBytes(limit)} limit for this route (set by ${bodyLimitVariables[kind]})`, { limit, limitName: bodyLimitVariables[kind] });
}

/**
 * A body that errors with payload_too_large as soon as more than `limit`
 * bytes have arrived. It stops reading there and does not cancel the
 * source: cancelling a Node request destroys its socket, and the client
 * would get a reset instead of the 413.
 */
export function limitedBody(body: ReadableStream<Uint8Array>, limit: number, over: () => AppError, onOver: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let seen = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const r = await reader.read();
        if (r.done) return controller.close();
        seen += r.value.byteLength;
        if (seen > limit) {
          onOver();
          reader.releaseLock();
          return controller.error(over());
        }
        controller.enqueue(r.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/**
 * Before authentication: a declared Content-Length over the route's limit is
 * refused without reading anything; any other body is read through
 * limitedBody, so a chunked or lying body is cut off at the limit. A 413
 * closes the connection (the rest of an oversized upload is not read).
 */
export function bodyLimitMiddleware(limits: BodyLimits): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const key = routeKeyOf(method, c.req.path);
    const kind = (key && routeBodyLimitKinds[key]) || 'default';
    const limit = limits[kind];
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.header('transfer-encoding') && Number(declared) > limit) {
      const e = tooLarge(limit, kind, `the request body (${formatBytes(Number(declared))}, from Content-Length)`);
      return closing(c.json(e.toJSON(), 413));
    }
    const raw = c.req.raw;
    if (!raw.body) return next();
    let cut = false;
    c.req.raw = new Request(raw, {
      body: limitedBody(raw.body, limit, () => tooLarge(limit, kind, 'the request body'), () => (cut = true)),
      duplex: 'half',
    } as RequestInit);
    await next();
    if (cut) closing(c.res);
  };
}

function closing(res: Response): Response {
  res.headers.set('connection', 'close');
  return res;
}

// as @hono/zod-openapi's media type gate matches JSON, so a body passed here is not refused there
const jsonContentType = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/** The body of a JSON route as text, refused with a 4xx for every way it can be wrong; undefined: not for us to parse. */
async function checkedJsonText(c: Context<AppEnv>, body: RouteBody): Promise<string | undefined> {
  const contentType = c.req.header('content-type');
  const accepted = body.mediaTypes.join(', ');
  const isJson = contentType !== undefined && jsonContentType.test(contentType);
  if (contentType !== undefined && !isJson) {
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    if (body.mediaTypes.includes(mediaType)) return undefined; // another declared type: the route reads it itself
    throw new AppError('unsupported_media_type', `Content-Type '${contentType}' is not taken here: this route takes ${accepted}`, { contentType, accepted: body.mediaTypes });
  }
  const charset = isJson ? /;\s*charset=("?)([^";]+)\1/i.exec(contentType!)?.[2] : undefined;
  if (charset && !/^utf-?8$/i.test(charset)) throw new AppError('unsupported_media_type', `JSON bodies must be UTF-8; Content-Type says charset=${charset}`, { contentType, accepted: body.mediaTypes });
  const bytes = c.req.raw.body ? new Uint8Array(await c.req.arrayBuffer()) : new Uint8Array(0);
  if (bytes.every((b) => b === 32 || b === 9 || b === 10 || b === 13)) {
    if (body.required) throw new AppError('invalid_input', `the request body is empty: this route takes ${accepted} (send Content-Type: application/json and a JSON body)`, { where: 'body' });
    // an optional body sent empty is no body: validate `{}` so its defaults apply
    return isJson ? '{}' : undefined;
  }
  if (!isJson) throw new AppError('unsupported_media_type', `the request body has no Content-Type: this route takes ${accepted} (send Content-Type: application/json)`, { accepted: body.mediaTypes });
  if (!isUtf8(bytes)) {
    const at = invalidUtf8Offset(bytes);
    throw new AppError('invalid_input', `the request body is not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at offset ${at})`, { where: 'body', byteOffset: at });
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * After authentication, on routes whose body is one JSON document: the
 * body is read (within the limit), checked and parsed here, then handed to
 * the route's validator through Hono's body cache. `bodies` is looked up on
 * the first request, when every route is registered.
 */
export function jsonBodyMiddleware(bodies: () => Map<string, RouteBody>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (/%00/i.test(url.pathname)) throw new AppError('invalid_input', `the URL path contains an encoded NUL character (%00): ${url.pathname.replace(/%00/gi, '\\u0000')}`, { where: 'path' });
    for (const [name, values] of Object.entries(c.req.queries())) {
      const problem = stringProblem(name) ?? values.map(stringProblem).find((p) => p !== null);
      if (problem) throw new AppError('invalid_input', `invalid query: ${name.replace(/\u0000/g, '\\u0000')}: ${problem}`, { where: 'query', issues: [{ path: [name.replace(/\u0000/g, '\\u0000')], message: problem }] });
    }
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const key = routeKeyOf(method, c.req.path);
    const body = key ? bodies().get(key) : undefined;
    if (!body?.json) return next();
    const text = await checkedJsonText(c, body);
    if (text === undefined) return next();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const e = jsonSyntaxError(text);
      if (!e) throw new AppError('invalid_input', `malformed JSON in the request body: ${(err as Error).message}`, { where: 'body' });
      throw new AppError('invalid_input', `malformed JSON in the request body at line ${e.line}, column ${e.column}: ${e.reason}`, { where: 'body', ...e });
    }
    const problems = jsonTextProblems(value);
    if (problems.length > 0) throw zodIssuesToAppError(problems, 'json');
    // the route's validator calls c.req.json(), which parses this cached text
    (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
    return next();
  };
}
