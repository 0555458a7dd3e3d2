/**
 * Seniority levels, an ordinal scale from intern to executive. Titles carry
 * them as words ("Senior", "Staff", "Head of"); when a title carries none,
 * years of experience give an estimate (see `seniorityFromYears`).
 */
export const seniorityLevels = ['intern', 'junior', 'mid', 'senior', 'staff', 'principal', 'director', 'executive'] as const;
export type Seniority = (typeof seniorityLevels)[number];

export function seniorityRank(s: Seniority): number {
  return seniorityLevels.indexOf(s);
}

/** Words (normalised, lower case) that set a level when they appear in a title. Multi-word entries first. */
export const seniorityWords: ReadonlyArray<[string, Seniority]> = [
  ['vice president', 'executive'],
  ['head of', 'director'],
  ['entry level', 'junior'],
  ['new grad', 'junior'],
  ['intern', 'intern'],
  ['internship', 'intern'],
  ['trainee', 'intern'],
  ['apprentice', 'intern'],
  ['working student', 'intern'],
  ['student', 'intern'],
  ['junior', 'junior'],
  ['jr', 'junior'],
  ['graduate', 'junior'],
  ['associate', 'junior'],
  ['entry', 'junior'],
  ['i', 'junior'],
  ['mid', 'mid'],
  ['mid-level', 'mid'],
  ['intermediate', 'mid'],
  ['ii', 'mid'],
  ['senior', 'senior'],
  ['sr', 'senior'],
  ['iii', 'senior'],
  ['experienced', 'senior'],
  ['staff', 'staff'],
  ['lead', 'staff'],
  ['iv', 'staff'],
  ['principal', 'principal'],
  ['distinguished', 'principal'],
  ['fellow', 'principal'],
  ['head', 'director'],
  ['director', 'director'],
  ['vp', 'executive'],
  ['svp', 'executive'],
  ['evp', 'executive'],
  ['chief', 'executive'],
  ['cto', 'executive'],
  ['ceo', 'executive'],
  ['cfo', 'executive'],
  ['coo', 'executive'],
  ['cmo', 'executive'],
  ['cpo', 'executive'],
  ['ciso', 'executive'],
  ['cro', 'executive'],
  ['founder', 'executive'],
  ['co-founder', 'executive'],
  ['cofounder', 'executive'],
];

const wordLevel = new Map(seniorityWords.filter(([w]) => !w.includes(' ')).map(([w, s]) => [w, s] as const));
const phraseLevel = seniorityWords.filter(([w]) => w.includes(' '));

/** The highest seniority named in a title, or null when it names none. */
export function seniorityFromTitle(normalisedTitle: string): Seniority | null {
  let best: Seniority | null = null;
  const consider = (s: Seniority) => {
    if (best === null || seniorityRank(s) > seniorityRank(best)) best = s;
  };
  for (const [phrase, s] of phraseLevel) if (` ${normalisedTitle} `.includes(` ${phrase} `)) consider(s);
  for (const w of normalisedTitle.split(/[\s,]+/)) {
    const s = wordLevel.get(w.replace(/\.$/, ''));
    if (s) consider(s);
  }
  return best;
}

/** An estimate from total years of professional experience, for titles without a seniority word. */
export function seniorityFromYears(years: number): Seniority {
  if (years < 1) return 'intern';
  if (years < 2.5) return 'junior';
  if (years < 5) return 'mid';
  if (years < 9) return 'senior';
  return 'staff';
}
