import { z } from '@hono/zod-openapi';

/** Why a candidate ranks where they do (ranking/explain.ts), as searches and rankings serve it. */
export const explanationSchema = z
  .object({
    summary: z.string(),
    items: z.array(z.object({ kind: z.enum(['fit', 'reply']), signal: z.string(), contribution: z.number(), text: z.string() })),
    weights: z.string(),
  })
  .openapi('RankExplanation');
