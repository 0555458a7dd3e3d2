import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { answers, json, jsonBody } from './json-content.ts';
import { roleSchema } from '../access/role.ts';


export const apiTokenSchema = z
  .object({ id: z.string(), workspaceId: z.string(), userId: z.string(), name: z.string(), role: roleSchema, prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() })
  .openapi('ApiToken');

export const listTokensRoute = createRoute({
  method: 'get',
  path: '/api/tokens',
  tags: ['accounts'],
  summary: 'Your API tokens in this workspace (admins: everyone’s)',
  responses: answers(z.object({ tokens: z.array(apiTokenSchema) }), 'Tokens'),
});

export const createTokenRoute = createRoute({
  method: 'post',
  path: '/api/tokens',
  tags: ['accounts'],
  summary: 'Create an API token for this workspace; the token is in this answer only (stored hashed)',
  request: { ...jsonBody(z.object({ name: z.string().min(1).max(100), role: roleSchema.optional() })) },
  responses: { 201: json(z.object({ token: z.string(), info: apiTokenSchema }), 'The token, shown once'), ...errorResponses },
});

export const revokeTokenRoute = createRoute({
  method: 'delete',
  path: '/api/tokens/{id}',
  tags: ['accounts'],
  summary: 'Revoke a token (yours; admins: anyone’s in this workspace)',
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: answers(apiTokenSchema, 'The revoked token'),
});
