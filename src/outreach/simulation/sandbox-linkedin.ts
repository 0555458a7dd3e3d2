import type { Channel } from '../../core/channel.ts';
import { z } from 'zod';
import type { OutcomeKind, ReplyKind } from '../delivery/executor.ts';
import { keyedRandomStream } from '../../core/seeded-random.ts';

/**
 * A simulated LinkedIn (plus email and phone) audience: how members answer
 * the actions Scoutline sends, with the rates of spec section 5. Pure and
 * deterministic: the answer is a function of (seed, candidate, action key)
 * and the action's traits, so a run can be repeated exactly, and two plans
 * that send the same candidate the same kind of action (same action key) see
 * the same member behaviour (common random numbers make comparisons fair).
 *
 * Rates (spec 5 unless marked assumption, all overridable):
 * - connection request accepted: 38% (spec range 30-45%); a personalised note
 *   lifts it by 15%. Notes are always under 400 characters, so the length
 *   lift does not apply, and acceptance has no weekday effect (assumption).
 * - of the requests not accepted, 20% are declined explicitly; the rest stay
 *   pending (assumption).
 * - 10% of acceptances come with a reply to the note (assumption).
 * - InMail reply: 18% (spec range 10-25%).
 * - message to a 1st-degree connection: 25% reply (assumption).
 * - cold email: 3% reply (spec range 1-5%); 2% bounce (assumption).
 * - phone: 10% reached with an answer (assumption).
 * - modifiers on replies: under 400 characters x1.22 against the average;
 *   since only 10% of messages are that short, longer ones get
 *   (1 - 0.1 x 1.22) / 0.9 = x0.9756 so the average stays the base rate;
 *   personalised x1.15; LinkedIn recommended match x1.35; sends Tue-Thu
 *   x1.10, Mon and Fri x1.00, Sat and Sun x0.90 (the spec says only that
 *   Tue-Thu is best: the factors are assumptions).
 * - delays: exponential with a mean of 2 days to accept and 2.5 days to
 *   reply, capped at 21 days; a Saturday send is answered 13% slower.
 * - reply kinds: positive 40%, negative 25%, decline 15%, quick reply 20%
 *   (assumption).
 */
export const replyKindWeightsSchema = z.object({
  positive: z.number().min(0),
  negative: z.number().min(0),
  decline: z.number().min(0),
  quick_reply: z.number().min(0),
});

const rate = z.number().min(0).max(1);

export const sandboxRatesSchema = z.object({
  acceptance: rate.default(0.38),
  declineShareOfNotAccepted: rate.default(0.2),
  noteReplyOnAccept: rate.default(0.1),
  inmailReply: rate.default(0.18),
  messageReply: rate.default(0.25),
  emailReply: rate.default(0.03),
  emailBounce: rate.default(0.02),
  phoneReply: rate.default(0.1),
  shortMessageChars: z.number().int().min(1).default(400),
  shortMessageLift: z.number().min(0).default(1.22),
  shortMessageShare: z.number().gt(0).lt(1).default(0.1),
  personalisedLift: z.number().min(0).default(1.15),
  recommendedLift: z.number().min(0).default(1.35),
  /** ISO weekday 1 = Monday .. 7 = Sunday; index 0 is Monday */
  weekdayFactors: z.array(z.number().min(0)).length(7).default([1, 1.1, 1.1, 1.1, 1, 0.9, 0.9]),
  saturdayDelayFactor: z.number().min(0).default(1.13),
  meanAcceptDelayDays: z.number().min(0).default(2),
  meanReplyDelayDays: z.number().min(0).default(2.5),
  maxDelayDays: z.number().min(0).default(21),
  replyKinds: replyKindWeightsSchema.default({ positive: 0.4, negative: 0.25, decline: 0.15, quick_reply: 0.2 }),
});
export type SandboxRates = z.infer<typeof sandboxRatesSchema>;
export type SandboxRatesInput = z.input<typeof sandboxRatesSchema>;

export const defaultSandboxRates: SandboxRates = sandboxRatesSchema.parse({});

export function resolveSandboxRates(overrides: SandboxRatesInput = {}): SandboxRates {
  return sandboxRatesSchema.parse(overrides);
}

export interface SandboxAction {
  candidateId: number;
  channel: Channel;
  /** identifies the action for the draw: the same key gives the same answer */
  actionKey: string;
  /** length of the final text in Unicode code points */
  bodyLength: number;
  /** ISO weekday of the send in the member's or seat's time zone, 1 = Monday */
  weekday: number;
  personalised: boolean;
  recommended?: boolean;
  /** email channel: whether there is an address at all (none means a bounce) */
  hasAddress?: boolean;
}

