import { z } from 'zod';

/**
 * The candidate model. A candidate is one person's imported profile inside a
 * workspace. Dates are ISO strings: 'YYYY-MM' or 'YYYY-MM-DD' for career
 * dates (what profiles actually carry), full ISO timestamps for system times.
 */

export const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date YYYY, YYYY-MM or YYYY-MM-DD');

export const positionSchema = z.object({
  title: z.string().default(''),
  company: z.string().default(''),
  start: isoDate.nullable().default(null),
  /** null = current position */
  end: isoDate.nullable().default(null),
  description: z.string().default(''),
  location: z.string().default(''),
});
export type Position = z.infer<typeof positionSchema>;

export const educationSchema = z.object({
  school: z.string().default(''),
  degree: z.string().default(''),
  field: z.string().default(''),
  start: isoDate.nullable().default(null),
  end: isoDate.nullable().default(null),
});
export type Education = z.infer<typeof educationSchema>;

export const locationSchema = z.object({
  city: z.string().default(''),
  region: z.string().default(''),
  country: z.string().default(''),
  /** IANA time zone when known, e.g. 'Europe/Berlin'. */
  timeZone: z.string().default(''),
});
export type Location = z.infer<typeof locationSchema>;

export const linkedinFlagsSchema = z.object({
  openProfile: z.boolean().default(false),
  openToWork: z.boolean().default(false),
  premium: z.boolean().default(false),
  /** Connection degree to the workspace's seats: 1, 2, 3, or null when unknown / out of network. */
  degree: z.number().int().min(1).max(3).nullable().default(null),
  mutualConnections: z.number().int().min(0).default(0),
  /** Last activity date on LinkedIn, YYYY-MM-DD. */
  lastActive: isoDate.nullable().default(null),
});
export type LinkedinFlags = z.infer<typeof linkedinFlagsSchema>;

/** What importers and the API produce: everything a candidate can carry, with defaults. */
export const candidateInputSchema = z.object({
  firstName: z.string().default(''),
  lastName: z.string().default(''),
  /** Full name; derived from first + last when empty. */
  name: z.string().default(''),
  headline: z.string().default(''),
  summary: z.string().default(''),
  location: locationSchema.default({ city: '', region: '', country: '', timeZone: '' }),
  positions: z.array(positionSchema).default([]),
  education: z.array(educationSchema).default([]),
  skills: z.array(z.string()).default([]),
  profileUrl: z.string().nullable().default(null),
  emails: z.array(z.string()).default([]),
  phones: z.array(z.string()).default([]),
  linkedin: linkedinFlagsSchema.default({ openProfile: false, openToWork: false, premium: false, degree: null, mutualConnections: 0, lastActive: null }),
  tags: z.array(z.string()).default([]),
  source: z.string().default('manual'),
});
export type CandidateInput = z.infer<typeof candidateInputSchema>;
export type CandidateInputLoose = z.input<typeof candidateInputSchema>;

/** A stored candidate. */
export interface Candidate extends CandidateInput {
  id: number;
  workspaceId: string;
  importedAt: string;
  updatedAt: string;
}

export function fullName(c: Pick<CandidateInput, 'name' | 'firstName' | 'lastName'>): string {
  if (c.name.trim()) return c.name.trim();
  return [c.firstName, c.lastName].map((s) => s.trim()).filter(Boolean).join(' ');
}

export function currentPositions(c: Pick<CandidateInput, 'positions'>): Position[] {
  return c.positions.filter((p) => p.end === null);
}

export function locationText(l: Location): string {
  return [l.city, l.region, l.country].map((s) => s.trim()).filter(Boolean).join(', ');
}
