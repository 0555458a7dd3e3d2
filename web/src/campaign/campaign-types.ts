/** Campaign shapes (src/outreach/campaigns/campaign.ts and sequence-step.ts as served by the API). */

export const sequenceChannels = ['connection_request', 'message', 'inmail', 'email', 'phone'] as const;
export type SequenceChannel = (typeof sequenceChannels)[number];
export const stepAnchors = ['enrolled', 'invite_sent', 'accepted', 'previous_action'] as const;
export type StepAnchor = (typeof stepAnchors)[number];

export type StepCondition =
  | { kind: 'accepted' }
  | { kind: 'not_accepted_after'; days: number }
  | { kind: 'replied' }
  | { kind: 'not_replied' }
  | { kind: 'priority_at_least'; value: number }
  | { kind: 'has_email' }
  | { kind: 'no_email' }
  | { kind: 'open_profile' }
  | { kind: 'not_open_profile' };

/** An A/B template variant of a message step (src/outreach/campaigns/sequence-step.ts). */
export interface StepVariant {
  key: string;
  /** a default template name or Liquid source */
  template: string;
  weight?: number;
}

export interface SequenceStep {
  key: string;
  channel: SequenceChannel;
  anchor: StepAnchor;
  delayDays: number;
  windowDays: number | null;
  conditions: StepCondition[];
  variant: string | null;
  variants?: StepVariant[];
}

export type CampaignStatus = 'draft' | 'running' | 'paused' | 'stopped';

export interface Campaign {
  id: string;
  name: string;
  roleId: string | null;
  /** what messages say about the role (title, company, skills, pitch) */
  messageRole?: Record<string, unknown> | null;
  status: CampaignStatus;
  sequence: SequenceStep[];
  seatIds: string[];
  source: { kind: 'query'; query: string; limit: number } | { kind: 'ids'; ids: number[] } | { kind: 'file'; name: string; ids: number[] };
  createdAt: string;
  launchedAt: string | null;
  updatedAt: string;
  enrollments: number;
  byState: Record<string, number>;
  actions: Record<string, number>;
}

/** The default framework (spec section 6), mirrored from src/outreach/campaigns/default-sequence.ts for "reset". */
export const defaultSequence: SequenceStep[] = [
  { key: 'invite', channel: 'connection_request', anchor: 'enrolled', delayDays: 0, windowDays: null, conditions: [], variant: null },
  { key: 'follow-up', channel: 'message', anchor: 'accepted', delayDays: 3, windowDays: null, conditions: [{ kind: 'accepted' }, { kind: 'not_replied' }], variant: null },
  {
    key: 'inmail',
    channel: 'inmail',
    anchor: 'invite_sent',
    delayDays: 6,
    windowDays: 3,
    conditions: [{ kind: 'not_accepted_after', days: 6 }, { kind: 'priority_at_least', value: 70 }, { kind: 'not_replied' }],
    variant: null,
  },
  { key: 'email', channel: 'email', anchor: 'previous_action', delayDays: 7, windowDays: null, conditions: [{ kind: 'has_email' }, { kind: 'not_replied' }], variant: null },
  { key: 'phone', channel: 'phone', anchor: 'previous_action', delayDays: 7, windowDays: null, conditions: [{ kind: 'no_email' }, { kind: 'not_replied' }], variant: null },
];

export const anchorLabel: Record<StepAnchor, string> = {
  enrolled: 'after enrolment',
  invite_sent: 'after the request is sent',
  accepted: 'after acceptance',
  previous_action: 'after the previous touch',
};

export function conditionText(c: StepCondition): string {
  switch (c.kind) {
    case 'accepted':
      return 'request accepted';
    case 'not_accepted_after':
      return `not accepted after ${c.days} days`;
    case 'replied':
      return 'replied';
    case 'not_replied':
      return 'no reply yet';
    case 'priority_at_least':
      return `priority ≥ ${c.value}`;
    case 'has_email':
      return 'email known';
    case 'no_email':
      return 'no email';
    case 'open_profile':
      return 'Open Profile';
    case 'not_open_profile':
      return 'not Open Profile';
  }
}

/** Which message template step composes a channel's text (phone has none). */
export function messageStepFor(channel: SequenceChannel): 'connection_note' | 'follow_up' | 'inmail' | 'email' | null {
  switch (channel) {
    case 'connection_request':
      return 'connection_note';
    case 'message':
      return 'follow_up';
    case 'inmail':
      return 'inmail';
    case 'email':
      return 'email';
    default:
      return null;
  }
}

export function statusTone(s: string): string {
  return s === 'running' ? 'ok' : s === 'paused' ? 'warn' : s === 'stopped' ? 'bad' : 'info';
}
