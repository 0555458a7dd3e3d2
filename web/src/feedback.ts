import type { InferRequestType } from 'hono/client';
import { call, client } from './api-client.ts';

/** The verdicts the ranking learns from (the contract's). */
export type Verdict = InferRequestType<(typeof client.api.candidates)[':id']['feedback']['$post']>['json']['verdict'];

/** A stable role id for an ad-hoc query, so feedback on a plain search still teaches the model. */
export function adHocRoleId(query: string): string {
  let h = 2166136261;
  for (let i = 0; i < query.length; i++) h = Math.imul(h ^ query.charCodeAt(i), 16777619) >>> 0;
  return `search-${h.toString(36)}`;
}

const ensured = new Set<string>();

/**
 * Records recruiter feedback on candidates for a role (the ranking learns
 * from it). Without a saved role the query is saved as a role first.
 */
export async function sendFeedback(candidateIds: number[], verdict: Verdict, role: { roleId?: string; query: string }): Promise<void> {
  let roleId = role.roleId;
  if (!roleId) {
    roleId = adHocRoleId(role.query.trim());
    if (!ensured.has(roleId)) {
      await call(client.api.roles.$post({ json: { id: roleId, name: `Search: ${role.query.trim()}`.slice(0, 200), query: role.query.trim() } }));
      ensured.add(roleId);
    }
  }
  for (const id of candidateIds) await call(client.api.candidates[':id'].feedback.$post({ param: { id: String(id) }, json: { roleId, verdict } }));
}
