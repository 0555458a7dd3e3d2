import { AppError } from '../../core/app-error.ts';
import { errorCodes, type ErrorCode } from '../../core/error-codes.ts';

/** The code for an HTTP status when the body does not carry one of ours (a proxy's page, an old server). */
function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'invalid_input';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 421) return 'unknown_host';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'upstream_error';
  return 'internal';
}

/**
 * A refusal from the server as the AppError the local command would have
 * thrown: the API's body `{ error: { code, message, details } }` keeps its
 * code, so the exit status is the same in both modes (src/core/error-codes.ts).
 * Anything else is named by its HTTP status. `secret` (the token) is cut out
 * of whatever the server said, in case something echoed it.
 */
export function errorFromResponse(status: number, text: string, secret: string | null = null): AppError {
  let code: ErrorCode = codeForStatus(status);
  let message = `the server answered HTTP ${status}`;
  let details: Record<string, unknown> | undefined;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    const e = body?.error;
    if (e && typeof e === 'object') {
      if (typeof e.code === 'string' && e.code in errorCodes) code = e.code as ErrorCode;
      if (typeof e.message === 'string' && e.message) message = e.message;
      if (e.details && typeof e.details === 'object' && !Array.isArray(e.details)) details = e.details as Record<string, unknown>;
    }
  } catch {
    const snippet = text.trim().replace(/\s+/g, ' ').slice(0, 200);
    if (snippet) message += `: ${snippet}`;
  }
  if (secret) {
    message = message.split(secret).join('[token]');
    if (details) details = JSON.parse(JSON.stringify(details).split(secret).join('[token]')) as Record<string, unknown>;
  }
  return new AppError(code, message, details);
}
