import { describe, expect, it } from 'vitest';
import { toHit } from './search-hit.ts';

describe('reading search and rank results', () => {
  it('reads a ranked candidate (percent scores, explanation object)', () => {
    const h = toHit({
      candidateId: 7,
      name: 'Ada Lovelace',
      headline: 'Engineer',
      location: 'London, United Kingdom',
      openProfile: true,
      profileUrl: 'https://www.linkedin.com/in/ada',
      fit: 80,
      replyLikelihood: 1,
      priority: 64.4,
      relevance: 1,
      why: { summary: 'Strong fit', items: [{ kind: 'fit', signal: 'a', contribution: 0.1, text: 'small' }, { kind: 'fit', signal: 'b', contribution: -0.5, text: 'big' }], weights: '' },
      signals: { fit: {}, reply: {} },
    });
    expect(h).toMatchObject({ priority: 64, fit: 0.8, replyLikelihood: 0.01, why: ['Strong fit', 'big', 'small'] });
    expect(h?.candidate).toMatchObject({ id: 7, name: 'Ada Lovelace', openProfile: true, location: 'London, United Kingdom' });
  });

  it('reads a plain candidate and ignores junk', () => {
    expect(toHit({ candidate: { id: 3, name: 'B', headline: '', location: { city: 'Oslo', region: '', country: 'Norway' }, linkedin: { openToWork: true, degree: 2 } } })?.candidate).toMatchObject({
      id: 3,
      location: 'Oslo, Norway',
      openToWork: true,
      degree: 2,
    });
    expect(toHit(null)).toBeNull();
    expect(toHit({ name: 'no id' })).toBeNull();
  });
});
