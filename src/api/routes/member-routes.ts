import type { ScoutlineApp } from '../app-env.ts';
import { changeMemberRoleRoute, createInvitationRoute, listInvitationsRoute, listMembersRoute, removeMemberRoute, revokeInvitationRoute } from '../../api-contract/member-contract.ts';
import { changeMemberRole, getMember, listMembers, removeMember } from '../../access/membership-store.ts';
import { createInvitation, listInvitations, revokeInvitation } from '../../access/invitation-store.ts';
import { auditRequest, callerOf } from '../request-audit.ts';
import { AppError } from '../../core/app-error.ts';

/** Members of the current workspace, their roles, and invitations. */
export function registerMemberRoutes(app: ScoutlineApp): void {
  app.openapi(listMembersRoute, async (c) => c.json({ members: await listMembers(c.get('store'), c.get('workspaceId')) }, 200));

  app.openapi(
    changeMemberRoleRoute,
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
    removeMemberRoute,
    async (c) => {
      const p = callerOf(c);
      const { userId } = c.req.valid('param');
      const m = await getMember(c.get('store'), c.get('workspaceId'), userId);
      await removeMember(c.get('store'), c.get('workspaceId'), p.role!, userId);
      await auditRequest(c, { action: 'member_removed', target: m.email, details: { role: m.role } });
      return c.json({ removed: userId }, 200);
    },
  );

  app.openapi(listInvitationsRoute, async (c) => c.json({ invitations: await listInvitations(c.get('store'), c.get('workspaceId')) }, 200));

  app.openapi(
    createInvitationRoute,
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
    revokeInvitationRoute,
    async (c) => {
      const inv = await revokeInvitation(c.get('store'), c.get('workspaceId'), c.req.valid('param').id);
      if (inv.status !== 'revoked') throw new AppError('conflict', `the invitation is ${inv.status}, not pending`);
      await auditRequest(c, { action: 'invitation_revoked', target: inv.email ?? `link ${inv.id}` });
      return c.json(inv, 200);
    },
  );
}
