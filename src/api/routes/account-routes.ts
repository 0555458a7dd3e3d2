import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { AppError } from '../../core/app-error.ts';
import { roleSchema } from '../../access/role.ts';
import { createWorkspace, listUserWorkspaces, addMember } from '../../access/membership-store.ts';
import { findPendingInvitation, markInvitationAccepted } from '../../access/invitation-store.ts';
import { auditRequest, callerOf } from '../request-audit.ts';
import { createUser, hasPassword, setUserPassword } from '../../access/user-accounts.ts';
import { appendAudit } from '../../access/audit-store.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const workspaceSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema }).openapi('WorkspaceMembership');
export const meSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string(), hasPassword: z.boolean() }),
    via: z.enum(['session', 'token', 'cli', 'system']),
    workspace: workspaceSchema.nullable(),
    workspaces: z.array(workspaceSchema),
    smtp: z.boolean().describe('whether the server can send account emails (password resets, invitations)'),
  })
  .openapi('Me');

const invitationPreviewSchema = z.object({ workspaceName: z.string(), role: roleSchema, email: z.string().nullable(), expiresAt: z.string(), existingUser: z.boolean() }).openapi('InvitationPreview');

/** Who am I, which workspaces, switching between them, my password; accepting an invitation. */
export function registerAccountRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/me', tags: ['accounts'], summary: 'The signed-in user, their current workspace and role, and all their workspaces', responses: { 200: json(meSchema, 'Me'), ...errorResponses } }),
    async (c) => {
      const p = callerOf(c);
      const workspaces = await listUserWorkspaces(c.get('store'), p.userId);
      const visible = p.via === 'token' ? workspaces.filter((w) => w.id === p.workspaceId) : workspaces;
      const current = p.workspaceId ? { ...(workspaces.find((w) => w.id === p.workspaceId) ?? { id: p.workspaceId, name: p.workspaceId }), role: p.role! } : null;
      return c.json({ user: { id: p.userId, email: p.email, name: p.name, hasPassword: await hasPassword(c.get('access'), p.userId) }, via: p.via, workspace: current, workspaces: visible, smtp: c.get('access').mailer !== null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/me/workspace',
      tags: ['accounts'],
      summary: 'Switch the session to another of your workspaces',
      request: { body: { content: { 'application/json': { schema: z.object({ workspaceId: z.string().min(1) }) } }, required: true } },
      responses: { 200: json(workspaceSchema, 'The workspace now current'), ...errorResponses },
    }),
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
    createRoute({
      method: 'post',
      path: '/api/me/password',
      tags: ['accounts'],
      summary: 'Set or change your password (the current one is needed when you have one); other sessions are signed out',
      request: { body: { content: { 'application/json': { schema: z.object({ currentPassword: z.string().optional(), newPassword: z.string() }) } }, required: true } },
      responses: { 200: json(z.object({ ok: z.literal(true) }), 'Changed'), ...errorResponses },
    }),
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
    createRoute({
      method: 'post',
      path: '/api/workspaces',
      tags: ['accounts'],
      summary: 'Create a workspace (you become its owner) and switch to it',
      request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().min(1).max(100) }) } }, required: true } },
      responses: { 201: json(workspaceSchema, 'The new workspace'), ...errorResponses },
    }),
    async (c) => {
      const p = callerOf(c);
      const w = await createWorkspace(c.get('store'), c.req.valid('json').name, p.userId);
      const session = await c.get('access').auth.api.getSession({ headers: c.req.raw.headers });
      if (session) await c.get('store').db.updateTable('auth_sessions').set({ active_workspace_id: w.id }).where('id', '=', session.session.id).execute();
      await auditRequest(c, { action: 'workspace_created', target: w.id, workspaceId: w.id });
      return c.json(w, 201);
    },
  );

  const tokenParam = z.object({ token: z.string().min(1) });
  app.openapi(
    createRoute({ method: 'get', path: '/api/invitations/{token}', tags: ['accounts'], summary: 'What an invitation link is for (workspace, role), before accepting it', request: { params: tokenParam }, responses: { 200: json(invitationPreviewSchema, 'The invitation'), ...errorResponses } }),
    async (c) => {
      const inv = await findPendingInvitation(c.get('store'), c.req.valid('param').token);
      const existing = inv.email ? await c.get('store').db.selectFrom('auth_users').select('id').where('email', '=', inv.email).executeTakeFirst() : undefined;
      return c.json({ workspaceName: inv.workspaceName, role: inv.role, email: inv.email, expiresAt: inv.expiresAt, existingUser: !!existing }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/invitations/{token}/accept',
      tags: ['accounts'],
      summary: 'Accept an invitation: signed in, you join the workspace; otherwise give a name, email and password to create your account (you are then signed in)',
      request: {
        params: tokenParam,
        body: { content: { 'application/json': { schema: z.object({ name: z.string().optional(), email: z.string().optional(), password: z.string().optional() }) } }, required: true },
      },
      responses: { 200: json(workspaceSchema, 'The workspace joined'), ...errorResponses },
    }),
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
