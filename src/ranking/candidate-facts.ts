import type { CandidateInput } from '../candidates/candidate.ts';
import { coveredYears, monthIndex, monthIndexOfDate } from './career-dates.ts';
import { seniorityFromYears, seniorityRank, type Seniority } from './seniority.ts';
import { findSkillsInText, normaliseSkill, type NormalisedSkill } from './skill-taxonomy.ts';
import { normaliseTitle, type NormalisedTitle } from './title-taxonomy.ts';

export interface PositionFacts {
  title: NormalisedTitle;
  rawTitle: string;
  company: string;
  current: boolean;
  /** years since the position ended, 0 for current ones */
  yearsSinceEnd: number;
  /** skills mentioned in its title and description */
  skillKeys: Set<string>;
}

/** What the scorers need to know about a candidate, computed once per candidate. */
export interface CandidateFacts {
  /** listed skills plus skills mentioned in headline, summary and positions, by key */
  skills: Map<string, NormalisedSkill>;
  skillFamilies: Set<string>;
  positions: PositionFacts[];
  headline: NormalisedTitle | null;
  totalYears: number;
  seniority: Seniority;
  /** whether seniority came from a title word (true) or was estimated from years (false) */
  seniorityFromTitle: boolean;
  /** months in the current role (the most recently started current position), null when unknown */
  currentTenureMonths: number | null;
}

export function candidateFacts(c: Pick<CandidateInput, 'skills' | 'headline' | 'summary' | 'positions'>, now: Date): CandidateFacts {
  const nowMonth = monthIndexOfDate(now);
  const skills = new Map<string, NormalisedSkill>();
  for (const s of c.skills) {
    const n = normaliseSkill(s);
    if (n.key) skills.set(n.key, n);
  }
  for (const s of findSkillsInText(c.summary ? `${c.headline}\n${c.summary}` : c.headline)) skills.set(s.key, s);
  const intervals: Array<[number, number]> = [];
  let tenure: number | null = null;
  let latestCurrentStart = -Infinity;
  const positions: PositionFacts[] = c.positions.map((p) => {
    const start = p.start ? monthIndex(p.start) : null;
    const end = p.end ? monthIndex(p.end) : null;
    const current = p.end === null;
    const endM = current ? nowMonth + 1 : (end ?? start ?? nowMonth) + 1;
    if (start !== null) intervals.push([start, Math.min(endM, nowMonth + 1)]);
    if (current && start !== null && start > latestCurrentStart) {
      latestCurrentStart = start;
      tenure = Math.max(0, nowMonth - start);
    }
    const mentioned = p.description ? findSkillsInText(`${p.title}\n${p.description}`) : findSkillsInText(p.title);
    for (const s of mentioned) skills.set(s.key, s);
    return {
      title: normaliseTitle(p.title),
      rawTitle: p.title,
      company: p.company,
      current,
      yearsSinceEnd: current ? 0 : Math.max(0, (nowMonth - (end ?? start ?? nowMonth)) / 12),
      skillKeys: new Set(mentioned.map((s) => s.key)),
    };
  });
  const totalYears = coveredYears(intervals);
  const headline = c.headline.trim() ? normaliseTitle(c.headline) : null;
  let seniority: Seniority | null = null;
  for (const p of positions) if (p.current && p.title.seniority && (!seniority || seniorityRank(p.title.seniority) > seniorityRank(seniority))) seniority = p.title.seniority;
  if (!seniority && headline?.seniority) seniority = headline.seniority;
  const skillFamilies = new Set<string>();
  for (const s of skills.values()) if (s.family) skillFamilies.add(s.family);
  return {
    skills,
    skillFamilies,
    positions,
    headline,
    totalYears,
    seniority: seniority ?? seniorityFromYears(totalYears),
    seniorityFromTitle: seniority !== null,
    currentTenureMonths: tenure,
  };
}
