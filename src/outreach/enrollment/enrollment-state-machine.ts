/**
 * The enrollment state machine (issue item 2): one enrollment per candidate
 * per campaign. Pure: `transition(state, event)` answers the next state or
 * refuses with `invalid_transition`; the store records every applied
 * transition with its time and cause.
 *
 * - `replied` and `stopped` are terminal: nothing leaves them (an answer to
 *   the connection request is still recorded as a fact). Any reply
 *   moves a non-terminal enrollment to `replied`, which stops its sequence.
 * - `finished` means the sequence has no step left; a late reply or
 *   acceptance is still recorded (finished -> replied), a stop ends it.
 * - `declined` means the connection request was declined; the sequence
 *   goes on (an InMail is the right channel after a declined request, spec 6).
 * - Events that only add a fact (a late acceptance after an InMail, a
 *   withdrawal, a bounce, a done phone task) keep the state.
 */
export const enrollmentStates = ['queued', 'invited', 'accepted', 'messaged', 'inmailed', 'emailed', 'replied', 'declined', 'finished', 'stopped'] as const;
export type EnrollmentState = (typeof enrollmentStates)[number];

export const terminalStates: ReadonlySet<EnrollmentState> = new Set(['replied', 'stopped']);

export const enrollmentEvents = [
  'invite_sent',
  'invite_accepted',
  'invite_declined',
  'invite_withdrawn',
  'message_sent',
  'inmail_sent',
  'email_sent',
  'phone_done',
  'email_bounced',
  'replied',
  'sequence_done',
  'stop',
] as const;
export type EnrollmentEvent = (typeof enrollmentEvents)[number];

type Row = Partial<Record<EnrollmentEvent, EnrollmentState | 'same'>>;

const active: EnrollmentState[] = ['queued', 'invited', 'accepted', 'messaged', 'inmailed', 'emailed', 'declined'];

function row(state: EnrollmentState): Row {
  const r: Row = { replied: 'replied', stop: 'stopped', sequence_done: 'finished', phone_done: 'same', email_bounced: 'same', email_sent: 'emailed', inmail_sent: 'inmailed' };
  switch (state) {
    case 'queued':
      return { ...r, invite_sent: 'invited', message_sent: 'messaged', invite_accepted: 'accepted', email_bounced: undefined };
    case 'invited':
      return { ...r, invite_accepted: 'accepted', invite_declined: 'declined', invite_withdrawn: 'same', email_bounced: undefined };
    case 'accepted':
      return { ...r, message_sent: 'messaged', invite_accepted: 'same' };
    case 'messaged':
      return { ...r, message_sent: 'same', invite_accepted: 'same' };
    case 'inmailed':
      return { ...r, invite_accepted: 'same', invite_declined: 'same', invite_withdrawn: 'same', message_sent: 'messaged' };
    case 'emailed':
      return { ...r, invite_accepted: 'same', invite_declined: 'same', invite_withdrawn: 'same', message_sent: 'same' };
    case 'declined':
      return { ...r, invite_accepted: 'accepted', invite_withdrawn: 'same' };
    default:
      return {};
  }
}

/** The whole table: state -> event -> next state. Built once; frozen. */
export const transitionTable: Readonly<Record<EnrollmentState, Readonly<Partial<Record<EnrollmentEvent, EnrollmentState>>>>> = Object.freeze(
  Object.fromEntries(
    enrollmentStates.map((s) => {
      const out: Partial<Record<EnrollmentEvent, EnrollmentState>> = {};
      if (s === 'finished') {
        Object.assign(out, { replied: 'replied', stop: 'stopped', invite_accepted: 'finished', invite_declined: 'finished', invite_withdrawn: 'finished', email_bounced: 'finished', phone_done: 'finished' });
      } else if (terminalStates.has(s)) {
        // facts about the connection request are still recorded (the seat's pending count depends on them); the state stays
        Object.assign(out, { invite_accepted: s, invite_declined: s, invite_withdrawn: s });
      } else if (active.includes(s)) {
        for (const [e, to] of Object.entries(row(s))) if (to) out[e as EnrollmentEvent] = to === 'same' ? s : to;
      }
      return [s, Object.freeze(out)];
    }),
  ) as Record<EnrollmentState, Partial<Record<EnrollmentEvent, EnrollmentState>>>,
);

export type TransitionResult = { ok: true; state: EnrollmentState; changed: boolean } | { ok: false; code: 'invalid_transition'; message: string };

export function transition(state: EnrollmentState, event: EnrollmentEvent): TransitionResult {
  const to = transitionTable[state]?.[event];
  if (!to) return { ok: false, code: 'invalid_transition', message: `an enrollment in state '${state}' cannot take '${event}'` };
  return { ok: true, state: to, changed: to !== state };
}

export function isTerminal(state: EnrollmentState): boolean {
  return terminalStates.has(state);
}

/** States in which the sequence can still produce actions. */
export function isSequenceActive(state: EnrollmentState): boolean {
  return active.includes(state);
}

/** The event an executed action of a channel brings. */
export function eventForChannel(channel: 'connection_request' | 'message' | 'inmail' | 'email' | 'phone' | 'withdraw_invitation'): EnrollmentEvent {
  switch (channel) {
    case 'connection_request':
      return 'invite_sent';
    case 'message':
      return 'message_sent';
    case 'inmail':
      return 'inmail_sent';
    case 'email':
      return 'email_sent';
    case 'phone':
      return 'phone_done';
    case 'withdraw_invitation':
      return 'invite_withdrawn';
  }
}
