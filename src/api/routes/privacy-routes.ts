import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { auditRequest, callerOf } from '../request-audit.ts';
import { candidatePrivacy } from '../../privacy/candidate-privacy-store.ts';
import { exportCandidateData } from '../../privacy/data-subject-export-store.ts';
import { exportFileName } from '../../privacy/data-subject-export.ts';
import { lawfulBases, lawfulBasisLabels, privacySettingsSchema, retentionPolicySchema } from '../../privacy/privacy-settings.ts';
import { loadPrivacySettings, parsePrivacySettings, savePrivacySettings } from '../../privacy/privacy-settings-store.ts';
import { applyRetention, listRetentionFlags, retentionDryRun } from '../../privacy/retention-store.ts';

/** Privacy routes (docs/privacy.md): the data-subject export, a candidate's privacy view, the workspace's privacy settings and retention. */
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const idParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });

const retentionSchema = z.object({ months: z.number().int().nullable(), action: z.enum(['flag', 'erase']), schedule: z.boolean() });
const settingsSchema = z
  .object({
    lawfulBasis: z.enum(lawfulBases).nullable(),
    lawfulBasisNote: z.string(),
    privacyNoticeUrl: z.string().nullable(),
    retention: retentionSchema,
    lastRetentionRun: z
      .object({ at: z.string(), by: z.string(), action: z.enum(['flag', 'erase']), flagged: z.number(), erased: z.number(), skipped: z.number() })
      .nullable()
      .openapi({ description: 'the last time the retention policy was applied (by hand or on schedule)' }),
    lawfulBases: z.array(z.object({ value: z.enum(lawfulBases), label: z.string() })).openapi({ description: 'the bases a workspace may declare, with their labels' }),
  })
  .openapi('PrivacySettings');

const candidatePrivacySchema = z
  .object({
    candidateId: z.number(),
    firstRecorded: z.object({ source: z.string(), at: z.string() }),
    sources: z.array(z.object({ description: z.string(), kind: z.string(), format: z.string(), via: z.string(), label: z.string(), fileName: z.string().nullable(), by: z.string(), outcome: z.string(), at: z.string() })),
    lawfulBasis: z.enum(lawfulBases).nullable(),
    lawfulBasisText: z.string().nullable(),
    lawfulBasisNote: z.string(),
    privacyNoticeUrl: z.string().nullable(),
    retentionFlag: z.object({ flaggedAt: z.string(), lastActivityAt: z.string() }).nullable(),
    suppressedAsErased: z.boolean().openapi({ description: 'an email or profile URL matches the hashed suppression entry of someone erased: they are never contacted' }),
  })
  .openapi('CandidatePrivacy');

const dryRunSchema = z
  .object({
    policy: retentionSchema,
    cutoff: z.string().nullable(),
    total: z.number().int(),
    candidates: z.array(z.object({ id: z.number(), name: z.string(), lastActivityAt: z.string(), flaggedAt: z.string().nullable() })),
    unflag: z.number().int().openapi({ description: 'flagged earlier, active again: their flag is lifted when the policy is applied' }),
  })
  .openapi('RetentionDryRun');

const withLabels = <T extends object>(s: T) => ({ ...s, lawfulBases: lawfulBases.map((value) => ({ value, label: lawfulBasisLabels[value] })) });

