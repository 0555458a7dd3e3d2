import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { json, jsonBody } from './json-content.ts';
import { lintFindingSchema } from './lint-finding-schema.ts';
import { candidateInputSchema } from '../candidates/candidate.ts';
import { messageRoleSchema } from '../messages/message-role.ts';
import { messageSteps } from '../messages/message-step.ts';

/** Message routes: templates, one preview, a bulk preview (handlers: src/api/routes/message-routes.ts). */
export const stepSchema = z.enum(messageSteps).openapi({ description: 'framework step (spec section 6)' });
export const templateRefSchema = z
  .union([z.string().min(1), z.object({ name: z.string().optional(), source: z.string().min(1).max(50_000) })])
  .openapi('TemplateRef', { description: "a default template's name (connection-note, follow-up, inmail, email) or a Liquid source" });
const variantSchema = z.object({ key: z.string().min(1).max(100), template: templateRefSchema });
const seatSchema = z.object({
  name: z.string().min(1),
  paid: z.boolean().default(false),
  employers: z.array(z.string()).default([]),
  schools: z.array(z.string()).default([]),
});
const asOfSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const candidateWithIdSchema = candidateInputSchema.extend({ id: z.number().int().positive().optional() });

const hookBase = {
  strength: z.number().openapi({ description: '0..1, higher = more personal' }),
  text: z.string().openapi({ description: 'short neutral phrase, e.g. "5 years at Acme"' }),
  evidence: z.array(z.string()).openapi({ description: 'words whose presence shows a text mentions this hook' }),
};
/** A personalisation hook (src/messages/personal-hook.ts): each kind with its typed values. */
export const personalHookSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('current_role'), ...hookBase, title: z.string(), company: z.string() }),
  z.object({ kind: z.literal('tenure_milestone'), ...hookBase, company: z.string(), title: z.string(), years: z.number() }),
  z.object({ kind: z.literal('recent_move'), ...hookBase, title: z.string(), company: z.string(), previousCompany: z.string(), promotion: z.boolean(), months: z.number() }),
  z.object({ kind: z.literal('shared_employer'), ...hookBase, company: z.string() }),
  z.object({ kind: z.literal('shared_school'), ...hookBase, school: z.string() }),
  z.object({ kind: z.literal('mutual_connections'), ...hookBase, count: z.number() }),
  z.object({ kind: z.literal('skill_match'), ...hookBase, skill: z.string() }),
  z.object({ kind: z.literal('location'), ...hookBase, city: z.string(), region: z.string(), country: z.string(), place: z.string(), matchesRole: z.boolean() }),
]);
const hookKindSchema = z.enum(['current_role', 'tenure_milestone', 'recent_move', 'shared_employer', 'shared_school', 'mutual_connections', 'skill_match', 'location']);
const messageChannelSchema = z.enum(['connection_request', 'message', 'inmail', 'email']);

export const composedSchema = z
  .object({
    ok: z.literal(true),
    step: stepSchema,
    channel: messageChannelSchema,
    template: z.string(),
    variant: z.string().nullable(),
    subject: z.string().nullable(),
    subjectLength: z.number().nullable(),
    body: z.string(),
    length: z.number().openapi({ description: 'Unicode code points of body' }),
    limit: z.object({ channel: messageChannelSchema, body: z.number(), subject: z.number().nullable() }),
    hooks: z.array(personalHookSchema),
    hooksUsed: z.array(hookKindSchema),
    primaryHook: hookKindSchema.nullable(),
    droppedSegments: z.array(z.object({ id: z.string(), name: z.string(), priority: z.number(), part: z.enum(['subject', 'body']), reason: z.enum(['missing_value', 'fit']) })),
    lint: z.array(lintFindingSchema),
  })
  .openapi('ComposedMessage');
export const composeFailureSchema = z
  .object({ ok: z.literal(false), code: z.enum(['message_too_long', 'template_error']), message: z.string(), details: z.record(z.string(), z.unknown()) })
  .openapi('ComposeFailure');
const rewriteSchema = z.object({ status: z.enum(['rewritten', 'fallback']), model: z.string(), reason: z.string().optional() });

const unprocessable = { 422: json(errorResponses[400].content['application/json'].schema, 'The message cannot be composed within its limit, or the template is broken') } as const;

export const messageTemplatesRoute = createRoute({
  method: 'get',
  path: '/api/messages/templates',
  tags: ['messages'],
  summary: 'The default template of each framework step, with its source (syntax: docs/messages.md)',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ templates: z.array(z.object({ name: z.string(), step: stepSchema, intent: z.string(), source: z.string() })) }) } },
      description: 'Default templates',
    },
  },
});

/** What a preview composes with, one message or many: the step or template (or A/B variants), the seat that sends, the role, the day. */
const composeRequestSchema = z.object({
  step: stepSchema.optional(),
  template: templateRefSchema.optional(),
  variants: z.array(variantSchema).min(1).max(20).optional(),
  seatId: z.string().optional(),
  seat: seatSchema.optional(),
  role: messageRoleSchema.nullable().optional(),
  asOf: asOfSchema.optional(),
});

export const messagePreviewRoute = createRoute({
  method: 'post',
  path: '/api/messages/preview',
  tags: ['messages'],
  summary: 'Compose one message: final text, length against the limit, hooks used, auto-fit drops and lint',
  request: jsonBody(
    composeRequestSchema.extend({
      variantKey: z.string().optional(),
      candidateId: z.number().int().positive().optional(),
      candidate: candidateWithIdSchema.optional(),
      rewrite: z.boolean().default(false).openapi({ description: 'rewrite with the configured LLM; falls back to the template' }),
    }),
  ),
  responses: {
    200: json(z.object({ message: composedSchema, rewrite: rewriteSchema.optional() }), 'The composed message'),
    ...errorResponses,
    ...unprocessable,
  },
});

export const bulkPreviewResponseSchema = z.object({
  step: stepSchema,
  items: z.array(z.object({ candidateId: z.number().nullable(), candidate: z.string(), result: z.union([composedSchema, composeFailureSchema]) })),
  batchLint: z.array(lintFindingSchema.extend({ keys: z.array(z.string()) })),
  summary: z.object({
    total: z.number(),
    composed: z.number(),
    failed: z.number(),
    withLintErrors: z.number(),
    clean: z.number(),
    maxLength: z.number().nullable(),
    byVariant: z.record(z.string(), z.number()),
  }),
});

export const messageBulkPreviewRoute = createRoute({
  method: 'post',
  path: '/api/messages/preview/bulk',
  tags: ['messages'],
  summary: 'Compose one step for up to 1,000 candidates (ids, profiles or a Boolean search query), with per-message and batch lint',
  request: jsonBody(
    composeRequestSchema.extend({
      candidateIds: z.array(z.number().int().positive()).min(1).max(1000).optional(),
      candidates: z.array(candidateWithIdSchema).min(1).max(1000).optional(),
      query: z.string().min(1).optional().openapi({ description: 'Boolean search query; the best `limit` matches' }),
      limit: z.number().int().min(1).max(1000).default(50),
    }),
  ),
  responses: {
    200: json(bulkPreviewResponseSchema, 'Every candidate with its message or the reason it could not be composed'),
    ...errorResponses,
  },
});
