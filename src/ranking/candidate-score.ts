import type { Candidate } from '../candidates/candidate.ts';
import type { Seat } from '../seats/seat.ts';
import { factsAt } from './candidate-facts.ts';
import { explain, type Explanation } from './explain.ts';
import { fitScore, fitSignalValues, type FitSignal } from './fit-score.ts';
import { defaultFitWeight, priorityScore } from './priority.ts';
import type { RankingModel } from './ranking-model.ts';
import { replyLikelihood, replySignalValues } from './reply-likelihood.ts';
import type { ReplySignal } from './reply-priors.ts';
import type { ResolvedRole } from './resolved-role.ts';
import { profileFacts, type ProfileFacts } from './profile-facts.ts';
import type { RankableCandidate } from './rankable-candidate.ts';

/** Everything ranking says about one candidate for one role. Scores are 0..100, one decimal. */
export interface CandidateScore {
  candidateId: number;
  fit: number;
  replyLikelihood: number;
  priority: number;
  /** normalised text relevance (BM25) 0..1, null when the candidate did not come from a search */
  relevance: number | null;
  /** present when asked for (`explain: true`, the default): ranking explains only the results it returns */
  why?: Explanation;
  /** the raw signal values, kept so feedback can be learned from later */
  signals: { fit: Partial<Record<FitSignal, number>>; reply: Partial<Record<ReplySignal, number>> };
}

export interface ScoreOptions {
  now: Date;
  relevance?: number | null;
  semantic?: number | null;
  fitWeight?: number;
  /** build the explanation (default true) */
  explain?: boolean;
}

type ScorableCandidate = Pick<Candidate, 'id' | 'skills' | 'headline' | 'summary' | 'positions' | 'education' | 'linkedin' | 'location'>;

/** Scores one candidate from its profile (reads the facts out of the text first). */
export function scoreCandidate(c: ScorableCandidate, role: ResolvedRole, seat: Pick<Seat, 'employers' | 'schools'> | null, model: RankingModel, opts: ScoreOptions): CandidateScore {
  return scoreRankable({ id: c.id, location: c.location, linkedin: c.linkedin, facts: profileFacts(c) }, role, seat, model, opts);
}

/** Scores one candidate from its stored profile facts: what ranking many candidates uses. */
export function scoreRankable(
  c: Pick<RankableCandidate, 'id' | 'location' | 'linkedin'> & { facts: ProfileFacts },
  role: ResolvedRole,
  seat: Pick<Seat, 'employers' | 'schools'> | null,
  model: RankingModel,
  opts: ScoreOptions,
): CandidateScore {
  const facts = factsAt(c.facts, opts.now);
  const relevance = opts.relevance ?? null;
  const fitValues = fitSignalValues(role, facts, { relevance, semantic: opts.semantic ?? null, location: c.location, now: opts.now });
  const fit = fitScore(fitValues, model.fitWeights);
  const replyValues = replySignalValues(c, facts, seat, opts.now);
  const reply = replyLikelihood(replyValues, model.reply);
  const priority = priorityScore(fit.score, reply.score, opts.fitWeight ?? defaultFitWeight);
  const fitSig: Partial<Record<FitSignal, number>> = {};
  for (const v of fitValues) fitSig[v.signal] = v.value;
  const replySig: Partial<Record<ReplySignal, number>> = {};
  for (const v of replyValues) replySig[v.signal] = v.value;
  return {
    candidateId: c.id,
    fit: round1(fit.score),
    replyLikelihood: round1(reply.score),
    priority: round1(priority),
    relevance,
    ...(opts.explain === false ? {} : { why: explain(fit, reply, model.info) }),
    signals: { fit: fitSig, reply: replySig },
  };
}

export const rankSorts = ['priority', 'fit', 'reply', 'relevance'] as const;
export type RankSort = (typeof rankSorts)[number];

/** Sorts scored candidates, best first; ties broken by relevance, then id, so the order is stable. */
export function sortScores<T extends Pick<CandidateScore, 'candidateId' | 'fit' | 'replyLikelihood' | 'priority' | 'relevance'>>(xs: T[], sort: RankSort): T[] {
  const key = (x: T) => (sort === 'priority' ? x.priority : sort === 'fit' ? x.fit : sort === 'reply' ? x.replyLikelihood : (x.relevance ?? 0));
  return [...xs].sort((a, b) => key(b) - key(a) || (b.relevance ?? 0) - (a.relevance ?? 0) || b.priority - a.priority || a.candidateId - b.candidateId);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
