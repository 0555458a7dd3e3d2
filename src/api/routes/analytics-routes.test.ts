import { expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { signedInApp } from '../test-app.ts';

describeEachBackend('analytics routes', (getStore) => {
  it('answer chart-ready arrays, even with no outreach yet, and appear in the OpenAPI document', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    const weekday = await (await app.request('/api/analytics/weekday')).json();
    expect(weekday.weekdays.map((w: { label: string }) => w.label)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    const length = await (await app.request('/api/analytics/length?campaign=none')).json();
    expect(length.buckets.map((b: { bucket: string }) => b.bucket)).toEqual(['<400', '400-1000', '>1000']);
    expect(await (await app.request('/api/analytics/funnel')).json()).toEqual({ campaigns: [], steps: [] });
    expect(await (await app.request('/api/analytics/channels')).json()).toEqual({ channels: [] });
    expect(await (await app.request('/api/analytics/variants')).json()).toEqual({ variants: [] });
    expect((await app.request('/api/analytics/weekday?from=yesterday')).status).toBe(400);
    const doc = await (await app.request('/openapi.json')).json();
    for (const p of ['funnel', 'channels', 'weekday', 'length', 'variants']) expect(doc.paths[`/api/analytics/${p}`]).toBeDefined();
  });
});
