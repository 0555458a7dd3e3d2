import { expect, it } from 'vitest';
import { describeEachBackend } from '../../../db/test-backends.ts';
import { upsertCandidates, normaliseCandidateInput } from '../../../candidates/candidate-store.ts';
import type { OutcomeReport } from '../executor.ts';
import { AppError } from '../../../core/app-error.ts';
import { ingestOutcomes } from './ingest-outcomes-store.ts';
import { parseOutcomeCsv } from './outcome-csv.ts';

const ws = 'default';

describeEachBackend('ingest outcomes', (getStore) => {
  it('finds candidates by id, profile URL or email, applies each row and reports the bad ones', async () => {
    const store = getStore();
    const { outcomes } = await upsertCandidates(store, ws, [
      normaliseCandidateInput({ name: 'Ada Lovelace', profileUrl: 'https://www.linkedin.com/in/ada', emails: ['ada@example.org'] }),
      normaliseCandidateInput({ name: 'Grace Hopper', profileUrl: 'https://www.linkedin.com/in/grace', emails: ['grace@example.org'] }),
    ]);
    const [ada, grace] = outcomes.map((o) => o.id);
    const csv = [
      'candidate_id,profile_url,email,kind,reply_kind,channel,at',
      `${ada},,,accepted,,connection_request,2026-03-01`,
      ',https://linkedin.com/in/GRACE/,,replied,positive,inmail,2026-03-02',
      ',,ADA@example.org,bounced,,email,2026-03-03',
      '999999,,,accepted,,,2026-03-03',
      ',,nobody@example.org,accepted,,,2026-03-03',
      `${grace},,,replied,negative,inmail,2026-03-04`,
    ].join('\n');
    const parsed = parseOutcomeCsv(csv);
    const applied: OutcomeReport[] = [];
    const summary = await ingestOutcomes(
      store,
      ws,
      parsed.rows.map((r) => ({ ref: r.line, outcome: r.outcome })),
      'csv',
      async (_s, _w, report) => {
        if (report.replyKind === 'negative') throw new AppError('invalid_transition', 'already replied');
        applied.push(report);
      },
      '2026-03-10T00:00:00.000Z',
    );
    expect(applied).toEqual([
      { campaignId: null, candidateId: ada, kind: 'accepted', channel: 'connection_request', at: '2026-03-01T00:00:00.000Z', source: 'csv' },
      { campaignId: null, candidateId: grace, kind: 'replied', replyKind: 'positive', channel: 'inmail', at: '2026-03-02T00:00:00.000Z', source: 'csv' },
      { campaignId: null, candidateId: ada, kind: 'bounced', channel: 'email', at: '2026-03-03T00:00:00.000Z', source: 'csv' },
    ]);
    expect(summary).toMatchObject({ applied: 3, failed: 3 });
    expect(summary.results.filter((r) => !r.ok)).toEqual([
      { ref: 5, ok: false, code: 'not_found', message: 'candidate 999999 does not exist' },
      { ref: 6, ok: false, code: 'not_found', message: 'no candidate with email nobody@example.org' },
      { ref: 7, ok: false, code: 'invalid_transition', message: 'already replied' },
    ]);
  });
});
