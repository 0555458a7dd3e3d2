/** Shapes of the public API that the UI reads (mirrors of the OpenAPI schemas). */

export interface Position {
  title: string;
  company: string;
  start: string | null;
  end: string | null;
  description: string;
  location: string;
}

export interface Candidate {
  id: number;
  workspaceId: string;
  name: string;
  firstName: string;
  lastName: string;
  headline: string;
  summary: string;
  location: { city: string; region: string; country: string; timeZone: string };
  positions: Position[];
  education: Array<{ school: string; degree: string; field: string; start: string | null; end: string | null }>;
  skills: string[];
  profileUrl: string | null;
  emails: string[];
  phones: string[];
  linkedin: { openProfile: boolean; openToWork: boolean; premium: boolean; degree: number | null; mutualConnections: number; lastActive: string | null };
  tags: string[];
  source: string;
  importedAt: string;
  updatedAt: string;
}

export function locationText(l: Candidate['location'] | undefined): string {
  if (!l) return '';
  return [l.city, l.region, l.country].filter(Boolean).join(', ');
}

export function currentPositions(c: Pick<Candidate, 'positions'>): Position[] {
  return c.positions.filter((p) => p.end === null);
}
