import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { answers, json, jsonBody } from './json-content.ts';
import { candidateInputSchema } from '../candidates/candidate.ts';

/** Candidate routes: the candidates, their notes and their outreach history (handlers: src/api/routes/candidate-routes.ts). */
export const candidateSchema = z
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

export const noteSchema = z
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

export const outreachHistorySchema = z
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

export const listCandidatesRoute = createRoute({
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
      200: json(z.object({ total: z.number(), candidates: z.array(candidateSchema) }), 'A page of candidates'),
      ...errorResponses,
    },
});

export const getCandidateRoute = createRoute({
    method: 'get',
    path: '/api/candidates/{id}',
    tags: ['candidates'],
    summary: 'Show one candidate',
    request: { params: idParam },
    responses: answers(candidateSchema, 'The candidate'),
});

export const upsertCandidatesRoute = createRoute({
    method: 'post',
    path: '/api/candidates',
    tags: ['candidates'],
    summary: 'Create or merge candidates (dedupe by profile URL, then email)',
    request: {
      ...jsonBody(z.object({ candidates: z.array(candidateInputSchema).min(1).max(1000) })),
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
});

export const deleteCandidateRoute = createRoute({
    method: 'delete',
    path: '/api/candidates/{id}',
    tags: ['candidates'],
    summary: 'Erase a candidate: their data leaves every table in one transaction; hashed addresses stay on the suppression list (docs/privacy.md)',
    request: { params: idParam },
    responses: {
      200: json(z.object({ deleted: z.number(), suppressionHashes: z.number().int() }), 'Erased'),
      ...errorResponses,
    },
});

export const candidateOutreachRoute = createRoute({
    method: 'get',
    path: '/api/candidates/{id}/outreach',
    tags: ['candidates'],
    summary: "The candidate's outreach across campaigns: enrollments with transitions, actions and messages, outcomes",
    request: { params: idParam },
    responses: answers(outreachHistorySchema, 'The history'),
});

export const listCandidateNotesRoute = createRoute({
    method: 'get',
    path: '/api/candidates/{id}/notes',
    tags: ['candidates'],
    summary: "The candidate's notes, newest first",
    request: { params: idParam },
    responses: answers(z.object({ notes: z.array(noteSchema) }), 'Notes'),
});

export const addCandidateNoteRoute = createRoute({
    method: 'post',
    path: '/api/candidates/{id}/notes',
    tags: ['candidates'],
    summary: 'Add a note (text, optional author seat); the caller is recorded as its author',
    request: {
      params: idParam,
      ...jsonBody(z.object({ text: z.string().max(5000), authorSeatId: z.string().min(1).nullable().optional() })),
    },
    responses: { 201: json(noteSchema, 'The note'), ...errorResponses },
});

export const deleteCandidateNoteRoute = createRoute({
    method: 'delete',
    path: '/api/candidates/{id}/notes/{noteId}',
    tags: ['candidates'],
    summary: 'Delete a note: its author may, and admins and owners may delete any (403 otherwise)',
    request: { params: idParam.extend({ noteId: z.coerce.number().int().positive().openapi({ param: { name: 'noteId', in: 'path' } }) }) },
    responses: answers(z.object({ deleted: z.number() }), 'Deleted'),
});
