import type { ScoutlineApp } from '../app-env.ts';
import { getCandidate, listCandidates, normaliseCandidateInput, upsertCandidates } from '../../candidates/candidate-store.ts';
import { eraseCandidates } from '../../privacy/erase-candidates-store.ts';
import { erasureAuditDetails } from '../../privacy/erasure.ts';
import { createDataSource } from '../../privacy/data-source-store.ts';
import { addCandidateNote, deleteCandidateNote, listCandidateNotes } from '../../candidates/candidate-notes-store.ts';
import { candidateOutreachHistory } from '../../outreach/enrollment/candidate-outreach-history-store.ts';
import { auditRequest, callerOf } from '../request-audit.ts';

import {
  addCandidateNoteRoute,
  candidateOutreachRoute,
  deleteCandidateNoteRoute,
  deleteCandidateRoute,
  getCandidateRoute,
  listCandidateNotesRoute,
  listCandidatesRoute,
  upsertCandidatesRoute,
} from '../../api-contract/candidate-contract.ts';

export function registerCandidateRoutes(app: ScoutlineApp): void {
  app.openapi(
    listCandidatesRoute,
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

  app.openapi(getCandidateRoute, async (c) => c.json(await getCandidate(c.get('store'), c.get('workspaceId'), c.req.valid('param').id), 200));

  app.openapi(
    upsertCandidatesRoute,
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
    deleteCandidateRoute,
    async (c) => {
      const { id } = c.req.valid('param');
      // audited in the erasing transaction: both happen or neither
      const summary = await eraseCandidates(c.get('store'), c.get('workspaceId'), [id], {
        audit: (trx, s) => auditRequest(c, { action: 'candidate_deleted', target: `candidate:${id}`, details: erasureAuditDetails(s) }, trx),
      });
      return c.json({ deleted: id, suppressionHashes: summary.suppressionHashes }, 200);
    },
  );

  app.openapi(candidateOutreachRoute, async (c) => c.json(await candidateOutreachHistory(c.get('store'), c.get('workspaceId'), c.req.valid('param').id), 200));

  app.openapi(listCandidateNotesRoute, async (c) => c.json({ notes: await listCandidateNotes(c.get('store'), c.get('workspaceId'), c.req.valid('param').id) }, 200));

  app.openapi(
    addCandidateNoteRoute,
    async (c) => c.json(await addCandidateNote(c.get('store'), c.get('workspaceId'), c.req.valid('param').id, c.req.valid('json'), new Date().toISOString(), { authorUserId: callerOf(c).userId }), 201),
  );

  app.openapi(
    deleteCandidateNoteRoute,
    async (c) => {
      const { id, noteId } = c.req.valid('param');
      await deleteCandidateNote(c.get('store'), c.get('workspaceId'), id, noteId, callerOf(c));
      return c.json({ deleted: noteId }, 200);
    },
  );
}
