import { expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { defaultSequence } from '../../outreach/campaigns/default-sequence.ts';
import { seedRunningCampaign } from '../../outreach/outreach-test-setup.ts';
import { signedInApp } from '../test-app.ts';

/** The default sequence the web UI's sequence editor resets to comes from the server, not a copy in the UI. */
describeEachBackend('GET /api/campaigns/default-sequence', (getStore) => {
  it('serves the default framework, and /api/campaigns/{id} still serves campaigns', async () => {
    const store = getStore();
    const app = await signedInApp({ store, webRoot: '/nonexistent' });
    const res = await app.request('/api/campaigns/default-sequence');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { steps: unknown };
    expect(body).toEqual({ steps: defaultSequence });
    expect((body.steps as Array<{ key: string }>).map((s) => s.key)).toEqual(['invite', 'follow-up', 'inmail', 'email', 'phone']);

    const { campaignId } = await seedRunningCampaign(store, { tag: 'default-seq', n: 1, launchAt: '2025-06-02T08:00:00.000Z' });
    const campaign = await app.request(`/api/campaigns/${campaignId}`);
    expect(campaign.status).toBe(200);
    expect(((await campaign.json()) as { id: string }).id).toBe(campaignId);
  });
});
