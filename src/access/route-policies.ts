import type { AccessLevel } from './access-level.ts';

/**
 * Who may call each API route: `METHOD path` (OpenAPI path templates) to an
 * access level. The API refuses any /api route that is not listed here, and a
 * test walks /openapi.json to check that every route is listed and enforced,
 * so a route added later cannot go out unguarded.
 *
 * POSTs that only compute (search, rank, previews, forecasts, simulations)
 * are `read`: a viewer may run them, they change nothing. Row-level rules on
 * top of these (a recruiter works only the seats they own) sit in the routes.
 */
export const routePolicies: Record<string, AccessLevel> = {
  'GET /api/health': 'public',
  'GET /openapi.json': 'public',

  // accounts (src/api/routes/account-routes.ts)
  'GET /api/me': 'user',
  'POST /api/me/workspace': 'user',
  'POST /api/me/password': 'session',
  'POST /api/workspaces': 'session',
  'GET /api/invitations/{token}': 'public',
  'POST /api/invitations/{token}/accept': 'public',
  'GET /api/members': 'read',
  'PATCH /api/members/{userId}': 'admin',
  'DELETE /api/members/{userId}': 'admin',
  'GET /api/invitations': 'admin',
  'POST /api/invitations': 'admin',
  'DELETE /api/invitations/{id}': 'admin',
  'GET /api/tokens': 'read',
  'POST /api/tokens': 'session',
  'DELETE /api/tokens/{id}': 'read',
  'GET /api/audit': 'admin',
  'GET /api/settings/executors': 'admin',
  'PUT /api/settings/executors': 'admin',
  'GET /api/settings/backups': 'admin',

  // candidates
  'GET /api/candidates': 'read',
  'POST /api/candidates': 'write',
  'GET /api/candidates/{id}': 'read',
  'DELETE /api/candidates/{id}': 'admin',
  'GET /api/candidates/{id}/outreach': 'read',
  'GET /api/candidates/{id}/notes': 'read',
  'POST /api/candidates/{id}/notes': 'comment',
  'DELETE /api/candidates/{id}/notes/{noteId}': 'comment',
  'POST /api/import': 'write',
  // privacy (src/api/routes/privacy-routes.ts): the export is all of a person's data at once, so admins only, like erasure
  'GET /api/candidates/{id}/export': 'admin',
  'GET /api/candidates/{id}/privacy': 'read',
  'GET /api/privacy/settings': 'read',
  'PUT /api/privacy/settings': 'admin',
  'POST /api/privacy/retention/dry-run': 'admin',
  'POST /api/privacy/retention/apply': 'admin',
  'GET /api/privacy/retention/flags': 'read',
  'POST /api/search': 'read',
  'GET /api/search/fields': 'read',

  // credits and seats
  'GET /api/credits/plans': 'read',
  'PUT /api/credits/plans': 'admin',
  'GET /api/seats': 'read',
  'POST /api/seats': 'admin',
  'PATCH /api/seats/{seatId}': 'admin',
  'GET /api/seats/{seatId}/credits': 'read',
  'GET /api/seats/{seatId}/credits/events': 'read',
  'POST /api/seats/{seatId}/credits/events': 'write',
  'POST /api/credits/transfers': 'admin',
  'GET /api/seats/{seatId}/credits/cost': 'read',
  'POST /api/credits/forecast': 'read',
  'POST /api/credits/advice': 'read',
  'POST /api/credits/simulate': 'read',

  // ranking
  'POST /api/rank': 'read',
  'POST /api/roles': 'write',
  'GET /api/roles': 'read',
  'GET /api/roles/{id}': 'read',
  'DELETE /api/roles/{id}': 'write',
  'POST /api/roles/extract': 'read',
  'POST /api/candidates/{id}/feedback': 'write',
  'POST /api/ranking/outcomes': 'write',
  'GET /api/ranking/model': 'read',

  // messages
  'GET /api/messages/templates': 'read',
  'POST /api/messages/preview': 'read',
  'POST /api/messages/preview/bulk': 'read',

  // outreach
  'GET /api/campaigns': 'read',
  'POST /api/campaigns': 'write',
  'GET /api/campaigns/default-sequence': 'read',
  'GET /api/campaigns/{id}': 'read',
  'POST /api/campaigns/{id}/launch': 'write',
  'POST /api/campaigns/{id}/pause': 'write',
  'POST /api/campaigns/{id}/stop': 'write',
  'GET /api/campaigns/{id}/steps': 'read',
  'PUT /api/campaigns/{id}/steps': 'write',
  'POST /api/campaigns/{id}/candidates': 'write',
  'GET /api/campaigns/{id}/simulation': 'read',
  'GET /api/suppressions': 'read',
  'POST /api/suppressions': 'write',
  'DELETE /api/suppressions/{id}': 'admin',
  'GET /api/tasks': 'read',
  'POST /api/tasks/{id}/done': 'write',
  'POST /api/tasks/{id}/skip': 'write',
  'POST /api/tasks/{id}/fail': 'write',
  'GET /api/outreach/pacing': 'read',
  'PUT /api/outreach/pacing': 'admin',
  'POST /api/outreach/seats/{id}/pause': 'write',
  'POST /api/outcomes': 'write',
  'POST /api/outcomes/import': 'write',
  'POST /api/webhooks/outcomes': 'signed',

  // analytics
  'GET /api/analytics/funnel': 'read',
  'GET /api/analytics/channels': 'read',
  'GET /api/analytics/weekday': 'read',
  'GET /api/analytics/length': 'read',
  'GET /api/analytics/variants': 'read',
};
