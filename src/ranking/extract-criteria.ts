import { findSkillsInText } from './skill-taxonomy.ts';
import { normaliseTaxonomyText, taxonomyTokens } from './taxonomy-text.ts';
import { titleTaxonomy } from './title-taxonomy.ts';
import { seniorityFromTitle, type Seniority } from './seniority.ts';
import { places, timeZoneWords } from './place-data.ts';

/** What a job description says about the role, in the role profile's terms. */
export interface ExtractedCriteria {
  titles: string[];
  mustHaveSkills: string[];
  niceToHaveSkills: string[];
  seniority: { min?: Seniority; max?: Seniority } | null;
  yearsOfExperience: { min?: number; max?: number } | null;
  locations: string[];
  timeZones: string[];
  remote: boolean;
}

const niceMarkers = /\b(nice to have|nice-to-have|bonus|a plus|is a plus|are a plus|preferred|ideally|desirable|would be great|good to have|not required|optional)\b/i;
const mustMarkers = /\b(requirements?|required|must|you have|you bring|what we('| a)re looking for|qualifications|essential|we expect|must-have|must have)\b/i;
const headingLine = /^\s*(#+\s*)?[A-Za-z][A-Za-z '’/&-]{2,60}:?\s*$/;

/**
 * Extracts criteria from a free-text job description with the curated
 * taxonomy (no model, no network): skills by alias (must-have unless the
 * line or its section says "nice to have", "bonus", "preferred"...), the
 * first known job title, the seniority words near it or implied by the years
 * asked for, "N+ years", known cities and time-zone names, and "remote".
 */
export function extractCriteria(description: string): ExtractedCriteria {
  const lines = description.split(/\r?\n|(?<=[.;])\s+(?=[A-Z])/);
  const must: string[] = [];
  const nice: string[] = [];
  let section: 'must' | 'nice' | 'none' = 'none';
  for (const line of lines) {
    if (!line.trim()) continue;
    const isHeading = headingLine.test(line) && line.trim().split(/\s+/).length <= 8;
    if (isHeading || /:\s*$/.test(line.trim())) {
      if (niceMarkers.test(line)) section = 'nice';
      else if (mustMarkers.test(line)) section = 'must';
      else section = 'none';
    }
    const nicehere = niceMarkers.test(line) || section === 'nice';
    for (const s of findSkillsInText(line)) {
      if (nicehere) nice.push(s.canonical);
      else must.push(s.canonical);
    }
  }
  const mustSet = [...new Set(must)];
  const niceSet = [...new Set(nice)].filter((s) => !mustSet.includes(s));

  const title = findFirstTitle(description);
  const years = extractYears(description);
  let seniority: ExtractedCriteria['seniority'] = null;
  if (title?.seniority) seniority = { min: title.seniority, max: title.seniority === 'senior' ? 'staff' : title.seniority };
  else if (years?.min !== undefined) seniority = { min: years.min >= 5 ? 'senior' : years.min >= 2 ? 'mid' : 'junior' };

  const { locations, timeZones } = extractPlaces(description);
  const remote = /\bremote\b|\bwork from home\b|\bwfh\b|\bdistributed team\b/i.test(description) && !/\bno remote\b|\bnot remote\b|\bon-?site only\b/i.test(description);
  return {
    titles: title ? [title.canonical] : [],
    mustHaveSkills: mustSet,
    niceToHaveSkills: niceSet,
    seniority,
    yearsOfExperience: years,
    locations,
    timeZones,
    remote,
  };
}

function findFirstTitle(text: string): { canonical: string; seniority: Seniority | null } | null {
  const tokens = taxonomyTokens(text).map((t) => t.norm);
  for (let i = 0; i < tokens.length; i++) {
    for (let n = Math.min(titleTaxonomy.maxWords, tokens.length - i); n >= 2; n--) {
      const hit = titleTaxonomy.byAlias.get(tokens.slice(i, i + n).join(' '));
      if (!hit) continue;
      // seniority words right before the title: "Senior Staff Backend Engineer"
      const before = tokens.slice(Math.max(0, i - 3), i).join(' ');
      return { canonical: hit.canonical, seniority: seniorityFromTitle(before) };
    }
  }
  return null;
}

/** "5+ years", "3-5 years", "at least 4 years", "minimum of 7 years". */
export function extractYears(text: string): { min?: number; max?: number } | null {
  const range = text.match(/\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\s*\+?\s*years?\b/i);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (a <= b) return { min: a, max: b };
  }
  const plus = text.match(/\b(?:at least|minimum(?: of)?|min\.?|over)?\s*(\d{1,2})\s*\+?\s*(?:years?|yrs)\b/i);
  if (plus) return { min: Number(plus[1]) };
  return null;
}

function extractPlaces(text: string): { locations: string[]; timeZones: string[] } {
  const norm = ` ${normaliseTaxonomyText(text)} `;
  const locations: string[] = [];
  const timeZones: string[] = [];
  for (const p of places) {
    if (norm.includes(` ${normaliseTaxonomyText(p.city)} `)) {
      if (!locations.includes(p.city)) locations.push(p.city);
      if (!timeZones.includes(p.timeZone)) timeZones.push(p.timeZone);
    }
  }
  for (const [word, zone] of Object.entries(timeZoneWords)) {
    // time-zone abbreviations must be written in capitals ("CET", "EST"); longer words may be any case
    const re = word.length <= 4 ? new RegExp(`\\b${word.toUpperCase()}\\b(?!\\s*[+\\-−]\\s*\\d)`) : new RegExp(`\\b${word}\\b(?= time| timezone| time zone| hours)`, 'i');
    if (re.test(text) && !timeZones.includes(zone)) timeZones.push(zone);
  }
  for (const m of text.matchAll(/\b(?:UTC|GMT)\s*([+-−])\s*(\d{1,2})\b/g)) {
    const h = Number(m[2]);
    if (h > 14) continue;
    // IANA Etc zones have inverted signs: UTC+2 is Etc/GMT-2
    const zone = h === 0 ? 'UTC' : `Etc/GMT${m[1] === '+' ? '-' : '+'}${h}`;
    if (!timeZones.includes(zone)) timeZones.push(zone);
  }
  return { locations, timeZones };
}
