import { expect, it } from 'vitest';
import { loadCreditOverrides, saveCreditOverrides } from '../credits/credit-settings-store.ts';
import { loadPacingRules, savePacingRules } from '../outreach/planning/pacing-settings-store.ts';
import { describeEachBackend } from './test-backends.ts';
import { readWorkspaceSettings, writeWorkspaceSettingsKey } from './workspace-settings.ts';

describeEachBackend('workspace settings', (getStore) => {
  it('each domain replaces only its own key: credits, pacing and webhooks live side by side', async () => {
    const store = getStore();
    await store.db.transaction().execute((trx) => writeWorkspaceSettingsKey(trx, 'default', 'webhooks', () => ({ outcomesSecret: 's3cret' })));
    await saveCreditOverrides(store, 'default', { rules: { lotLifetimeDays: 60 } });
    await savePacingRules(store, 'default', { withdrawPendingAfterDays: 14 });
    await saveCreditOverrides(store, 'default', { rules: { lotLifetimeDays: 45 } });
    const settings = await readWorkspaceSettings(store.db, 'default');
    expect(settings.webhooks).toEqual({ outcomesSecret: 's3cret' });
    expect(await loadCreditOverrides(store.db, 'default')).toEqual({ rules: { lotLifetimeDays: 45 } });
    expect((await loadPacingRules(store.db, 'default')).withdrawPendingAfterDays).toBe(14);
  });

  it('refuses to write the settings of a workspace that does not exist, and reads it as empty', async () => {
    const store = getStore();
    await expect(store.db.transaction().execute((trx) => writeWorkspaceSettingsKey(trx, 'nope', 'credits', () => ({})))).rejects.toMatchObject({ code: 'not_found' });
    expect(await readWorkspaceSettings(store.db, 'nope')).toEqual({});
    await expect(readWorkspaceSettings(store.db, 'nope', { mustExist: true })).rejects.toMatchObject({ code: 'not_found' });
  });
});
