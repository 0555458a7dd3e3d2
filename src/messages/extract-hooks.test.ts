import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { candidateInputSchema, type CandidateInputLoose } from '../candidates/candidate.ts';
import { extractHooks, type HookSeat } from './extract-hooks.ts';
import { candidateArb, seatArb, roleArb } from './candidate-arbitrary.ts';
import { hookKinds, type PersonalHook } from './personal-hook.ts';

const noSeat: HookSeat = { employers: [], schools: [] };
const asOf = '2025-06-15';

function hooksOf(input: CandidateInputLoose, seat = noSeat, role: { skills: string[]; location: string } | null = null): PersonalHook[] {
  return extractHooks({ candidate: candidateInputSchema.parse(input), seat, role, asOf });
}
function kinds(hooks: PersonalHook[]): string[] {
  return hooks.map((h) => h.kind);
}

describe('extractHooks', () => {
  it('current role and company from the open-ended position', () => {
    const [hook] = hooksOf({ positions: [{ title: 'Engineer', company: 'Old Co', start: '2010-01', end: '2014-01' }, { title: 'Staff Engineer', company: 'Acme', start: '2014', end: null }] });
    expect(hook).toMatchObject({ kind: 'current_role', title: 'Staff Engineer', company: 'Acme' });
  });

  it('a tenure milestone within three months after a round anniversary, counting promotions at the same company', () => {
    const positions = [
      { title: 'Senior Engineer', company: 'Acme Inc.', start: '2022-01', end: null },
      { title: 'Engineer', company: 'ACME', start: '2020-04', end: '2021-12' },
    ];
    const tenure = hooksOf({ positions }).find((h) => h.kind === 'tenure_milestone');
    expect(tenure).toMatchObject({ years: 5, company: 'Acme Inc.' });
    // four months after the anniversary: no longer a milestone
    expect(extractHooks({ candidate: candidateInputSchema.parse({ positions }), seat: noSeat, asOf: '2025-08-15' }).some((h) => h.kind === 'tenure_milestone')).toBe(false);
    // four years is not a milestone
    expect(extractHooks({ candidate: candidateInputSchema.parse({ positions }), seat: noSeat, asOf: '2024-05-01' }).some((h) => h.kind === 'tenure_milestone')).toBe(false);
  });

  it('never claims a milestone or a move from a year-only start date', () => {
    expect(kinds(hooksOf({ positions: [{ title: 'CTO', company: 'Acme', start: '2020', end: null }] }))).toEqual(['current_role']);
  });

  it('a recent move within 12 months, a promotion when the previous position is at the same company', () => {
    const move = hooksOf({ positions: [{ title: 'Lead', company: 'Beta', start: '2025-01', end: null }, { title: 'Dev', company: 'Alpha', start: '2019-01', end: '2024-12' }] }).find((h) => h.kind === 'recent_move');
    expect(move).toMatchObject({ promotion: false, company: 'Beta', previousCompany: 'Alpha', months: 5 });
    const promo = hooksOf({ positions: [{ title: 'Lead', company: 'Alpha', start: '2025-01', end: null }, { title: 'Dev', company: 'Alpha GmbH', start: '2019-01', end: '2024-12' }] }).find((h) => h.kind === 'recent_move');
    expect(promo).toMatchObject({ promotion: true, title: 'Lead' });
    expect(hooksOf({ positions: [{ title: 'Lead', company: 'Beta', start: '2024-05', end: null }] }).some((h) => h.kind === 'recent_move')).toBe(false);
  });

  it('shared employer and school with the seat, matched across spelling and legal suffixes', () => {
    const hooks = hooksOf(
      { positions: [{ title: 'Dev', company: 'The Globex Corporation', start: '2015-01', end: '2018-01' }], education: [{ school: 'Universität Wien' }] },
      { employers: ['globex'], schools: ['Universitat Wien'] },
    );
    expect(hooks.find((h) => h.kind === 'shared_employer')).toMatchObject({ company: 'The Globex Corporation' });
    expect(hooks.find((h) => h.kind === 'shared_school')).toMatchObject({ school: 'Universität Wien' });
    expect(kinds(hooks).slice(0, 2)).toEqual(['shared_employer', 'shared_school']);
  });

  it('mutual connections, stronger with more of them', () => {
    const few = hooksOf({ linkedin: { mutualConnections: 2 } })[0]!;
    const many = hooksOf({ linkedin: { mutualConnections: 80 } })[0]!;
    expect(few).toMatchObject({ kind: 'mutual_connections', count: 2 });
    expect(many.strength).toBeGreaterThan(few.strength);
    expect(hooksOf({ linkedin: { mutualConnections: 0 } })).toEqual([]);
  });

  it('the first role skill the candidate has, spelled as on the profile', () => {
    const hooks = hooksOf({ skills: ['kubernetes', 'GO'] }, noSeat, { skills: ['Rust', 'Go', 'Kubernetes'], location: '' });
    expect(hooks.find((h) => h.kind === 'skill_match')).toMatchObject({ skill: 'GO' });
    expect(hooksOf({ skills: ['Go'] }).some((h) => h.kind === 'skill_match')).toBe(false);
  });

  it('location, stronger when it is where the role is', () => {
    const there = hooksOf({ location: { city: 'Berlin', country: 'Germany' } }, noSeat, { skills: [], location: 'Berlin, Germany' })[0]!;
    const elsewhere = hooksOf({ location: { city: 'Lyon', country: 'France' } }, noSeat, { skills: [], location: 'Berlin' })[0]!;
    expect(there).toMatchObject({ kind: 'location', place: 'Berlin', matchesRole: true });
    expect(elsewhere).toMatchObject({ place: 'Lyon', matchesRole: false });
    expect(there.strength).toBeGreaterThan(elsewhere.strength);
  });

  it('an empty profile has no hooks', () => {
    expect(hooksOf({})).toEqual([]);
  });

  it('for any profile: at most one hook per kind, strongest first, strengths in 0..1, non-empty evidence', () => {
    fc.assert(
      fc.property(candidateArb, seatArb, roleArb, (candidate, seat, role) => {
        const hooks = extractHooks({ candidate, seat, role, asOf });
        const ks = kinds(hooks);
        expect(new Set(ks).size).toBe(ks.length);
        for (let i = 1; i < hooks.length; i++) expect(hooks[i - 1]!.strength).toBeGreaterThanOrEqual(hooks[i]!.strength);
        for (const h of hooks) {
          expect(hookKinds).toContain(h.kind);
          expect(h.strength).toBeGreaterThan(0);
          expect(h.strength).toBeLessThanOrEqual(1);
          expect(h.evidence.length).toBeGreaterThan(0);
          expect(h.evidence.every((e) => e.trim() !== '')).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
