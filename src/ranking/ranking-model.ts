import { fitPriorWeights, fitSignals, type FitSignal } from './fit-score.ts';
import type { WeightsInfo } from './explain.ts';
import { trainLogistic } from './logistic-model.ts';
import { priorReplyWeights, replySignals, type ReplySignal, type ReplyWeights } from './reply-priors.ts';

export const feedbackVerdicts = ['shortlist', 'reject'] as const;
export type FeedbackVerdict = (typeof feedbackVerdicts)[number];
export const outreachOutcomes = ['accepted', 'replied', 'ignored'] as const;
export type OutreachOutcome = (typeof outreachOutcomes)[number];

/** One thing the workspace learned: a recruiter's verdict or an outreach outcome, with the signals the candidate had then. */
export type TrainingExample =
  | { kind: 'feedback'; label: FeedbackVerdict; fit: Partial<Record<FitSignal, number>> }
  | { kind: 'outcome'; label: OutreachOutcome; reply: Partial<Record<ReplySignal, number>> };

/** The weights ranking uses in a workspace. */
export interface RankingModel {
  fitWeights: Record<FitSignal, number>;
  reply: ReplyWeights;
  info: WeightsInfo;
}

/**
 * How sharply the fit model's prior separates shortlists from rejects: the
 * prior says P(shortlist) = sigmoid(k * (fit/100 - 0.5)), so a fit of 100 is
 * a 98% shortlist and a fit of 0 a 2% one.
 */
export const fitSharpness = 8;
/** Pull towards the priors (Gaussian prior precision); about "a handful of examples" of weight. */
export const defaultLambda = 1;

export function priorRankingModel(): RankingModel {
  return {
    fitWeights: { ...fitPriorWeights },
    reply: priorReplyWeights(),
    info: { fit: { learned: false, examples: 0 }, reply: { learned: false, examples: 0 } },
  };
}

/**
 * Trains the workspace model. Fit: a logistic regression of shortlist (1)
 * vs reject (0) on the fit signals, starting from and regularised towards the
 * prior weights; its positive coefficients become the new fit weights (a
 * signal that turns out not to predict shortlists drops to weight 0).
 * Reply: a logistic regression of replied/accepted (1) vs ignored (0) on the
 * reply signals, regularised towards the documented priors; its weights are
 * used as they are. A signal a candidate did not have counts as 0 for reply
 * signals and as neutral (0.5) for fit signals (a criterion the role did not ask about).
 */
export function trainRankingModel(examples: TrainingExample[], lambda: number = defaultLambda): RankingModel {
  const model = priorRankingModel();
  const feedback = examples.filter((e): e is Extract<TrainingExample, { kind: 'feedback' }> => e.kind === 'feedback');
  const outcomes = examples.filter((e): e is Extract<TrainingExample, { kind: 'outcome' }> => e.kind === 'outcome');

  if (feedback.length) {
    const totalPrior = fitSignals.reduce((s, k) => s + fitPriorWeights[k], 0);
    const prior = [-fitSharpness / 2, ...fitSignals.map((k) => (fitSharpness * fitPriorWeights[k]) / totalPrior)];
    const x = feedback.map((e) => fitSignals.map((k) => e.fit[k] ?? 0.5));
    const y = feedback.map((e) => (e.label === 'shortlist' ? 1 : 0));
    const { weights } = trainLogistic(x, y, { prior, lambda });
    const coef = weights.slice(1);
    const positive = coef.map((v) => Math.max(0, v));
    const sum = positive.reduce((a, b) => a + b, 0);
    if (sum > 0) {
      // back onto the points scale of the priors (total 100 across all eight signals)
      for (let i = 0; i < fitSignals.length; i++) model.fitWeights[fitSignals[i]] = (positive[i] / sum) * totalPrior;
      model.info.fit = { learned: true, examples: feedback.length };
    }
  }

  if (outcomes.length) {
    const p = priorReplyWeights();
    const prior = [p.intercept, ...replySignals.map((k) => p.coefficients[k])];
    const x = outcomes.map((e) => replySignals.map((k) => e.reply[k] ?? 0));
    const y = outcomes.map((e) => (e.label === 'ignored' ? 0 : 1));
    const { weights } = trainLogistic(x, y, { prior, lambda });
    const coefficients = {} as Record<ReplySignal, number>;
    replySignals.forEach((k, i) => (coefficients[k] = weights[i + 1]));
    model.reply = { intercept: weights[0], coefficients };
    model.info.reply = { learned: true, examples: outcomes.length };
  }
  return model;
}
