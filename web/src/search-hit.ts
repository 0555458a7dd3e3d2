import type { AnswerOf, client } from './api-client.ts';

/** One result of `POST /api/search`, as the contract types it (plain or ranked). */
export type SearchResult = AnswerOf<typeof client.api.search.$post>['results'][number];

/** One search result as the UI shows it. */
export interface Hit {
  candidate: Pick<SearchResult, 'id' | 'name' | 'headline' | 'location' | 'openProfile' | 'openToWork' | 'degree' | 'profileUrl'>;
  /** 0..100; null on a search that was not ranked */
  priority: number | null;
  /** 0..1 */
  fit: number | null;
  /** 0..1 */
  replyLikelihood: number | null;
  /** the explanation's summary, then its items, largest contribution first */
  why: string[];
}

/** A share 0..1 from the API's percentage. */
const share = (percent: number | undefined): number | null => (percent === undefined ? null : percent / 100);

export function toHit(r: SearchResult): Hit {
  const items = [...(r.why?.items ?? [])].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return {
    candidate: {
      id: r.id,
      name: r.name || `Candidate ${r.id}`,
      headline: r.headline,
      location: r.location,
      openProfile: r.openProfile,
      openToWork: r.openToWork,
      degree: r.degree,
      profileUrl: r.profileUrl,
    },
    priority: r.priority === undefined ? null : Math.round(r.priority),
    fit: share(r.fit),
    replyLikelihood: share(r.replyLikelihood),
    why: [r.why?.summary ?? '', ...items.map((i) => i.text)].filter(Boolean),
  };
}
