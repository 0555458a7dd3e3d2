/**
 * The documented starting point of the reply-likelihood model, before any
 * workspace data. Each signal carries a relative risk: how many times more
 * (or less) likely a reply is when the signal is fully present, compared to
 * the base rate. The figures and where they come from are in docs/ranking.md
 * ("Reply likelihood: the priors"); the base rate and the Open to Work figure
 * come from ../shared/spec/linkedin-channels.md section 5, the others are
 * marked assumptions there and here.
 */
export const replySignals = [
  'openProfile',
  'openToWork',
  'recentlyActive',
  'inactive',
  'mutualConnections',
  'sharedEmployer',
  'sharedSchool',
  'firstDegree',
  'secondDegree',
  'tenure',
  'premium',
] as const;
export type ReplySignal = (typeof replySignals)[number];

/** Cold InMail to a 3rd-degree member with no signals: the low half of the 10-25% range (spec section 5). */
export const replyBaseRate = 0.15;

export interface ReplyPrior {
  relativeRisk: number;
  source: string;
}

export const replyPriors: Readonly<Record<ReplySignal, ReplyPrior>> = {
  openToWork: { relativeRisk: 1.35, source: 'spec 5: LinkedIn recommended matches (candidates signalling interest) are up to 35% more likely to respond' },
  openProfile: { relativeRisk: 1.2, source: 'assumption: accepts messages from anyone, free to contact (spec 2 rule 5)' },
  firstDegree: { relativeRisk: 35 / 15, source: 'spec 5: a message to a connection performs like the top InMail performers (30-40%, midpoint 35%) against the 15% base' },
  secondDegree: { relativeRisk: 25 / 15, source: 'spec 5: a warm 2nd-degree contact reaches the top of the 10-25% InMail range' },
  recentlyActive: { relativeRisk: 1.3, source: 'assumption: active on LinkedIn in the last 30 days sees messages sooner' },
  inactive: { relativeRisk: 0.4, source: 'assumption: not seen on LinkedIn for a year rarely reads InMail' },
  mutualConnections: { relativeRisk: 1.25, source: 'assumption: 50+ shared connections, scaled by log of the count' },
  sharedEmployer: { relativeRisk: 1.15, source: 'spec 5: individually written messages beat templates by about 15%; a shared employer is a genuine personal hook' },
  sharedSchool: { relativeRisk: 1.15, source: 'spec 5: as shared employer, a shared school is a personal hook (+15%)' },
  tenure: { relativeRisk: 1.2, source: 'assumption: 2-4 years in the role is the most receptive; under a year the least (the signal runs from -1 to +1)' },
  premium: { relativeRisk: 1.1, source: 'assumption: premium members use LinkedIn more actively' },
};

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Relative risk at base rate p0 -> log odds ratio: the weight a logistic
 * model needs so that the signal moves p0 to rr * p0.
 */
export function logOddsFromRelativeRisk(rr: number, p0: number): number {
  const p1 = Math.min(0.99, rr * p0);
  return logit(p1) - logit(p0);
}

/** Logistic weights of the priors: intercept = logit(base rate), one weight per signal. */
export interface ReplyWeights {
  intercept: number;
  coefficients: Record<ReplySignal, number>;
}

export function priorReplyWeights(): ReplyWeights {
  const coefficients = {} as Record<ReplySignal, number>;
  for (const s of replySignals) coefficients[s] = logOddsFromRelativeRisk(replyPriors[s].relativeRisk, replyBaseRate);
  return { intercept: logit(replyBaseRate), coefficients };
}
