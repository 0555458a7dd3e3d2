import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractCriteria, extractYears } from './extract-criteria.ts';
import { criteriaFromQuery, resolveRole } from './resolved-role.ts';
import { roleProfileSchema } from './role-profile.ts';

const jd = `Senior Backend Engineer (Go) - Payments
We are looking for a Senior Backend Engineer to build our payment APIs.

Requirements:
- 5+ years building backend services
- Strong Golang and k8s experience
- Postgres in production

Nice to have:
- Kafka
- gRPC

Location: Berlin or remote within CET.`;

describe('extractCriteria', () => {
  it('reads title, seniority, must-have and nice-to-have skills, years, location and remote from a job description', () => {
    const c = extractCriteria(jd);
    expect(c.titles).toEqual(['Backend Engineer']);
    expect(c.seniority?.min).toBe('senior');
    expect(c.mustHaveSkills).toEqual(['Go', 'Kubernetes', 'PostgreSQL']);
    expect(c.niceToHaveSkills).toEqual(['Apache Kafka', 'gRPC']);
    expect(c.yearsOfExperience).toEqual({ min: 5 });
    expect(c.locations).toEqual(['Berlin']);
    expect(c.timeZones).toContain('Europe/Berlin');
    expect(c.remote).toBe(true);
  });

  it('marks a line with "a plus" or "preferred" as nice to have', () => {
    const c = extractCriteria('You know Python. Experience with Airflow is a plus. Terraform preferred.');
    expect(c.mustHaveSkills).toEqual(['Python']);
    expect(c.niceToHaveSkills).toEqual(['Apache Airflow', 'Terraform']);
  });

  it('reads year ranges and UTC offsets', () => {
    expect(extractYears('3-5 years of experience')).toEqual({ min: 3, max: 5 });
    expect(extractYears('at least 4 years')).toEqual({ min: 4 });
    expect(extractYears('no numbers')).toBeNull();
    expect(extractCriteria('Team works in UTC+2').timeZones).toEqual(['Etc/GMT-2']);
  });

  it('never throws and returns only known taxonomy skills, disjoint must/nice lists', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const c = extractCriteria(text);
        for (const s of c.niceToHaveSkills) expect(c.mustHaveSkills).not.toContain(s);
        expect(new Set(c.mustHaveSkills).size).toBe(c.mustHaveSkills.length);
      }),
    );
  });
});

describe('resolveRole', () => {
  it('fills empty criteria from the job description and says so; explicit criteria win', () => {
    const role = roleProfileSchema.parse({ query: 'golang', jobDescription: jd, mustHaveSkills: ['Rust'] });
    const r = resolveRole(role);
    expect(r.mustHave.map((s) => s.canonical)).toEqual(['Rust']);
    expect(r.titles.map((t) => t.canonical)).toEqual(['Backend Engineer']);
    expect(r.inferred).toContain('titles from the job description');
    expect(r.inferred).not.toContain('skills from the job description');
  });

  it('takes titles and skills from field terms of the query', () => {
    expect(criteriaFromQuery('title:"backend engineer" AND skill:(go OR k8s) NOT title:manager')).toEqual({ titles: ['backend engineer', 'manager'], skills: ['go', 'k8s'] });
    expect(criteriaFromQuery('golang AND (kubernetes OR postgres) NOT java -php').skills).toEqual(['Go', 'Kubernetes', 'PostgreSQL']);
    const r = resolveRole(roleProfileSchema.parse({ query: 'currenttitle:SRE skill:terraform' }));
    expect(r.titles[0].canonical).toBe('Site Reliability Engineer');
    expect(r.niceToHave[0].canonical).toBe('Terraform');
  });

  it('drops a must-have repeated as nice-to-have and deduplicates synonyms', () => {
    const r = resolveRole(roleProfileSchema.parse({ query: 'x', mustHaveSkills: ['Golang', 'Go'], niceToHaveSkills: ['go', 'Kafka'] }));
    expect(r.mustHave.map((s) => s.canonical)).toEqual(['Go']);
    expect(r.niceToHave.map((s) => s.canonical)).toEqual(['Apache Kafka']);
  });

  it('the role schema refuses inverted ranges', () => {
    expect(roleProfileSchema.safeParse({ query: 'x', seniority: { min: 'staff', max: 'junior' } }).success).toBe(false);
    expect(roleProfileSchema.safeParse({ query: 'x', yearsOfExperience: { min: 8, max: 2 } }).success).toBe(false);
    expect(roleProfileSchema.safeParse({ query: '' }).success).toBe(false);
  });
});
