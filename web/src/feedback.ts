import { api } from './api-client.ts';

export type Verdict = 'shortlist' | 'reject';

/** Records recruiter feedback on candidates (the ranking learns from it). */
export async function sendFeedback(candidateIds: number[], verdict: Verdict, roleId?: string): Promise<void> {
  for (const candidateId of candidateIds) await api.post('/api/feedback', { candidateId, verdict, roleId });
}
