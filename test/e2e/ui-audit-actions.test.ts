import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions } from '../../src/access/audit-action.ts';
import { testBackends } from '../../src/db/test-backends.ts';
import { signedInApp, type SignedInApp } from '../../src/api/test-app.ts';
import { auditActionsFromSpec } from '../../web/src/account-api.ts';

/** The audit page's action filter is read from the server's API description: every action the server records is offered, and nothing else. */
describe("the audit page's action filter", () => {
  let owner: SignedInApp;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const opened = await testBackends[0]!.open();
    cleanup = opened.cleanup;
    owner = await signedInApp({ store: opened.store });
  });
  afterAll(async () => cleanup?.());

  it('offers exactly the actions of src/access/audit-action.ts, in order', async () => {
    const doc = await (await owner.request('/openapi.json')).json();
    expect(auditActionsFromSpec(doc)).toEqual([...auditActions]);
  });

  it('offers nothing (rather than failing) when the description has no such parameter', () => {
    expect(auditActionsFromSpec({})).toEqual([]);
    expect(auditActionsFromSpec(null)).toEqual([]);
    expect(auditActionsFromSpec({ paths: { '/api/audit': { get: { parameters: [{ name: 'action', in: 'query', schema: { type: 'string' } }] } } } })).toEqual([]);
  });
});
