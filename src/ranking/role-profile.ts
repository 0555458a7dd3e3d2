import { z } from 'zod';
import { seniorityLevels } from './seniority.ts';

/**
 * A role: what the recruiter is hiring for. The Boolean query finds the
 * matches; the structured criteria rank them. Any criterion may be left out;
 * a job description, when given, fills in what the criteria leave out (see
 * `resolveRoleCriteria`). This is also the ROLE.json file format of
 * `scoutline rank ROLE.json`.
 */
export const seniorityLevelSchema = z.enum(seniorityLevels);

export const roleProfileSchema = z
  .object({
    /** saved roles have an id; inline roles need none */
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'role id: letters, digits, - and _').optional(),
    name: z.string().min(1).max(200).default('Untitled role'),
    /** Boolean search query (see docs/search and ../shared/spec/boolean-search.md) */
    query: z.string().min(1).max(4000),
    /** wanted job titles, e.g. ["Backend Engineer", "Platform Engineer"]; synonyms count */
    titles: z.array(z.string().min(1)).max(20).default([]),
    mustHaveSkills: z.array(z.string().min(1)).max(50).default([]),
    niceToHaveSkills: z.array(z.string().min(1)).max(50).default([]),
    seniority: z
      .object({ min: seniorityLevelSchema.optional(), max: seniorityLevelSchema.optional() })
      .nullable()
      .default(null),
    yearsOfExperience: z
      .object({ min: z.number().min(0).max(60).optional(), max: z.number().min(0).max(60).optional() })
      .nullable()
      .default(null),
    /** location texts (city, region or country), any of them fits */
    locations: z.array(z.string().min(1)).max(50).default([]),
    /** IANA time zones the team works in, e.g. ["Europe/Berlin"] */
    timeZones: z.array(z.string().min(1)).max(20).default([]),
    /** how many hours of time-zone difference still fit a remote role */
    timeZoneToleranceHours: z.number().min(0).max(12).default(3),
    remote: z.boolean().default(false),
    /** optional free-text job description; criteria are extracted from it */
    jobDescription: z.string().max(50_000).default(''),
  })
  .refine((r) => !r.seniority || !r.seniority.min || !r.seniority.max || seniorityLevels.indexOf(r.seniority.min) <= seniorityLevels.indexOf(r.seniority.max), {
    message: 'seniority.min must not be above seniority.max',
    path: ['seniority'],
  })
  .refine((r) => !r.yearsOfExperience || r.yearsOfExperience.min === undefined || r.yearsOfExperience.max === undefined || r.yearsOfExperience.min <= r.yearsOfExperience.max, {
    message: 'yearsOfExperience.min must not be above yearsOfExperience.max',
    path: ['yearsOfExperience'],
  });

export type RoleProfile = z.infer<typeof roleProfileSchema>;
export type RoleProfileInput = z.input<typeof roleProfileSchema>;

/** A role that is only a query: no criteria, so ranking goes by what the query itself names (skills, titles). */
export function queryOnlyRoleProfile(name: string, query: string): RoleProfile {
  return { name, query, titles: [], mustHaveSkills: [], niceToHaveSkills: [], seniority: null, yearsOfExperience: null, locations: [], timeZones: [], timeZoneToleranceHours: 3, remote: false, jobDescription: '' };
}