export interface SandboxOutcome {
  kind: OutcomeKind;
  replyKind?: ReplyKind;
  /** fractional days after the send */
  afterDays: number;
}

export interface SandboxResponse {
  /** what the member does, in time order (an acceptance can come with a reply) */
  outcomes: SandboxOutcome[];
  /** the probability of the main answer (accept for invitations, reply otherwise) after modifiers */
  probability: number;
}

/** The reply-rate multiplier for the message's length, personalisation, weekday and match (not clamped). */
export function replyLift(rates: SandboxRates, a: Pick<SandboxAction, 'bodyLength' | 'weekday' | 'personalised' | 'recommended'>): number {
  const short = a.bodyLength < rates.shortMessageChars;
  const lengthFactor = short ? rates.shortMessageLift : (1 - rates.shortMessageShare * rates.shortMessageLift) / (1 - rates.shortMessageShare);
  const weekday = rates.weekdayFactors[(((a.weekday - 1) % 7) + 7) % 7] ?? 1;
  return Math.max(0, lengthFactor) * (a.personalised ? rates.personalisedLift : 1) * (a.recommended ? rates.recommendedLift : 1) * weekday;
}

/** The probability that the member gives the action's main answer. */
export function answerProbability(rates: SandboxRates, a: SandboxAction): number {
  switch (a.channel) {
    case 'connection_request':
      return clamp01(rates.acceptance * (a.personalised ? rates.personalisedLift : 1) * (a.recommended ? rates.recommendedLift : 1));
    case 'inmail':
      return clamp01(rates.inmailReply * replyLift(rates, a));
    case 'message':
      return clamp01(rates.messageReply * replyLift(rates, a));
    case 'email':
      return clamp01(rates.emailReply * replyLift(rates, a));
    case 'phone':
      return clamp01(rates.phoneReply);
    default:
      return 0;
  }
}

/** How the simulated member answers one action. */
export function simulateMemberResponse(seed: string | number, rates: SandboxRates, a: SandboxAction): SandboxResponse {
  const next = keyedRandomStream('sandbox', seed, a.candidateId, a.actionKey);
  // Always draw the same number of values in the same order, so one rate change never reshuffles the others.
  const uMain = next();
  const uDelay = next();
  const uKind = next();
  const uSecond = next();
  const uDelay2 = next();
  const uKind2 = next();
  const probability = answerProbability(rates, a);
  const slow = a.weekday === 6 ? rates.saturdayDelayFactor : 1;
  const replyDelay = (u: number) => delay(u, rates.meanReplyDelayDays * slow, rates.maxDelayDays);
  const outcomes: SandboxOutcome[] = [];
  // withdrawing a pending invitation sends nothing to the member, so nothing comes back
  if (a.channel === 'withdraw_invitation') return { outcomes, probability: 0 };

  if (a.channel === 'connection_request') {
    if (uMain < probability) {
      const acceptedAfter = delay(uDelay, rates.meanAcceptDelayDays * slow, rates.maxDelayDays);
      outcomes.push({ kind: 'accepted', afterDays: acceptedAfter });
      if (uSecond < rates.noteReplyOnAccept) {
        outcomes.push({ kind: 'replied', replyKind: pickReplyKind(rates, uKind2), afterDays: Math.min(rates.maxDelayDays, acceptedAfter + replyDelay(uDelay2)) });
      }
    } else if (uSecond < rates.declineShareOfNotAccepted) {
      outcomes.push({ kind: 'declined_invitation', afterDays: delay(uDelay, rates.meanAcceptDelayDays * slow, rates.maxDelayDays) });
    }
    return { outcomes, probability };
  }

  if (a.channel === 'email') {
    if (a.hasAddress === false || uSecond < rates.emailBounce) {
      return { outcomes: [{ kind: 'bounced', afterDays: 0 }], probability };
    }
  }
  if (uMain < probability) outcomes.push({ kind: 'replied', replyKind: pickReplyKind(rates, uKind), afterDays: replyDelay(uDelay) });
  return { outcomes, probability };
}

/** Reply kind by cumulative weight; u in [0, 1). */
export function pickReplyKind(rates: SandboxRates, u: number): ReplyKind {
  const w = rates.replyKinds;
  const total = w.positive + w.negative + w.decline + w.quick_reply;
  if (total <= 0) return 'positive';
  let x = u * total;
  for (const kind of ['positive', 'negative', 'decline', 'quick_reply'] as const) {
    if (x < w[kind]) return kind;
    x -= w[kind];
  }
  return 'quick_reply';
}

function delay(u: number, mean: number, max: number): number {
  return Math.min(max, -Math.log(1 - u) * mean);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
