import { coveredYears, careerMonthIndexOfDate } from './career-dates.ts';
import { profileFacts, type FactsSource, type ProfileFacts } from './profile-facts.ts';
import { seniorityFromYears, seniorityRank, type Seniority } from './seniority.ts';
import type { NormalisedTitle } from './title-taxonomy.ts';

export interface PositionFacts {
  title: NormalisedTitle;
  rawTitle: string;
  company: string;
  companyKey: string;
  current: boolean;
  /** years since the position ended, 0 for current ones */
  yearsSinceEnd: number;
  /** skills mentioned in its title and description */
  skillKeys: readonly string[];
}

/** What the scorers need to know about a candidate on a given date. */
export interface CandidateFacts {
  /** listed skills plus skills mentioned in headline, summary and positions: key -> family (null when unknown) */
  skills: Map<string, string | null>;
  skillFamilies: Set<string>;
  positions: PositionFacts[];
  headline: NormalisedTitle | null;
  schools: ProfileFacts['schools'];
  totalYears: number;
  seniority: Seniority;
  /** whether seniority came from a title word (true) or was estimated from years (false) */
  seniorityFromTitle: boolean;
  /** months in the current role (the most recently started current position), null when unknown */
  currentTenureMonths: number | null;
}

/** Reads the facts out of a profile and dates them: for one-off scoring (ranking many candidates reads stored `ProfileFacts`). */
export function candidateFacts(c: FactsSource, now: Date): CandidateFacts {
  return factsAt(profileFacts(c), now);
}

/** The date-dependent facts (years of experience, tenure, how long ago a role ended) from the stored ones. */
export function factsAt(p: ProfileFacts, now: Date): CandidateFacts {
  const nowMonth = careerMonthIndexOfDate(now);
  const intervals: Array<[number, number]> = [];
  let tenure: number | null = null;
  let latestCurrentStart = -Infinity;
  const positions = p.positions.map((pos): PositionFacts => {
    const { start, end, current } = pos;
    const endM = current ? nowMonth + 1 : (end ?? start ?? nowMonth) + 1;
    if (start !== null) intervals.push([start, Math.min(endM, nowMonth + 1)]);
    if (current && start !== null && start > latestCurrentStart) {
      latestCurrentStart = start;
      tenure = Math.max(0, nowMonth - start);
    }
    return {
      title: pos.title,
      rawTitle: pos.rawTitle,
      company: pos.company,
      companyKey: pos.companyKey,
      current,
      yearsSinceEnd: current ? 0 : Math.max(0, (nowMonth - (end ?? start ?? nowMonth)) / 12),
      skillKeys: pos.skillKeys,
    };
  });
  const totalYears = coveredYears(intervals);
  let seniority: Seniority | null = null;
  for (const pos of positions) if (pos.current && pos.title.seniority && (!seniority || seniorityRank(pos.title.seniority) > seniorityRank(seniority))) seniority = pos.title.seniority;
  if (!seniority && p.headline?.seniority) seniority = p.headline.seniority;
  const skills = new Map(p.skills);
  const skillFamilies = new Set<string>();
  for (const family of skills.values()) if (family) skillFamilies.add(family);
  return {
    skills,
    skillFamilies,
    positions,
    headline: p.headline,
    schools: p.schools,
    totalYears,
    seniority: seniority ?? seniorityFromYears(totalYears),
    seniorityFromTitle: seniority !== null,
    currentTenureMonths: tenure,
  };
}
