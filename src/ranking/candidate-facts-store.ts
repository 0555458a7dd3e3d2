import type { Store } from '../db/open-database.ts';
import { getCandidatesByIds } from '../candidates/candidate-store.ts';
import { profileFacts, profileFactsVersion, type ProfileFacts } from './profile-facts.ts';
import type { RankableCandidate } from './rankable-candidate.ts';
import { withWriteTransaction } from '../db/write-transaction.ts';

export interface LoadedRankables {
  candidates: Map<number, RankableCandidate>;
  /** how many had no valid stored facts and were read from their profile text (and stored) */
  computed: number;
}

/**
 * Loads candidates for ranking: the few columns scoring and the result list
 * need, plus their stored profile facts. Candidates without facts, or whose
 * facts are older than the candidate (its updated_at moved) or than the
 * taxonomy (another `profileFactsVersion`), are loaded in full, read, and
 * their facts stored for the next ranking. Ids of other workspaces are
 * left out.
 */
export async function loadRankableCandidates(store: Store, workspaceId: string, ids: number[]): Promise<LoadedRankables> {
  const candidates = new Map<number, RankableCandidate>();
  const missing: number[] = [];
  for (let i = 0; i < ids.length; i += chunkSize) {
    const part = ids.slice(i, i + chunkSize);
    // by primary key, the workspace checked here: see getCandidatesByIds for why not in SQL
    const rows = await store.db
      .selectFrom('candidates as c')
      .leftJoin('candidate_facts as f', (join) =>
        join.onRef('f.candidate_id', '=', 'c.id').onRef('f.candidate_updated_at', '=', 'c.updated_at').on('f.version', '=', profileFactsVersion),
      )
      .select([
        'c.id', 'c.workspace_id', 'c.name', 'c.headline', 'c.city', 'c.region', 'c.country', 'c.time_zone', 'c.profile_url',
        'c.open_profile', 'c.open_to_work', 'c.premium', 'c.degree', 'c.mutual_connections', 'c.last_active', 'f.facts',
      ])
      .where('c.id', 'in', part)
      .execute();
    for (const r of rows) {
      if (r.workspace_id !== workspaceId) continue;
      const id = Number(r.id);
      if (r.facts === null) {
        missing.push(id);
        continue;
      }
      candidates.set(id, {
        id,
        name: r.name,
        headline: r.headline,
        location: { city: r.city, region: r.region, country: r.country, timeZone: r.time_zone },
        profileUrl: r.profile_url,
        linkedin: {
          openProfile: Number(r.open_profile) === 1,
          openToWork: Number(r.open_to_work) === 1,
          premium: Number(r.premium) === 1,
          degree: r.degree === null ? null : Number(r.degree),
          mutualConnections: Number(r.mutual_connections),
          lastActive: r.last_active,
        },
        facts: JSON.parse(r.facts) as ProfileFacts,
      });
    }
  }
  if (missing.length) {
    const full = await getCandidatesByIds(store, workspaceId, missing);
    const rows: Array<{ candidate_id: number; workspace_id: string; candidate_updated_at: string; version: string; facts: string }> = [];
    for (const c of full.values()) {
      const facts = profileFacts(c);
      candidates.set(c.id, { id: c.id, name: c.name, headline: c.headline, location: c.location, profileUrl: c.profileUrl, linkedin: c.linkedin, facts });
      rows.push({ candidate_id: c.id, workspace_id: workspaceId, candidate_updated_at: c.updatedAt, version: profileFactsVersion, facts: JSON.stringify(facts) });
    }
    await storeFacts(store, rows);
  }
  return { candidates, computed: missing.length };
}

const chunkSize = 500;

async function storeFacts(store: Store, rows: Array<{ candidate_id: number; workspace_id: string; candidate_updated_at: string; version: string; facts: string }>): Promise<void> {
  try {
    await withWriteTransaction(store, async (trx) => {
      for (let i = 0; i < rows.length; i += 100) {
        await trx
          .insertInto('candidate_facts')
          .values(rows.slice(i, i + 100))
          .onConflict((oc) =>
            oc.column('candidate_id').doUpdateSet((eb) => ({
              workspace_id: eb.ref('excluded.workspace_id'),
              candidate_updated_at: eb.ref('excluded.candidate_updated_at'),
              version: eb.ref('excluded.version'),
              facts: eb.ref('excluded.facts'),
            })),
          )
          .execute();
      }
    });
  } catch {
    // A cache write: if it fails (a candidate deleted meanwhile, say) the ranking in hand is still right, and the next one reads the text again.
  }
}

/**
 * Stores the facts of every candidate of a workspace that has none or stale
 * ones, a batch at a time in id order: run after a large import so that no
 * ranking pays for reading profile text. Safe to interrupt and run again.
 */
export async function prepareCandidateFacts(
  store: Store,
  workspaceId: string,
  opts: { batchSize?: number; onBatch?: (progress: { seen: number; computed: number }) => void } = {},
): Promise<{ seen: number; computed: number }> {
  const batchSize = Math.max(1, Math.min(5000, opts.batchSize ?? 1000));
  let after = 0;
  let seen = 0;
  let computed = 0;
  for (;;) {
    // walk the primary key (every backend keeps it in order); the workspace and the facts' validity are checked per row
    const rows = await store.db
      .selectFrom('candidates as c')
      .leftJoin('candidate_facts as f', (join) =>
        join.onRef('f.candidate_id', '=', 'c.id').onRef('f.candidate_updated_at', '=', 'c.updated_at').on('f.version', '=', profileFactsVersion),
      )
      .select(['c.id', 'c.workspace_id', 'f.version'])
      .where('c.id', '>', after)
      .orderBy('c.id')
      .limit(batchSize)
      .execute();
    if (!rows.length) break;
    after = Number(rows[rows.length - 1].id);
    const mine = rows.filter((r) => r.workspace_id === workspaceId);
    seen += mine.length;
    const stale = mine.filter((r) => r.version === null).map((r) => Number(r.id));
    if (stale.length) computed += (await loadRankableCandidates(store, workspaceId, stale)).computed;
    opts.onBatch?.({ seen, computed });
  }
  return { seen, computed };
}

/** Forgets the stored facts of a workspace, or of some of its candidates (the next ranking reads their text again); for benchmarks and repairs. */
export async function clearCandidateFacts(store: Store, workspaceId: string, ids?: number[]): Promise<number> {
  if (!ids) return Number((await store.db.deleteFrom('candidate_facts').where('workspace_id', '=', workspaceId).executeTakeFirst()).numDeletedRows);
  let deleted = 0;
  for (let i = 0; i < ids.length; i += chunkSize) {
    const res = await store.db.deleteFrom('candidate_facts').where('workspace_id', '=', workspaceId).where('candidate_id', 'in', ids.slice(i, i + chunkSize)).executeTakeFirst();
    deleted += Number(res.numDeletedRows);
  }
  return deleted;
}
