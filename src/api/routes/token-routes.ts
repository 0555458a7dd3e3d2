import type { ScoutlineApp } from '../app-env.ts';
import { createTokenRoute, listTokensRoute, revokeTokenRoute } from '../../api-contract/token-contract.ts';
import { roleAtLeast } from '../../access/role.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../access/api-token-store.ts';
import { auditRequest, callerOf } from '../request-audit.ts';

/** API tokens for integrations and the CLI against a remote server: one workspace each, at most the creator's role. */
export function registerTokenRoutes(app: ScoutlineApp): void {
  app.openapi(
    listTokensRoute,
    async (c) => {
      const p = callerOf(c);
      return c.json({ tokens: await listApiTokens(c.get('store'), c.get('workspaceId'), roleAtLeast(p.role!, 'admin') ? undefined : p.userId) }, 200);
    },
  );

  app.openapi(
    createTokenRoute,
    async (c) => {
      const p = callerOf(c);
      const body = c.req.valid('json');
      const { token, info } = await createApiToken(c.get('store'), { workspaceId: c.get('workspaceId'), userId: p.userId, name: body.name, role: body.role ?? p.role! });
      await auditRequest(c, { action: 'token_created', target: info.id, details: { name: info.name, role: info.role, prefix: info.prefix } });
      return c.json({ token, info }, 201);
    },
  );

  app.openapi(
    revokeTokenRoute,
    async (c) => {
      const p = callerOf(c);
      const info = await revokeApiToken(c.get('store'), c.get('workspaceId'), c.req.valid('param').id, roleAtLeast(p.role!, 'admin') ? undefined : p.userId);
      await auditRequest(c, { action: 'token_revoked', target: info.id, details: { name: info.name } });
      return c.json(info, 200);
    },
  );
}
