import fc from 'fast-check';
import type { Candidate } from '../candidates/candidate.ts';
import { roleProfileSchema, type RoleProfile } from './role-profile.ts';

/** Generators for ranking properties: plausible candidates and roles built from the taxonomy's vocabulary. */
const titles = ['Backend Engineer', 'Senior Go Developer', 'Staff Software Engineer', 'Junior Frontend Developer', 'Account Executive', 'Data Scientist', 'SRE', 'Recruiter', 'Head of Engineering', ''];
const skills = ['Go', 'golang', 'k8s', 'Kubernetes', 'Postgres', 'React', 'TypeScript', 'Python', 'SQL', 'Salesforce', 'Kafka', 'Terraform', 'AWS', 'Rust', 'Excel'];
const cities: Array<[string, string, string]> = [['Berlin', 'Germany', 'Europe/Berlin'], ['London', 'United Kingdom', 'Europe/London'], ['New York', 'United States', 'America/New_York'], ['Tokyo', 'Japan', 'Asia/Tokyo'], ['', '', '']];
const month = fc.tuple(fc.integer({ min: 2000, max: 2026 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

export const positionArbitrary = fc.record({
  title: fc.constantFrom(...titles),
  company: fc.constantFrom('Acme', 'Zalando', 'Globex', ''),
  start: fc.option(month, { nil: null }),
  end: fc.option(month, { nil: null }),
  description: fc.subarray(skills).map((xs) => (xs.length ? `Built things with ${xs.join(', ')}.` : '')),
  location: fc.constant(''),
});

export const candidateArbitrary: fc.Arbitrary<Candidate> = fc
  .record({
    id: fc.integer({ min: 1, max: 1_000_000 }),
    headline: fc.constantFrom(...titles),
    summary: fc.constantFrom('', 'I like Go and Kubernetes.', 'Sales leader.'),
    positions: fc.array(positionArbitrary, { maxLength: 4 }),
    skills: fc.subarray(skills),
    place: fc.constantFrom(...cities),
    openProfile: fc.boolean(),
    openToWork: fc.boolean(),
    premium: fc.boolean(),
    degree: fc.constantFrom(1, 2, 3, null),
    mutualConnections: fc.integer({ min: 0, max: 500 }),
    lastActive: fc.option(fc.integer({ min: 0, max: 1500 }).map((d) => new Date(Date.UTC(2026, 5, 1) - d * 86_400_000).toISOString().slice(0, 10)), { nil: null }),
  })
  .map((r) => ({
    id: r.id,
    workspaceId: 'w',
    name: 'X',
    firstName: '',
    lastName: '',
    headline: r.headline,
    summary: r.summary,
    location: { city: r.place[0], region: '', country: r.place[1], timeZone: r.place[2] },
    positions: r.positions,
    education: [{ school: 'TU Berlin', degree: '', field: '', start: null, end: null }],
    skills: r.skills,
    profileUrl: null,
    emails: [],
    phones: [],
    linkedin: { openProfile: r.openProfile, openToWork: r.openToWork, premium: r.premium, degree: r.degree, mutualConnections: r.mutualConnections, lastActive: r.lastActive },
    tags: [],
    source: 'test',
    importedAt: '',
    updatedAt: '',
  }));

export const roleArbitrary: fc.Arbitrary<RoleProfile> = fc
  .record({
    titles: fc.subarray(['Backend Engineer', 'Data Scientist', 'Account Executive'], { maxLength: 2 }),
    must: fc.subarray(skills, { maxLength: 4 }),
    nice: fc.subarray(skills, { maxLength: 3 }),
    seniority: fc.option(fc.constantFrom({ min: 'senior' as const, max: 'staff' as const }, { min: 'junior' as const }, { max: 'mid' as const }), { nil: null }),
    years: fc.option(fc.constantFrom({ min: 5 }, { min: 2, max: 6 }), { nil: null }),
    locations: fc.subarray(['Berlin', 'London'], { maxLength: 1 }),
    timeZones: fc.subarray(['Europe/Berlin', 'America/New_York'], { maxLength: 1 }),
    remote: fc.boolean(),
  })
  .map((r) =>
    roleProfileSchema.parse({
      query: 'engineer',
      titles: r.titles,
      mustHaveSkills: r.must,
      niceToHaveSkills: r.nice,
      seniority: r.seniority,
      yearsOfExperience: r.years,
      locations: r.locations,
      timeZones: r.timeZones,
      remote: r.remote,
    }),
  );
