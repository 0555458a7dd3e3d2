import type { CandidateInput } from './candidate.ts';

// most profiles have no phones, tags or emails: '[]' without a JSON.stringify call per empty list
const jsonList = (xs: readonly unknown[]): string => (xs.length === 0 ? '[]' : JSON.stringify(xs));

/** The candidates table's content columns of an input (lists as JSON text, flags as 0/1). */
export function candidateColumns(c: CandidateInput) {
  return {
    name: c.name,
    first_name: c.firstName,
    last_name: c.lastName,
    headline: c.headline,
    summary: c.summary,
    city: c.location.city,
    region: c.location.region,
    country: c.location.country,
    time_zone: c.location.timeZone,
    profile_url: c.profileUrl,
    positions: jsonList(c.positions),
    education: jsonList(c.education),
    skills: jsonList(c.skills),
    emails: jsonList(c.emails),
    phones: jsonList(c.phones),
    tags: jsonList(c.tags),
    open_profile: c.linkedin.openProfile ? 1 : 0,
    open_to_work: c.linkedin.openToWork ? 1 : 0,
    premium: c.linkedin.premium ? 1 : 0,
    degree: c.linkedin.degree,
    mutual_connections: c.linkedin.mutualConnections,
    last_active: c.linkedin.lastActive,
    source: c.source,
  };
}

export type CandidateColumns = ReturnType<typeof candidateColumns>;

/** The content columns, in the order `candidateColumns` lists them. */
export const candidateColumnNames = Object.keys(
  candidateColumns({
    name: '', firstName: '', lastName: '', headline: '', summary: '', profileUrl: null,
    location: { city: '', region: '', country: '', timeZone: null },
    positions: [], education: [], skills: [], emails: [], phones: [], tags: [],
    linkedin: { openProfile: false, openToWork: false, premium: false, degree: null, mutualConnections: 0, lastActive: null },
    source: '',
  } as unknown as CandidateInput),
) as Array<keyof CandidateColumns>;

/** The input back from its columns (what the store reads back for a stored candidate). */
export function candidateFromColumns(c: CandidateColumns): CandidateInput {
  return {
    name: c.name,
    firstName: c.first_name,
    lastName: c.last_name,
    headline: c.headline,
    summary: c.summary,
    location: { city: c.city, region: c.region, country: c.country, timeZone: c.time_zone },
    profileUrl: c.profile_url,
    positions: JSON.parse(c.positions),
    education: JSON.parse(c.education),
    skills: JSON.parse(c.skills),
    emails: JSON.parse(c.emails),
    phones: JSON.parse(c.phones),
    tags: JSON.parse(c.tags),
    linkedin: {
      openProfile: c.open_profile === 1,
      openToWork: c.open_to_work === 1,
      premium: c.premium === 1,
      degree: c.degree === null ? null : Number(c.degree),
      mutualConnections: Number(c.mutual_connections),
      lastActive: c.last_active,
    },
    source: c.source,
  } as CandidateInput;
}
