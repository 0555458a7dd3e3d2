import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { candidateInputSchema } from '../../candidates/candidate.ts';
import { getCandidate, listCandidates, normaliseCandidateInput, upsertCandidates } from '../../candidates/candidate-store.ts';
import { eraseCandidates } from '../../privacy/erase-candidates-store.ts';
import { erasureAuditDetails } from '../../privacy/erasure.ts';
import { createDataSource } from '../../privacy/data-source-store.ts';
import { addCandidateNote, deleteCandidateNote, listCandidateNotes } from '../../candidates/candidate-notes-store.ts';
import { candidateOutreachHistory } from '../../outreach/enrollment/candidate-outreach-history-store.ts';
import { auditRequest, callerOf } from '../request-audit.ts';

const candidateSchema = z
  .object({
    id: z.number().int(),
    workspaceId: z.string(),
    name: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    headline: z.string(),
    summary: z.string(),
    location: z.object({ city: z.string(), region: z.string(), country: z.string(), timeZone: z.string() }),
    positions: z.array(z.object({ title: z.string(), company: z.string(), start: z.string().nullable(), end: z.string().nullable(), description: z.string(), location: z.string() })),
    education: z.array(z.object({ school: z.string(), degree: z.string(), field: z.string(), start: z.string().nullable(), end: z.string().nullable() })),
    skills: z.array(z.string()),
    profileUrl: z.string().nullable(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    linkedin: z.object({
      openProfile: z.boolean(),
      openToWork: z.boolean(),
      premium: z.boolean(),
      degree: z.number().nullable(),
      mutualConnections: z.number(),
      lastActive: z.string().nullable(),
    }),
    tags: z.array(z.string()),
    source: z.string(),
    importedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Candidate');

const noteSchema = z
  .object({
    id: z.number(),
    candidateId: z.number(),
    text: z.string(),
    authorSeatId: z.string().nullable(),
    authorUserId: z.string().nullable().openapi({ description: 'the member who wrote it (null for notes from before accounts or the local CLI)' }),
    author: z.object({ userId: z.string(), email: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('CandidateNote');

const outreachHistorySchema = z
  .object({
    candidateId: z.number(),
    enrollments: z.array(
      z.object({
        id: z.string(),
        campaignId: z.string(),
        campaignName: z.string(),
        campaignStatus: z.string(),
        seatId: z.string(),
        state: z.string(),
        priority: z.number(),
        enrolledAt: z.string(),
        repliedAt: z.string().nullable(),
        replyKind: z.string().nullable(),
        transitions: z.array(z.object({ event: z.string(), from: z.string(), to: z.string(), cause: z.string(), at: z.string() })),
        actions: z.array(
          z.object({
            id: z.string(),
            stepKey: z.string(),
            channel: z.string(),
            status: z.string(),
            withNote: z.boolean(),
            subject: z.string().nullable(),
            body: z.string().nullable(),
            variant: z.string().nullable(),
            executor: z.string().nullable(),
            dueAt: z.string(),
            executedAt: z.string().nullable(),
            lastError: z.string().nullable(),
          }),
        ),
      }),
    ),
    outcomes: z.array(z.object({ id: z.number(), campaignId: z.string().nullable(), kind: z.string(), replyKind: z.string().nullable(), channel: z.string().nullable(), source: z.string(), at: z.string(), refunded: z.boolean() })),
  })
  .openapi('CandidateOutreachHistory');

const idParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });

export function registerCandidateRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/candidates',
      tags: ['candidates'],
      summary: 'List candidates',
      request: {
        query: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
          openProfile: z.enum(['true', 'false']).optional(),
        }),
      },
      responses: {
        200: { content: { 'application/json': { schema: z.object({ total: z.number(), candidates: z.array(candidateSchema) }) } }, description: 'A page of candidates' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listCandidates(c.get('store'), c.get('workspaceId'), {
        limit: q.limit,
        offset: q.offset,
        openProfile: q.openProfile === undefined ? undefined : q.openProfile === 'true',
      });
      return c.json(page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/candidates/{id}',
      tags: ['candidates'],
      summary: 'Show one candidate',
      request: { params: idParam },
      responses: { 200: { content: { 'application/json': { schema: candidateSchema } }, description: 'The candidate' }, ...errorResponses },
    }),
    async (c) => c.json(await getCandidate(c.get('store'), c.get('workspaceId'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/candidates',
      tags: ['candidates'],
      summary: 'Create or merge candidates (dedupe by profile URL, then email)',
      request: {
        body: { content: { 'application/json': { schema: z.object({ candidates: z.array(candidateInputSchema).min(1).max(1000) }) } }, required: true },
      },
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({ results: z.array(z.object({ id: z.number(), outcome: z.enum(['imported', 'updated', 'unchanged']) })) }),
            },
          },
          description: 'What happened to each input',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const now = new Date().toISOString();
      const sourceId = await createDataSource(c.get('store').db, c.get('workspaceId'), { kind: 'api', format: 'json', via: 'api', label: 'api', actor: callerOf(c).email }, now);
      const res = await upsertCandidates(c.get('store'), c.get('workspaceId'), body.candidates.map(normaliseCandidateInput), now, { sourceId });
      const count = (outcome: string) => res.outcomes.filter((o) => o.outcome === outcome).length;
      // counts only: the audit log never holds candidates' data
      await auditRequest(c, { action: 'import', target: 'candidates', details: { via: 'POST /api/candidates', records: res.outcomes.length, imported: count('imported'), updated: count('updated'), unchanged: count('unchanged') } });
      return c.json({ results: res.outcomes.map((o) => ({ id: o.id, outcome: o.outcome })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/candidates/{id}',
      tags: ['candidates'],
      summary: 'Erase a candidate: their data leaves every table in one transaction; hashed addresses stay on the suppression list (docs/privacy.md)',
      request: { params: idParam },
      responses: {
        200: { content: { 'application/json': { schema: z.object({ deleted: z.number(), suppressionHashes: z.number().int() }) } }, description: 'Erased' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      // audited in the erasing transaction: both happen or neither
      const summary = await eraseCandidates(c.get('store'), c.get('workspaceId'), [id], {
        audit: (trx, s) => auditRequest(c, { action: 'candidate_deleted', target: `candidate:${id}`, details: erasureAuditDetails(s) }, trx),
      });
      return c.json({ deleted: id, suppressionHashes: summary.suppressionHashes }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/candidates/{id}/outreach',
      tags: ['candidates'],
      summary: "The candidate's outreach across campaigns: enrollments with transitions, actions and messages, outcomes",
      request: { params: idParam },
      responses: { 200: { content: { 'application/json': { schema: outreachHistorySchema } }, description: 'The history' }, ...errorResponses },
    }),
    async (c) => c.json(await candidateOutreachHistory(c.get('store'), c.get('workspaceId'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/candidates/{id}/notes',
      tags: ['candidates'],
      summary: "The candidate's notes, newest first",
      request: { params: idParam },
      responses: { 200: { content: { 'application/json': { schema: z.object({ notes: z.array(noteSchema) }) } }, description: 'Notes' }, ...errorResponses },
    }),
    async (c) => c.json({ notes: await listCandidateNotes(c.get('store'), c.get('workspaceId'), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/candidates/{id}/notes',
      tags: ['candidates'],
      summary: 'Add a note (text, optional author seat); the caller is recorded as its author',
      request: {
        params: idParam,
        body: { content: { 'application/json': { schema: z.object({ text: z.string().max(5000), authorSeatId: z.string().min(1).nullable().optional() }) } }, required: true },
      },
      responses: { 201: { content: { 'application/json': { schema: noteSchema } }, description: 'The note' }, ...errorResponses },
    }),
    async (c) => c.json(await addCandidateNote(c.get('store'), c.get('workspaceId'), c.req.valid('param').id, c.req.valid('json'), new Date().toISOString(), { authorUserId: callerOf(c).userId }), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/candidates/{id}/notes/{noteId}',
      tags: ['candidates'],
      summary: 'Delete a note: its author may, and admins and owners may delete any (403 otherwise)',
      request: { params: idParam.extend({ noteId: z.coerce.number().int().positive().openapi({ param: { name: 'noteId', in: 'path' } }) }) },
      responses: { 200: { content: { 'application/json': { schema: z.object({ deleted: z.number() }) } }, description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      const { id, noteId } = c.req.valid('param');
      await deleteCandidateNote(c.get('store'), c.get('workspaceId'), id, noteId, callerOf(c));
      return c.json({ deleted: noteId }, 200);
    },
  );
}
