import { AppError } from '../core/app-error.ts';
import type { Store } from '../db/open-database.ts';
import { getCandidatesByIds } from '../candidates/candidate-store.ts';
import { getSeat, listSeats } from '../seats/seat-store.ts';
import { searchCandidates } from '../search-request/search-candidates.ts';
import type { CandidateListEntry } from './candidate-list.ts';
import type { ComposeCandidate, ComposeSeat } from './compose-message.ts';

/**
 * Where previews get their inputs from storage (the thin I/O layer shared
 * by the CLI and the API): seats, candidates by id, and candidates from a
 * Boolean search query.
 */

/** Used when the workspace has no seat yet: a paid seat (300-character notes). */
export const defaultComposeSeat: ComposeSeat = { name: 'Recruiter', paid: true, employers: [], schools: [] };

/** The named seat, else the workspace's first seat, else the default seat. */
export async function loadComposeSeat(store: Store, workspaceId: string, seatId?: string | null): Promise<ComposeSeat> {
  if (seatId) return getSeat(store, workspaceId, seatId);
  const [first] = await listSeats(store, workspaceId);
  return first ?? defaultComposeSeat;
}

/** Candidates of a list in its order: ids are read from the store (all must exist), profiles are used as they are. */
export async function loadComposeCandidates(store: Store, workspaceId: string, entries: readonly CandidateListEntry[]): Promise<ComposeCandidate[]> {
  const ids = entries.flatMap((e) => (e.kind === 'id' ? [e.id] : []));
  const found = ids.length ? await getCandidatesByIds(store, workspaceId, ids) : new Map();
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new AppError('not_found', `no candidate with id ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''}`, { ids: missing });
  return entries.map((e) => (e.kind === 'id' ? found.get(e.id)! : e.candidate));
}

/** The best `limit` matches of a Boolean search query (a syntax error throws query_syntax). */
export async function searchComposeCandidates(store: Store, workspaceId: string, query: string, limit: number): Promise<ComposeCandidate[]> {
  const page = await searchCandidates(store, { query, workspaceId, limit });
  const ids = page.results.map((r) => r.id);
  const found = await getCandidatesByIds(store, workspaceId, ids);
  return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
}
