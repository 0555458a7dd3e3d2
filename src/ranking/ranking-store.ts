import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import type { FitSignal } from './fit-score.ts';
import { priorRankingModel, trainRankingModel, type RankingModel, type TrainingExample } from './ranking-model.ts';
import type { ReplySignal } from './reply-priors.ts';
import { roleProfileSchema, type RoleProfile } from './role-profile.ts';
import { withWriteTransaction } from '../db/write-transaction.ts';

/** Storage of roles, learning examples and trained models (thin: no scoring here). */

export async function saveRole(store: Store, workspaceId: string, role: RoleProfile, now: string = new Date().toISOString()): Promise<RoleProfile & { id: string }> {
  const id = role.id ?? slugFor(role.name);
  const saved = { ...role, id };
  const existing = await store.db.selectFrom('ranking_roles').select('id').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (existing) {
    await store.db.updateTable('ranking_roles').set({ name: role.name, profile: JSON.stringify(saved), updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  } else {
    await store.db.insertInto('ranking_roles').values({ workspace_id: workspaceId, id, name: role.name, profile: JSON.stringify(saved), created_at: now, updated_at: now }).execute();
  }
  return saved;
}

export async function getRole(store: Store, workspaceId: string, id: string): Promise<RoleProfile & { id: string }> {
  const row = await store.db.selectFrom('ranking_roles').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `role ${id} does not exist`, { id });
  return { ...roleProfileSchema.parse(JSON.parse(row.profile)), id };
}

export async function listRoles(store: Store, workspaceId: string): Promise<Array<RoleProfile & { id: string }>> {
  const rows = await store.db.selectFrom('ranking_roles').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return rows.map((r) => ({ ...roleProfileSchema.parse(JSON.parse(r.profile)), id: r.id }));
}

export async function deleteRole(store: Store, workspaceId: string, id: string): Promise<void> {
  const res = await store.db.deleteFrom('ranking_roles').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new AppError('not_found', `role ${id} does not exist`, { id });
}

export interface StoredExample {
  candidateId: number;
  roleId: string;
  kind: 'feedback' | 'outcome';
  label: string;
  fit: Partial<Record<FitSignal, number>>;
  reply: Partial<Record<ReplySignal, number>>;
}

/**
 * Stores one example. A recruiter's verdict on a candidate for a role
 * replaces an earlier verdict on the same pair (changing one's mind is not
 * two data points); outreach outcomes accumulate.
 */
export async function insertExample(store: Store, workspaceId: string, e: StoredExample, now: string = new Date().toISOString()): Promise<void> {
  await withWriteTransaction(store, async (trx) => {
    if (e.kind === 'feedback') {
      await trx.deleteFrom('ranking_examples').where('workspace_id', '=', workspaceId).where('candidate_id', '=', e.candidateId).where('role_id', '=', e.roleId).where('kind', '=', 'feedback').execute();
    }
    await trx
      .insertInto('ranking_examples')
      .values({ workspace_id: workspaceId, candidate_id: e.candidateId, role_id: e.roleId, kind: e.kind, label: e.label, fit_signals: JSON.stringify(e.fit), reply_signals: JSON.stringify(e.reply), created_at: now })
      .execute();
  });
}

/** The latest examples of a workspace (newest `max`), as training input. */
export async function loadExamples(store: Store, workspaceId: string, max = 5000): Promise<TrainingExample[]> {
  const rows = await store.db.selectFrom('ranking_examples').selectAll().where('workspace_id', '=', workspaceId).orderBy('id', 'desc').limit(max).execute();
  return rows.map<TrainingExample>((r) =>
    r.kind === 'feedback'
      ? { kind: 'feedback', label: r.label as 'shortlist' | 'reject', fit: JSON.parse(r.fit_signals) }
      : { kind: 'outcome', label: r.label as 'accepted' | 'replied' | 'ignored', reply: JSON.parse(r.reply_signals) },
  );
}

export async function countExamples(store: Store, workspaceId: string): Promise<{ feedback: number; outcome: number }> {
  const rows = await store.db
    .selectFrom('ranking_examples')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('kind')
    .execute();
  const out = { feedback: 0, outcome: 0 };
  for (const r of rows) if (r.kind === 'feedback' || r.kind === 'outcome') out[r.kind] = Number(r.n);
  return out;
}

export async function loadRankingModel(store: Store, workspaceId: string): Promise<RankingModel> {
  const row = await store.db.selectFrom('ranking_models').select('model').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row ? (JSON.parse(row.model) as RankingModel) : priorRankingModel();
}

/** Retrains the workspace model from its stored examples and saves it. Cheap: a few thousand rows, a dozen features. */
export async function retrainRankingModel(store: Store, workspaceId: string, now: string = new Date().toISOString()): Promise<RankingModel> {
  const model = trainRankingModel(await loadExamples(store, workspaceId));
  const json = JSON.stringify(model);
  const existing = await store.db.selectFrom('ranking_models').select('workspace_id').where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (existing) await store.db.updateTable('ranking_models').set({ model: json, trained_at: now }).where('workspace_id', '=', workspaceId).execute();
  else await store.db.insertInto('ranking_models').values({ workspace_id: workspaceId, model: json, trained_at: now }).execute();
  return model;
}

/** Forgets what the workspace learned: examples and model (back to the priors). */
export async function resetLearning(store: Store, workspaceId: string): Promise<void> {
  await store.db.deleteFrom('ranking_examples').where('workspace_id', '=', workspaceId).execute();
  await store.db.deleteFrom('ranking_models').where('workspace_id', '=', workspaceId).execute();
}

function slugFor(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'role';
}
