import { z } from '@hono/zod-openapi';
import { lintCodes } from '../messages/lint-finding.ts';

/** OpenAPI shape of a message lint finding (src/messages/lint-finding.ts): composed messages and queued tasks. */
export const lintFindingSchema = z
  .object({
    code: z.enum(Object.keys(lintCodes) as [keyof typeof lintCodes, ...Array<keyof typeof lintCodes>]),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('LintFinding');
