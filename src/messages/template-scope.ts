import { fullName, locationText, type CandidateInput } from '../candidates/candidate.ts';
import { currentPosition } from './extract-hooks.ts';
import type { MessageRole } from './message-role.ts';
import type { HookKind, PersonalHook } from './personal-hook.ts';

/**
 * The variables a template sees (documented in docs/messages.md). Names are
 * snake_case as is usual in Liquid. Hook fields are read through getters so
 * the renderer learns which hooks a message really used.
 */
export type ScopeCandidate = Pick<CandidateInput, 'firstName' | 'lastName' | 'name' | 'headline' | 'location' | 'positions' | 'education' | 'skills' | 'linkedin'>;

export interface ScopeInput {
  candidate: ScopeCandidate;
  seat: { name: string };
  role?: MessageRole | null;
  hooks: PersonalHook[];
  /** the hook `hook` points at (the strongest one unless auto-fit moved on) */
  primaryHook: PersonalHook | null;
  /** the workspace's privacy notice address (src/privacy), '' when it has none */
  privacyNoticeUrl?: string | null;
}

/** Known variable fields per root; hooks.<kind>.<field> and hook.<field> use hookFields. */
export const scopeFields = {
  candidate: ['first_name', 'last_name', 'name', 'headline', 'title', 'company', 'city', 'region', 'country', 'location', 'skills', 'school', 'open_to_work', 'open_profile'],
  role: ['title', 'company', 'location', 'skills', 'pitch'],
  sender: ['name', 'first_name'],
} as const;

export const hookFields: Record<HookKind, readonly string[]> = {
  current_role: ['title', 'company'],
  tenure_milestone: ['company', 'title', 'years'],
  recent_move: ['title', 'company', 'previous_company', 'promotion', 'months'],
  shared_employer: ['company'],
  shared_school: ['school'],
  mutual_connections: ['count'],
  skill_match: ['skill'],
  location: ['city', 'region', 'country', 'place', 'matches_role'],
};
/** Fields every hook has. Reading `kind` or `strength` does not count as using the hook. */
export const commonHookFields = ['kind', 'strength', 'text'] as const;
const notUsage = new Set(['kind', 'strength']);

export function buildTemplateScope(input: ScopeInput, onHookRead: (kind: HookKind) => void): Record<string, unknown> {
  const c = input.candidate;
  const current = currentPosition(c.positions);
  const first = c.firstName.trim() || fullName(c).split(/\s+/)[0] || '';
  const hooks: Record<string, unknown> = {};
  for (const h of input.hooks) hooks[h.kind] = hookView(h, onHookRead);
  const role = input.role;
  return {
    candidate: {
      first_name: first,
      last_name: c.lastName.trim(),
      name: fullName(c),
      headline: c.headline.trim(),
      title: current?.title.trim() ?? '',
      company: current?.company.trim() ?? '',
      city: c.location.city.trim(),
      region: c.location.region.trim(),
      country: c.location.country.trim(),
      location: locationText(c.location),
      skills: c.skills,
      school: c.education.find((e) => e.school.trim())?.school.trim() ?? '',
      open_to_work: c.linkedin.openToWork,
      open_profile: c.linkedin.openProfile,
    },
    role: role
      ? { title: role.title.trim(), company: role.company.trim(), location: role.location.trim(), skills: role.skills, pitch: role.pitch.trim() }
      : undefined,
    sender: { name: input.seat.name.trim(), first_name: input.seat.name.trim().split(/\s+/)[0] ?? '' },
    hooks,
    hook: input.primaryHook ? hookView(input.primaryHook, onHookRead) : undefined,
    privacy_notice_url: input.privacyNoticeUrl ?? '',
  };
}

function hookView(hook: PersonalHook, onHookRead: (kind: HookKind) => void): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(hook)) {
    if (key === 'evidence') continue;
    const name = key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
    Object.defineProperty(view, name, {
      enumerable: true,
      get() {
        if (!notUsage.has(name)) onHookRead(hook.kind);
        return value;
      },
    });
  }
  return view;
}

/**
 * Variable paths a template reads that no scope has: typos such as
 * `candidate.frist_name`, or a field of the wrong hook kind. Array fields
 * may be followed by an index, `first`, `last` or `size`.
 */
export function findUnknownVariables(variables: ReadonlyArray<ReadonlyArray<string | number>>): string[] {
  const unknown = new Set<string>();
  const arrayFields = new Set(['skills']);
  for (const path of variables) {
    const [root, field, sub, ...rest] = path;
    const shown = path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
    const tail = (name: unknown, after: unknown[]): boolean =>
      after.length === 0 || (arrayFields.has(String(name)) && after.length === 1 && (typeof after[0] === 'number' || ['first', 'last', 'size'].includes(String(after[0]))));
    if (root === 'candidate' || root === 'role' || root === 'sender') {
      const fields = scopeFields[root] as readonly string[];
      if (field === undefined) continue;
      if (!fields.includes(String(field)) || !tail(field, [sub, ...rest].filter((x) => x !== undefined))) unknown.add(shown);
    } else if (root === 'hooks') {
      if (field === undefined) continue;
      const kind = String(field) as HookKind;
      if (!(kind in hookFields)) unknown.add(shown);
      else if (sub !== undefined && (![...hookFields[kind], ...commonHookFields].includes(String(sub)) || rest.length > 0)) unknown.add(shown);
    } else if (root === 'privacy_notice_url') {
      if (field !== undefined) unknown.add(shown);
    } else if (root === 'hook') {
      if (field === undefined) continue;
      const all = new Set<string>([...commonHookFields, ...Object.values(hookFields).flat()]);
      if (!all.has(String(field)) || sub !== undefined) unknown.add(shown);
    } else {
      unknown.add(shown);
    }
  }
  return [...unknown];
}
