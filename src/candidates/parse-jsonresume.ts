import type { CandidateInputLoose, Education, Position } from './candidate.ts';
import { parseCareerDate } from './career-date.ts';
import { countryNameFromCode } from './country-names.ts';
import { profileUrlProblem } from './profile-url.ts';

/**
 * JSON Resume (https://jsonresume.org/schema) -> a candidate input. Pure.
 *
 * - name, headline (`basics.label`), summary, email, phone, location
 *   (`city`, `region`, `countryCode` -> country name; `timeZone` is read when
 *   present, a Scoutline extension) come from `basics`;
 * - the LinkedIn URL from `basics.profiles[]` with network LinkedIn (its
 *   `url`, or its `username`), else from `basics.url` when that is a
 *   linkedin.com address (a personal or company website is never used as
 *   the profile URL: it is the first dedupe key and would merge strangers);
 * - positions from `work[]` (no or 'Present' endDate = current), education
 *   from `education[]`, skills from `skills[].name` and `skills[].keywords`;
 * - LinkedIn flags from `meta.linkedin` (openProfile, openToWork, premium,
 *   degree, mutualConnections, lastActive), tags from `meta.tags`.
 *
 * A record that is not an object, has a field of the wrong type or an
 * unreadable date, or carries no name, profile URL or email, is refused with
 * a reason naming the field.
 */
export type ParseResult = { ok: true; value: CandidateInputLoose } | { ok: false; reason: string };

class Refusal extends Error {}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(parent: Obj, key: string, path: string): Obj | undefined {
  const v = parent[key];
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) throw new Refusal(`${path}${key}: expected an object`);
  return v;
}

function arr(parent: Obj, key: string, path: string): unknown[] {
  const v = parent[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Refusal(`${path}${key}: expected an array`);
  return v;
}

function str(parent: Obj | undefined, key: string, path: string): string {
  if (!parent) return '';
  const v = parent[key];
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw new Refusal(`${path}${key}: expected a string`);
  return clean(v);
}

/** Trimmed, without NUL characters (PostgreSQL text cannot hold them; they are never meant). */
function clean(v: string): string {
  return (v.includes('\u0000') ? v.replaceAll('\u0000', '') : v).trim();
}

function date(parent: Obj, key: string, path: string): string | null {
  const r = parseCareerDate(parent[key]);
  if (!r.ok) throw new Refusal(`${path}${key}: ${r.reason}`);
  return r.value;
}

function bool(parent: Obj, key: string, path: string): boolean {
  const v = parent[key];
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 1) return true;
  if (v === 'false' || v === 0) return false;
  throw new Refusal(`${path}${key}: expected true or false`);
}

/** 1, '1', '1st', '2nd', '3rd', '3+' -> 1..3; absent -> null. */
export function parseDegree(v: unknown): number | null | undefined {
  if (v === undefined || v === null || v === '') return null;
  const m = /^([123])(?:st|nd|rd|\+)?$/i.exec(String(v).trim());
  return m ? Number(m[1]) : undefined;
}

const linkedinHost = /(^|\.)linkedin\.com$/i;

function isLinkedinUrl(url: string): boolean {
  try {
    return linkedinHost.test(new URL(/^[a-z]+:\/\//i.test(url) ? url : `https://${url}`).hostname);
  } catch {
    return false;
  }
}

function profileUrlOf(basics: Obj | undefined): string | null {
  if (!basics) return null;
  const profiles = arr(basics, 'profiles', 'basics.');
  for (const [i, p] of profiles.entries()) {
    if (!isObj(p)) throw new Refusal(`basics.profiles[${i}]: expected an object`);
    const network = str(p, 'network', `basics.profiles[${i}].`);
    const url = str(p, 'url', `basics.profiles[${i}].`);
    if (/linkedin/i.test(network) || (url && isLinkedinUrl(url))) {
      if (url) return checkedUrl(url, `basics.profiles[${i}].url`);
      const username = str(p, 'username', `basics.profiles[${i}].`);
      if (username) return `https://www.linkedin.com/in/${username}`;
    }
  }
  const url = str(basics, 'url', 'basics.');
  return url && isLinkedinUrl(url) ? url : null;
}

/** A URL the record gives for the person must be a web address (profile-url.ts): the record is refused naming the field. */
function checkedUrl(url: string, path: string): string {
  const problem = profileUrlProblem(url);
  if (problem) throw new Refusal(`${path}: ${problem}`);
  return url;
}

function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.split(/\s+/).filter(Boolean);
  return { firstName: parts[0] ?? '', lastName: parts.slice(1).join(' ') };
}

function strings(parent: Obj, key: string, path: string): string[] {
  return arr(parent, key, path).map((v, i) => {
    if (typeof v !== 'string') throw new Refusal(`${path}${key}[${i}]: expected a string`);
    return clean(v);
  });
}

export function parseJsonResume(value: unknown, source = 'jsonresume'): ParseResult {
  try {
    return { ok: true, value: toCandidate(value, source) };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, reason: err.message };
    throw err;
  }
}

