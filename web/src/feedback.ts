import type { InferRequestType } from 'hono/client';
import { call, client } from './api-client.ts';

/** The verdicts the ranking learns from (the contract's). */
export type Verdict = InferRequestType<(typeof client.api.candidates)[':id']['feedback']['$post']>['json']['verdict'];

/**
 * Records recruiter feedback on candidates (the ranking learns from it): for
 * the saved role chosen, or for the plain search's own query, which saves no
 * role (they piled up in "Rank for role" as "Search: …" before).
 */
export async function sendFeedback(candidateIds: number[], verdict: Verdict, role: { roleId?: string; query: string }): Promise<void> {
  const about = role.roleId ? { roleId: role.roleId } : { query: role.query.trim() || '*' };
  for (const id of candidateIds) await call(client.api.candidates[':id'].feedback.$post({ param: { id: String(id) }, json: { ...about, verdict } }));
}
