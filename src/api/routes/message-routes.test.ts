import { expect, it } from 'vitest';
import { signedInApp } from '../test-app.ts';
import { describeEachBackend } from '../../db/test-backends.ts';
import { upsertCandidates, normaliseCandidateInput } from '../../candidates/candidate-store.ts';
import { addSeat } from '../../seats/seat-store.ts';

describeEachBackend('message routes', (getStore) => {
  const post = async (path: string, body: unknown) =>
    (await signedInApp({ store: getStore(), webRoot: '/nonexistent' })).request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  let ids: number[] = [];

  it('setup: candidates and a free seat', async () => {
    const res = await upsertCandidates(getStore(), 'default', [
      normaliseCandidateInput({ firstName: 'Ana', lastName: 'Lima', positions: [{ title: 'Staff Engineer', company: 'Acme', start: '2019', end: null }], skills: ['Go'], profileUrl: 'https://www.linkedin.com/in/ana-lima' }),
      normaliseCandidateInput({ firstName: 'Bo', lastName: 'Berg', positions: [{ title: 'Data Engineer', company: 'Globex', start: '2020', end: null }], skills: ['Go', 'Spark'], profileUrl: 'https://www.linkedin.com/in/bo-berg' }),
    ]);
    ids = res.outcomes.map((o) => o.id);
    await addSeat(getStore(), 'default', { id: 'free', name: 'Jane Doe', paid: false });
  });

  it('previews one stored candidate with the seat limit, hooks and lint', async () => {
    const res = await post('/api/messages/preview', { candidateId: ids[0], seatId: 'free', role: { title: 'Principal Engineer', company: 'Initech', skills: ['Go'] }, asOf: '2025-06-01' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { message: { body: string; length: number; limit: { body: number }; hooksUsed: string[]; lint: unknown[] } };
    expect(body.message.limit.body).toBe(200);
    expect(body.message.length).toBeLessThanOrEqual(200);
    expect(body.message.body).toContain('Hi Ana,');
    expect(body.message.hooksUsed).toEqual(['skill_match']);
    expect(body.message.lint).toEqual([]);
  });

  it('a message that cannot fit is a 422 naming the template and the candidate', async () => {
    const res = await post('/api/messages/preview', { candidateId: ids[0], seatId: 'free', template: { name: 'wordy', source: 'x '.repeat(150) } });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('message_too_long');
    expect(body.error.message).toContain("'wordy'");
    expect(body.error.message).toContain('Ana Lima');
  });

  it('bulk preview by ids and by search query, with batch lint and a summary', async () => {
    const byIds = await post('/api/messages/preview/bulk', { candidateIds: ids, template: 'inmail', role: { title: 'Principal Engineer', company: 'Initech' } });
    expect(byIds.status).toBe(200);
    const b = (await byIds.json()) as { step: string; items: Array<{ result: { ok: boolean; subject: string } }>; summary: { composed: number } };
    expect(b.step).toBe('inmail');
    expect(b.summary.composed).toBe(2);
    expect(b.items[0]!.result.subject).toContain('Principal Engineer');
    const byQuery = await post('/api/messages/preview/bulk', { query: 'skill:spark', step: 'connection_note' });
    expect(byQuery.status).toBe(200);
    expect(((await byQuery.json()) as { items: Array<{ candidateId: number }> }).items.map((i) => i.candidateId)).toEqual([ids[1]]);
  });

  it('refuses ambiguous input and unknown ids', async () => {
    expect((await post('/api/messages/preview/bulk', { candidateIds: ids, query: 'x' })).status).toBe(400);
    expect((await post('/api/messages/preview', { candidateId: 999999 })).status).toBe(404);
    expect((await post('/api/messages/preview', { candidateId: ids[0], rewrite: true })).status).toBe(400);
  });

  it('lists the default templates and documents the routes in /openapi.json', async () => {
    const app = (await signedInApp({ store: getStore(), webRoot: '/nonexistent' }));
    const t = (await (await app.request('/api/messages/templates')).json()) as { templates: Array<{ name: string; step: string }> };
    expect(t.templates.map((x) => [x.name, x.step])).toEqual([['connection-note', 'connection_note'], ['follow-up', 'follow_up'], ['inmail', 'inmail'], ['email', 'email']]);
    const spec = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/messages/preview', '/api/messages/preview/bulk', '/api/messages/templates']));
  });
});
