import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSequence } from '../campaigns/default-sequence.ts';
import type { EnrollmentFacts } from '../enrollment/enrollment-facts.ts';
import { untouchedEnrollment } from '../enrollment/enrollment-facts.ts';
import { pacingRulesSchema } from './pacing-rules.ts';
import { planDay, type PlannerSeat, type SeatHistory } from './plan-day.ts';
import { buildSuppressionIndex } from '../enrollment/suppression.ts';

/** Pacing rules of spec 4 the issue names, each checked on the pure planner. */
const seat = (days = [1, 2, 3, 4, 5, 6, 7], cap = 100): PlannerSeat => ({ id: 's1', paid: true, timeZone: 'UTC', workingHours: { start: '09:00', end: '17:00', days }, weeklyInviteCap: cap });
const history = (extra: Partial<SeatHistory> = {}): SeatHistory => ({
  inviteDates: [],
  noteDates: [],
  pendingInvites: 0,
  today: { invites: 0, inmails: 0, other: 0 },
  withdrawnOn: new Map(),
  ledger: null,
  reservedCredits: 0,
  openInMailTo: new Set(),
  paused: false,
  ...extra,
});
const enrollment = (campaign: string, id: number, extra: Partial<EnrollmentFacts> = {}): EnrollmentFacts => ({
  id: `${campaign}:${id}`,
  campaignId: campaign,
  candidateId: id,
  seatId: 's1',
  state: 'queued',
  position: 0,
  priority: 50,
  hasEmail: true,
  emails: [`p${id}@example.com`],
  profileUrl: `linkedin.com/in/p${id}`,
  openProfile: false,
  connected: false,
  enrolledAt: '2025-05-01T00:00:00.000Z',
  ...untouchedEnrollment,
  ...extra,
});
const plan = (date: string, enrollments: EnrollmentFacts[], opts: { s?: PlannerSeat; h?: SeatHistory; campaigns?: string[]; rules?: Record<string, unknown> } = {}) =>
  planDay({
    date,
    seats: [opts.s ?? seat()],
    campaigns: (opts.campaigns ?? ['c1']).map((id) => ({ id, sequence: defaultSequence })),
    enrollments,
    history: { s1: opts.h ?? history() },
    suppression: buildSuppressionIndex([]),
    ...(opts.rules ? { rules: pacingRulesSchema.parse(opts.rules) } : {}),
    seed: 1,
  });

