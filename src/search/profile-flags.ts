/**
 * LinkedIn flags as search filters (a Scoutline extension of the spec's field
 * table): `openProfile:true`, `openToWork:false`, `degree:2`. They filter on
 * the candidate's stored flags, not on profile text, so they never score.
 */
export const profileFlagNames = ['openProfile', 'openToWork', 'degree'] as const;
export type ProfileFlag = (typeof profileFlagNames)[number];

/** What a flag filter reads of a profile. `degree` null: unknown or out of network. */
export interface ProfileFlags {
  openProfile: boolean;
  openToWork: boolean;
  degree: number | null;
}

/** A profile without any flag set (what the in-memory evaluator assumes when none are given). */
export const noProfileFlags: ProfileFlags = { openProfile: false, openToWork: false, degree: null };

export const connectionDegrees = [1, 2, 3] as const;

export type FlagValue = { flag: 'openProfile' | 'openToWork'; value: boolean } | { flag: 'degree'; value: (typeof connectionDegrees)[number] };

const byLowerName = new Map<string, ProfileFlag>(profileFlagNames.map((f) => [f.toLowerCase(), f]));

/** The flag for a name as typed (`openprofile`, `OpenProfile`), or undefined. */
export function findProfileFlag(typed: string): ProfileFlag | undefined {
  return byLowerName.get(typed.toLowerCase());
}

/** The values a flag takes, for messages and help: `true or false`, `1, 2 or 3`. */
export function flagValuesText(flag: ProfileFlag): string {
  return flag === 'degree' ? '1, 2 or 3' : 'true or false';
}

/** `openProfile:true|false, openToWork:true|false, degree:1|2|3`, for messages. */
export const flagSyntaxList = profileFlagNames.map((f) => `${f}:${f === 'degree' ? '1|2|3' : 'true|false'}`).join(', ');

/** A flag's value as typed (`true`, `FALSE`, `2`), or undefined when it is not one of its values. */
export function parseFlagValue(flag: ProfileFlag, text: string): FlagValue | undefined {
  if (flag === 'degree') {
    const n = connectionDegrees.find((d) => String(d) === text);
    return n === undefined ? undefined : { flag, value: n };
  }
  const lower = text.toLowerCase();
  return lower === 'true' ? { flag, value: true } : lower === 'false' ? { flag, value: false } : undefined;
}

export function flagMatches(filter: FlagValue, flags: ProfileFlags): boolean {
  return flags[filter.flag] === filter.value;
}