function toCandidate(value: unknown, source: string): CandidateInputLoose {
  if (!isObj(value)) throw new Refusal(`expected a JSON Resume object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  const basics = obj(value, 'basics', '');
  const name = str(basics, 'name', 'basics.');
  const loc = basics ? obj(basics, 'location', 'basics.') : undefined;
  // the website is not stored, but a javascript: one says the record is not to be trusted as it is
  if (basics) checkedUrl(str(basics, 'url', 'basics.'), 'basics.url');
  const profileUrl = profileUrlOf(basics);
  const email = str(basics, 'email', 'basics.');
  const phone = str(basics, 'phone', 'basics.');

  const positions: Position[] = arr(value, 'work', '').map((w, i) => {
    const p = `work[${i}].`;
    if (!isObj(w)) throw new Refusal(`work[${i}]: expected an object`);
    const highlights = strings(w, 'highlights', p);
    const summary = str(w, 'summary', p) || str(w, 'description', p);
    return {
      title: str(w, 'position', p),
      company: str(w, 'name', p) || str(w, 'company', p),
      start: date(w, 'startDate', p),
      end: date(w, 'endDate', p),
      description: [summary, ...highlights].filter(Boolean).join('\n'),
      location: str(w, 'location', p),
    };
  });

  const education: Education[] = arr(value, 'education', '').map((e, i) => {
    const p = `education[${i}].`;
    if (!isObj(e)) throw new Refusal(`education[${i}]: expected an object`);
    return {
      school: str(e, 'institution', p),
      degree: str(e, 'studyType', p),
      field: str(e, 'area', p),
      start: date(e, 'startDate', p),
      end: date(e, 'endDate', p),
    };
  });

  const skills: string[] = [];
  for (const [i, s] of arr(value, 'skills', '').entries()) {
    if (typeof s === 'string') {
      skills.push(clean(s));
      continue;
    }
    if (!isObj(s)) throw new Refusal(`skills[${i}]: expected an object`);
    const n = str(s, 'name', `skills[${i}].`);
    if (n) skills.push(n);
    skills.push(...strings(s, 'keywords', `skills[${i}].`));
  }

  const meta = obj(value, 'meta', '');
  const li = meta ? obj(meta, 'linkedin', 'meta.') : undefined;
  let linkedin: CandidateInputLoose['linkedin'];
  if (li) {
    const p = 'meta.linkedin.';
    const degree = parseDegree(li.degree);
    if (degree === undefined) throw new Refusal(`${p}degree: expected 1, 2 or 3`);
    const mc = li.mutualConnections ?? 0;
    if (typeof mc !== 'number' || !Number.isInteger(mc) || mc < 0) throw new Refusal(`${p}mutualConnections: expected a whole number >= 0`);
    const lastActive = parseCareerDate(li.lastActive);
    if (!lastActive.ok) throw new Refusal(`${p}lastActive: ${lastActive.reason}`);
    linkedin = {
      openProfile: bool(li, 'openProfile', p),
      openToWork: bool(li, 'openToWork', p),
      premium: bool(li, 'premium', p),
      degree,
      mutualConnections: mc,
      lastActive: lastActive.value,
    };
  }
  const tags = meta ? strings(meta, 'tags', 'meta.') : [];

  if (!name && !profileUrl && !email) throw new Refusal('no name, LinkedIn profile URL or email: nothing to identify the candidate by');

  const first = basics ? str(basics, 'firstName', 'basics.') : '';
  const last = basics ? str(basics, 'lastName', 'basics.') : '';
  const split = first || last ? { firstName: first, lastName: last } : splitName(name);

  // A plain literal, no spreads: with `...split` and `...(linkedin ? { linkedin } : {})` this object took
  // 14 µs per record to build, 4 µs without (absent flags are `undefined`; the schema's default fills them).
  return {
    firstName: split.firstName,
    lastName: split.lastName,
    name,
    headline: str(basics, 'label', 'basics.'),
    summary: str(basics, 'summary', 'basics.'),
    location: {
      city: str(loc, 'city', 'basics.location.'),
      region: str(loc, 'region', 'basics.location.'),
      country: countryNameFromCode(str(loc, 'countryCode', 'basics.location.') || str(loc, 'country', 'basics.location.')),
      timeZone: str(loc, 'timeZone', 'basics.location.'),
    },
    positions,
    education,
    skills,
    profileUrl,
    emails: email ? [email] : [],
    phones: phone ? [phone] : [],
    linkedin,
    tags,
    source,
  };
}
