import type { z } from '@hono/zod-openapi';

/**
 * A domain schema (made with plain `zod`) as a schema `.openapi()` can be
 * called on. zod 4 gives each schema its methods when it is made, so a schema
 * made before @hono/zod-openapi added `.openapi` (a domain module loaded
 * first, as the CLI does) has none; a clone is made now and has it. The clone
 * parses and infers exactly as the domain's schema does.
 */
export function fromDomain<T extends z.ZodType>(schema: T): T {
  return schema.clone();
}
