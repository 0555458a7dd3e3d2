/**
 * The outreach endpoints the UI uses, in one place (campaigns, tasks,
 * outcomes, suppressions), so the pages stay the same if a path changes.
 */
import { api, qs } from './api-client.ts';
import { need } from './capabilities.ts';
import type { Campaign, CampaignStatus, SequenceStep } from './campaign/campaign-types.ts';

export interface Task {
  id: string;
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
  status: string;
  priority?: number;
}

export interface SeatCaps {
  seatId: string;
  [k: string]: unknown;
}

export interface TodayQueue {
  tasks: Task[];
  caps?: SeatCaps[] | SeatCaps | null;
  [k: string]: unknown;
}

export type TaskAnswer = 'done' | 'skipped' | 'failed';
export type OutcomeKind = 'accepted' | 'replied' | 'bounced' | 'declined_invitation';
export type ReplyKind = 'positive' | 'negative' | 'decline' | 'quick_reply';

export const outreachApi = {
  listCampaigns: async (signal?: AbortSignal) => {
    await need('GET', '/api/campaigns');
    return api.get<{ campaigns: Campaign[] }>('/api/campaigns', signal);
  },
  getCampaign: (id: string, signal?: AbortSignal) => api.get<Campaign>(`/api/campaigns/${encodeURIComponent(id)}`, signal),
  createCampaign: (input: Record<string, unknown>) => api.post<Campaign>('/api/campaigns', input),
  saveSequence: (id: string, sequence: SequenceStep[]) => api.put<Campaign>(`/api/campaigns/${encodeURIComponent(id)}/sequence`, { sequence }),
  setStatus: (id: string, action: 'launch' | 'pause' | 'resume' | 'stop') => api.post<Campaign>(`/api/campaigns/${encodeURIComponent(id)}/${action}`, {}),
  enroll: (id: string, candidateIds: number[]) => api.post<unknown>(`/api/campaigns/${encodeURIComponent(id)}/candidates`, { candidateIds }),
  tasks: async (seatId: string, signal?: AbortSignal) => {
    await need('GET', '/api/tasks');
    return api.get<TodayQueue>(`/api/tasks${qs({ seat: seatId })}`, signal);
  },
  answerTask: (taskId: string, outcome: TaskAnswer, message?: string) => api.post<unknown>(`/api/tasks/${encodeURIComponent(taskId)}/${outcome}`, message ? { message } : {}),
  recordOutcome: (o: { candidateId: number; campaignId?: string; kind: OutcomeKind; replyKind?: ReplyKind; channel?: string }) =>
    api.post<unknown>('/api/outcomes', { ...o, at: new Date().toISOString() }),
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
