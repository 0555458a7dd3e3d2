import { createRoute, z } from '@hono/zod-openapi';
import { fromDomain } from './domain-schema.ts';
import { errorResponses } from './error-body.ts';
import { answers, json, jsonBody } from './json-content.ts';
import {
  executorSettingsInputSchema,
  sandboxSettingsViewSchema,
  secretStateSchema as domainSecretState,
  smtpSettingsViewSchema,
  webhookSettingsViewSchema,
} from '../outreach/delivery/executors/executor-settings-update.ts';


export const secretStateSchema = fromDomain(domainSecretState).openapi('SecretState', { description: 'whether the secret is stored; the value itself is never returned' });

export const executorSettingsViewSchema = z
  .object({
    smtp: smtpSettingsViewSchema.nullable().openapi({ description: 'host, port, secure, auth { user, pass: SecretState }, from, ... as stored; null: SCOUTLINE_SMTP_* applies' }),
    webhook: webhookSettingsViewSchema.nullable().openapi({ description: 'url, secret: SecretState, maxAttempts, ...; null: SCOUTLINE_EXECUTOR_WEBHOOK_* applies' }),
    sandbox: sandboxSettingsViewSchema.nullable().openapi({ description: 'seed and rate overrides; null: the defaults (and SCOUTLINE_SANDBOX_SEED) apply' }),
    outcomesSecret: secretStateSchema,
  })
  .openapi('ExecutorSettings');

export const executorSettingsRoute = createRoute({
  method: 'get',
  path: '/api/settings/executors',
  tags: ['settings'],
  summary: 'Executor settings and the inbound webhook secret (secrets as { set })',
  responses: answers(executorSettingsViewSchema, 'The settings'),
});

export const saveExecutorSettingsRoute = createRoute({
  method: 'put',
  path: '/api/settings/executors',
  tags: ['settings'],
  summary: 'Change executor settings: a section left out is kept, null removes it; in a section, a secret left out is kept and null clears it. The worker reads them at its start.',
  request: { ...jsonBody(executorSettingsInputSchema) },
  responses: { 200: json(z.object({ settings: executorSettingsViewSchema, changed: z.array(z.string()) }), 'The settings now, and the fields that changed'), ...errorResponses },
});
