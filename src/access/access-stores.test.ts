import { expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describeEachBackend } from '../db/test-backends.ts';
import { testAccess } from '../api/test-app.ts';
import { createUser } from './user-accounts.ts';
import { addMember, changeMemberRole, createWorkspace, listMembers, memberRole, removeMember } from './membership-store.ts';
import { createApiToken, revokeApiToken, verifyApiToken } from './api-token-store.ts';
import { createInvitation, findPendingInvitation, markInvitationAccepted, revokeInvitation } from './invitation-store.ts';
import { appendAudit, listAudit } from './audit-store.ts';
import { roles, roleAtLeast, type Role } from './role.ts';
import type { Store } from '../db/open-database.ts';

let n = 0;
const newUser = async (store: Store, access: ReturnType<typeof testAccess>) => createUser(access, { email: `u${++n}-${Date.now().toString(36)}@example.test`, name: `User ${n}` });

describeEachBackend('members, tokens, invitations and the audit log', (getStore) => {
  it('a workspace always keeps an owner; only an owner makes or unmakes owners', async () => {
    const store = getStore();
    const access = testAccess(store);
    const a = await newUser(store, access);
    const b = await newUser(store, access);
    const ws = await createWorkspace(store, 'Keep an owner', a.id);
    await addMember(store, ws.id, b.id, 'admin');
    await expect(changeMemberRole(store, ws.id, 'owner', a.id, 'admin')).rejects.toMatchObject({ code: 'conflict' });
    await expect(removeMember(store, ws.id, 'owner', a.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(changeMemberRole(store, ws.id, 'admin', b.id, 'owner')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeMember(store, ws.id, 'admin', a.id)).rejects.toMatchObject({ code: 'forbidden' });
    await changeMemberRole(store, ws.id, 'owner', b.id, 'owner');
    await changeMemberRole(store, ws.id, 'owner', a.id, 'viewer');
    expect(await memberRole(store, ws.id, a.id)).toBe('viewer');
    expect((await listMembers(store, ws.id)).filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  it('joining again never demotes: the role is the highest one given (property over random invitation sequences)', async () => {
    const store = getStore();
    const access = testAccess(store);
    const owner = await newUser(store, access);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Role>(...roles), { minLength: 1, maxLength: 6 }), async (given) => {
        const ws = await createWorkspace(store, `Join ${++n}`, owner.id);
        const u = await newUser(store, access);
        for (const r of given) await addMember(store, ws.id, u.id, r);
        const highest = given.reduce((best, r) => (roleAtLeast(r, best) ? r : best));
        expect(await memberRole(store, ws.id, u.id)).toBe(highest);
      }),
      { numRuns: 12 },
    );
  });

  it('a token never has more than its user: created at most at their role, demoted with them, dead when they leave or it is revoked', async () => {
    const store = getStore();
    const access = testAccess(store);
    const owner = await newUser(store, access);
    const u = await newUser(store, access);
    const ws = await createWorkspace(store, 'Tokens', owner.id);
    await addMember(store, ws.id, u.id, 'recruiter');
    await expect(createApiToken(store, { workspaceId: ws.id, userId: u.id, name: 'too much', role: 'admin' })).rejects.toMatchObject({ code: 'forbidden' });
    const { token, info } = await createApiToken(store, { workspaceId: ws.id, userId: u.id, name: 'ci', role: 'recruiter' });
    expect(token).toMatch(/^sl_tok_/);
    const raw = await store.db.selectFrom('api_tokens').selectAll().where('id', '=', info.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toContain(token);
    expect((await verifyApiToken(store, token))?.role).toBe('recruiter');
    expect((await store.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', info.id).executeTakeFirstOrThrow()).last_used_at).not.toBeNull();
    await changeMemberRole(store, ws.id, 'owner', u.id, 'viewer');
    expect((await verifyApiToken(store, token))?.role).toBe('viewer');
    await removeMember(store, ws.id, 'owner', u.id);
    expect(await verifyApiToken(store, token)).toBeNull();
    await addMember(store, ws.id, u.id, 'recruiter');
    // leaving revoked it for good
    expect(await verifyApiToken(store, token)).toBeNull();
    const second = await createApiToken(store, { workspaceId: ws.id, userId: u.id, name: 'ci2', role: 'viewer' });
    await revokeApiToken(store, ws.id, second.info.id, u.id);
    expect(await verifyApiToken(store, second.token)).toBeNull();
    expect(await verifyApiToken(store, 'sl_tok_' + 'A'.repeat(43))).toBeNull();
    expect(await verifyApiToken(store, 'garbage')).toBeNull();
  });

  it('an invitation link works once, and not after it is revoked or expired; only owners invite owners', async () => {
    const store = getStore();
    const access = testAccess(store);
    const owner = await newUser(store, access);
    const ws = await createWorkspace(store, 'Invites', owner.id);
    await expect(createInvitation(store, { workspaceId: ws.id, email: null, role: 'owner', createdBy: owner.id, actorRole: 'admin' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createInvitation(store, { workspaceId: ws.id, email: 'x\r\nBcc: y@example.test', role: 'viewer', createdBy: owner.id, actorRole: 'owner' })).rejects.toMatchObject({ code: 'invalid_input' });
    const { token, invitation } = await createInvitation(store, { workspaceId: ws.id, email: 'New.Person@Example.test', role: 'recruiter', createdBy: owner.id, actorRole: 'owner' });
    expect(invitation.email).toBe('new.person@example.test');
    expect((await findPendingInvitation(store, token)).id).toBe(invitation.id);
    const u = await newUser(store, access);
    expect(await markInvitationAccepted(store, invitation.id, u.id)).toBe(true);
    expect(await markInvitationAccepted(store, invitation.id, u.id)).toBe(false);
    await expect(findPendingInvitation(store, token)).rejects.toMatchObject({ code: 'not_found' });
    const revoked = await createInvitation(store, { workspaceId: ws.id, email: null, role: 'viewer', createdBy: owner.id, actorRole: 'owner' });
    await revokeInvitation(store, ws.id, revoked.invitation.id);
    await expect(findPendingInvitation(store, revoked.token)).rejects.toMatchObject({ code: 'not_found' });
    const old = await createInvitation(store, { workspaceId: ws.id, email: null, role: 'viewer', createdBy: owner.id, actorRole: 'owner' }, new Date(Date.now() - 8 * 86_400_000));
    await expect(findPendingInvitation(store, old.token)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('the audit log is append-only: the database itself refuses updates and deletes', async () => {
    const store = getStore();
    await appendAudit(store.db, { workspaceId: 'default', actorUserId: null, actor: 'tester', via: 'system', action: 'settings_changed', target: 'x' });
    await expect(sql`UPDATE audit_log SET actor = 'someone else'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    const { entries } = await listAudit(store, 'default', { action: 'settings_changed' });
    expect(entries[0]).toMatchObject({ actor: 'tester', target: 'x', outcome: 'ok' });
  });

  it('audit pages go backwards without gaps or repeats', async () => {
    const store = getStore();
    const ws = await createWorkspace(store, 'Paging', (await newUser(store, testAccess(store))).id);
    for (let i = 0; i < 23; i++) await appendAudit(store.db, { workspaceId: ws.id, actorUserId: null, actor: 'pager', via: 'system', action: 'import', target: String(i) });
    const seen: string[] = [];
    let before: number | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await listAudit(store, ws.id, { limit: 5, before, action: 'import' });
      seen.push(...page.entries.map((e) => e.target!));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => String(22 - i)));
  });
});
