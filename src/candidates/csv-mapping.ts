import { AppError } from '../core/app-error.ts';
import type { CandidateInputLoose } from './candidate.ts';
import { parseCareerDate } from './career-date.ts';
import { countryNameFromCode, isCountryName } from './country-names.ts';
import { parseDegree, type ParseResult } from './parse-jsonresume.ts';
import { profileUrlProblem } from './profile-url.ts';

/**
 * CSV columns -> candidate fields. Pure.
 *
 * A header maps to a field by a default table of the column names common
 * exports use (LinkedIn Recruiter, Sales Navigator, ATS exports), matched
 * case- and punctuation-insensitively; `--map "Column=field"` overrides or
 * adds a column, `--map "Column=-"` ignores one. Several columns may feed the
 * same list field (two email columns give two emails).
 */
export const csvFields = [
  'firstName',
  'lastName',
  'name',
  'headline',
  'currentTitle',
  'currentCompany',
  'location',
  'city',
  'region',
  'country',
  'timeZone',
  'profileUrl',
  'email',
  'phone',
  'skills',
  'summary',
  'tags',
  'openProfile',
  'openToWork',
  'premium',
  'degree',
  'mutualConnections',
  'lastActive',
] as const;
export type CsvField = (typeof csvFields)[number];

/** Header names (any case, spaces and punctuation ignored) -> field. */
export const defaultCsvHeaders: Readonly<Record<string, CsvField>> = {
  'First Name': 'firstName',
  'Given Name': 'firstName',
  'Last Name': 'lastName',
  Surname: 'lastName',
  'Family Name': 'lastName',
  Name: 'name',
  'Full Name': 'name',
  Headline: 'headline',
  'Current Title': 'currentTitle',
  Title: 'currentTitle',
  'Job Title': 'currentTitle',
  Position: 'currentTitle',
  'Current Position': 'currentTitle',
  'Current Company': 'currentCompany',
  Company: 'currentCompany',
  'Company Name': 'currentCompany',
  Organization: 'currentCompany',
  Employer: 'currentCompany',
  Location: 'location',
  Geography: 'location',
  City: 'city',
  Region: 'region',
  State: 'region',
  Country: 'country',
  'Time Zone': 'timeZone',
  'Profile URL': 'profileUrl',
  'LinkedIn URL': 'profileUrl',
  'LinkedIn Profile': 'profileUrl',
  'LinkedIn Profile URL': 'profileUrl',
  'Public Profile URL': 'profileUrl',
  LinkedIn: 'profileUrl',
  URL: 'profileUrl',
  Email: 'email',
  'Email Address': 'email',
  'E-mail': 'email',
  'Work Email': 'email',
  'Personal Email': 'email',
  Phone: 'phone',
  'Phone Number': 'phone',
  Mobile: 'phone',
  Skills: 'skills',
  Summary: 'summary',
  About: 'summary',
  Tags: 'tags',
  Labels: 'tags',
  'Open Profile': 'openProfile',
  'Open To Work': 'openToWork',
  Premium: 'premium',
  Degree: 'degree',
  'Connection Degree': 'degree',
  'Mutual Connections': 'mutualConnections',
  'Shared Connections': 'mutualConnections',
  'Last Active': 'lastActive',
};

/** 'First Name', 'first_name', 'FIRSTNAME' -> 'firstname'. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

const defaultByKey = new Map(Object.entries(defaultCsvHeaders).map(([h, f]) => [headerKey(h), f]));
const fieldByLower = new Map(csvFields.map((f) => [f.toLowerCase(), f]));

/** `--map` values ("Column=field", "Column=-") -> header key -> field (null = ignore). */
export function parseCsvMapOptions(specs: readonly string[]): Map<string, CsvField | null> {
  const out = new Map<string, CsvField | null>();
  for (const spec of specs) {
    const eq = spec.lastIndexOf('=');
    if (eq <= 0) throw new AppError('invalid_input', `--map expects Column=field, got '${spec}'`, { map: spec });
    const column = spec.slice(0, eq).trim();
    const target = spec.slice(eq + 1).trim();
    if (!column) throw new AppError('invalid_input', `--map '${spec}' names no column`, { map: spec });
    if (target === '-' || target === '' || target.toLowerCase() === 'ignore') {
      out.set(headerKey(column), null);
      continue;
    }
    const field = fieldByLower.get(target.toLowerCase());
    if (!field) throw new AppError('invalid_input', `--map '${spec}': unknown field '${target}' (known: ${csvFields.join(', ')})`, { map: spec, known: [...csvFields] });
    out.set(headerKey(column), field);
  }
  return out;
}

export interface CsvMapping {
  /** field for each column index, null when the column is ignored */
  columns: Array<CsvField | null>;
  /** header names that matched no field */
  ignored: string[];
}

export function resolveCsvMapping(headers: readonly string[], overrides: Map<string, CsvField | null> = new Map()): CsvMapping {
  const columns: Array<CsvField | null> = [];
  const ignored: string[] = [];
  for (const h of headers) {
    const key = headerKey(h);
    const field = overrides.has(key) ? overrides.get(key)! : (defaultByKey.get(key) ?? null);
    columns.push(field);
    if (field === null && h.trim() && !overrides.has(key)) ignored.push(h);
  }
  return { columns, ignored };
}

