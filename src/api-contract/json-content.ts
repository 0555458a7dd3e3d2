import type { z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';

/** A JSON answer (or body) of a route: its schema and what it is. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** The answers of most routes: one JSON success answer (200 unless given) and the shared error answers. */
export const answers = <T extends z.ZodType>(schema: T, description: string) => ({ 200: json(schema, description), ...errorResponses });
