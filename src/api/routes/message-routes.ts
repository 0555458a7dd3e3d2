import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { lintFindingSchema } from './lint-finding-schema.ts';
import { AppError } from '../../core/app-error.ts';
import { candidateInputSchema } from '../../candidates/candidate.ts';
import { composeBatch } from '../../messages/compose-batch.ts';
import { composeMessage, type ComposeCandidate, type ComposeSeat } from '../../messages/compose-message.ts';
import { loadComposeCandidates, loadComposeSeat, searchComposeCandidates } from '../../messages/compose-sources.ts';
import { defaultTemplateForStep, defaultTemplateSources } from '../../messages/default-templates.ts';
import { llmConfigFromEnv } from '../../messages/llm-config.ts';
import { rewriteMessage } from '../../messages/llm-rewrite.ts';
import { messageRoleSchema } from '../../messages/message-role.ts';
import { messageSteps, type MessageStep } from '../../messages/message-step.ts';
import { parseTemplateSource } from '../../messages/message-template.ts';
import { resolveTemplate, type TemplateRef } from '../../messages/template-ref.ts';
import { readWorkspaceSettings } from '../../db/workspace-settings.ts';
import { privacyNoticeUrlOf } from '../../privacy/privacy-settings.ts';

const stepSchema = z.enum(messageSteps).openapi({ description: 'framework step (spec section 6)' });
const templateRefSchema = z
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

const composedSchema = z
  .object({
    ok: z.literal(true),
    step: stepSchema,
    channel: z.enum(['connection_request', 'message', 'inmail', 'email']),
    template: z.string(),
    variant: z.string().nullable(),
    subject: z.string().nullable(),
    subjectLength: z.number().nullable(),
    body: z.string(),
    length: z.number().openapi({ description: 'Unicode code points of body' }),
    limit: z.object({ channel: z.string(), body: z.number(), subject: z.number().nullable() }),
    hooks: z.array(z.looseObject({ kind: z.string(), strength: z.number(), text: z.string(), evidence: z.array(z.string()) })),
    hooksUsed: z.array(z.string()),
    primaryHook: z.string().nullable(),
    droppedSegments: z.array(z.object({ id: z.string(), name: z.string(), priority: z.number(), part: z.enum(['subject', 'body']), reason: z.enum(['missing_value', 'fit']) })),
    lint: z.array(lintFindingSchema),
  })
  .openapi('ComposedMessage');
const composeFailureSchema = z
  .object({ ok: z.literal(false), code: z.enum(['message_too_long', 'template_error']), message: z.string(), details: z.record(z.string(), z.unknown()) })
  .openapi('ComposeFailure');
const rewriteSchema = z.object({ status: z.enum(['rewritten', 'fallback']), model: z.string(), reason: z.string().optional() });

const unprocessable = { 422: { content: { 'application/json': { schema: errorResponses[400].content['application/json'].schema } }, description: 'The message cannot be composed within its limit, or the template is broken' } } as const;

function stepFor(step: MessageStep | undefined, template: TemplateRef | undefined): MessageStep {
  if (step) return step;
  if (template !== undefined) {
    const r = resolveTemplate(template);
    if (r.ok && r.compiled.template.step) return r.compiled.template.step;
  }
  return 'connection_note';
}

