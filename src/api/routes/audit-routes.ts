import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { listAudit } from '../../access/audit-store.ts';
import { auditActions } from '../../access/audit-action.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const entrySchema = z
  .object({ id: z.number(), workspaceId: z.string().nullable(), at: z.string(), actorUserId: z.string().nullable(), actor: z.string(), via: z.string(), action: z.string(), target: z.string().nullable(), outcome: z.string(), details: z.record(z.string(), z.unknown()), ip: z.string().nullable() })
  .openapi('AuditEntry');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'an ISO date, e.g. 2026-12-01');

/** The append-only audit log of the workspace, newest first, for admins. */
export function registerAuditRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({
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
      responses: { 200: json(z.object({ entries: z.array(entrySchema), nextBefore: z.number().nullable() }), 'Entries'), ...errorResponses },
    }),
    async (c) => c.json(await listAudit(c.get('store'), c.get('workspaceId'), c.req.valid('query')), 200),
  );
}
