import type { ScoutlineApp } from '../app-env.ts';
import { AppError } from '../../core/app-error.ts';
import { extractCriteria } from '../../ranking/extract-criteria.ts';
import { recordFeedback, recordOutcomeForLearning } from '../../ranking/learn-from-outcomes.ts';
import { countExamples, deleteRole, getRole, listRoles, loadRankingModel, saveRole } from '../../ranking/ranking-store.ts';
import { weightsStatement } from '../../ranking/explain.ts';
import { runSearch } from '../../search-request/run-search.ts';
import { postRankRoute, postRolesRoute, getRolesRoute, getRolesByIdRoute, deleteRolesByIdRoute, postRolesExtractRoute, postCandidatesByIdFeedbackRoute, postRankingOutcomesRoute, getRankingModelRoute } from '../../api-contract/ranking-contract.ts';

export function registerRankingRoutes(app: ScoutlineApp): void {
  app.openapi(
    postRankRoute,
    async (c) => {
      const body = c.req.valid('json');
      const store = c.get('store');
      const ws = c.get('workspaceId');
      if (!body.role && !body.roleId) throw new AppError('invalid_input', 'give either role (inline) or roleId (saved role)');
      // the role's own query is the search: the one search entry point ranks it (src/search-request)
      const role = body.role ?? (await getRole(store, ws, body.roleId!));
      const { considered, sort, limit, offset, seatId } = body;
      const found = await runSearch(store, ws, { query: role.query, role, sort, limit, offset, considered, seatId });
      if (found.kind !== 'rank') throw new Error('unreachable: a request with a role ranks');
      return c.json(found.ranking, 200);
    },
  );

  app.openapi(postRolesRoute, async (c) => c.json(await saveRole(c.get('store'), c.get('workspaceId'), c.req.valid('json')), 200));

  app.openapi(getRolesRoute, async (c) => c.json({ roles: await listRoles(c.get('store'), c.get('workspaceId')) }, 200));

  app.openapi(getRolesByIdRoute, async (c) => c.json(await getRole(c.get('store'), c.get('workspaceId'), c.req.valid('param').id), 200));

  app.openapi(
    deleteRolesByIdRoute,
    async (c) => {
      const { id } = c.req.valid('param');
      await deleteRole(c.get('store'), c.get('workspaceId'), id);
      return c.json({ deleted: id }, 200);
    },
  );

  app.openapi(postRolesExtractRoute, async (c) => c.json(extractCriteria(c.req.valid('json').jobDescription), 200));

  app.openapi(
    postCandidatesByIdFeedbackRoute,
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const model = await recordFeedback(c.get('store'), c.get('workspaceId'), { candidateId: id, roleId: body.roleId, query: body.query, verdict: body.verdict, relevance: body.relevance ?? null });
      return c.json({ recorded: true, weights: weightsStatement(model.info) }, 200);
    },
  );

  app.openapi(
    postRankingOutcomesRoute,
    async (c) => {
      const model = await recordOutcomeForLearning(c.get('store'), c.get('workspaceId'), c.req.valid('json'));
      return c.json({ recorded: true, weights: weightsStatement(model.info) }, 200);
    },
  );

  app.openapi(
    getRankingModelRoute,
    async (c) => {
      const store = c.get('store');
      const ws = c.get('workspaceId');
      const model = await loadRankingModel(store, ws);
      return c.json({ weights: weightsStatement(model.info), examples: await countExamples(store, ws), fitWeights: model.fitWeights, reply: model.reply }, 200);
    },
  );
}
