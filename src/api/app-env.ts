import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '../db/open-database.ts';

/** What every request handler can read from the context. */
export interface AppEnv {
  Variables: {
    store: Store;
    workspaceId: string;
  };
}

export type ScoutlineApp = OpenAPIHono<AppEnv>;