/** 'Berlin, Berlin, Germany' -> city, region, country; 'Berlin, Germany' -> city, country; a lone country name -> country. */
const countryAliases: Readonly<Record<string, string>> = { usa: 'United States', us: 'United States', uk: 'United Kingdom', uae: 'United Arab Emirates' };

export function splitLocation(text: string): { city: string; region: string; country: string } {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s, i, xs) => (i === xs.length - 1 && countryAliases[s.toLowerCase()]) || s);
  if (parts.length === 0) return { city: '', region: '', country: '' };
  if (parts.length === 1) return isCountryName(parts[0]) ? { city: '', region: '', country: parts[0] } : { city: parts[0], region: '', country: '' };
  if (parts.length === 2) {
    // 'Austin, TX' is a city and a region; 'Berlin, Germany' a city and a country
    return isCountryName(parts[1]) || parts[1].length > 3
      ? { city: parts[0], region: '', country: countryNameFromCode(parts[1]) }
      : { city: parts[0], region: parts[1], country: '' };
  }
  return { city: parts[0], region: parts.slice(1, -1).join(', '), country: countryNameFromCode(parts[parts.length - 1]) };
}

/** Skills and tags: split on ';' or ',' (and newlines). */
export function splitList(text: string): string[] {
  return text
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseBool(field: string, v: string): boolean {
  const s = v.trim().toLowerCase();
  if (['yes', 'y', 'true', '1', 'x'].includes(s)) return true;
  if (['no', 'n', 'false', '0', ''].includes(s)) return false;
  throw new Error(`${field}: '${v}' is not yes/no`);
}

/** One CSV row -> a candidate input, or a reason naming the bad column. */
export function csvRowToCandidate(cells: readonly string[], mapping: CsvMapping, headers: readonly string[], source = 'csv'): ParseResult {
  const v: Partial<Record<CsvField, string[]>> = {};
  let badUrl: string | null = null;
  mapping.columns.forEach((field, i) => {
    if (!field) return;
    const raw = cells[i] ?? '';
    // NUL characters are never meant, and PostgreSQL text cannot hold them
    const cell = (raw.includes('\u0000') ? raw.replaceAll('\u0000', '') : raw).trim();
    if (!cell) return;
    if (field === 'profileUrl' && badUrl === null) {
      const problem = profileUrlProblem(cell);
      if (problem) badUrl = `${headers[i] || field}: ${problem}`;
    }
    (v[field] ??= []).push(cell);
  });
  // a link the candidate page would show must be a web address: the row is refused, naming the column
  if (badUrl !== null) return { ok: false, reason: badUrl };
  const one = (f: CsvField) => v[f]?.[0] ?? '';
  const all = (f: CsvField) => v[f] ?? [];
  const column = (f: CsvField) => headers[mapping.columns.indexOf(f)] ?? f;
  try {
    const loc = one('location') ? splitLocation(one('location')) : { city: '', region: '', country: '' };
    const title = one('currentTitle');
    const company = one('currentCompany');
    const degree = parseDegree(one('degree'));
    if (degree === undefined) throw new Error(`${column('degree')}: '${one('degree')}' is not a connection degree (1, 2 or 3)`);
    const mc = one('mutualConnections');
    if (mc && !/^\d+\+?$/.test(mc.replace(/,/g, ''))) throw new Error(`${column('mutualConnections')}: '${mc}' is not a whole number`);
    const lastActive = parseCareerDate(one('lastActive'));
    if (!lastActive.ok) throw new Error(`${column('lastActive')}: ${lastActive.reason}`);
    const input: CandidateInputLoose = {
      firstName: one('firstName'),
      lastName: one('lastName'),
      name: one('name'),
      headline: one('headline'),
      summary: all('summary').join('\n'),
      location: {
        city: one('city') || loc.city,
        region: one('region') || loc.region,
        country: one('country') ? countryNameFromCode(one('country')) : loc.country,
        timeZone: one('timeZone'),
      },
      positions: title || company ? [{ title, company, start: null, end: null, description: '', location: '' }] : [],
      skills: all('skills').flatMap(splitList),
      profileUrl: one('profileUrl') || null,
      emails: all('email').flatMap((e) => e.split(/[;,\s]+/)).filter(Boolean),
      phones: all('phone'),
      linkedin: {
        openProfile: parseBool(column('openProfile'), one('openProfile')),
        openToWork: parseBool(column('openToWork'), one('openToWork')),
        premium: parseBool(column('premium'), one('premium')),
        degree,
        mutualConnections: mc ? Number.parseInt(mc.replace(/,/g, ''), 10) : 0,
        lastActive: lastActive.value,
      },
      tags: all('tags').flatMap(splitList),
      source,
    };
    if (!input.name && !input.firstName && !input.lastName && !input.profileUrl && input.emails!.length === 0) {
      return { ok: false, reason: 'no name, profile URL or email: nothing to identify the candidate by' };
    }
    return { ok: true, value: input };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
