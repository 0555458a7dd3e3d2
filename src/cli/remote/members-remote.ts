import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import type { Member } from '../../access/membership-store.ts';
import { memberLine } from '../commands/account-format.ts';
import { parseRole } from '../commands/local-account-context.ts';
import { action, printJson } from '../cli-context.ts';
import type { RemoteClient } from './remote-client.ts';

async function memberByEmail(c: RemoteClient, email: string): Promise<Member> {
  const { members } = await c.json<{ members: Member[] }>('GET', '/api/members');
  const want = email.trim().toLowerCase();
  const m = members.find((x) => x.email.toLowerCase() === want);
  if (!m) throw new AppError('not_found', `no member with the email ${want} in this workspace`, { email: want });
  return m;
}

/** `members list|role|remove` and `invite` against a server, in the token's workspace (admins). */
export function registerMembersRemote(program: Command, client: () => RemoteClient): void {
  const members = program.command('members').description("the token's workspace: members and their roles");

  members
    .command('list')
    .description('members and roles')
    .option('--json', "print the API's JSON")
    .action(
      action(async (opts: { json?: boolean }) => {
        const r = await client().json<{ members: Member[] }>('GET', '/api/members');
        if (opts.json) return printJson(r);
        for (const m of r.members) console.log(memberLine(m));
      }),
    );

  members
    .command('role <email> <role>')
    .description("change a member's role (admins; only an owner makes or changes owners)")
    .option('--json', "print the API's JSON")
    .action(
      action(async (email: string, roleText: string, opts: { json?: boolean }) => {
        const role = parseRole(roleText);
        const c = client();
        const before = await memberByEmail(c, email);
        const m = await c.json<Member>('PATCH', `/api/members/${encodeURIComponent(before.userId)}`, { json: { role } });
        if (opts.json) return printJson(m);
        console.log(`${m.email}: ${before.role} -> ${m.role}`);
      }),
    );

  members
    .command('remove <email>')
    .description('remove a member (their seats become unassigned, their tokens here are revoked)')
    .option('--json', "print the API's JSON")
    .action(
      action(async (email: string, opts: { json?: boolean }) => {
        const c = client();
        const m = await memberByEmail(c, email);
        const r = await c.json<{ removed: string }>('DELETE', `/api/members/${encodeURIComponent(m.userId)}`);
        if (opts.json) return printJson(r);
        console.log(`removed ${m.email} (${m.role})`);
      }),
    );

  program
    .command('invite [email]')
    .description('invite someone to the token’s workspace by link (no email) or for one address; prints the link once')
    .requiredOption('--role <role>', 'the role they get (owner, admin, recruiter, viewer)')
    .option('--no-send', 'do not email it even when the server has SMTP settings')
    .option('--json', "print the API's JSON")
    .action(
      action(async (email: string | undefined, opts: { role: string; send: boolean; json?: boolean }) => {
        const role = parseRole(opts.role);
        const r = await client().json<{ invitation: { email: string | null; role: string; workspaceName: string; expiresAt: string }; url: string; emailed: boolean }>('POST', '/api/invitations', { json: { email: email ?? null, role, send: opts.send } });
        if (opts.json) return printJson(r);
        const i = r.invitation;
        console.log(`Invitation to ${i.workspaceName} as ${i.role}${i.email ? ` for ${i.email}` : ' (anyone with the link)'}, valid until ${i.expiresAt.slice(0, 16)}${r.emailed ? ', emailed' : ''}:\n  ${r.url}`);
      }),
    );
}
