import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeMessage } from '../messages/compose-message.ts';
import { privacyNoticeUrlOf, privacySettingsFrom, privacySettingsSchema } from './privacy-settings.ts';

const candidate = {
  firstName: 'Ana',
  lastName: 'Lima',
  name: '',
  headline: 'Engineer',
  location: { city: 'Lisbon', region: '', country: 'Portugal', timeZone: '' },
  positions: [{ title: 'Engineer', company: 'Acme', start: '2020-01', end: null, description: '', location: '' }],
  education: [],
  skills: ['Go'],
  linkedin: { openProfile: false, openToWork: false, premium: false, degree: 2, mutualConnections: 0, lastActive: null },
};
const seat = { name: 'Rita Recruiter', paid: true, employers: [], schools: [] };
const template = (body: string) => ({ name: 'with-notice', source: `---\nname: with-notice\nstep: follow_up\n---\n${body}` });

describe('{{ privacy_notice_url }} in templates', () => {
  it('inserts the workspace notice address; without one the message is not sendable unless the link sits in an optional segment', () => {
    const url = 'https://example.com/privacy';
    const withUrl = composeMessage({ step: 'follow_up', template: template('Hi {{ candidate.first_name }}, how we handle your data: {{ privacy_notice_url }}'), candidate, seat, privacyNoticeUrl: url, asOf: '2026-01-01' });
    expect(withUrl.ok && withUrl.body).toBe(`Hi Ana, how we handle your data: ${url}`);
    expect(withUrl.ok && withUrl.lint.filter((f) => f.severity === 'error')).toEqual([]);

    const without = composeMessage({ step: 'follow_up', template: template('Hi {{ candidate.first_name }}, how we handle your data: {{ privacy_notice_url }}'), candidate, seat, asOf: '2026-01-01' });
    expect(without.ok && without.lint.map((f) => f.code)).toContain('empty_variable');

    const optional = composeMessage({ step: 'follow_up', template: template('Hi {{ candidate.first_name }}.{% optional %} Privacy: {{ privacy_notice_url }}{% endoptional %}'), candidate, seat, asOf: '2026-01-01' });
    expect(optional.ok && optional.body).toBe('Hi Ana.');
    expect(optional.ok && optional.lint.filter((f) => f.severity === 'error')).toEqual([]);

    const typo = composeMessage({ step: 'follow_up', template: template('{{ privacy_notice_url.href }} {{ privacy_notice }}'), candidate, seat, privacyNoticeUrl: url, asOf: '2026-01-01' });
    expect(typo.ok && typo.lint.filter((f) => f.code === 'unknown_variable').length).toBeGreaterThan(0);
  });
});

describe('privacy settings', () => {
  it('take only http(s) notice addresses without credentials', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.com/p', 'https://user:pw@example.com/p', 'not a url', `https://example.com/${'x'.repeat(500)}`]) {
      expect(privacySettingsSchema.safeParse({ privacyNoticeUrl: bad }).success, bad).toBe(false);
    }
    expect(privacySettingsSchema.parse({ privacyNoticeUrl: ' https://example.com/privacy ' }).privacyNoticeUrl).toBe('https://example.com/privacy');
    expect(privacySettingsSchema.safeParse({ retention: { months: 0 } }).success).toBe(false);
    expect(privacySettingsSchema.safeParse({ retention: { months: 6, action: 'delete' } }).success).toBe(false);
    expect(privacySettingsSchema.safeParse({ surprise: 1 }).success).toBe(false);
  });

  it('read back whatever is stored without throwing, keeping each valid field', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const s = privacySettingsFrom(stored);
        expect(privacySettingsSchema.safeParse({ lawfulBasis: s.lawfulBasis, lawfulBasisNote: s.lawfulBasisNote, privacyNoticeUrl: s.privacyNoticeUrl, retention: s.retention }).success).toBe(true);
        expect(typeof privacyNoticeUrlOf(stored)).toBe('string');
      }),
    );
    expect(privacySettingsFrom({ lawfulBasis: 'consent', privacyNoticeUrl: 'javascript:x', retention: { months: 12, action: 'erase', schedule: true } })).toMatchObject({
      lawfulBasis: 'consent',
      privacyNoticeUrl: null,
      retention: { months: 12, action: 'erase', schedule: true },
    });
  });
});
