/**
 * One search result as the UI shows it, read from whatever the search and
 * ranking APIs return (they grew separately; this is the one place that
 * knows their shapes).
 */
export interface HitCandidate {
  id: number;
  name: string;
  headline: string;
  location: string;
  openProfile: boolean;
  openToWork: boolean;
  degree: number | null;
  profileUrl: string | null;
}

export interface Hit {
  candidate: HitCandidate;
  /** 0..100 */
  priority: number | null;
  /** 0..1 */
  fit: number | null;
  /** 0..1 */
  replyLikelihood: number | null;
  why: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function pick(o: Obj | undefined, ...keys: string[]): unknown {
  if (!o) return undefined;
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}

/** A share 0..1 from a percentage (the ranking API's scale) or, when `percent` is false, a share. */
function unit(v: unknown, percent: boolean): number | null {
  const n = num(isObj(v) ? pick(v, 'value', 'score', 'probability') : v);
  if (n === null) return null;
  return percent || n > 1 ? n / 100 : n;
}

function locText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isObj(v)) return [str(v.city), str(v.region), str(v.country)].filter(Boolean).join(', ');
  return '';
}

function reasons(v: unknown): string[] {
  // the ranking API: { summary, items: [{ kind, signal, contribution, text }], weights }
  if (isObj(v) && (Array.isArray(v.items) || typeof v.summary === 'string')) {
    const items = Array.isArray(v.items) ? [...v.items].filter(isObj) : [];
    items.sort((a, b) => Math.abs(num(b.contribution) ?? 0) - Math.abs(num(a.contribution) ?? 0));
    const texts = items.map((i) => str(i.text)).filter(Boolean);
    return [str(v.summary), ...texts].filter(Boolean);
  }
  if (!Array.isArray(v)) return typeof v === 'string' && v ? [v] : [];
  return v
    .map((r) => (typeof r === 'string' ? r : isObj(r) ? str(pick(r, 'text', 'message', 'reason', 'label', 'summary')) : ''))
    .filter(Boolean);
}

export function toHit(raw: unknown): Hit | null {
  if (!isObj(raw)) return null;
  const c = isObj(raw.candidate) ? raw.candidate : raw;
  const id = num(pick(c, 'id', 'candidateId')) ?? num(raw.candidateId);
  if (id === null) return null;
  const li = isObj(c.linkedin) ? c.linkedin : {};
  const rank = isObj(raw.ranking) ? raw.ranking : isObj(raw.rank) ? raw.rank : isObj(raw.scores) ? raw.scores : raw;
  const priority = num(pick(rank, 'priority', 'priorityScore'));
  // the ranking API gives fit and reply likelihood in percent
  const percent = 'candidateId' in raw || 'candidateId' in rank || priority !== null;
  const why = reasons(pick(rank, 'why', 'reasons', 'explanation', 'explanations'));
  return {
    candidate: {
      id,
      name: str(c.name) || `Candidate ${id}`,
      headline: str(c.headline),
      location: locText(c.location),
      openProfile: Boolean(pick(li, 'openProfile') ?? c.openProfile),
      openToWork: Boolean(pick(li, 'openToWork') ?? c.openToWork),
      degree: num(pick(li, 'degree') ?? c.degree),
      profileUrl: typeof c.profileUrl === 'string' ? c.profileUrl : null,
    },
    priority: priority === null ? null : Math.round(priority),
    fit: unit(pick(rank, 'fit', 'fitScore'), percent),
    replyLikelihood: unit(pick(rank, 'replyLikelihood', 'reply', 'replyProbability'), percent),
    why,
  };
}
