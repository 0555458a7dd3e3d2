/** How the UI names a campaign's steps and status: labels, condition texts, tones. The shapes are the API contract's (outreach-api.ts). */
import type { SequenceChannel, StepAnchor, StepCondition } from '../outreach-api.ts';

export const anchorLabel: Record<StepAnchor, string> = {
  enrolled: 'after enrolment',
  invite_sent: 'after the request is sent',
  accepted: 'after acceptance',
  previous_action: 'after the previous touch',
};

/** The anchors a step can count from, in the order the editor offers them. */
export const stepAnchors = Object.keys(anchorLabel) as StepAnchor[];

// keyed by the contract's type, so a channel added to the server is a type error here until the editor offers it
const channelChoices: Record<SequenceChannel, true> = { connection_request: true, message: true, inmail: true, email: true, phone: true };

/** The channels a step can use, in the order the editor offers them. */
export const sequenceChannels = Object.keys(channelChoices) as SequenceChannel[];

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
