import type { Candidate, LinkedinFlags, Location } from '../candidates/candidate.ts';
import { profileFacts, type ProfileFacts } from './profile-facts.ts';

/**
 * A candidate as ranking reads it: the few stored columns it scores and
 * shows, plus the profile facts (normally from `candidate_facts`, so the
 * profile text itself is not loaded).
 */
export interface RankableCandidate {
  id: number;
  name: string;
  headline: string;
  location: Location;
  profileUrl: string | null;
  linkedin: LinkedinFlags;
  facts: ProfileFacts;
}

export function rankableCandidate(c: Pick<Candidate, 'id' | 'name' | 'headline' | 'location' | 'profileUrl' | 'linkedin' | 'skills' | 'summary' | 'positions' | 'education'>): RankableCandidate {
  return { id: c.id, name: c.name, headline: c.headline, location: c.location, profileUrl: c.profileUrl, linkedin: c.linkedin, facts: profileFacts(c) };
}
