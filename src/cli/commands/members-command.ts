import type { Command } from 'commander';
import { addMember, changeMemberRole, getMember, listMembers, memberRole, removeMember } from '../../access/membership-store.ts';
import { createInvitation } from '../../access/invitation-store.ts';
import { action, printJson } from '../cli-context.ts';
import { auditCli, localCliActor } from '../cli-audit.ts';
import { memberLine } from './account-format.ts';
import { addPublicUrlOption, addWorkspaceOption, findUserByEmail, parseRole, requireWorkspace, withAccountAccess, type WorkspaceOpts } from './local-account-context.ts';

/**
 * `scoutline members ...` and `scoutline invite`: who is in a workspace with
 * which role. The local CLI changes them as an owner would; the same rules
 * hold (a workspace keeps one owner).
 */
export function registerMembersCommands(program: Command): void {
  const members = program.command('members').description("a workspace's members and their roles");

  addWorkspaceOption(members.command('list'))
    .description('members and roles')
    .action(
      action(async (opts: WorkspaceOpts, cmd: Command) => {
        await withAccountAccess(cmd, undefined, async (store) => {
          await requireWorkspace(store, opts.workspace);
          const list = await listMembers(store, opts.workspace);
          if (opts.json) return printJson({ members: list });
          for (const m of list) console.log(memberLine(m));
          if (list.length === 0) console.log(`no members in ${opts.workspace}`);
        });
      }),
    );

  addWorkspaceOption(members.command('add <email> <role>'))
    .description('make an existing user a member (a role they already have that is higher stays)')
    .action(
      action(async (email: string, roleText: string, opts: WorkspaceOpts, cmd: Command) => {
        const role = parseRole(roleText);
        await withAccountAccess(cmd, undefined, async (store) => {
          await requireWorkspace(store, opts.workspace);
          const user = await findUserByEmail(store, email);
          const before = await memberRole(store, opts.workspace, user.id);
          const now = await addMember(store, opts.workspace, user.id, role);
          if (now !== before) await auditCli(store.db, opts.workspace, 'member_role_changed', user.email, { from: before, to: now, reason: 'added by the local cli' });
          const m = await getMember(store, opts.workspace, user.id);
          if (opts.json) return printJson(m);
          console.log(before === now ? `${m.email} already is ${m.role} of ${opts.workspace}` : `${m.email} is now ${m.role} of ${opts.workspace}`);
        });
      }),
    );

  addWorkspaceOption(members.command('role <email> <role>'))
    .description("change a member's role (a workspace keeps at least one owner)")
    .action(
      action(async (email: string, roleText: string, opts: WorkspaceOpts, cmd: Command) => {
        const role = parseRole(roleText);
        await withAccountAccess(cmd, undefined, async (store) => {
          await requireWorkspace(store, opts.workspace);
          const user = await findUserByEmail(store, email);
          const before = await getMember(store, opts.workspace, user.id);
          const m = await changeMemberRole(store, opts.workspace, 'owner', user.id, role);
          await auditCli(store.db, opts.workspace, 'member_role_changed', m.email, { from: before.role, to: m.role });
          if (opts.json) return printJson(m);
          console.log(`${m.email}: ${before.role} -> ${m.role} in ${opts.workspace}`);
        });
      }),
    );

  addWorkspaceOption(members.command('remove <email>'))
    .description('remove a member (their seats become unassigned, their tokens here are revoked)')
    .action(
      action(async (email: string, opts: WorkspaceOpts, cmd: Command) => {
        await withAccountAccess(cmd, undefined, async (store) => {
          await requireWorkspace(store, opts.workspace);
          const user = await findUserByEmail(store, email);
          const m = await getMember(store, opts.workspace, user.id);
          await removeMember(store, opts.workspace, 'owner', user.id);
          await auditCli(store.db, opts.workspace, 'member_removed', m.email, { role: m.role });
          if (opts.json) return printJson({ removed: m.userId, email: m.email });
          console.log(`removed ${m.email} (${m.role}) from ${opts.workspace}`);
        });
      }),
    );

  addPublicUrlOption(addWorkspaceOption(program.command('invite [email]')))
    .description('invite someone by link (no email: anyone with the link) or for one address; prints the link (valid 7 days, works once)')
    .requiredOption('--role <role>', 'the role they get (owner, admin, recruiter, viewer)')
    .option('--no-send', 'do not email it even when SMTP is set up')
    .action(
      action(async (email: string | undefined, opts: WorkspaceOpts & { role: string; send: boolean; publicUrl?: string }, cmd: Command) => {
        const role = parseRole(opts.role);
        await withAccountAccess(cmd, opts.publicUrl, async (store, access) => {
          await requireWorkspace(store, opts.workspace);
          const { token, invitation } = await createInvitation(store, { workspaceId: opts.workspace, email: email ?? null, role, createdBy: localCliActor(), actorRole: 'owner' });
          const url = `${access.publicUrl}/invite/${token}`;
          let emailed = false;
          if (invitation.email && opts.send && access.mailer) {
            try {
              await access.mailer.send({
                to: invitation.email,
                subject: `You are invited to ${invitation.workspaceName} on Scoutline`,
                text: `You are invited to the workspace "${invitation.workspaceName}" on Scoutline as ${invitation.role}.\n\nOpen this link within 7 days to join:\n${url}\n`,
              });
              emailed = true;
            } catch (err) {
              // the invitation stands: the link printed below works without the email
              process.stderr.write(`scoutline: the invitation email was not sent: ${(err as Error).message}\n`);
            }
          }
          await auditCli(store.db, opts.workspace, 'invitation_created', invitation.email ?? `link ${invitation.id}`, { role: invitation.role, emailed });
          if (opts.json) return printJson({ invitation, url, emailed });
          console.log(`Invitation to ${invitation.workspaceName} as ${invitation.role}${invitation.email ? ` for ${invitation.email}` : ' (anyone with the link)'}, valid until ${invitation.expiresAt.slice(0, 16)}${emailed ? ', emailed' : ''}:\n  ${url}`);
        });
      }),
    );
}
