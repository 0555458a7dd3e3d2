import { expect, it } from 'vitest';
import { describeEachBackend } from '../db/test-backends.ts';
import { startWorkerLoop } from '../outreach/delivery/worker-loop.ts';
import { loadWorkerExecutors } from '../outreach/delivery/worker-executors.ts';
import { loadWebhookSecret } from '../outreach/delivery/executors/webhook-secret-store.ts';
import { deriveKey, isSealed } from './secret-box.ts';
import { sealClearSecrets } from './seal-clear-secrets.ts';
import { valueAt } from './stored-secrets.ts';

const key = deriveKey(Buffer.alloc(32, 2), 'settings');
const clear = {
  credits: { kept: true },
  executors: { smtp: { host: 'mail.test', from: 'a@b.test', auth: { user: 'ada', pass: 'old-clear-pass' } }, webhook: { url: 'https://h.test/', secret: 'old-clear-hook' } },
  webhooks: { outcomesSecret: 'old-clear-inbound' },
};

describeEachBackend('secrets still in clear (an old database)', (getStore) => {
  it('work when read, and the start-up pass seals them in every workspace, once', async () => {
    const store = getStore();
    const now = new Date().toISOString();
    await store.db.updateTable('workspaces').set({ settings: JSON.stringify(clear) }).where('id', '=', 'default').execute();
    await store.db.insertInto('workspaces').values([
      { id: 'acme', name: 'acme', settings: JSON.stringify({ webhooks: { outcomesSecret: 'acme-clear-inbound' } }), created_at: now },
      { id: 'plain', name: 'plain', settings: '{}', created_at: now },
      { id: 'broken', name: 'broken', settings: '{not json', created_at: now },
    ]).execute();

    // before the pass: clear values are used as they are, with or without a key
    expect(await loadWebhookSecret(store, 'acme', null, {})).toBe('acme-clear-inbound');
    const before = await loadWorkerExecutors(store, {});
    expect(before.errors.map((e) => e.workspaceId)).toEqual(['broken']);
    before.close();

    const report = await sealClearSecrets(store, key);
    expect(report).toEqual({ sealed: [{ workspaceId: 'acme', paths: ['webhooks.outcomesSecret'] }, { workspaceId: 'default', paths: ['executors.smtp.auth.pass', 'executors.webhook.secret', 'webhooks.outcomesSecret'] }], unreadable: ['broken'] });
    const rows = await store.db.selectFrom('workspaces').select(['id', 'settings']).execute();
    const text = JSON.stringify(rows);
    for (const s of ['old-clear-pass', 'old-clear-hook', 'old-clear-inbound', 'acme-clear-inbound']) expect(text).not.toContain(s);
    const def = JSON.parse(rows.find((r) => r.id === 'default')!.settings);
    expect(isSealed(valueAt(def, 'executors.smtp.auth.pass'))).toBe(true);
    expect(def.credits).toEqual({ kept: true });
    expect(rows.find((r) => r.id === 'broken')!.settings).toBe('{not json');

    // after: the readers open them with the key, and a second pass has nothing to do
    expect(await loadWebhookSecret(store, 'acme', key, {})).toBe('acme-clear-inbound');
    expect(await loadWebhookSecret(store, 'default', key, {})).toBe('old-clear-inbound');
    const after = await loadWorkerExecutors(store, { secretsKey: key });
    expect(after.errors.filter((e) => e.workspaceId !== 'broken')).toEqual([]);
    after.close();
    expect((await sealClearSecrets(store, key)).sealed).toEqual([]);
  });

  it('the worker loop opens sealed settings with the key it is given, and says which workspace it cannot open without one', async () => {
    const store = getStore();
    const logs: string[] = [];
    for (const secretsKey of [key, null]) {
      logs.length = 0;
      const w = startWorkerLoop(store, { log: (l) => logs.push(l), intervalSeconds: 3600, secretsKey, executor: 'tasks' });
      // the executors are loaded before the first pass, which logs 'worker started'
      for (let i = 0; i < 200 && !logs.some((l) => l.includes('"worker started"')); i++) await new Promise((r) => setTimeout(r, 50));
      await w.stop();
      expect(logs.some((l) => l.includes('"worker started"'))).toBe(true);
      const unreadable = logs.map((l) => JSON.parse(l)).filter((l) => l.msg.startsWith('executor settings unreadable'));
      if (secretsKey) expect(unreadable.map((l) => l.workspaceId)).toEqual(['broken']);
      else expect(unreadable.map((l) => [l.workspaceId, l.error]).sort()).toEqual([['broken', expect.any(String)], ['default', expect.stringMatching(/executors\.smtp\.auth\.pass.*no key/)]]);
      expect(logs.join('\n')).not.toMatch(/old-clear|acme-clear/);
    }
  });
});
