import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { roleAtLeast, roleSchema } from '../../access/role.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../access/api-token-store.ts';
import { auditRequest, callerOf } from '../request-audit.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const tokenSchema = z
  .object({ id: z.string(), workspaceId: z.string(), userId: z.string(), name: z.string(), role: roleSchema, prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() })
  .openapi('ApiToken');

/** API tokens for integrations and the CLI against a remote server: one workspace each, at most the creator's role. */
export function registerTokenRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/tokens', tags: ['accounts'], summary: 'Your API tokens in this workspace (admins: everyone’s)', responses: { 200: json(z.object({ tokens: z.array(tokenSchema) }), 'Tokens'), ...errorResponses } }),
    async (c) => {
      const p = callerOf(c);
      return c.json({ tokens: await listApiTokens(c.get('store'), c.get('workspaceId'), roleAtLeast(p.role!, 'admin') ? undefined : p.userId) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens',
      tags: ['accounts'],
      summary: 'Create an API token for this workspace; the token is in this answer only (stored hashed)',
      request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().min(1).max(100), role: roleSchema.optional() }) } }, required: true } },
      responses: { 201: json(z.object({ token: z.string(), info: tokenSchema }), 'The token, shown once'), ...errorResponses },
    }),
    async (c) => {
      const p = callerOf(c);
      const body = c.req.valid('json');
      const { token, info } = await createApiToken(c.get('store'), { workspaceId: c.get('workspaceId'), userId: p.userId, name: body.name, role: body.role ?? p.role! });
      await auditRequest(c, { action: 'token_created', target: info.id, details: { name: info.name, role: info.role, prefix: info.prefix } });
      return c.json({ token, info }, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/api/tokens/{id}', tags: ['accounts'], summary: 'Revoke a token (yours; admins: anyone’s in this workspace)', request: { params: z.object({ id: z.string().min(1) }) }, responses: { 200: json(tokenSchema, 'The revoked token'), ...errorResponses } }),
    async (c) => {
      const p = callerOf(c);
      const info = await revokeApiToken(c.get('store'), c.get('workspaceId'), c.req.valid('param').id, roleAtLeast(p.role!, 'admin') ? undefined : p.userId);
      await auditRequest(c, { action: 'token_revoked', target: info.id, details: { name: info.name } });
      return c.json(info, 200);
    },
  );
}
