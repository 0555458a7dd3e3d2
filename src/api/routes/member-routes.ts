import { createRoute, z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { errorResponses } from '../../api-contract/error-body.ts';
import { roleSchema } from '../../access/role.ts';
import { changeMemberRole, getMember, listMembers, removeMember } from '../../access/membership-store.ts';
import { createInvitation, listInvitations, revokeInvitation } from '../../access/invitation-store.ts';
import { auditRequest, callerOf } from '../request-audit.ts';
import { AppError } from '../../core/app-error.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const memberSchema = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: roleSchema, joinedAt: z.string() }).openapi('Member');
const invitationSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    workspaceName: z.string(),
    email: z.string().nullable(),
    role: roleSchema,
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  })
  .openapi('Invitation');

/** Members of the current workspace, their roles, and invitations. */
export function registerMemberRoutes(app: ScoutlineApp): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/members', tags: ['accounts'], summary: "The workspace's members and their roles", responses: { 200: json(z.object({ members: z.array(memberSchema) }), 'Members'), ...errorResponses } }),
    async (c) => c.json({ members: await listMembers(c.get('store'), c.get('workspaceId')) }, 200),
  );

  const userParam = z.object({ userId: z.string().min(1) });
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/members/{userId}',
      tags: ['accounts'],
      summary: "Change a member's role (only an owner makes or changes owners; a workspace keeps one owner)",
      request: { params: userParam, body: { content: { 'application/json': { schema: z.object({ role: roleSchema }) } }, required: true } },
      responses: { 200: json(memberSchema, 'The member'), ...errorResponses },
    }),
    async (c) => {
      const p = callerOf(c);
      const { userId } = c.req.valid('param');
      const before = await getMember(c.get('store'), c.get('workspaceId'), userId);
      const m = await changeMemberRole(c.get('store'), c.get('workspaceId'), p.role!, userId, c.req.valid('json').role);
      await auditRequest(c, { action: 'member_role_changed', target: m.email, details: { from: before.role, to: m.role } });
      return c.json(m, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/api/members/{userId}', tags: ['accounts'], summary: 'Remove a member (their seats become unassigned, their tokens here are revoked)', request: { params: userParam }, responses: { 200: json(z.object({ removed: z.string() }), 'Removed'), ...errorResponses } }),
    async (c) => {
      const p = callerOf(c);
      const { userId } = c.req.valid('param');
      const m = await getMember(c.get('store'), c.get('workspaceId'), userId);
      await removeMember(c.get('store'), c.get('workspaceId'), p.role!, userId);
      await auditRequest(c, { action: 'member_removed', target: m.email, details: { role: m.role } });
      return c.json({ removed: userId }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/invitations', tags: ['accounts'], summary: "The workspace's invitations with their status", responses: { 200: json(z.object({ invitations: z.array(invitationSchema) }), 'Invitations'), ...errorResponses } }),
    async (c) => c.json({ invitations: await listInvitations(c.get('store'), c.get('workspaceId')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/invitations',
      tags: ['accounts'],
      summary: 'Invite someone: by link (no email) or for one address (emailed when the server has SMTP settings); the link is shown once',
      request: { body: { content: { 'application/json': { schema: z.object({ email: z.string().nullable().default(null), role: roleSchema, send: z.boolean().default(true) }) } }, required: true } },
      responses: { 201: json(z.object({ invitation: invitationSchema, url: z.string(), emailed: z.boolean() }), 'The invitation and its link'), ...errorResponses },
    }),
    async (c) => {
      const p = callerOf(c);
      const body = c.req.valid('json');
      const access = c.get('access');
      const { token, invitation } = await createInvitation(c.get('store'), { workspaceId: c.get('workspaceId'), email: body.email, role: body.role, createdBy: p.userId, actorRole: p.role! });
      const url = `${access.publicUrl}/invite/${token}`;
      let emailed = false;
      if (invitation.email && body.send && access.mailer) {
        await access.mailer.send({
          to: invitation.email,
          subject: `You are invited to ${invitation.workspaceName} on Scoutline`,
          text: `${p.name} (${p.email}) invites you to the workspace "${invitation.workspaceName}" on Scoutline as ${invitation.role}.\n\nOpen this link within 7 days to join:\n${url}\n`,
        });
        emailed = true;
      }
      await auditRequest(c, { action: 'invitation_created', target: invitation.email ?? `link ${invitation.id}`, details: { role: invitation.role, emailed } });
      return c.json({ invitation, url, emailed }, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/api/invitations/{id}', tags: ['accounts'], summary: 'Revoke a pending invitation (its link stops working)', request: { params: z.object({ id: z.string().min(1) }) }, responses: { 200: json(invitationSchema, 'The invitation'), ...errorResponses } }),
    async (c) => {
      const inv = await revokeInvitation(c.get('store'), c.get('workspaceId'), c.req.valid('param').id);
      if (inv.status !== 'revoked') throw new AppError('conflict', `the invitation is ${inv.status}, not pending`);
      await auditRequest(c, { action: 'invitation_revoked', target: inv.email ?? `link ${inv.id}` });
      return c.json(inv, 200);
    },
  );
}
