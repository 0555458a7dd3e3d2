import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { answers, json } from './json-content.ts';
import { auditActions } from '../access/audit-action.ts';


/** An entry of the audit log; `details` depend on the action (docs/audit.md), so they stay a free-form record. */
export const auditEntrySchema = z
  .object({
    id: z.number(),
    workspaceId: z.string().nullable(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actor: z.string(),
    via: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    outcome: z.string(),
    details: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
  })
  .openapi('AuditEntry');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'an ISO date, e.g. 2026-12-01');

export const listAuditRoute = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['accounts'],
  summary: 'Who did what and when: filter by action, actor (part of an email), time range; page with before',
  request: {
    query: z.object({
      action: z.enum(auditActions).optional(),
      actor: z.string().max(200).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
  },
  responses: answers(z.object({ entries: z.array(auditEntrySchema), nextBefore: z.number().nullable() }), 'Entries'),
});
