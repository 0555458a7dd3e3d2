/**
 * The outreach endpoints the UI uses, in one place (campaigns, tasks,
 * outcomes, suppressions, candidate notes and history), over the typed
 * client: their inputs and answers are the API contract's
 * (src/api-contract), so the pages and the server cannot drift apart.
 */
import type { InferRequestType } from 'hono/client';
import { call, client, type Answer } from './api-client.ts';

const campaigns = client.api.campaigns;
const tasks = client.api.tasks;

/** The answer type of a typed client call. */
type AnswerOf<F extends (...args: never[]) => Promise<unknown>> = Answer<Awaited<ReturnType<F>>>;

export type Campaign = AnswerOf<(typeof campaigns)[':id']['$get']>;
export type CampaignStatus = Campaign['status'];
export type SequenceStep = Campaign['sequence'][number];
export type SequenceChannel = SequenceStep['channel'];
export type StepAnchor = SequenceStep['anchor'];
export type StepCondition = SequenceStep['conditions'][number];
export type StepVariant = SequenceStep['variants'][number];
export type TodayQueue = AnswerOf<typeof tasks.$get>;
export type Task = TodayQueue['tasks'][number];
export type SeatOutlook = TodayQueue['seats'][number];
export type SeatCaps = SeatOutlook['caps'];
export type UpcomingAction = SeatOutlook['upcoming'][number];
export type AddCandidatesResult = AnswerOf<(typeof campaigns)[':id']['candidates']['$post']>;
export type CandidateNote = AnswerOf<(typeof client.api.candidates)[':id']['notes']['$post']>;
export type OutreachHistory = AnswerOf<(typeof client.api.candidates)[':id']['outreach']['$get']>;
export type Suppression = AnswerOf<typeof client.api.suppressions.$get>['suppressions'][number];
export type SuppressionReason = Suppression['reason'];
type OutcomeReport = InferRequestType<typeof client.api.outcomes.$post>['json'];
export type OutcomeKind = OutcomeReport['kind'];
export type ReplyKind = NonNullable<OutcomeReport['replyKind']>;
export type CampaignInput = InferRequestType<typeof campaigns.$post>['json'];

export type TaskAnswer = 'done' | 'skipped' | 'failed';
const taskRoute = { done: tasks[':id'].done, skipped: tasks[':id'].skip, failed: tasks[':id'].fail } as const;
const statusRoute = { launch: campaigns[':id'].launch, resume: campaigns[':id'].launch, pause: campaigns[':id'].pause, stop: campaigns[':id'].stop } as const;

/** hc puts path parameters in the URL as they are: encoded here, as the server decodes them. */
const enc = encodeURIComponent;
const withSignal = (signal?: AbortSignal) => ({ init: { signal } });

export const outreachApi = {
  listCampaigns: (signal?: AbortSignal) => call(campaigns.$get({}, withSignal(signal))),
  getCampaign: (id: string, signal?: AbortSignal) => call(campaigns[':id'].$get({ param: { id: enc(id) } }, withSignal(signal))),
  createCampaign: (input: CampaignInput) => call(campaigns.$post({ json: input })),
  /** the sequence a campaign gets when it names none (the sequence editor's "reset") */
  defaultSequence: () => call(campaigns['default-sequence'].$get()),
  saveSequence: (id: string, steps: SequenceStep[]) => call(campaigns[':id'].steps.$put({ param: { id: enc(id) }, json: { steps } })),
  /** resume is a launch of a paused campaign */
  setStatus: (id: string, action: 'launch' | 'pause' | 'resume' | 'stop') => call(statusRoute[action].$post({ param: { id: enc(id) } })),
  tasks: (seatId: string, signal?: AbortSignal) => call(tasks.$get({ query: { seat: seatId } }, withSignal(signal))),
  addCandidates: (id: string, candidateIds: number[]) => call(campaigns[':id'].candidates.$post({ param: { id: enc(id) }, json: { candidateIds } })),
  history: (candidateId: number, signal?: AbortSignal) => call(client.api.candidates[':id'].outreach.$get({ param: { id: String(candidateId) } }, withSignal(signal))),
  notes: (candidateId: number, signal?: AbortSignal) => call(client.api.candidates[':id'].notes.$get({ param: { id: String(candidateId) } }, withSignal(signal))),
  addNote: (candidateId: number, text: string, authorSeatId?: string) =>
    call(client.api.candidates[':id'].notes.$post({ param: { id: String(candidateId) }, json: authorSeatId ? { text, authorSeatId } : { text } })),
  deleteNote: (candidateId: number, noteId: number) => call(client.api.candidates[':id'].notes[':noteId'].$delete({ param: { id: String(candidateId), noteId: String(noteId) } })),
  answerTask: (taskId: string, outcome: TaskAnswer, message?: string) => call(taskRoute[outcome].$post({ param: { id: enc(taskId) }, json: message ? { message } : {} })),
  recordOutcome: (o: { candidateId: number; campaignId?: string; kind: OutcomeKind; replyKind?: ReplyKind; channel?: OutcomeReport['channel'] }) =>
    call(client.api.outcomes.$post({ json: { ...o, at: new Date().toISOString(), source: 'api' } })),
  suppressions: (signal?: AbortSignal) => call(client.api.suppressions.$get({}, withSignal(signal))),
  suppress: (s: { candidateId: number; reason: SuppressionReason; note?: string }) => call(client.api.suppressions.$post({ json: s })),
  unsuppress: (id: number) => call(client.api.suppressions[':id'].$delete({ param: { id: String(id) } })),
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
