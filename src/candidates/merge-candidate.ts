import type { CandidateInput } from './candidate.ts';

/**
 * Merging a re-imported profile into the stored one: fill what is empty,
 * union the list-like fields, never overwrite what the recruiter already
 * has. Idempotent: merging the same input twice gives the same result, so
 * re-importing a file changes nothing.
 */
export function mergeCandidate(existing: CandidateInput, incoming: CandidateInput): CandidateInput {
  return {
    firstName: fill(existing.firstName, incoming.firstName),
    lastName: fill(existing.lastName, incoming.lastName),
    name: fill(existing.name, incoming.name),
    headline: fill(existing.headline, incoming.headline),
    summary: fill(existing.summary, incoming.summary),
    location: {
      city: fill(existing.location.city, incoming.location.city),
      region: fill(existing.location.region, incoming.location.region),
      country: fill(existing.location.country, incoming.location.country),
      timeZone: fill(existing.location.timeZone, incoming.location.timeZone),
    },
    positions: existing.positions.length ? existing.positions : incoming.positions,
    education: existing.education.length ? existing.education : incoming.education,
    skills: unionFolded(existing.skills, incoming.skills),
    profileUrl: existing.profileUrl ?? incoming.profileUrl,
    emails: unionFolded(existing.emails, incoming.emails),
    phones: unionFolded(existing.phones, incoming.phones),
    linkedin: {
      openProfile: existing.linkedin.openProfile || incoming.linkedin.openProfile,
      openToWork: existing.linkedin.openToWork || incoming.linkedin.openToWork,
      premium: existing.linkedin.premium || incoming.linkedin.premium,
      degree: existing.linkedin.degree ?? incoming.linkedin.degree,
      mutualConnections: Math.max(existing.linkedin.mutualConnections, incoming.linkedin.mutualConnections),
      lastActive: later(existing.linkedin.lastActive, incoming.linkedin.lastActive),
    },
    tags: unionFolded(existing.tags, incoming.tags),
    source: existing.source || incoming.source,
  };
}

function fill(a: string, b: string): string {
  return a.trim() ? a : b;
}

function later(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}

/** Union keeping the first spelling seen; case-insensitive so 'Java' and 'java' are one skill. */
export function unionFolded(a: string[], b: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of [...a, ...b]) {
    const k = v.trim().toLowerCase();
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(v.trim());
  }
  return out;
}
