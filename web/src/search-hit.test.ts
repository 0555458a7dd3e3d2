import { describe, expect, it } from 'vitest';
import { toHit, type SearchResult } from './search-hit.ts';

const plain: SearchResult = {
  id: 7,
  name: 'Ada Lovelace',
  headline: 'Engineer',
  location: 'London, United Kingdom',
  profileUrl: 'https://www.linkedin.com/in/ada',
  openProfile: true,
  openToWork: false,
  degree: 2,
  score: 3.2,
  matched: { title: ['engineer'] },
};

describe('a search result as the UI shows it', () => {
  it('reads a ranked result: percentages become shares, the explanation is its summary then its items by weight', () => {
    const h = toHit({
      ...plain,
      fit: 80,
      replyLikelihood: 1,
      priority: 64.4,
      why: { summary: 'Strong fit', items: [{ kind: 'fit', signal: 'a', contribution: 0.1, text: 'small' }, { kind: 'reply', signal: 'b', contribution: -0.5, text: 'big' }], weights: '' },
    });
    expect(h).toMatchObject({ priority: 64, fit: 0.8, replyLikelihood: 0.01, why: ['Strong fit', 'big', 'small'] });
    expect(h.candidate).toEqual({ id: 7, name: 'Ada Lovelace', headline: 'Engineer', location: 'London, United Kingdom', openProfile: true, openToWork: false, degree: 2, profileUrl: 'https://www.linkedin.com/in/ada' });
  });

  it('reads a plain result: no scores, no reasons, and a name for a nameless profile', () => {
    expect(toHit(plain)).toMatchObject({ priority: null, fit: null, replyLikelihood: null, why: [] });
    expect(toHit({ ...plain, name: '' }).candidate.name).toBe('Candidate 7');
  });
});
