import type { CandidateInput, Position } from '../candidates/candidate.ts';
import { careerMonth } from './career-month.ts';
import type { MessageRole } from './message-role.ts';
import { organisationKey, sameOrganisation } from './organisation-name.ts';
import { hookKinds, type PersonalHook } from './personal-hook.ts';

/** What of a candidate the hooks are read from. */
export type HookCandidate = Pick<CandidateInput, 'positions' | 'education' | 'skills' | 'location' | 'linkedin'>;

/** What of a seat the hooks are read from: the recruiter's own background. */
export interface HookSeat {
  employers: string[];
  schools: string[];
}

export interface HookContext {
  candidate: HookCandidate;
  seat: HookSeat;
  role?: Pick<MessageRole, 'skills' | 'location'> | null;
  /** today, YYYY-MM-DD: tenure and recent moves are measured to it */
  asOf: string;
}

/** Whole years worth congratulating someone on. */
export const tenureMilestoneYears = [1, 2, 3, 5, 10, 15, 20, 25, 30] as const;
/** A milestone counts for this many months after the anniversary. */
export const milestoneWindowMonths = 3;
/** A position started at most this many months ago is a recent move. */
export const recentMoveMonths = 12;

/**
 * The personalisation hooks of a profile, strongest first, at most one per
 * kind. Pure: everything it needs is in the context, `asOf` included.
 * Strengths (docs/messages.md): shared employer .9, shared school .85,
 * promotion .85, new role .8, tenure milestone .75, skill match .6-.65,
 * current role .5, mutual connections .3-.5 by count, location .2-.35.
 * Hooks about the person (their moves, their background shared with the
 * recruiter, their skills) rank above network and place facts.
 */
export function extractHooks(ctx: HookContext): PersonalHook[] {
  const hooks: PersonalHook[] = [];
  const today = careerMonth(ctx.asOf);
  const current = currentPosition(ctx.candidate.positions);

  if (current && current.company.trim()) {
    const title = current.title.trim();
    const company = current.company.trim();
    hooks.push({
      kind: 'current_role',
      strength: 0.5,
      title,
      company,
      text: title ? `your role as ${title} at ${company}` : `your work at ${company}`,
      evidence: [company, title].filter(Boolean),
    });

    const started = careerMonth(current.start);
    if (today !== null && started !== null && today >= started) {
      const months = today - started;
      if (months <= recentMoveMonths) {
        const previous = previousPosition(ctx.candidate.positions, current);
        const promotion = previous !== null && sameOrganisation(previous.company, company) && previous.title.trim().toLowerCase() !== title.toLowerCase() && title !== '';
        hooks.push({
          kind: 'recent_move',
          strength: promotion ? 0.85 : 0.8,
          title,
          company,
          previousCompany: previous?.company.trim() ?? '',
          promotion,
          months,
          text: promotion ? `your promotion to ${title}` : `your move to ${company}`,
          evidence: [company, title, promotion ? 'promotion' : 'new role', 'congrat'].filter(Boolean),
        });
      }
      const companyStart = companyTenureStart(ctx.candidate.positions, current) ?? started;
      const companyMonths = today - companyStart;
      const years = Math.floor(companyMonths / 12);
      if ((tenureMilestoneYears as readonly number[]).includes(years) && companyMonths % 12 < milestoneWindowMonths) {
        hooks.push({
          kind: 'tenure_milestone',
          strength: 0.75,
          company,
          title,
          years,
          text: `${years} ${years === 1 ? 'year' : 'years'} at ${company}`,
          evidence: [`${years} year`, `${years} years`, `${years}-year`, 'anniversary'],
        });
      }
    }
  }

  const sharedEmployer = findSharedEmployer(ctx.candidate.positions, ctx.seat.employers);
  if (sharedEmployer) {
    hooks.push({ kind: 'shared_employer', strength: 0.9, company: sharedEmployer, text: `we both worked at ${sharedEmployer}`, evidence: [sharedEmployer] });
  }

  const school = ctx.candidate.education.map((e) => e.school.trim()).find((s) => s && ctx.seat.schools.some((t) => sameOrganisation(s, t)));
  if (school) hooks.push({ kind: 'shared_school', strength: 0.85, school, text: `we both studied at ${school}`, evidence: [school] });

  const count = ctx.candidate.linkedin.mutualConnections;
  if (count > 0) {
    hooks.push({
      kind: 'mutual_connections',
      strength: round2(0.3 + 0.2 * Math.min(1, count / 50)),
      count,
      text: `${count} mutual ${count === 1 ? 'connection' : 'connections'}`,
      evidence: ['mutual'],
    });
  }

  const roleSkills = ctx.role?.skills ?? [];
  for (let i = 0; i < roleSkills.length; i++) {
    const wanted = skillKey(roleSkills[i]!);
    const skill = ctx.candidate.skills.find((s) => wanted !== '' && skillKey(s) === wanted);
    if (skill) {
      hooks.push({ kind: 'skill_match', strength: i === 0 ? 0.65 : 0.6, skill: skill.trim(), text: `your ${skill.trim()} experience`, evidence: [skill.trim()] });
      break;
    }
  }

  const { city, region, country } = ctx.candidate.location;
  const place = city.trim() || region.trim() || country.trim();
  if (place) {
    const roleLocation = ctx.role?.location?.trim() ?? '';
    const matchesRole = roleLocation !== '' && [city, region].some((p) => p.trim() !== '' && organisationKey(roleLocation).includes(organisationKey(p)));
    hooks.push({
      kind: 'location',
      strength: matchesRole ? 0.35 : 0.2,
      city: city.trim(),
      region: region.trim(),
      country: country.trim(),
      place,
      matchesRole,
      text: `being based in ${place}`,
      evidence: [place],
    });
  }

  return hooks.sort((a, b) => b.strength - a.strength || hookKinds.indexOf(a.kind) - hookKinds.indexOf(b.kind));
}

