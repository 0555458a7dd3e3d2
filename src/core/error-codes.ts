/**
 * The one table of stable error codes. Every error that leaves Scoutline
 * (HTTP response, CLI exit) carries one of these codes; the table decides the
 * HTTP status and the CLI exit status so the two interfaces never disagree.
 */
export const errorCodes = {
  invalid_input: { http: 400, exit: 2, summary: 'The input is malformed or fails validation.' },
  query_syntax: { http: 400, exit: 3, summary: 'The Boolean search query has a syntax error.' },
  unauthenticated: { http: 401, exit: 60, summary: 'No valid session or API token: sign in, or pass a token.' },
  forbidden: { http: 403, exit: 61, summary: 'Your role in this workspace does not allow this.' },
  cross_site: { http: 403, exit: 62, summary: 'A state-changing request did not come from the app itself (cross-site request refused).' },
  unknown_host: { http: 421, exit: 63, summary: 'The request named a host this server does not answer for (DNS rebinding protection).' },
  rate_limited: { http: 429, exit: 64, summary: 'Too many attempts; wait and try again.' },
  payload_too_large: { http: 413, exit: 6, summary: 'The request body is over the limit for this route.' },
  unsupported_media_type: { http: 415, exit: 7, summary: 'The request body has a content type this route does not take.' },
  not_found: { http: 404, exit: 4, summary: 'The requested record does not exist.' },
  conflict: { http: 409, exit: 5, summary: 'The request conflicts with the current state.' },
  no_plan: { http: 409, exit: 10, summary: 'The seat has no paid plan that allows this action.' },
  no_credits: { http: 409, exit: 11, summary: 'The seat has no InMail credits left.' },
  awaiting_reply: { http: 409, exit: 12, summary: 'An InMail to this person is still awaiting a reply.' },
  purchase_cap: { http: 409, exit: 13, summary: 'The monthly purchase cap for extra credits is reached.' },
  not_pooled: { http: 409, exit: 14, summary: 'Credits can only be moved between seats of one pooled contract.' },
  message_too_long: { http: 422, exit: 20, summary: 'A rendered message is over its channel limit even after auto-fit.' },
  template_error: { http: 422, exit: 21, summary: 'A template could not be parsed or rendered.' },
  suppressed: { http: 409, exit: 30, summary: 'The candidate is on the suppression list.' },
  cap_reached: { http: 429, exit: 31, summary: 'A pacing cap (weekly invitations, notes, daily budget) is reached.' },
  invalid_transition: { http: 409, exit: 32, summary: 'The outreach state machine does not allow this transition.' },
  bad_signature: { http: 401, exit: 33, summary: 'A webhook signature is missing or wrong.' },
  replayed: { http: 409, exit: 34, summary: 'A signed webhook delivery was already received (replay refused).' },
  upstream_error: { http: 502, exit: 40, summary: 'An external service (SMTP, webhook, LLM, embeddings) failed.' },
  storage_error: { http: 500, exit: 50, summary: 'The database could not be opened or migrated.' },
  storage_unavailable: { http: 503, exit: 51, summary: 'The database cannot be reached just now; nothing was changed. Try again shortly.' },
  storage_full: { http: 507, exit: 52, summary: 'The disk is full; nothing of this batch was saved.' },
  storage_read_only: { http: 503, exit: 53, summary: 'The database file or its folder is read-only.' },
  config_error: { http: 503, exit: 78, summary: 'A server setting points at something that is not there (a model folder, an optional package) or is malformed.' },
  internal: { http: 500, exit: 70, summary: 'An unexpected error; please report it.' },
} as const satisfies Record<string, { http: number; exit: number; summary: string }>;

export type ErrorCode = keyof typeof errorCodes;

export function httpStatusFor(code: ErrorCode): number {
  return errorCodes[code].http;
}

export function exitStatusFor(code: ErrorCode): number {
  return errorCodes[code].exit;
}
