/**
 * The outreach endpoints the UI uses, in one place (campaigns, tasks,
 * outcomes, suppressions), so the pages stay the same if a path changes.
 */
import { api, qs } from './api-client.ts';
import { need } from './capabilities.ts';
import type { Campaign, CampaignStatus, SequenceStep } from './campaign/campaign-types.ts';
import type { SeatOutlook } from '../../src/outreach/planning/seat-outlook-store.ts';
import type { AddCandidatesResult } from '../../src/outreach/campaigns/add-campaign-candidates-store.ts';
import type { CandidateNote } from '../../src/candidates/candidate-note.ts';
import type { CandidateOutreachHistory as OutreachHistory } from '../../src/outreach/enrollment/candidate-outreach-history-store.ts';

export interface Task {
  actionId: string;
  campaignId: string;
  campaignName?: string;
  candidateId: number;
  candidateName?: string;
  headline?: string;
  seatId: string;
  stepKey: string;
  channel: string;
  withNote?: boolean;
  subject: string | null;
  body: string | null;
  profileUrl: string | null;
  email: string | null;
  dueAt: string;
  planDate?: string;
  status?: string;
  priority?: number;
  variant?: string | null;
  /** lint findings stored with the text when it was queued (warnings) */
  lint?: Array<{ code: string; severity: 'error' | 'warning'; message: string }>;
}

// the server's own types (type-only imports: nothing of the server is bundled), so UI and API cannot drift apart
export type { SeatCaps } from '../../src/outreach/planning/seat-caps.ts';
export type { UpcomingAction, SeatOutlook } from '../../src/outreach/planning/seat-outlook-store.ts';
export type { AddCandidatesResult } from '../../src/outreach/campaigns/add-campaign-candidates-store.ts';
export type { CandidateNote } from '../../src/candidates/candidate-note.ts';
export type { CandidateOutreachHistory as OutreachHistory } from '../../src/outreach/enrollment/candidate-outreach-history-store.ts';

export interface TodayQueue {
  tasks: Task[];
  seats?: SeatOutlook[];
}

export type TaskAnswer = 'done' | 'skipped' | 'failed';
const taskVerb: Record<TaskAnswer, string> = { done: 'done', skipped: 'skip', failed: 'fail' };

export type SuppressionReason = 'do_not_contact' | 'opted_out' | 'in_process';
export interface Suppression {
  id: number;
  candidateId: number | null;
  email: string | null;
  profileUrl: string | null;
  reason: SuppressionReason;
  note: string;
  createdAt: string;
}
export type OutcomeKind = 'accepted' | 'replied' | 'bounced' | 'declined_invitation';
export type ReplyKind = 'positive' | 'negative' | 'decline' | 'quick_reply';

export const outreachApi = {
  listCampaigns: async (signal?: AbortSignal) => {
    await need('GET', '/api/campaigns');
    return api.get<{ campaigns: Campaign[] }>('/api/campaigns', signal);
  },
  getCampaign: (id: string, signal?: AbortSignal) => api.get<Campaign>(`/api/campaigns/${encodeURIComponent(id)}`, signal),
  createCampaign: (input: Record<string, unknown>) => api.post<Campaign>('/api/campaigns', input),
  saveSequence: (id: string, steps: SequenceStep[]) => api.put<{ steps: SequenceStep[] }>(`/api/campaigns/${encodeURIComponent(id)}/steps`, { steps }),
  /** resume is a launch of a paused campaign */
  setStatus: (id: string, action: 'launch' | 'pause' | 'resume' | 'stop') => api.post<Campaign>(`/api/campaigns/${encodeURIComponent(id)}/${action === 'resume' ? 'launch' : action}`, {}),
  tasks: async (seatId: string, signal?: AbortSignal) => {
    await need('GET', '/api/tasks');
    return api.get<TodayQueue>(`/api/tasks${qs({ seat: seatId })}`, signal);
  },
  addCandidates: (id: string, candidateIds: number[]) => api.post<AddCandidatesResult>(`/api/campaigns/${encodeURIComponent(id)}/candidates`, { candidateIds }),
  history: async (candidateId: number, signal?: AbortSignal) => {
    await need('GET', '/api/candidates/{id}/outreach');
    return api.get<OutreachHistory>(`/api/candidates/${candidateId}/outreach`, signal);
  },
  notes: async (candidateId: number, signal?: AbortSignal) => {
    await need('GET', '/api/candidates/{id}/notes');
    return api.get<{ notes: CandidateNote[] }>(`/api/candidates/${candidateId}/notes`, signal);
  },
  addNote: (candidateId: number, text: string, authorSeatId?: string) => api.post<CandidateNote>(`/api/candidates/${candidateId}/notes`, authorSeatId ? { text, authorSeatId } : { text }),
  deleteNote: (candidateId: number, noteId: number) => api.del<{ deleted: number }>(`/api/candidates/${candidateId}/notes/${noteId}`),
  answerTask: (taskId: string, outcome: TaskAnswer, message?: string) =>
    api.post<{ actionId: string; status: string }>(`/api/tasks/${encodeURIComponent(taskId)}/${taskVerb[outcome]}`, message ? { message } : {}),
  recordOutcome: (o: { candidateId: number; campaignId?: string; kind: OutcomeKind; replyKind?: ReplyKind; channel?: string }) =>
    api.post<unknown>('/api/outcomes', { ...o, at: new Date().toISOString(), source: 'api' }),
  suppressions: (signal?: AbortSignal) => api.get<{ suppressions: Suppression[] }>('/api/suppressions', signal),
  suppress: (s: { candidateId: number; reason: SuppressionReason; note?: string }) => api.post<{ entry: Suppression; stoppedEnrollments: string[] }>('/api/suppressions', s),
  unsuppress: (id: number) => api.del<{ deleted: number }>(`/api/suppressions/${id}`),
};

export function actionsFor(status: CampaignStatus): Array<{ action: 'launch' | 'pause' | 'resume' | 'stop'; label: string; tone?: string }> {
  switch (status) {
    case 'draft':
      return [
        { action: 'launch', label: 'Launch', tone: 'primary' },
        { action: 'stop', label: 'Stop', tone: 'danger' },
      ];
    case 'running':
      return [
        { action: 'pause', label: 'Pause' },
        { action: 'stop', label: 'Stop', tone: 'danger' },
      ];
    case 'paused':
      return [
        { action: 'resume', label: 'Resume', tone: 'primary' },
        { action: 'stop', label: 'Stop', tone: 'danger' },
      ];
    default:
      return [];
  }
}
