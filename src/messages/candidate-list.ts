import { zodIssuesToAppError } from '../core/zod-issues.ts';
import { AppError } from '../core/app-error.ts';
import { candidateInputSchema, type CandidateInput } from '../candidates/candidate.ts';

/**
 * What `compose --candidates FILE` accepts: a JSON array or NDJSON whose
 * items are candidate ids (numbers or numeric strings), `{ "id": n }`, or
 * candidate objects (the candidate model; an `id` is kept for variants and
 * messages). The JSON of `candidates list --json` ({ candidates: [...] })
 * and `search --json` ({ results: [...] }) is accepted as it is.
 */
export type CandidateListEntry = { kind: 'id'; id: number } | { kind: 'profile'; candidate: CandidateInput & { id?: number } };

export function parseCandidateList(text: string, source = 'input'): CandidateListEntry[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  let items: unknown[];
  try {
    const whole = JSON.parse(trimmed) as unknown;
    if (Array.isArray(whole)) items = whole;
    else if (isObject(whole) && Array.isArray(whole.candidates)) items = whole.candidates;
    else if (isObject(whole) && Array.isArray(whole.results)) items = whole.results;
    else items = [whole];
  } catch {
    items = trimmed.split('\n').filter((l) => l.trim()).map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new AppError('invalid_input', `${source}: line ${i + 1} is not JSON (expected a JSON array or one JSON value per line)`);
      }
    });
  }
  return items.map((item, i) => entry(item, `${source}: item ${i + 1}`));
}

function entry(item: unknown, where: string): CandidateListEntry {
  if (typeof item === 'number' || (typeof item === 'string' && /^\d+$/.test(item.trim()))) {
    const id = Number(item);
    if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('invalid_input', `${where}: '${String(item)}' is not a candidate id`);
    return { kind: 'id', id };
  }
  if (!isObject(item)) throw new AppError('invalid_input', `${where}: expected a candidate id or a candidate object`);
  // a search result or {"id": n}: a reference to a stored candidate, not a profile
  const profileFields = ['firstName', 'lastName', 'positions', 'education', 'skills', 'summary', 'linkedin'];
  if (typeof item.id === 'number' && !profileFields.some((k) => k in item)) {
    if (!Number.isSafeInteger(item.id) || item.id <= 0) throw new AppError('invalid_input', `${where}: '${item.id}' is not a candidate id`);
    return { kind: 'id', id: item.id };
  }
  const parsed = candidateInputSchema.safeParse(item);
  if (!parsed.success) throw zodIssuesToAppError(parsed.error.issues, 'candidate', { prefix: `${where}: not a candidate`, root: 'value' });
  return { kind: 'profile', candidate: { ...parsed.data, ...(typeof item.id === 'number' ? { id: item.id } : {}) } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