export function registerMessageRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({
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
    }),
    (c) => {
      const templates = (Object.entries(defaultTemplateForStep) as Array<[MessageStep, keyof typeof defaultTemplateSources]>).map(([step, name]) => {
        const source = defaultTemplateSources[name];
        const parsed = parseTemplateSource(source, name);
        return { name, step, intent: parsed.ok ? parsed.template.intent : '', source };
      });
      return c.json({ templates }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/messages/preview',
      tags: ['messages'],
      summary: 'Compose one message: final text, length against the limit, hooks used, auto-fit drops and lint',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                step: stepSchema.optional(),
                template: templateRefSchema.optional(),
                variants: z.array(variantSchema).min(1).max(20).optional(),
                variantKey: z.string().optional(),
                candidateId: z.number().int().positive().optional(),
                candidate: candidateWithIdSchema.optional(),
                seatId: z.string().optional(),
                seat: seatSchema.optional(),
                role: messageRoleSchema.nullable().optional(),
                asOf: asOfSchema.optional(),
                rewrite: z.boolean().default(false).openapi({ description: 'rewrite with the configured LLM; falls back to the template' }),
              }),
            },
          },
        },
      },
      responses: {
        200: { content: { 'application/json': { schema: z.object({ message: composedSchema, rewrite: rewriteSchema.optional() }) } }, description: 'The composed message' },
        ...errorResponses,
        ...unprocessable,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const store = c.get('store');
      const ws = c.get('workspaceId');
      if ((body.candidateId === undefined) === (body.candidate === undefined)) throw new AppError('invalid_input', 'give exactly one of candidateId and candidate');
      const candidate: ComposeCandidate = body.candidate ?? (await loadComposeCandidates(store, ws, [{ kind: 'id', id: body.candidateId! }]))[0]!;
      const seat: ComposeSeat = body.seat ?? (await loadComposeSeat(store, ws, body.seatId));
      const llm = body.rewrite ? llmConfigFromEnv(process.env) : null;
      if (body.rewrite && !llm) throw new AppError('invalid_input', 'rewrite needs an LLM: set SCOUTLINE_LLM_BASE_URL and SCOUTLINE_LLM_MODEL on the server');
      const step = stepFor(body.step, body.template);
      const privacyNoticeUrl = privacyNoticeUrlOf((await readWorkspaceSettings(store.db, ws)).privacy);
      const result = composeMessage({ step, template: body.template, variants: body.variants, variantKey: body.variantKey, candidate, seat, role: body.role ?? null, asOf: body.asOf, privacyNoticeUrl });
      if (!result.ok) throw new AppError(result.code, result.message, result.details);
      if (!llm) return c.json({ message: result }, 200);
      const ref = result.variant && body.variants ? body.variants.find((v) => v.key === result.variant)?.template : body.template;
      const resolved = resolveTemplate(ref ?? defaultTemplateForStep[step]);
      const out = await rewriteMessage({ message: result, intent: resolved.ok ? resolved.compiled.template.intent : '', config: llm });
      return c.json({ message: out.message, rewrite: out.rewrite }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/messages/preview/bulk',
      tags: ['messages'],
      summary: 'Compose one step for up to 1,000 candidates (ids, profiles or a Boolean search query), with per-message and batch lint',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                step: stepSchema.optional(),
                template: templateRefSchema.optional(),
                variants: z.array(variantSchema).min(1).max(20).optional(),
                candidateIds: z.array(z.number().int().positive()).min(1).max(1000).optional(),
                candidates: z.array(candidateWithIdSchema).min(1).max(1000).optional(),
                query: z.string().min(1).optional().openapi({ description: 'Boolean search query; the best `limit` matches' }),
                limit: z.number().int().min(1).max(1000).default(50),
                seatId: z.string().optional(),
                seat: seatSchema.optional(),
                role: messageRoleSchema.nullable().optional(),
                asOf: asOfSchema.optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({
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
              }),
            },
          },
          description: 'Every candidate with its message or the reason it could not be composed',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const store = c.get('store');
      const ws = c.get('workspaceId');
      const sources = [body.candidateIds, body.candidates, body.query].filter((x) => x !== undefined).length;
      if (sources !== 1) throw new AppError('invalid_input', 'give exactly one of candidateIds, candidates and query');
      const candidates = body.query
        ? await searchComposeCandidates(store, ws, body.query, body.limit)
        : body.candidateIds
          ? await loadComposeCandidates(store, ws, body.candidateIds.map((id) => ({ kind: 'id' as const, id })))
          : body.candidates!;
      const seat: ComposeSeat = body.seat ?? (await loadComposeSeat(store, ws, body.seatId));
      const step = stepFor(body.step, body.template);
      const privacyNoticeUrl = privacyNoticeUrlOf((await readWorkspaceSettings(store.db, ws)).privacy);
      const batch = composeBatch({ step, template: body.template, variants: body.variants, seat, role: body.role ?? null, asOf: body.asOf, candidates, privacyNoticeUrl });
      return c.json({ step, ...batch }, 200);
    },
  );
}
