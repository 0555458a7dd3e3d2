import { expect, it } from 'vitest';
import { describeEachBackend } from '../../db/test-backends.ts';
import { seedRunningCampaign } from '../../outreach/outreach-test-setup.ts';
import { normaliseCandidateInput, upsertCandidates } from '../../candidates/candidate-store.ts';
import { signedInApp } from '../test-app.ts';

/** The routes the web UI's candidate page, Today page and "Add to campaign" use. */
describeEachBackend('candidate notes, outreach history, add to campaign and seat caps over HTTP', (getStore) => {
  it('serves them with the one error shape', async () => {
    const store = getStore();
    const app = (await signedInApp({ store, webRoot: '/nonexistent' }));
    const send = async (method: string, path: string, body?: unknown) => {
      const res = await app.request(path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as any };
    };
    const { campaignId, seatId, candidateIds } = await seedRunningCampaign(store, { tag: 'routes', n: 1, launchAt: '2025-06-02T08:00:00.000Z' });
    const [extra] = (await upsertCandidates(store, 'default', [normaliseCandidateInput({ firstName: 'Eve', lastName: 'Extra', profileUrl: 'https://www.linkedin.com/in/eve-extra' })])).outcomes.map((o) => o.id);

    const added = await send('POST', `/api/campaigns/${campaignId}/candidates`, { candidateIds: [extra, candidateIds[0]] });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ added: [extra], skipped: [{ candidateId: candidateIds[0], reason: 'already_enrolled' }] });
    expect((await send('POST', `/api/campaigns/${campaignId}/candidates`, { candidateIds: [] })).body.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('candidateIds') });
    expect((await send('POST', '/api/campaigns/cmp_nope/candidates', { candidateIds: [extra] })).status).toBe(404);

    const note = await send('POST', `/api/candidates/${extra}/notes`, { text: 'Met at KubeCon', authorSeatId: seatId });
    expect(note.status).toBe(201);
    expect((await send('POST', `/api/candidates/${extra}/notes`, { text: '' })).body.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('text') });
    expect((await send('GET', `/api/candidates/${extra}/notes`)).body.notes.map((n: any) => n.text)).toEqual(['Met at KubeCon']);
    expect((await send('DELETE', `/api/candidates/${extra}/notes/${note.body.id}`)).body).toEqual({ deleted: note.body.id });
    expect((await send('DELETE', `/api/candidates/${extra}/notes/${note.body.id}`)).status).toBe(404);

    const history = await send('GET', `/api/candidates/${extra}/outreach`);
    expect(history.status).toBe(200);
    expect(history.body.enrollments).toEqual([expect.objectContaining({ campaignId, state: 'queued', transitions: [], actions: [] })]);
    expect((await send('GET', '/api/candidates/999999/outreach')).status).toBe(404);

    const tasks = await send('GET', `/api/tasks?seat=${seatId}`);
    expect(tasks.status).toBe(200);
    expect(tasks.body.seats).toHaveLength(1);
    expect(tasks.body.seats[0]).toMatchObject({ seatId, caps: { seatId, invitations: { weeklyCap: 100 } } });
    expect(Array.isArray(tasks.body.seats[0].upcoming)).toBe(true);
  });
});
