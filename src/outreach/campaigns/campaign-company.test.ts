import { expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { upsertCandidates } from '../../candidates/candidate-store.ts';
import { candidateInputSchema } from '../../candidates/candidate.ts';
import { addSeat } from '../../seats/seat-store.ts';
import { createCampaign } from './campaign-store.ts';

/**
 * What messages say about the hiring company (#16 item 1): a campaign made
 * from a role names the company it is given, else the workspace's name,
 * never "our team".
 */
describeEachBackend('the hiring company in a campaign made from a role', (getStore) => {
  it('is the company given with the campaign, else the workspace name', async () => {
    const store = getStore();
    const ws = `cmpco-${Date.now().toString(36)}`;
    await store.db.insertInto('workspaces').values({ id: ws, name: 'Northwind Talent', settings: '{}', created_at: new Date().toISOString() }).execute();
    await addSeat(store, ws, { id: `${ws}-seat`, name: 'Sam Recruiter', plan: null });
    const [c] = await upsertCandidates(store, ws, [candidateInputSchema.parse({ name: 'Ana Lima', headline: '.NET developer' })]).then(async () =>
      store.db.selectFrom('candidates').select('id').where('workspace_id', '=', ws).execute(),
    );
    const ids = [Number(c!.id)];
    const role = { name: 'Senior .NET Engineer', query: 'skill:.net', titles: ['Senior .NET Engineer'] };
    const base = { seatIds: [`${ws}-seat`], source: { kind: 'ids' as const, ids }, role };
    const given = await createCampaign(store, ws, { ...base, name: 'With company', company: 'Contoso' }, { candidateIds: ids });
    expect(given.messageRole).toMatchObject({ title: 'Senior .NET Engineer', company: 'Contoso' });
    const fallback = await createCampaign(store, ws, { ...base, name: 'Without' }, { candidateIds: ids });
    expect(fallback.messageRole?.company).toBe('Northwind Talent');
    await expect(createCampaign(store, ws, { ...base, name: 'Blank', company: '  ' }, { candidateIds: ids })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
