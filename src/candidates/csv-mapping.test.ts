import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvFields, csvRowToCandidate, defaultCsvHeaders, headerKey, parseCsvMapOptions, resolveCsvMapping, splitList, splitLocation } from './csv-mapping.ts';

describe('CSV mapping', () => {
  it('maps common export headers by default, in any case or punctuation', () => {
    const headers = ['First Name', 'last_name', 'HEADLINE', 'Current Title', 'Current Company', 'Location', 'Profile URL', 'Email', 'Email Address', 'Notes'];
    const m = resolveCsvMapping(headers);
    expect(m.columns).toEqual(['firstName', 'lastName', 'headline', 'currentTitle', 'currentCompany', 'location', 'profileUrl', 'email', 'email', null]);
    expect(m.ignored).toEqual(['Notes']);
  });

  it('every default header maps to a known field', () => {
    for (const field of Object.values(defaultCsvHeaders)) expect(csvFields).toContain(field);
  });

  it('--map overrides, adds and ignores columns; bad specs are invalid_input', () => {
    const overrides = parseCsvMapOptions(['Job=currentTitle', 'Employer Name = currentcompany', 'Email=-', 'a=b=email']);
    const m = resolveCsvMapping(['Job', 'Employer Name', 'Email', 'a=b'], overrides);
    expect(m.columns).toEqual(['currentTitle', 'currentCompany', null, 'email']);
    expect(m.ignored).toEqual([]);
    expect(() => parseCsvMapOptions(['Job'])).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => parseCsvMapOptions(['Job=salary'])).toThrow(/unknown field 'salary'/);
  });

  it('splits locations into city, region and country', () => {
    expect(splitLocation('Berlin, Berlin, Germany')).toEqual({ city: 'Berlin', region: 'Berlin', country: 'Germany' });
    expect(splitLocation('Berlin, Germany')).toEqual({ city: 'Berlin', region: '', country: 'Germany' });
    expect(splitLocation('Austin, TX')).toEqual({ city: 'Austin', region: 'TX', country: '' });
    expect(splitLocation('Greater London, England, UK')).toEqual({ city: 'Greater London', region: 'England', country: 'United Kingdom' });
    expect(splitLocation('Germany')).toEqual({ city: '', region: '', country: 'Germany' });
    expect(splitLocation('London')).toEqual({ city: 'London', region: '', country: '' });
    expect(splitLocation('')).toEqual({ city: '', region: '', country: '' });
  });

  it('splitting a joined list gives the items back', () => {
    const item = fc.string({ minLength: 1 }).filter((s) => !/[;,\n]/.test(s) && s.trim() === s && s !== '');
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), fc.constantFrom(', ', ';', ' ; '), (items, sep) => {
        expect(splitList(items.join(sep))).toEqual(items);
      }),
    );
  });

  it('headerKey ignores case and punctuation', () => {
    expect(headerKey('Profile-URL')).toBe(headerKey('profile url'));
  });

  it('turns a row into a candidate: current position, skills, flags, several emails', () => {
    const headers = ['Name', 'Title', 'Company', 'Location', 'Skills', 'Email', 'Work Email', 'Open Profile', 'Degree', 'Mutual Connections', 'Last Active'];
    const m = resolveCsvMapping(headers);
    const r = csvRowToCandidate(['Ada Lovelace', 'Engineer', 'Engines, Ltd', 'London, England, United Kingdom', 'C++; C#, .NET', 'ada@example.com', 'ada@work.example', 'yes', '2nd', '1,204', '2026-10-01'], m, headers);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value).toMatchObject({
      name: 'Ada Lovelace',
      positions: [{ title: 'Engineer', company: 'Engines, Ltd', start: null, end: null }],
      location: { city: 'London', region: 'England', country: 'United Kingdom' },
      skills: ['C++', 'C#', '.NET'],
      emails: ['ada@example.com', 'ada@work.example'],
      linkedin: { openProfile: true, degree: 2, mutualConnections: 1204, lastActive: '2026-10-01' },
      source: 'csv',
    });
  });

  it('refuses a row with a bad value, naming the column', () => {
    const headers = ['Name', 'Open Profile', 'Connection Degree'];
    const m = resolveCsvMapping(headers);
    const bad1 = csvRowToCandidate(['A', 'perhaps', ''], m, headers);
    expect(bad1).toEqual({ ok: false, reason: expect.stringMatching(/^Open Profile: 'perhaps'/) });
    const bad2 = csvRowToCandidate(['A', '', 'fourth'], m, headers);
    expect(bad2).toEqual({ ok: false, reason: expect.stringMatching(/^Connection Degree/) });
    const empty = csvRowToCandidate(['', '', ''], m, headers);
    expect(empty).toEqual({ ok: false, reason: expect.stringMatching(/nothing to identify/) });
  });
});
