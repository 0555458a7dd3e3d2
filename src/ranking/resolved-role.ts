import { extractCriteria } from './extract-criteria.ts';
import type { RoleProfile } from './role-profile.ts';
import type { Seniority } from './seniority.ts';
import { findSkillsInText, normaliseSkill, type NormalisedSkill } from './skill-taxonomy.ts';
import { normaliseTitle, type NormalisedTitle } from './title-taxonomy.ts';
import { normaliseTaxonomyText } from './taxonomy-text.ts';

/** A role with every criterion normalised through the taxonomy, ready for scoring. */
export interface ResolvedRole {
  profile: RoleProfile;
  titles: NormalisedTitle[];
  mustHave: NormalisedSkill[];
  niceToHave: NormalisedSkill[];
  seniority: { min?: Seniority; max?: Seniority } | null;
  years: { min?: number; max?: number } | null;
  /** normalised location texts */
  locations: string[];
  timeZones: string[];
  timeZoneToleranceHours: number;
  remote: boolean;
  /** which criteria were taken from the job description or the query, for the explanation */
  inferred: string[];
}

/**
 * Normalises a role's criteria. Explicit criteria win; a criterion left empty
 * is taken from the job description when it names one, and wanted titles and
 * skills also come from `title:` and `skill:` terms of the Boolean query
 * (skills from the query count as nice-to-have: they may sit in an OR).
 */
export function resolveRole(profile: RoleProfile): ResolvedRole {
  const inferred: string[] = [];
  const jd = profile.jobDescription.trim() ? extractCriteria(profile.jobDescription) : null;
  const fromQuery = criteriaFromQuery(profile.query);

  let titles = profile.titles;
  if (!titles.length && jd?.titles.length) (titles = jd.titles), inferred.push('titles from the job description');
  if (!titles.length && fromQuery.titles.length) (titles = fromQuery.titles), inferred.push('titles from the query');

  let must = profile.mustHaveSkills;
  let nice = profile.niceToHaveSkills;
  if (!must.length && !nice.length && jd && (jd.mustHaveSkills.length || jd.niceToHaveSkills.length)) {
    must = jd.mustHaveSkills;
    nice = jd.niceToHaveSkills;
    inferred.push('skills from the job description');
  }
  if (!must.length && !nice.length && fromQuery.skills.length) (nice = fromQuery.skills), inferred.push('skills from the query');

  let seniority = profile.seniority;
  if (!seniority && jd?.seniority) (seniority = jd.seniority), inferred.push('seniority from the job description');
  let years = profile.yearsOfExperience;
  if (!years && jd?.yearsOfExperience) (years = jd.yearsOfExperience), inferred.push('years of experience from the job description');
  let locations = profile.locations;
  let timeZones = profile.timeZones;
  if (!locations.length && !timeZones.length && jd && (jd.locations.length || jd.timeZones.length)) {
    locations = jd.locations;
    timeZones = jd.timeZones;
    inferred.push('location from the job description');
  }
  const remote = profile.remote || (jd?.remote ?? false);

  const mustHave = dedupeSkills(must.map((s) => normaliseSkill(s)));
  const mustKeys = new Set(mustHave.map((s) => s.key));
  const niceToHave = dedupeSkills(nice.map((s) => normaliseSkill(s))).filter((s) => !mustKeys.has(s.key));
  const seenTitle = new Set<string>();
  const normTitles = titles.map((t) => normaliseTitle(t)).filter((t) => (seenTitle.has(t.key) ? false : (seenTitle.add(t.key), true)));
  return {
    profile,
    titles: normTitles,
    mustHave,
    niceToHave,
    seniority: seniority && (seniority.min || seniority.max) ? seniority : null,
    years: years && (years.min !== undefined || years.max !== undefined) ? years : null,
    locations: locations.map(normaliseTaxonomyText).filter(Boolean),
    timeZones,
    timeZoneToleranceHours: profile.timeZoneToleranceHours,
    remote,
    inferred,
  };
}

function dedupeSkills(skills: NormalisedSkill[]): NormalisedSkill[] {
  const seen = new Set<string>();
  return skills.filter((s) => (seen.has(s.key) ? false : (seen.add(s.key), true)));
}

/** `title:"backend engineer"`, `currenttitle:sre`, `skill:(go OR golang)`: the field terms of a Boolean query. */
export function criteriaFromQuery(query: string): { titles: string[]; skills: string[] } {
  const titles: string[] = [];
  const skills: string[] = [];
  const re = /\b(title|currenttitle|skill):\s*(?:"([^"]+)"|\(([^)]*)\)|([^\s()"]+))/gi;
  for (const m of query.matchAll(re)) {
    const field = m[1].toLowerCase();
    const values = m[2] !== undefined ? [m[2]] : m[3] !== undefined ? splitGroup(m[3]) : [m[4]];
    for (const v of values) {
      if (!v || v.endsWith('*')) continue;
      if (field === 'skill') skills.push(v);
      else titles.push(v);
    }
  }
  // plain words of the query that are known skills ("golang", "kubernetes"), leaving out negated ones and field terms
  const rest = query
    .replace(re, ' ')
    .replace(/(?:\bNOT\s+|(?<=^|\s)-)(?:"[^"]*"|\([^)]*\)|\S+)/g, ' ')
    .replace(/\b(AND|OR)\b/g, ' ')
    .replace(/[()"]/g, ' ');
  for (const s of findSkillsInText(rest)) skills.push(s.canonical);
  return { titles: [...new Set(titles)], skills: [...new Set(skills)] };
}

function splitGroup(inner: string): string[] {
  const out: string[] = [];
  for (const m of inner.matchAll(/"([^"]+)"|([^\s"]+)/g)) {
    const v = m[1] ?? m[2];
    if (v && !['AND', 'OR', 'NOT'].includes(v) && !v.startsWith('-')) out.push(v.replace(/^\+/, ''));
  }
  return out;
}
