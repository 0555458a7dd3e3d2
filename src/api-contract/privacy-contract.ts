import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { answers, json, jsonBody } from './json-content.ts';
import { lawfulBases, privacySettingsSchema, retentionPolicySchema } from '../privacy/privacy-settings.ts';
import { candidateSchema, outreachHistorySchema } from './candidate-contract.ts';
import { suppressionSchema } from './outreach-contract.ts';

/** Privacy routes (docs/privacy.md): the data-subject export, a candidate's privacy view, the workspace's privacy settings and retention. */
export const idParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });

export const retentionSchema = z.object({ months: z.number().int().nullable(), action: z.enum(['flag', 'erase']), schedule: z.boolean() });
export const settingsSchema = z
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

export const candidatePrivacySchema = z
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

export const dryRunSchema = z
  .object({
    policy: retentionSchema,
    cutoff: z.string().nullable(),
    total: z.number().int(),
    candidates: z.array(z.object({ id: z.number(), name: z.string(), lastActivityAt: z.string(), flaggedAt: z.string().nullable() })),
    unflag: z.number().int().openapi({ description: 'flagged earlier, active again: their flag is lifted when the policy is applied' }),
  })
  .openapi('RetentionDryRun');

/** The data-subject export (privacy/data-subject-export.ts): everything held about one person, for an access request (GDPR art. 15). */
export const dataSubjectExportSchema = z
  .object({
    format: z.literal('scoutline.data-subject-export'),
    version: z.literal(1),
    exportedAt: z.string(),
    about: z.string(),
    controller: z.object({
      workspace: z.string(),
      lawfulBasis: z.enum(lawfulBases).nullable(),
      lawfulBasisText: z.string(),
      lawfulBasisNote: z.string(),
      privacyNoticeUrl: z.string().nullable(),
      retention: z.string(),
    }),
    profile: candidateSchema,
    sources: z.object({
      firstRecorded: z.object({ source: z.string(), at: z.string() }),
      lastChanged: z.string(),
      records: z.array(
        z.object({
          description: z.string(),
          outcome: z.enum(['imported', 'updated', 'unchanged']),
          at: z.string(),
          kind: z.enum(['import', 'api', 'demo']),
          format: z.string(),
          via: z.enum(['cli', 'api']),
          label: z.string(),
          fileName: z.string().nullable(),
          by: z.string(),
        }),
      ),
    }),
    notes: z.array(z.object({ text: z.string(), writtenAt: z.string(), writtenBy: z.string().nullable() })),
    outreach: z.object({ campaigns: outreachHistorySchema.shape.enrollments, outcomes: outreachHistorySchema.shape.outcomes }),
    rankingExamples: z.array(
      z.object({ roleId: z.string(), kind: z.string(), label: z.string(), fitSignals: z.record(z.string(), z.number()), replySignals: z.record(z.string(), z.number()), createdAt: z.string() }),
    ),
    suppression: z.object({
      suppressed: z.boolean(),
      entries: z.array(z.object({ reason: suppressionSchema.shape.reason, note: z.string(), since: z.string(), by: z.enum(['email', 'profile URL', 'candidate id']) })),
      matchesAnErasedPerson: z.boolean(),
    }),
    retention: z.object({ flaggedAt: z.string(), lastActivityAt: z.string() }).nullable(),
  })
  .openapi('DataSubjectExport');

export const getCandidatesByIdExportRoute = createRoute({
  method: 'get',
  path: '/api/candidates/{id}/export',
  tags: ['privacy'],
  summary: 'Data-subject export: everything held about one person, as a JSON download (audited as export)',
  request: { params: idParam },
  responses: answers(dataSubjectExportSchema, 'The export (Content-Disposition: attachment)'),
});

export const getCandidatesByIdPrivacyRoute = createRoute({
  method: 'get',
  path: '/api/candidates/{id}/privacy',
  tags: ['privacy'],
  summary: "Where the candidate's data came from and when, the workspace's lawful basis, a retention flag",
  request: { params: idParam },
  responses: answers(candidatePrivacySchema, 'The privacy view'),
});

export const getPrivacySettingsRoute = createRoute({
  method: 'get',
  path: '/api/privacy/settings',
  tags: ['privacy'],
  summary: "The workspace's privacy settings: lawful basis, privacy notice address, retention policy",
  responses: answers(settingsSchema, 'Settings'),
});

export const putPrivacySettingsRoute = createRoute({
  method: 'put',
  path: '/api/privacy/settings',
  tags: ['privacy'],
  summary: 'Replace the privacy settings (admins); audited with the names of the fields that changed',
  request: { ...jsonBody(privacySettingsSchema) },
  responses: { 200: json(settingsSchema.extend({ changed: z.array(z.string()) }), 'Saved'), ...errorResponses },
});

export const postPrivacyRetentionDryRunRoute = createRoute({
  method: 'post',
  path: '/api/privacy/retention/dry-run',
  tags: ['privacy'],
  summary: 'Who a retention policy would affect now (the saved one, or the one given), changing nothing',
  request: {
    body: { content: { 'application/json': { schema: z.object({ policy: retentionPolicySchema.optional(), limit: z.number().int().min(1).max(5000).default(500) }) } }, required: false },
  },
  responses: answers(dryRunSchema, 'Who would be affected, oldest activity first'),
});

export const postPrivacyRetentionApplyRoute = createRoute({
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
});

export const getPrivacyRetentionFlagsRoute = createRoute({
  method: 'get',
  path: '/api/privacy/retention/flags',
  tags: ['privacy'],
  summary: 'Candidates the retention policy flagged for review, oldest activity first',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(5000).default(500) }) },
  responses: { 200: json(z.object({ total: z.number(), flags: z.array(z.object({ candidateId: z.number(), name: z.string(), flaggedAt: z.string(), lastActivityAt: z.string() })) }), 'Flags'), ...errorResponses },
});
