import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enrollmentEvents, enrollmentStates, isTerminal, terminalStates, transition, type EnrollmentState } from './enrollment-state-machine.ts';

const state = fc.constantFrom(...enrollmentStates);
const event = fc.constantFrom(...enrollmentEvents);

describe('enrollment state machine', () => {
  it('follows the happy path of the default sequence', () => {
    let s: EnrollmentState = 'queued';
    for (const e of ['invite_sent', 'invite_accepted', 'message_sent', 'replied'] as const) {
      const r = transition(s, e);
      expect(r.ok).toBe(true);
      if (r.ok) s = r.state;
    }
    expect(s).toBe('replied');
  });

  it('lets a declined request go on to an InMail', () => {
    const declined = transition('invited', 'invite_declined');
    expect(declined).toMatchObject({ ok: true, state: 'declined' });
    expect(transition('declined', 'inmail_sent')).toMatchObject({ ok: true, state: 'inmailed' });
  });

  it('refuses what the table does not allow', () => {
    expect(transition('queued', 'invite_declined')).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(transition('replied', 'message_sent')).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(transition('stopped', 'replied')).toMatchObject({ ok: false });
  });

  it('records a late reply after the sequence finished', () => {
    expect(transition('finished', 'replied')).toMatchObject({ ok: true, state: 'replied' });
  });

  it('property: no event sequence ever leaves a terminal state', () => {
    fc.assert(
      fc.property(state, fc.array(event, { maxLength: 30 }), (start, events) => {
        let s = start;
        let terminalSeen = isTerminal(s) ? s : null;
        for (const e of events) {
          const r = transition(s, e);
          if (r.ok) s = r.state;
          if (terminalSeen) expect(s).toBe(terminalSeen);
          if (isTerminal(s)) terminalSeen = s;
        }
      }),
    );
  });

  it('property: any reply from an active state ends in replied; stop always ends non-terminal states', () => {
    fc.assert(
      fc.property(state, (s) => {
        if (terminalStates.has(s)) return;
        expect(transition(s, 'replied')).toMatchObject({ ok: true, state: 'replied' });
        expect(transition(s, 'stop')).toMatchObject({ ok: true, state: 'stopped' });
      }),
    );
  });
});
