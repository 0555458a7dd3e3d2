import { createHash } from 'node:crypto';
import type { CandidateInput } from '../candidates/candidate.ts';
import { careerMonthIndex } from './career-dates.ts';
import { orgKey } from './org-key.ts';
import { seniorityWords } from './seniority.ts';
import { skillTaxonomyData } from './skill-taxonomy-data.ts';
import { findSkillsInText, normaliseSkill } from './skill-taxonomy.ts';
import { titleTaxonomyData } from './title-taxonomy-data.ts';
import { normaliseTitle, type NormalisedTitle } from './title-taxonomy.ts';

export interface PositionProfileFacts {
  title: NormalisedTitle;
  rawTitle: string;
  company: string;
  /** `orgKey(company)`, for the shared-employer signal */
  companyKey: string;
  /** month numbers (career-dates.ts), null when unknown */
  start: number | null;
  end: number | null;
  current: boolean;
  /** keys of the skills mentioned in its title and description */
  skillKeys: string[];
}

/**
 * What ranking reads out of a profile's text, independent of the date:
 * normalised skills (listed, and found in headline, summary and position
 * descriptions), normalised titles, career months, organisation keys.
 * Computing it is most of the cost of scoring a candidate (the taxonomy scan
 * of the descriptions), so it is computed once per profile version and
 * stored (`candidate_facts`); `factsAt` turns it into the date-dependent
 * `CandidateFacts` in microseconds.
 */
export interface ProfileFacts {
  /** every skill the profile shows, by key, with its family (null when unknown) */
  skills: Array<[key: string, family: string | null]>;
  positions: PositionProfileFacts[];
  headline: NormalisedTitle | null;
  schools: Array<{ name: string; key: string }>;
}

export type FactsSource = Pick<CandidateInput, 'skills' | 'headline' | 'summary' | 'positions' | 'education'>;

export function profileFacts(c: FactsSource): ProfileFacts {
  const skills = new Map<string, string | null>();
  for (const s of c.skills) {
    const n = normaliseSkill(s);
    if (n.key) skills.set(n.key, n.family);
  }
  for (const s of findSkillsInText(c.summary ? `${c.headline}\n${c.summary}` : c.headline)) skills.set(s.key, s.family);
  const positions = c.positions.map((p): PositionProfileFacts => {
    const mentioned = findSkillsInText(p.description ? `${p.title}\n${p.description}` : p.title);
    for (const s of mentioned) skills.set(s.key, s.family);
    return {
      title: normaliseTitle(p.title),
      rawTitle: p.title,
      company: p.company,
      companyKey: orgKey(p.company),
      start: p.start ? careerMonthIndex(p.start) : null,
      end: p.end ? careerMonthIndex(p.end) : null,
      current: p.end === null,
      skillKeys: mentioned.map((s) => s.key),
    };
  });
  return {
    skills: [...skills],
    positions,
    headline: c.headline.trim() ? normaliseTitle(c.headline) : null,
    schools: c.education.map((e) => ({ name: e.school, key: orgKey(e.school) })),
  };
}

/**
 * Identifies how stored facts were computed: the format below and the
 * taxonomies they were read with. Stored facts of another version are
 * recomputed, so editing the taxonomy data never leaves stale facts behind.
 */
export const profileFactsVersion: string = createHash('sha256')
  .update(JSON.stringify({ format: 1, skills: skillTaxonomyData, titles: titleTaxonomyData, seniority: seniorityWords }))
  .digest('hex')
  .slice(0, 16);
