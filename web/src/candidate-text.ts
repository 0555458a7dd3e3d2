/** A candidate as the API serves it (the contract's type, GET /api/candidates/{id}), and how the UI words parts of it. */
import type { Answer, client } from './api-client.ts';

export type Candidate = Answer<Awaited<ReturnType<(typeof client.api.candidates)[':id']['$get']>>>;
export type Position = Candidate['positions'][number];

export function locationText(l: Candidate['location'] | undefined): string {
  if (!l) return '';
  return [l.city, l.region, l.country].filter(Boolean).join(', ');
}

export function currentPositions(c: Pick<Candidate, 'positions'>): Position[] {
  return c.positions.filter((p) => p.end === null);
}
