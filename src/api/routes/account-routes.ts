import type { ScoutlineApp } from '../app-env.ts';
import { acceptInvitationRoute, createWorkspaceRoute, invitationPreviewRoute, meRoute, setPasswordRoute, switchWorkspaceRoute } from '../../api-contract/account-contract.ts';
import { AppError } from '../../core/app-error.ts';
import { createWorkspace, listUserWorkspaces, addMember } from '../../access/membership-store.ts';
import { findPendingInvitation, markInvitationAccepted } from '../../access/invitation-store.ts';
import { auditRequest, callerOf } from '../request-audit.ts';
import { createUser, hasPassword, setUserPassword } from '../../access/user-accounts.ts';
import { appendAudit } from '../../access/audit-store.ts';

/** Who am I, which workspaces, switching between them, my password; accepting an invitation. */
export function registerAccountRoutes(app: ScoutlineApp): void {
  app.openapi(
    meRoute,
    async (c) => {
      const p = callerOf(c);
      const workspaces = await listUserWorkspaces(c.get('store'), p.userId);
      const visible = p.via === 'token' ? workspaces.filter((w) => w.id === p.workspaceId) : workspaces;
      const current = p.workspaceId ? { ...(workspaces.find((w) => w.id === p.workspaceId) ?? { id: p.workspaceId, name: p.workspaceId }), role: p.role! } : null;
      return c.json({ user: { id: p.userId, email: p.email, name: p.name, hasPassword: await hasPassword(c.get('access'), p.userId) }, via: p.via, workspace: current, workspaces: visible, smtp: c.get('access').mailer !== null }, 200);
    },
  );

  app.openapi(
    switchWorkspaceRoute,
    async (c) => {
      const p = callerOf(c);
      if (p.via !== 'session') throw new AppError('forbidden', 'an API token belongs to one workspace; make a token in the other workspace instead');
      const { workspaceId } = c.req.valid('json');
      const w = (await listUserWorkspaces(c.get('store'), p.userId)).find((x) => x.id === workspaceId);
      if (!w) throw new AppError('not_found', `you are not a member of a workspace '${workspaceId}'`);
      const session = await c.get('access').auth.api.getSession({ headers: c.req.raw.headers });
      if (!session) throw new AppError('unauthenticated', 'sign in first');
      await c.get('store').db.updateTable('auth_sessions').set({ active_workspace_id: w.id }).where('id', '=', session.session.id).execute();
      return c.json(w, 200);
    },
  );

  app.openapi(
    setPasswordRoute,
    async (c) => {
      const p = callerOf(c);
      const body = c.req.valid('json');
      const access = c.get('access');
      if (await hasPassword(access, p.userId)) {
        if (!body.currentPassword) throw new AppError('invalid_input', 'currentPassword: your current password is needed to change it');
        const ctx = await access.auth.$context;
        const account = (await ctx.internalAdapter.findAccounts(p.userId)).find((a) => a.providerId === 'credential');
        if (!account?.password || !(await ctx.password.verify({ hash: account.password, password: body.currentPassword }))) {
          await auditRequest(c, { action: 'password_changed', outcome: 'refused', details: { reason: 'wrong current password' } });
          throw new AppError('forbidden', 'the current password is not right');
        }
      }
      await setUserPassword(access, p.userId, body.newPassword);
      const session = await access.auth.api.getSession({ headers: c.req.raw.headers });
      // everyone else signed in as this user is signed out; this session stays
      await c.get('store').db.deleteFrom('auth_sessions').where('user_id', '=', p.userId).where('id', '!=', session?.session.id ?? '').execute();
      await auditRequest(c, { action: 'password_changed' });
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createWorkspaceRoute,
    async (c) => {
      const p = callerOf(c);
      const w = await createWorkspace(c.get('store'), c.req.valid('json').name, p.userId);
      const session = await c.get('access').auth.api.getSession({ headers: c.req.raw.headers });
      if (session) await c.get('store').db.updateTable('auth_sessions').set({ active_workspace_id: w.id }).where('id', '=', session.session.id).execute();
      await auditRequest(c, { action: 'workspace_created', target: w.id, workspaceId: w.id });
      return c.json(w, 201);
    },
  );

  app.openapi(
    invitationPreviewRoute,
    async (c) => {
      const inv = await findPendingInvitation(c.get('store'), c.req.valid('param').token);
      const existing = inv.email ? await c.get('store').db.selectFrom('auth_users').select('id').where('email', '=', inv.email).executeTakeFirst() : undefined;
      return c.json({ workspaceName: inv.workspaceName, role: inv.role, email: inv.email, expiresAt: inv.expiresAt, existingUser: !!existing }, 200);
    },
  );

  app.openapi(
    acceptInvitationRoute,
    async (c) => {
      const store = c.get('store');
      const access = c.get('access');
      const inv = await findPendingInvitation(store, c.req.valid('param').token);
      const body = c.req.valid('json');
      const session = await access.auth.api.getSession({ headers: c.req.raw.headers });
      let userId: string;
      let actor: string;
      let setCookie: string | null = null;
      if (session) {
        if (inv.email && inv.email !== session.user.email.toLowerCase()) throw new AppError('forbidden', `this invitation is for ${inv.email}; sign out and accept it as that user`);
        userId = session.user.id;
        actor = session.user.email;
      } else {
        const email = inv.email ?? body.email;
        if (!email) throw new AppError('invalid_input', 'email: needed to create your account');
        if (body.email && inv.email && body.email.trim().toLowerCase() !== inv.email) throw new AppError('invalid_input', `email: this invitation is for ${inv.email}`);
        if (!body.password) throw new AppError('invalid_input', 'password: choose a password (at least 10 characters)');
        const existing = await store.db.selectFrom('auth_users').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
        if (existing) throw new AppError('conflict', 'an account with this email exists: sign in first, then open the invitation link again');
        const user = await createUser(access, { email, name: body.name?.trim() || email.split('@')[0]!, password: body.password });
        userId = user.id;
        actor = user.email;
        // sign the new user in through the auth library, so the session is its own
        const res = await access.auth.api.signInEmail({ body: { email: user.email, password: body.password }, asResponse: true, headers: new Headers({ 'x-scoutline-client-ip': c.get('clientIp') ?? 'in-process' }) });
        setCookie = res.headers.get('set-cookie');
      }
      if (!(await markInvitationAccepted(store, inv.id, userId))) throw new AppError('not_found', 'this invitation link is not valid: it may have expired, been used or been revoked');
      const role = await addMember(store, inv.workspaceId, userId, inv.role);
      if (session) await store.db.updateTable('auth_sessions').set({ active_workspace_id: inv.workspaceId }).where('id', '=', session.session.id).execute();
      await appendAudit(store.db, { workspaceId: inv.workspaceId, actorUserId: userId, actor, via: 'session', action: 'invitation_accepted', target: inv.id, details: { role }, ip: c.get('clientIp') });
      const res = c.json({ id: inv.workspaceId, name: inv.workspaceName, role }, 200);
      if (setCookie) res.headers.append('set-cookie', setCookie);
      return res;
    },
  );
}
