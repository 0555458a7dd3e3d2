import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SearchableCandidate } from './candidate-search-document.ts';

/** What a search result shows and highlights, for one candidate. */
export interface SearchCandidate extends SearchableCandidate {
  id: number;
  profileUrl: string | null;
  openProfile: boolean;
  openToWork: boolean;
  /** the connection degree to the workspace's recruiters, null when unknown */
  degree: number | null;
}

/**
 * Loads the candidates of one result page: only the columns search shows or
 * highlights, looked up by primary key. (The workspace is checked on the
 * rows rather than in SQL: with `workspace_id = ?` next to a long `id IN`
 * list, SQLite without statistics walks the whole workspace index instead.)
 */
export async function loadSearchCandidates(db: Kysely<Database>, workspaceId: string, ids: number[]): Promise<Map<number, SearchCandidate>> {
  const out = new Map<number, SearchCandidate>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('candidates')
    .select(['id', 'workspace_id', 'name', 'first_name', 'last_name', 'headline', 'summary', 'city', 'region', 'country', 'time_zone', 'profile_url', 'open_profile', 'open_to_work', 'degree', 'positions', 'education', 'skills'])
    .where('id', 'in', ids)
    .execute();
  for (const r of rows) {
    if (r.workspace_id !== workspaceId) continue;
    out.set(Number(r.id), {
      id: Number(r.id),
      name: r.name,
      firstName: r.first_name,
      lastName: r.last_name,
      headline: r.headline,
      summary: r.summary,
      location: { city: r.city, region: r.region, country: r.country, timeZone: r.time_zone },
      profileUrl: r.profile_url,
      openProfile: r.open_profile === 1,
      openToWork: r.open_to_work === 1,
      degree: r.degree === null ? null : Number(r.degree),
      positions: JSON.parse(r.positions),
      education: JSON.parse(r.education),
      skills: JSON.parse(r.skills),
    });
  }
  return out;
}

/** The profile text of a candidate beyond what ranking loads (name, headline and location it has): what highlighting and embeddings read. */
export type SearchText = Pick<SearchableCandidate, 'firstName' | 'lastName' | 'summary' | 'positions' | 'education' | 'skills'>;

/**
 * Loads only the text columns of some candidates, by primary key (the
 * workspace checked on the rows, as above): for a ranked page, whose other
 * columns the ranking has read already, and for embeddings.
 */
export async function loadSearchTexts(db: Kysely<Database>, workspaceId: string, ids: number[]): Promise<Map<number, SearchText>> {
  const out = new Map<number, SearchText>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('candidates')
      .select(['id', 'workspace_id', 'first_name', 'last_name', 'summary', 'positions', 'education', 'skills'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      if (r.workspace_id !== workspaceId) continue;
      out.set(Number(r.id), { firstName: r.first_name, lastName: r.last_name, summary: r.summary, positions: JSON.parse(r.positions), education: JSON.parse(r.education), skills: JSON.parse(r.skills) });
    }
  }
  return out;
}
