import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, toAppError } from '../core/app-error.ts';
import { httpStatusFor } from '../core/error-codes.ts';
import { redactLogText } from '../outreach/delivery/structured-log.ts';
import { storageFailureOf } from '../db/storage-failure.ts';
import { zodIssuesToAppError } from '../core/zod-issues.ts';

/** A zod refusal that escaped a handler: a domain schema stricter than the route's refused the input; named by field, not internal. */
const isZodError = (err: unknown): err is { issues: Array<{ path: PropertyKey[]; message: string }> } =>
  err instanceof Error && err.name === 'ZodError' && Array.isArray((err as { issues?: unknown }).issues);

/** Hono's own refusals (its validators, body gates) in the code table: a client's mistake is never `internal`. */
const httpExceptionCodes = { 400: 'invalid_input', 413: 'payload_too_large', 415: 'unsupported_media_type' } as const;

export function errorResponse(c: Context, err: unknown): Response {
  const code = err instanceof HTTPException ? httpExceptionCodes[err.status as keyof typeof httpExceptionCodes] : undefined;
  // a database that is down, full or read-only: 503/507 with its own code, not internal
  const e = code ? new AppError(code, (err as Error).message) : isZodError(err) ? zodIssuesToAppError(err.issues, 'input') : (storageFailureOf(err) ?? toAppError(err));
  if (e.code === 'internal') console.error(internalErrorLog(err));
  return c.json(e.toJSON(), httpStatusFor(e.code) as ContentfulStatusCode);
}

/**
 * What the server prints for an unexpected error: its class, the driver's
 * error code, the message with addresses and credentials masked, and the
 * stack frames. Never the error object itself: a database error carries the
 * row's values (PostgreSQL's `detail`, `parameters`), which are candidates'
 * personal data.
 */
export function internalErrorLog(err: unknown): string {
  if (!(err instanceof Error)) return `internal error: ${redactLogText(String(err))}`;
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  const cause = err.cause instanceof Error ? `\ncaused by ${internalErrorLog(err.cause)}` : '';
  return `internal error: ${err.name}${typeof code === 'string' || typeof code === 'number' ? ` [${code}]` : ''}: ${redactLogText(err.message)}${frames.length ? `\n${frames.map(redactLogText).join('\n')}` : ''}${cause}`;
}

