import { describe, expect, it } from 'vitest';
import { defaultSequence } from '../campaigns/default-sequence.ts';
import type { EnrollmentFacts } from './enrollment-facts.ts';
import { untouchedEnrollment } from './enrollment-facts.ts';
import { nextStep, type ChannelAvailability } from './next-step.ts';
import { sequenceSchema } from '../campaigns/sequence-step.ts';

const base: EnrollmentFacts = {
  id: 'c1:1',
  campaignId: 'c1',
  candidateId: 1,
  seatId: 's1',
  state: 'queued',
  position: 0,
  priority: 80,
  hasEmail: true,
  emails: ['a@example.com'],
  profileUrl: 'linkedin.com/in/a',
  openProfile: false,
  connected: false,
  enrolledAt: '2025-03-03T08:00:00.000Z',
  ...untouchedEnrollment,
};
const all: ChannelAvailability = () => 'yes';
const tz = 'UTC';

describe('next step of the default sequence', () => {
  it('starts with the connection request on day 1', () => {
    expect(nextStep(defaultSequence, base, '2025-03-03', tz, all)).toMatchObject({ kind: 'ready', step: { key: 'invite' } });
  });

  it('follows up 3 days after acceptance, not before', () => {
    const e = { ...base, state: 'accepted' as const, position: 1, inviteSentAt: '2025-03-03T10:00:00Z', acceptedAt: '2025-03-04T10:00:00Z', lastActionAt: '2025-03-03T10:00:00Z' };
    expect(nextStep(defaultSequence, e, '2025-03-06', tz, all)).toEqual({ kind: 'wait' });
    expect(nextStep(defaultSequence, e, '2025-03-07', tz, all)).toMatchObject({ kind: 'ready', step: { key: 'follow-up' } });
  });

  it('sends the InMail on day 7-10 to a high-priority candidate who has not accepted, then never', () => {
    const e = { ...base, state: 'invited' as const, position: 1, inviteSentAt: '2025-03-03T10:00:00Z', lastActionAt: '2025-03-03T10:00:00Z' };
    expect(nextStep(defaultSequence, e, '2025-03-08', tz, all)).toEqual({ kind: 'wait' });
    expect(nextStep(defaultSequence, e, '2025-03-09', tz, all)).toMatchObject({ kind: 'ready', step: { key: 'inmail' } });
    expect(nextStep(defaultSequence, e, '2025-03-12', tz, all)).toMatchObject({ kind: 'ready', step: { key: 'inmail' } });
    // past the window the InMail is passed and the email (7 days after the request) comes next
    expect(nextStep(defaultSequence, e, '2025-03-13', tz, all)).toMatchObject({ kind: 'ready', step: { key: 'email' } });
  });

  it('skips the InMail for a low-priority candidate and emails after 7 days', () => {
    const e = { ...base, priority: 40, state: 'invited' as const, position: 1, inviteSentAt: '2025-03-03T10:00:00Z', lastActionAt: '2025-03-03T10:00:00Z' };
    expect(nextStep(defaultSequence, e, '2025-03-09', tz, all)).toEqual({ kind: 'wait' });
    expect(nextStep(defaultSequence, e, '2025-03-10', tz, all)).toMatchObject({ kind: 'ready', step: { key: 'email' } });
  });

  it('phones when there is no email, and is done after the last touch', () => {
    const e = { ...base, hasEmail: false, emails: [], priority: 10, state: 'invited' as const, position: 1, inviteSentAt: '2025-03-03T10:00:00Z', lastActionAt: '2025-03-03T10:00:00Z' };
    expect(nextStep(defaultSequence, e, '2025-03-10', tz, all)).toMatchObject({ kind: 'ready', step: { key: 'phone' } });
    expect(nextStep(defaultSequence, { ...e, position: 5 }, '2025-03-20', tz, all)).toEqual({ kind: 'done' });
  });

  it('skips the request for a 1st-degree connection and messages on the follow-up day', () => {
    const e = { ...base, connected: true };
    const availability: ChannelAvailability = (ch, f) => (ch === 'connection_request' && f.connected ? 'never' : 'yes');
    expect(nextStep(defaultSequence, e, '2025-03-03', tz, availability)).toEqual({ kind: 'wait' });
    expect(nextStep(defaultSequence, e, '2025-03-06', tz, availability)).toMatchObject({ kind: 'ready', step: { key: 'follow-up' } });
  });

  it('stops at nothing once replied: every remaining step needs no reply', () => {
    const e = { ...base, state: 'invited' as const, position: 1, repliedAt: '2025-03-04T10:00:00Z', inviteSentAt: '2025-03-03T10:00:00Z' };
    expect(nextStep(defaultSequence, e, '2025-03-20', tz, all)).toEqual({ kind: 'done' });
  });
});

