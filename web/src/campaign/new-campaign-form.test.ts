import { describe, expect, it } from 'vitest';
import { titleFromQuery } from './new-campaign-form.tsx';

describe('job title from a query', () => {
  it('takes the first title term', () => {
    expect(titleFromQuery('title:"data engineer" AND skill:python')).toBe('Data Engineer');
    expect(titleFromQuery('skill:go currenttitle:engineer')).toBe('Engineer');
    expect(titleFromQuery('title:(backend OR platform)')).toBe('Backend');
    expect(titleFromQuery('java spring')).toBe('');
  });
});
