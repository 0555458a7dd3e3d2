import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseOutcomeCsv } from './outcome-csv.ts';
import { outcomeInputSchema, toOutcomeReport } from './outcome-input.ts';

describe('outcome CSV', () => {
  it('reads every outcome kind, with reply-kind shorthands, columns in any order and case', () => {
    const csv = [
      'Kind,Candidate ID,reply-kind,Channel,AT,campaign_id,notes',
      'accepted,12,,connection_request,2026-03-04,camp-1,whatever',
      'replied,12,positive,inmail,2026-03-05T09:30:00+01:00,camp-1,',
      'negative,13,,message,2026-03-05,,',
      'Quick Reply,14,,inmail,2026-03-05,,',
      'decline,15,,inmail,2026-03-05,,',
      'bounced,16,,email,2026-03-06,,',
      'declined,17,,connection_request,2026-03-06,,',
    ].join('\n');
    const { rows, errors } = parseOutcomeCsv(csv);
    expect(errors).toEqual([]);
    const reports = rows.map((r) => toOutcomeReport(r.outcome, r.outcome.candidateId!, 'csv', '2026-03-10T00:00:00.000Z'));
    expect(reports).toEqual([
      { campaignId: 'camp-1', candidateId: 12, kind: 'accepted', channel: 'connection_request', at: '2026-03-04T00:00:00.000Z', source: 'csv' },
      { campaignId: 'camp-1', candidateId: 12, kind: 'replied', replyKind: 'positive', channel: 'inmail', at: '2026-03-05T08:30:00.000Z', source: 'csv' },
      { campaignId: null, candidateId: 13, kind: 'replied', replyKind: 'negative', channel: 'message', at: '2026-03-05T00:00:00.000Z', source: 'csv' },
      { campaignId: null, candidateId: 14, kind: 'replied', replyKind: 'quick_reply', channel: 'inmail', at: '2026-03-05T00:00:00.000Z', source: 'csv' },
      { campaignId: null, candidateId: 15, kind: 'replied', replyKind: 'decline', channel: 'inmail', at: '2026-03-05T00:00:00.000Z', source: 'csv' },
      { campaignId: null, candidateId: 16, kind: 'bounced', channel: 'email', at: '2026-03-06T00:00:00.000Z', source: 'csv' },
      { campaignId: null, candidateId: 17, kind: 'declined_invitation', channel: 'connection_request', at: '2026-03-06T00:00:00.000Z', source: 'csv' },
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('reports bad rows by line and keeps the good ones', () => {
    const csv = ['profile_url,email,kind,at', 'linkedin.com/in/ada,,accepted,', ',,replied,2026-01-01', ',x@y.test,waved,2026-01-01', ',x@y.test,replied,2026-02-30', ',x@y.test,replied,2026-01-01T10:00:00'].join('\n');
    const { rows, errors } = parseOutcomeCsv(csv);
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(rows[0].outcome).toMatchObject({ profileUrl: 'linkedin.com/in/ada', kind: 'accepted', at: undefined });
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(errors[0].message).toMatch(/candidateId, profileUrl or email/);
    expect(errors[1].message).toMatch(/kind/);
  });

  it('refuses a file without the columns it needs', () => {
    expect(parseOutcomeCsv('').errors[0].message).toMatch(/empty/);
    expect(parseOutcomeCsv('candidate_id,at\n1,2026-01-01').errors[0].message).toMatch(/kind/);
    expect(parseOutcomeCsv('kind,at\nreplied,2026-01-01').errors[0].message).toMatch(/candidate_id/);
  });

  it('accounts for every data row exactly once, as an outcome or an error', () => {
    const cell = fc.oneof(fc.constantFrom('accepted', 'replied', 'positive', 'bounced', 'nope', ''), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.integer({ min: 1, max: 99 }).map(String), fc.constant('')), cell), { minLength: 1, maxLength: 20 }), (rows) => {
        const safe = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const csv = ['candidate_id,kind', ...rows.map(([id, k]) => `${safe(id)},${safe(k)}`)].join('\n');
        const r = parseOutcomeCsv(csv);
        const lines = [...r.rows.map((x) => x.line), ...r.errors.map((x) => x.line)].sort((a, b) => a - b);
        const nonEmpty = rows.filter(([id, k]) => `${id}${k}`.trim() !== '').length;
        expect(lines.length).toBeLessThanOrEqual(rows.length);
        expect(lines.length).toBeGreaterThanOrEqual(nonEmpty);
        expect(new Set(lines).size).toBe(lines.length);
        for (const row of r.rows) expect(outcomeInputSchema.safeParse(row.outcome).success).toBe(true);
      }),
    );
  });
});