export function registerPrivacyRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/candidates/{id}/export',
      tags: ['privacy'],
      summary: 'Data-subject export: everything held about one person, as a JSON download (audited as export)',
      request: { params: idParam },
      responses: { 200: json(z.record(z.string(), z.unknown()).openapi('DataSubjectExport'), 'The export (Content-Disposition: attachment)'), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const now = new Date().toISOString();
      const data = await exportCandidateData(c.get('store'), c.get('workspaceId'), id, now);
      // what was exported and how much, never the data
      await auditRequest(c, {
        action: 'export',
        target: `candidate:${id}`,
        details: { kind: 'data-subject', notes: data.notes.length, campaigns: data.outreach.campaigns.length, outcomes: data.outreach.outcomes.length, sources: data.sources.records.length },
      });
      c.header('Content-Disposition', `attachment; filename="${exportFileName(id, now)}"`);
      c.header('Cache-Control', 'no-store');
      return c.json(data as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/candidates/{id}/privacy',
      tags: ['privacy'],
      summary: "Where the candidate's data came from and when, the workspace's lawful basis, a retention flag",
      request: { params: idParam },
      responses: { 200: json(candidatePrivacySchema, 'The privacy view'), ...errorResponses },
    }),
    async (c) => c.json(await candidatePrivacy(c.get('store'), c.get('workspaceId'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/privacy/settings',
      tags: ['privacy'],
      summary: "The workspace's privacy settings: lawful basis, privacy notice address, retention policy",
      responses: { 200: json(settingsSchema, 'Settings'), ...errorResponses },
    }),
    async (c) => c.json(withLabels(await loadPrivacySettings(c.get('store').db, c.get('workspaceId'))), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/privacy/settings',
      tags: ['privacy'],
      summary: 'Replace the privacy settings (admins); audited with the names of the fields that changed',
      request: { body: { content: { 'application/json': { schema: privacySettingsSchema } }, required: true } },
      responses: { 200: json(settingsSchema.extend({ changed: z.array(z.string()) }), 'Saved'), ...errorResponses },
    }),
    async (c) => {
      const { settings, changed } = await savePrivacySettings(c.get('store'), c.get('workspaceId'), parsePrivacySettings(c.req.valid('json')), {
        audit: (trx, fields) => auditRequest(c, { action: 'settings_changed', target: 'privacy', details: { changed: fields } }, trx),
      });
      return c.json({ ...withLabels(settings), changed }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/privacy/retention/dry-run',
      tags: ['privacy'],
      summary: 'Who a retention policy would affect now (the saved one, or the one given), changing nothing',
      request: {
        body: { content: { 'application/json': { schema: z.object({ policy: retentionPolicySchema.optional(), limit: z.number().int().min(1).max(5000).default(500) }) } }, required: false },
      },
      responses: { 200: json(dryRunSchema, 'Who would be affected, oldest activity first'), ...errorResponses },
    }),
    async (c) => {
      const body = (c.req.valid('json') ?? {}) as { policy?: z.infer<typeof retentionPolicySchema>; limit?: number };
      const policy = body.policy ?? (await loadPrivacySettings(c.get('store').db, c.get('workspaceId'))).retention;
      const plan = await retentionDryRun(c.get('store'), c.get('workspaceId'), policy);
      return c.json({ policy, cutoff: plan.cutoff, total: plan.affected.length, candidates: plan.affected.slice(0, body.limit ?? 500).map(({ inActiveSequence: _a, ...rest }) => rest), unflag: plan.unflag.length }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/privacy/retention/apply',
      tags: ['privacy'],
      summary: 'Apply the saved retention policy now: flag or erase the candidates it affects (admins; every erasure audited)',
      responses: {
        200: json(
          z.object({ at: z.string(), action: z.enum(['flag', 'erase']), cutoff: z.string().nullable(), flagged: z.number(), erased: z.number(), skipped: z.number(), skippedIds: z.array(z.number()), unflagged: z.number() }),
          'What was done',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const caller = callerOf(c);
      const r = await applyRetention(c.get('store'), c.get('workspaceId'), { by: caller.email, audit: (trx, e) => auditRequest(c, e, trx) });
      return c.json({ at: r.at, action: r.action, cutoff: r.cutoff, flagged: r.flagged, erased: r.erased, skipped: r.skipped, skippedIds: r.skippedIds, unflagged: r.unflagged }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/privacy/retention/flags',
      tags: ['privacy'],
      summary: 'Candidates the retention policy flagged for review, oldest activity first',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(5000).default(500) }) },
      responses: { 200: json(z.object({ total: z.number(), flags: z.array(z.object({ candidateId: z.number(), name: z.string(), flaggedAt: z.string(), lastActivityAt: z.string() })) }), 'Flags'), ...errorResponses },
    }),
    async (c) => c.json(await listRetentionFlags(c.get('store'), c.get('workspaceId'), c.req.valid('query').limit), 200),
  );
}
