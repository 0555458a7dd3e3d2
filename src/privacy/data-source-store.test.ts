import { expect, it } from 'vitest';
import { importCandidates } from '../candidates/import-candidates.ts';
import { normaliseCandidateInput } from '../candidates/candidate-store.ts';
import { describeEachBackend } from '../db/test-backends.ts';
import { eraseCandidates } from './erase-candidates-store.ts';
import { describeSource, importFileName, type DataSourceInput } from './data-source.ts';
import { listCandidateSources } from './data-source-store.ts';

const ws = 'default';
const records = (people: Array<{ first: string; email: string }>) =>
  people.map((p, i) => ({ line: i + 2, input: normaliseCandidateInput({ firstName: p.first, lastName: 'Source', emails: [p.email], source: 'linkedin-export' }) }));

describeEachBackend('where candidates came from', (getStore) => {
  it('links every candidate to each import that wrote, merged or re-sent them; erasure takes the links, and the file name of an import no one is left from', async () => {
    const store = getStore();
    const fromFile = (file: string): DataSourceInput => ({ kind: 'import', format: 'csv', via: 'cli', label: 'linkedin-export', fileName: importFileName(`/home/ana/exports/${file}`), actor: 'local cli (ana)' });
    const a = await importCandidates(store, ws, records([{ first: 'Agatha', email: 'agatha@src.example' }, { first: 'Bram', email: 'bram@src.example' }]), { provenance: fromFile('march.csv'), now: '2026-03-01T10:00:00.000Z' });
    expect(a.imported).toBe(2);
    // a second file has Agatha again (unchanged) and a new person named in the file name
    await importCandidates(store, ws, records([{ first: 'Agatha', email: 'agatha@src.example' }]), { provenance: fromFile('agatha-only.csv'), now: '2026-04-01T10:00:00.000Z' });
    await importCandidates(store, ws, records([{ first: 'Cyril', email: 'cyril@src.example' }]), { provenance: fromFile('cyril-source.csv'), now: '2026-04-02T10:00:00.000Z' });
    const ids = await store.db.selectFrom('candidates').select(['id', 'first_name']).where('last_name', '=', 'Source').orderBy('id').execute();
    const id = (first: string) => Number(ids.find((r) => r.first_name === first)!.id);

    const agatha = await listCandidateSources(store.db, ws, id('Agatha'));
    expect(agatha.map((r) => [r.source.fileName, r.outcome, r.at])).toEqual([
      ['march.csv', 'imported', '2026-03-01T10:00:00.000Z'],
      ['agatha-only.csv', 'unchanged', '2026-04-01T10:00:00.000Z'],
    ]);
    expect(agatha[0].source).toMatchObject({ kind: 'import', format: 'csv', via: 'cli', label: 'linkedin-export', actor: 'local cli (ana)', createdAt: '2026-03-01T10:00:00.000Z' });
    expect(describeSource(agatha[0].source)).toBe('CSV import of march.csv via the CLI by local cli (ana), 2026-03-01');
    // the folders of the operator's machine are not recorded
    expect(JSON.stringify(agatha)).not.toContain('/home/ana');

    await eraseCandidates(store, ws, [id('Agatha'), id('Cyril')]);
    const files = await store.db.selectFrom('data_sources').select(['file_name']).where('workspace_id', '=', ws).orderBy('id').execute();
    // march.csv still has Bram; the two files only they came from lose their names
    expect(files.map((f) => f.file_name)).toEqual(['march.csv', null, null]);
    expect(await store.db.selectFrom('candidate_sources').select('candidate_id').where('workspace_id', '=', ws).execute()).toEqual([{ candidate_id: id('Bram') }]);
  });
});
