import type { Location } from '../candidates/candidate.ts';
import type { CandidateFacts } from './candidate-facts.ts';
import type { ResolvedRole } from './resolved-role.ts';
import { seniorityRank } from './seniority.ts';
import { boundedMemo } from './bounded-memo.ts';
import { normaliseTaxonomyText } from './taxonomy-text.ts';
import { titleSimilarity } from './title-taxonomy.ts';
import { places } from './place-data.ts';
import { timeZoneGapHours } from './time-zone-offset.ts';

export const fitSignals = ['relevance', 'skills', 'title', 'seniority', 'experience', 'location', 'recency', 'semantic'] as const;
export type FitSignal = (typeof fitSignals)[number];

/**
 * Default weights of the fit signals, in points out of 100 when every signal
 * applies. Signals a role does not ask about (no location given, say) drop
 * out and the others are scaled up to keep the total at 100. Why these
 * numbers: docs/ranking.md, "Fit".
 */
export const fitPriorWeights: Readonly<Record<FitSignal, number>> = {
  relevance: 10,
  skills: 30,
  title: 20,
  seniority: 10,
  experience: 10,
  location: 10,
  recency: 10,
  semantic: 10,
};

export interface SignalValue<S extends string> {
  signal: S;
  /** 0..1 */
  value: number;
  /** a short recruiter-readable statement of the evidence */
  detail: string;
}

export interface FitSignalValue extends SignalValue<FitSignal> {
  /** share of the 100 points this signal carries for this role */
  weight: number;
  /** value * weight * 100: the points it adds to the fit score */
  points: number;
}

export interface FitResult {
  /** 0..100 */
  score: number;
  signals: FitSignalValue[];
}

export interface FitInputs {
  /** text relevance 0..1 (BM25 normalised within the result set), null when unknown */
  relevance: number | null;
  /** semantic similarity 0..1 from an embeddings provider, null when off */
  semantic: number | null;
  location: Location;
  now: Date;
}

/** Signal values (0..1, or null when the role does not ask about it) for one candidate. */
export function fitSignalValues(role: ResolvedRole, facts: CandidateFacts, inputs: FitInputs): SignalValue<FitSignal>[] {
  const out: SignalValue<FitSignal>[] = [];
  if (inputs.relevance !== null) out.push({ signal: 'relevance', value: clamp01(inputs.relevance), detail: relevanceDetail(inputs.relevance) });
  const skills = skillsSignal(role, facts);
  if (skills) out.push(skills);
  const positionSims = facts.positions.map((p) => bestSimilarity(role, p.title));
  const title = titleSignal(role, facts, positionSims);
  if (title) out.push(title);
  const seniority = senioritySignal(role, facts);
  if (seniority) out.push(seniority);
  const experience = experienceSignal(role, facts);
  if (experience) out.push(experience);
  const location = locationSignal(role, inputs.location, inputs.now);
  if (location) out.push(location);
  const recency = recencySignal(role, facts, positionSims);
  if (recency) out.push(recency);
  if (inputs.semantic !== null) out.push({ signal: 'semantic', value: clamp01(inputs.semantic), detail: `profile reads ${Math.round(clamp01(inputs.semantic) * 100)}% similar to the role description` });
  return out;
}

