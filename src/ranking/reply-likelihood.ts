import type { Candidate } from '../candidates/candidate.ts';
import type { Seat } from '../seats/seat.ts';
import { daysSince } from './career-dates.ts';
import type { CandidateFacts } from './candidate-facts.ts';
import type { SignalValue } from './fit-score.ts';
import { orgKey } from './org-key.ts';
import { priorReplyWeights, sigmoid, type ReplySignal, type ReplyWeights } from './reply-priors.ts';

export interface ReplySignalValue extends SignalValue<ReplySignal> {
  /** percentage points the signal adds to (or takes from) the reply chance: chance with it minus chance without it */
  points: number;
}

export interface ReplyResult {
  /** 0..100: the estimated chance of a reply, in percent */
  score: number;
  signals: ReplySignalValue[];
}

type ReplyCandidate = Pick<Candidate, 'linkedin'>;

/**
 * Signal values for one candidate (and the seat that would write, for shared
 * background and connection degree). Values run 0..1 except `tenure`, which
 * runs -1 (just started) .. +1 (2-4 years in). Signals that say nothing for
 * this candidate are left out.
 */
export function replySignalValues(c: ReplyCandidate, facts: CandidateFacts, seat: Pick<Seat, 'employers' | 'schools'> | null, now: Date): SignalValue<ReplySignal>[] {
  const out: SignalValue<ReplySignal>[] = [];
  const li = c.linkedin;
  if (li.openProfile) out.push({ signal: 'openProfile', value: 1, detail: 'Open Profile: accepts InMail from anyone, and it is free' });
  if (li.openToWork) out.push({ signal: 'openToWork', value: 1, detail: 'Open to Work' });
  const days = li.lastActive ? daysSince(li.lastActive, now) : null;
  if (days !== null) {
    if (days <= 30) out.push({ signal: 'recentlyActive', value: 1, detail: `active on LinkedIn ${days <= 7 ? 'this week' : 'this month'}` });
    else if (days <= 90) out.push({ signal: 'recentlyActive', value: 0.5, detail: 'active on LinkedIn in the last 3 months' });
    else if (days > 365) out.push({ signal: 'inactive', value: 1, detail: 'not active on LinkedIn for over a year' });
    else if (days > 180) out.push({ signal: 'inactive', value: 0.5, detail: 'not active on LinkedIn for over 6 months' });
  }
  if (li.mutualConnections > 0) {
    const v = Math.min(1, Math.log1p(li.mutualConnections) / Math.log1p(50));
    out.push({ signal: 'mutualConnections', value: v, detail: `${li.mutualConnections} mutual connection${li.mutualConnections === 1 ? '' : 's'}` });
  }
  if (seat) {
    const { employers, schools } = seatKeys(seat);
    const shared = facts.positions.find((p) => employers.has(p.companyKey));
    if (shared) out.push({ signal: 'sharedEmployer', value: 1, detail: `also worked at ${shared.company}` });
    const school = facts.schools.find((e) => schools.has(e.key));
    if (school) out.push({ signal: 'sharedSchool', value: 1, detail: `also studied at ${school.name}` });
  }
  if (li.degree === 1) out.push({ signal: 'firstDegree', value: 1, detail: '1st-degree connection: message for free, no InMail needed' });
  else if (li.degree === 2) out.push({ signal: 'secondDegree', value: 1, detail: '2nd-degree connection' });
  const t = facts.currentTenureMonths;
  if (t !== null) {
    const years = t / 12;
    const v = years < 0.5 ? -1 : years < 1 ? -0.5 : years < 2 ? 0 : years <= 4 ? 1 : years <= 8 ? 0.5 : 0;
    if (v !== 0) {
      const label = v < 0 ? `only ${t} month${t === 1 ? '' : 's'} in the current role` : `${Math.floor(years)} years in the current role`;
      out.push({ signal: 'tenure', value: v, detail: label });
    }
  }
  if (li.premium) out.push({ signal: 'premium', value: 1, detail: 'LinkedIn Premium member' });
  return out;
}

/** The reply chance from a logistic model: 100 * sigmoid(intercept + sum of weight * value). */
export function replyLikelihood(values: SignalValue<ReplySignal>[], weights: ReplyWeights = priorReplyWeights()): ReplyResult {
  let z = weights.intercept;
  for (const v of values) z += weights.coefficients[v.signal] * v.value;
  const p = sigmoid(z);
  const signals = values.map((v): ReplySignalValue => ({ signal: v.signal, value: v.value, detail: v.detail, points: 100 * (p - sigmoid(z - weights.coefficients[v.signal] * v.value)) }));
  return { score: 100 * p, signals };
}

// a ranking asks the same seat for 1,000 candidates: normalise its organisations once
const seatKeyCache = new WeakMap<object, { employers: Set<string>; schools: Set<string> }>();
function seatKeys(seat: Pick<Seat, 'employers' | 'schools'>): { employers: Set<string>; schools: Set<string> } {
  let keys = seatKeyCache.get(seat);
  if (!keys) {
    keys = { employers: new Set(seat.employers.map(orgKey).filter(Boolean)), schools: new Set(seat.schools.map(orgKey).filter(Boolean)) };
    seatKeyCache.set(seat, keys);
  }
  return keys;
}