describe('step conditions, each on its own', () => {
  const one = (conditions: unknown[], channel = 'email') => sequenceSchema.parse([{ key: 'only', channel, anchor: 'enrolled', conditions }]);
  const at = (e: EnrollmentFacts, conditions: unknown[], date = '2025-03-03', channel = 'email') => nextStep(one(conditions, channel), e, date, tz, all).kind;

  it('open_profile / not_open_profile follow the profile', () => {
    expect(at({ ...base, openProfile: true }, [{ kind: 'open_profile' }])).toBe('ready');
    expect(at(base, [{ kind: 'open_profile' }])).toBe('done');
    expect(at(base, [{ kind: 'not_open_profile' }])).toBe('ready');
    expect(at({ ...base, openProfile: true }, [{ kind: 'not_open_profile' }])).toBe('done');
  });

  it('has_email / no_email follow the addresses', () => {
    expect(at(base, [{ kind: 'has_email' }])).toBe('ready');
    expect(at({ ...base, hasEmail: false, emails: [] }, [{ kind: 'has_email' }])).toBe('done');
    expect(at({ ...base, hasEmail: false, emails: [] }, [{ kind: 'no_email' }])).toBe('ready');
  });

  it('priority_at_least X runs from X up', () => {
    expect(at({ ...base, priority: 70 }, [{ kind: 'priority_at_least', value: 70 }])).toBe('ready');
    expect(at({ ...base, priority: 69 }, [{ kind: 'priority_at_least', value: 70 }])).toBe('done');
  });

  it('replied waits for a reply; not_replied never runs after one', () => {
    const replied = { ...base, state: 'replied' as const, repliedAt: '2025-03-02T10:00:00Z' };
    expect(at(base, [{ kind: 'replied' }])).toBe('wait');
    expect(at({ ...base, repliedAt: '2025-03-02T10:00:00Z' }, [{ kind: 'replied' }])).toBe('ready');
    expect(at(replied, [{ kind: 'not_replied' }])).toBe('done');
  });

  it('accepted waits for the acceptance; not_accepted_after N runs N days after the request when still not accepted', () => {
    const invited = { ...base, state: 'invited' as const, inviteSentAt: '2025-03-03T10:00:00Z' };
    expect(at(invited, [{ kind: 'accepted' }], '2025-03-05', 'message')).toBe('wait');
    expect(at({ ...invited, acceptedAt: '2025-03-04T10:00:00Z' }, [{ kind: 'accepted' }], '2025-03-05', 'message')).toBe('ready');
    expect(at(invited, [{ kind: 'not_accepted_after', days: 4 }], '2025-03-06')).toBe('wait');
    expect(at(invited, [{ kind: 'not_accepted_after', days: 4 }], '2025-03-07')).toBe('ready');
    expect(at({ ...invited, acceptedAt: '2025-03-04T10:00:00Z' }, [{ kind: 'not_accepted_after', days: 4 }], '2025-03-07')).toBe('done');
  });
});