/** The fit score: a weighted mean of the applicable signals, 0..100. */
export function fitScore(values: SignalValue<FitSignal>[], weights: Readonly<Record<FitSignal, number>> = fitPriorWeights): FitResult {
  // plain loops and literals: this runs for every ranked candidate, and object spread was a tenth of the ranking's CPU
  let total = 0;
  for (const v of values) total += Math.max(0, weights[v.signal]);
  const signals: FitSignalValue[] = [];
  let score = 0;
  for (const v of values) {
    const weight = total > 0 ? Math.max(0, weights[v.signal]) / total : 0;
    const points = v.value * weight * 100;
    score += points;
    signals.push({ signal: v.signal, value: v.value, detail: v.detail, weight, points });
  }
  return { score: Math.min(100, Math.max(0, score)), signals };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

function relevanceDetail(r: number): string {
  if (r >= 0.8) return 'among the strongest keyword matches for the search';
  if (r >= 0.5) return 'good keyword match for the search';
  return 'weaker keyword match for the search';
}

const familyCredit = 0.3;

function skillsSignal(role: ResolvedRole, facts: CandidateFacts): SignalValue<FitSignal> | null {
  if (!role.mustHave.length && !role.niceToHave.length) return null;
  const credit = (key: string, family: string | null) => (facts.skills.has(key) ? 1 : family && facts.skillFamilies.has(family) ? familyCredit : 0);
  const mustCredits = role.mustHave.map((s) => credit(s.key, s.family));
  const niceCredits = role.niceToHave.map((s) => credit(s.key, s.family));
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  let value: number;
  if (mustCredits.length && niceCredits.length) value = 0.8 * avg(mustCredits) + 0.2 * avg(niceCredits);
  else if (mustCredits.length) value = avg(mustCredits);
  else value = avg(niceCredits);
  const parts: string[] = [];
  if (role.mustHave.length) {
    const have = role.mustHave.filter((_, i) => mustCredits[i] === 1).length;
    const missing = role.mustHave.filter((_, i) => mustCredits[i] < 1).map((s) => s.canonical);
    parts.push(`has ${have} of ${role.mustHave.length} must-have skills${missing.length ? ` (missing ${listWords(missing)})` : ''}`);
  }
  if (role.niceToHave.length) {
    const have = role.niceToHave.filter((_, i) => niceCredits[i] === 1).map((s) => s.canonical);
    parts.push(have.length ? `${have.length} of ${role.niceToHave.length} nice-to-haves (${listWords(have)})` : `none of the ${role.niceToHave.length} nice-to-haves`);
  }
  return { signal: 'skills', value, detail: parts.join('; ') };
}

function bestSimilarity(role: ResolvedRole, title: CandidateFacts['positions'][number]['title']): number {
  let best = 0;
  for (const t of role.titles) {
    const s = titleSimilarity(t, title);
    if (s > best) best = s;
  }
  return best;
}

function titleSignal(role: ResolvedRole, facts: CandidateFacts, positionSims: number[]): SignalValue<FitSignal> | null {
  if (!role.titles.length) return null;
  let best = 0;
  let detail = 'no current or past title like the role';
  const consider = (score: number, what: string) => {
    if (score > best) (best = score), (detail = what);
  };
  for (let i = 0; i < facts.positions.length; i++) {
    const p = facts.positions[i];
    const sim = positionSims[i];
    if (sim <= 0) continue;
    const weight = p.current ? 1 : 0.8 * Math.exp(-p.yearsSinceEnd / 4);
    const label = sim === 1 ? 'matches' : sim >= 0.6 ? 'is close to' : 'is loosely related to';
    consider(sim * weight, `${p.current ? 'current' : 'past'} title "${p.rawTitle}" ${label} ${role.titles[0].canonical}`);
  }
  if (facts.headline) {
    const sim = bestSimilarity(role, facts.headline);
    consider(sim * 0.9, `headline ${sim === 1 ? 'matches' : 'is close to'} ${role.titles[0].canonical}`);
  }
  return { signal: 'title', value: best, detail };
}

function senioritySignal(role: ResolvedRole, facts: CandidateFacts): SignalValue<FitSignal> | null {
  if (!role.seniority) return null;
  const r = seniorityRank(facts.seniority);
  const min = role.seniority.min ? seniorityRank(role.seniority.min) : -Infinity;
  const max = role.seniority.max ? seniorityRank(role.seniority.max) : Infinity;
  const d = r < min ? min - r : r > max ? r - max : 0;
  const value = [1, 0.5, 0.2, 0][Math.min(3, d)];
  const how = facts.seniorityFromTitle ? facts.seniority : `about ${facts.seniority} (from ${Math.round(facts.totalYears)} years)`;
  const wanted = role.seniority.min && role.seniority.max && role.seniority.min !== role.seniority.max ? `${role.seniority.min}-${role.seniority.max}` : (role.seniority.min ?? role.seniority.max);
  const detail = d === 0 ? `seniority ${how} fits the ${wanted} level` : `seniority ${how}, ${r < min ? 'below' : 'above'} the ${wanted} level wanted`;
  return { signal: 'seniority', value, detail };
}

function experienceSignal(role: ResolvedRole, facts: CandidateFacts): SignalValue<FitSignal> | null {
  if (!role.years) return null;
  const y = facts.totalYears;
  const { min, max } = role.years;
  let value = 1;
  if (min !== undefined && y < min) value = Math.max(0, 1 - (min - y) / Math.max(min, 1));
  else if (max !== undefined && y > max) value = Math.max(0.4, 1 - 0.1 * (y - max));
  const yrs = Math.round(y * 10) / 10;
  const wanted = min !== undefined && max !== undefined ? `${min}-${max}` : min !== undefined ? `${min}+` : `up to ${max}`;
  return { signal: 'experience', value, detail: `${yrs} years of experience (${wanted} wanted)` };
}

const cachedNormalise = boundedMemo(normaliseTaxonomyText, 100_000);

const placeByCity = new Map(places.map((p) => [normaliseTaxonomyText(p.city), p]));

function locationSignal(role: ResolvedRole, loc: Location, now: Date): SignalValue<FitSignal> | null {
  const roleZones = [...role.timeZones];
  for (const l of role.locations) {
    const p = placeByCity.get(l);
    if (p && !roleZones.includes(p.timeZone)) roleZones.push(p.timeZone);
  }
  if (!role.locations.length && !roleZones.length) return null;
  const text = ` ${cachedNormalise(`${loc.city} ${loc.region} ${loc.country}`)} `;
  const where = [loc.city, loc.country].filter(Boolean).join(', ') || 'unknown location';
  const city = cachedNormalise(loc.city);
  for (const l of role.locations) {
    if (text.includes(` ${l} `) || (city && l === city)) return { signal: 'location', value: 1, detail: `based in ${where}` };
  }
  const tz = loc.timeZone || placeByCity.get(city)?.timeZone || '';
  const gaps = roleZones.map((z) => timeZoneGapHours(z, tz, now)).filter((g): g is number => g !== null);
  if (!gaps.length) return { signal: 'location', value: role.remote ? 0.4 : 0.1, detail: `location ${where}; time zone unknown` };
  const gap = Math.min(...gaps);
  const tol = role.timeZoneToleranceHours;
  let value: number;
  if (gap <= tol) value = role.remote ? 0.85 : 0.3;
  else if (gap <= 2 * tol) value = role.remote ? 0.4 : 0.1;
  else value = 0;
  const detail = gap <= tol ? `${where}, ${gap === 0 ? 'same time zone' : `${gap} h from the team`}${role.remote ? ' (remote role)' : ', outside the wanted locations'}` : `${where}, ${gap} h from the team's time zone`;
  return { signal: 'location', value, detail };
}

function recencySignal(role: ResolvedRole, facts: CandidateFacts, positionSims: number[]): SignalValue<FitSignal> | null {
  if (!role.titles.length && !role.mustHave.length && !role.niceToHave.length) return null;
  const wantedSkills = new Set([...role.mustHave, ...role.niceToHave].map((s) => s.key));
  let best = 0;
  let detail = 'no position clearly in this line of work';
  for (let i = 0; i < facts.positions.length; i++) {
    const p = facts.positions[i];
    const titleOk = positionSims[i] >= 0.6;
    let skillHits = 0;
    for (const k of p.skillKeys) if (wantedSkills.has(k)) skillHits++;
    if (!titleOk && skillHits === 0) continue;
    const v = p.current ? 1 : Math.exp(-p.yearsSinceEnd / 3);
    if (v > best) {
      best = v;
      detail = p.current ? `relevant work in the current role${p.company ? ` at ${p.company}` : ''}` : `last relevant role ended ${Math.max(1, Math.round(p.yearsSinceEnd))} year(s) ago`;
    }
  }
  return { signal: 'recency', value: best, detail };
}

function listWords(xs: string[]): string {
  if (xs.length <= 3) return xs.join(', ');
  return `${xs.slice(0, 3).join(', ')} and ${xs.length - 3} more`;
}
