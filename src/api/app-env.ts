import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '../db/open-database.ts';
import type { Principal } from '../access/principal.ts';
import type { AccessContext } from '../access/access-context.ts';

/** What every request handler can read from the context. */
export interface AppEnv {
  Variables: {
    store: Store;
    /** the caller's current workspace ('' before authentication and on public routes) */
    workspaceId: string;
    /** the authenticated caller; undefined on public and signed routes */
    principal: Principal | undefined;
    /** the client's address as the server trusts it (socket, or X-Forwarded-For behind a trusted proxy) */
    clientIp: string | null;
    access: AccessContext;
  };
}

export type ScoutlineApp = OpenAPIHono<AppEnv>;