describe('planner pacing (spec 4)', () => {
  it('withdraws a request still pending after the configured age (default 21 days), not before', () => {
    const sent = (daysAgo: number, id: number) => enrollment('c1', id, { state: 'invited', position: 1, inviteSentAt: new Date(Date.parse('2025-06-24T10:00:00Z') - daysAgo * 86_400_000).toISOString() });
    const withdrawals = (r: ReturnType<typeof plan>) => r.actions.filter((a) => a.channel === 'withdraw_invitation').map((a) => a.candidateId).sort();
    // 21 days pending: withdrawn; 20 days: kept; accepted long ago: never withdrawn
    const people = [sent(21, 1), sent(20, 2), sent(30, 3), { ...sent(40, 4), acceptedAt: '2025-05-20T10:00:00.000Z', state: 'accepted' as const }];
    expect(withdrawals(plan('2025-06-24', people))).toEqual([1, 3]);
    // a workspace that withdraws after 10 days
    expect(withdrawals(plan('2025-06-24', people, { rules: { withdrawPendingAfterDays: 10 } }))).toEqual([1, 2, 3]);
  });

  it('plans nothing but withdrawals for a stopped campaign (withdrawalsOnly), and none for a suppressed person', () => {
    const at = (daysAgo: number) => new Date(Date.parse('2025-06-24T10:00:00Z') - daysAgo * 86_400_000).toISOString();
    const people = [
      enrollment('c1', 1, { state: 'stopped', position: 1, inviteSentAt: at(21) }),
      enrollment('c1', 2, { state: 'stopped', position: 1, inviteSentAt: at(20) }),
      // still active in the facts, e.g. a stale row: a stopped campaign sends it nothing
      enrollment('c1', 3, { state: 'invited', position: 1, inviteSentAt: at(3) }),
      enrollment('c1', 4),
      enrollment('c1', 5, { state: 'stopped', position: 1, inviteSentAt: at(30) }),
    ];
    const r = planDay({
      date: '2025-06-24',
      seats: [seat()],
      campaigns: [{ id: 'c1', sequence: defaultSequence, withdrawalsOnly: true }],
      enrollments: people,
      history: { s1: history() },
      suppression: buildSuppressionIndex([{ candidateId: 5, email: null, profileUrl: null }]),
      seed: 1,
    });
    expect(r.actions.map((a) => [a.candidateId, a.channel])).toEqual([[1, 'withdraw_invitation']]);
    expect(r.finished).toEqual([]);
    expect(r.suppressed).toEqual([]);
  });

  it('orders campaigns and equal priorities by the given campaign order, never by the (random) campaign ids', () => {
    const people = (a: string, b: string) => [1, 2, 3, 4].flatMap((id) => [enrollment(a, id), enrollment(b, id + 10)]);
    const run = (a: string, b: string) =>
      plan('2025-06-24', people(a, b), { campaigns: [a, b] }).actions.map((x) => [x.campaignId === a ? 'first' : 'second', x.candidateId, x.channel, x.dueAt]);
    const one = run('cmp_aa', 'cmp_zz');
    expect(one.length).toBeGreaterThan(0);
    expect(run('cmp_zz', 'cmp_aa')).toEqual(one);
    expect(run('cmp_77', 'cmp_11')).toEqual(one);
  });

  it('does not invite a withdrawn person again for 21 days', () => {
    const w = (daysAgo: number, id: number) => enrollment('c1', id, { withdrawnAt: new Date(Date.parse('2025-06-24T10:00:00Z') - daysAgo * 86_400_000).toISOString() });
    const invited = plan('2025-06-24', [w(20, 1), w(21, 2)]).actions.filter((a) => a.channel === 'connection_request').map((a) => a.candidateId);
    expect(invited).toEqual([2]);
  });

  it('weights the daily invitation share toward Tuesday-Thursday', () => {
    const many = Array.from({ length: 200 }, (_, i) => enrollment('c1', i + 1));
    const invites = (date: string) => plan(date, many).actions.filter((a) => a.channel === 'connection_request').length;
    // 2025-06-02 is a Monday: Mon, Tue, Wed, Thu, Fri, Sat, Sun
    const week = ['2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05', '2025-06-06', '2025-06-07', '2025-06-08'].map(invites);
    const [mon, tue, wed, thu, fri, sat, sun] = week;
    expect(tue).toBe(wed);
    expect(wed).toBe(thu);
    expect(tue).toBeGreaterThan(mon);
    expect(mon).toBeGreaterThan(fri);
    expect(fri).toBeGreaterThan(sat);
    expect(sat).toBe(sun);
    // each day's share is a share of the weekly cap: a week at those shares stays within a few of 100 (shares round up)
    expect(week.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100 + 7);
  });

  it('shares each daily budget fairly across the seat campaigns, whatever their priorities', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ready: fc.integer({ min: 0, max: 40 }), priority: fc.integer({ min: 0, max: 100 }) }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 5, max: 150 }),
        (campaigns, cap) => {
          let id = 0;
          const enrollments = campaigns.flatMap((c, ci) => Array.from({ length: c.ready }, () => enrollment(`c${ci}`, ++id, { priority: c.priority })));
          const r = plan('2025-06-03', enrollments, { s: seat([1, 2, 3, 4, 5], cap), campaigns: campaigns.map((_, ci) => `c${ci}`) });
          const invites = r.actions.filter((a) => a.channel === 'connection_request');
          const counts = campaigns.map((_, ci) => invites.filter((a) => a.campaignId === `c${ci}`).length);
          const budget = invites.length;
          const total = campaigns.reduce((s, c) => s + c.ready, 0);
          // the budget is used while anyone is ready
          if (budget < Math.min(total, Math.ceil((cap * 1.25) / 5.55))) return false;
          // a campaign that got less than another had nobody else ready; otherwise shares differ by at most one
          const most = Math.max(...counts);
          return counts.every((n, ci) => n >= most - 1 || n === campaigns[ci].ready);
        },
      ),
    );
  });

  it('plans nothing for a seat paused for the day (a limit was reported)', () => {
    const people = Array.from({ length: 10 }, (_, i) => enrollment('c1', i + 1));
    expect(plan('2025-06-03', people).actions.length).toBeGreaterThan(0);
    expect(plan('2025-06-03', people, { h: history({ paused: true }) }).actions).toEqual([]);
  });
});
