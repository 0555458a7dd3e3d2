import { z } from '@hono/zod-openapi';
import { errorCodes } from '../core/error-codes.ts';

/** The one error shape every route returns: `{ error: { code, message, details? } }`. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...Array<keyof typeof errorCodes>]),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { content: { 'application/json': { schema: errorBodySchema } }, description: 'Invalid input' },
  404: { content: { 'application/json': { schema: errorBodySchema } }, description: 'Not found' },
  409: { content: { 'application/json': { schema: errorBodySchema } }, description: 'Refused by a domain rule' },
} as const;