/** The current position: open-ended, the most recently started first. */
export function currentPosition(positions: Position[]): Position | null {
  let best: Position | null = null;
  for (const p of positions) {
    if (p.end !== null) continue;
    if (best === null || (p.start ?? '') > (best.start ?? '')) best = p;
  }
  return best;
}

/** The position held just before `current`: the one that ended (or started) last. */
function previousPosition(positions: Position[], current: Position): Position | null {
  let best: Position | null = null;
  for (const p of positions) {
    if (p === current || p.end === null) continue;
    if (best === null || (p.end ?? p.start ?? '') > (best.end ?? best.start ?? '')) best = p;
  }
  return best;
}

/** Start of the unbroken run of positions at the current company (promotions keep tenure). */
function companyTenureStart(positions: Position[], current: Position): number | null {
  let start = careerMonth(current.start);
  if (start === null) return null;
  const same = positions.filter((p) => p !== current && sameOrganisation(p.company, current.company));
  let extended = true;
  while (extended) {
    extended = false;
    for (const p of same) {
      const s = careerMonth(p.start);
      const e = careerMonth(p.end);
      // joins the run when it ends at most one month before the run starts
      if (s !== null && e !== null && s < start && e >= start - 1) {
        start = s;
        extended = true;
      }
    }
  }
  return start;
}

function findSharedEmployer(positions: Position[], employers: string[]): string | null {
  if (employers.length === 0) return null;
  const ordered = [...positions].sort((a, b) => (b.end ?? '9999').localeCompare(a.end ?? '9999'));
  for (const p of ordered) {
    if (p.company.trim() && employers.some((e) => sameOrganisation(p.company, e))) return p.company.trim();
  }
  return null;
}

function skillKey(skill: string): string {
  return skill.trim().toLowerCase().replace(/\s+/g, ' ');
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
