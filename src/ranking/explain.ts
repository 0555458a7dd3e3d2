import type { FitSignalValue } from './fit-score.ts';
import type { ReplySignalValue } from './reply-likelihood.ts';

export interface ExplanationItem {
  kind: 'fit' | 'reply';
  signal: string;
  /** points on the fit score (fit) or percentage points of reply chance (reply); negative for drawbacks */
  contribution: number;
  text: string;
}

export interface Explanation {
  /** one line a recruiter can read in a list */
  summary: string;
  /** the strongest signals, best first, then the drawbacks */
  items: ExplanationItem[];
  /** whether the weights came from the priors or were learned from this workspace's outcomes */
  weights: string;
}

export interface WeightsInfo {
  fit: { learned: boolean; examples: number };
  reply: { learned: boolean; examples: number };
}

/** Where the weights came from, in words. */
export function weightsStatement(info: WeightsInfo): string {
  const part = (what: string, w: { learned: boolean; examples: number }, unit: string) =>
    w.learned ? `${what} weights learned from ${w.examples} ${unit}${w.examples === 1 ? '' : 's'}` : `${what} uses default priors`;
  return `${part('fit', info.fit, 'recruiter decision')}; ${part('reply chance', info.reply, 'outreach outcome')}`;
}

/**
 * The why of a score: the fit signals that add the most points, the reply
 * signals that move the reply chance the most (up or down), and the biggest
 * gaps (fit signals that scored low on a criterion that matters), each with
 * its contribution. `max` bounds the list.
 */
export function explain(fit: { score: number; signals: FitSignalValue[] }, reply: { score: number; signals: ReplySignalValue[] }, info: WeightsInfo, max = 6): Explanation {
  const fitPros = fit.signals
    .filter((s) => s.points >= 1)
    .sort((a, b) => b.points - a.points)
    .map<ExplanationItem>((s) => ({ kind: 'fit', signal: s.signal, contribution: round1(s.points), text: `${capitalise(s.detail)} (+${Math.round(s.points)} fit)` }));
  const fitGaps = fit.signals
    .filter((s) => s.weight >= 0.08 && s.value < 0.5)
    .sort((a, b) => b.weight * (1 - b.value) - a.weight * (1 - a.value))
    .map<ExplanationItem>((s) => ({ kind: 'fit', signal: s.signal, contribution: -round1(s.weight * (1 - s.value) * 100), text: `${capitalise(s.detail)} (${Math.round(s.weight * (1 - s.value) * 100)} fit points missed)` }));
  const replyItems = reply.signals
    .filter((s) => Math.abs(s.points) >= 0.5)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .map<ExplanationItem>((s) => ({
      kind: 'reply',
      signal: s.signal,
      contribution: round1(s.points),
      text: `${capitalise(s.detail)} (${s.points >= 0 ? '+' : ''}${Math.round(s.points)} pts reply chance)`,
    }));
  const items: ExplanationItem[] = [];
  const take = (xs: ExplanationItem[], n: number) => {
    for (const x of xs.slice(0, n)) if (items.length < max && !items.includes(x)) items.push(x);
  };
  take(fitPros, 3);
  take(replyItems.filter((x) => x.contribution > 0), 2);
  take(fitGaps, 1);
  take(replyItems.filter((x) => x.contribution < 0), 1);
  take(fitPros.slice(3), max);
  take(replyItems.slice(2), max);
  const summary = `Fit ${Math.round(fit.score)}/100, reply chance ${Math.round(reply.score)}%` + (items[0] ? `: ${lowerFirst(items[0].text.replace(/ \([^)]*\)$/, ''))}` : '');
  return { summary, items, weights: weightsStatement(info) };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function lowerFirst(s: string): string {
  return s && !/^[A-Z]{2}/.test(s) && !/^(Open|LinkedIn)/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}
