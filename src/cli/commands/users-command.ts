import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { createUser, hasPassword, makeResetLink, makeSignInLink, setUserPassword } from '../../access/user-accounts.ts';
import { addMember, listUserWorkspaces } from '../../access/membership-store.ts';
import { action, printJson } from '../cli-context.ts';
import { auditCli } from '../cli-audit.ts';
import { addPublicUrlOption, addWorkspaceOption, auditUserEvent, findUserByEmail, parseRole, readPasswordFromStdin, requireWorkspace, withAccountAccess, type WorkspaceOpts } from './local-account-context.ts';

/**
 * `scoutline users ...`: accounts on this database, as its owner. People
 * normally join by invitation; these are for the first users, for someone
 * locked out (a link or a new password), and for scripts.
 */
export function registerUsersCommands(program: Command): void {
  const users = program.command('users').description('user accounts on this database (local CLI only: it acts as the owner)');

  addPublicUrlOption(addWorkspaceOption(users.command('create <email>')))
    .description('create a user (no password unless --password-stdin: then make them a sign-in link with `users link`)')
    .requiredOption('--name <name>', 'their name')
    .option('--role <role>', 'also make them a member of --workspace with this role (owner, admin, recruiter, viewer)')
    .option('--password-stdin', 'read their password from stdin (typed without echo on a terminal)')
    .action(
      action(async (email: string, opts: WorkspaceOpts & { name: string; role?: string; passwordStdin?: boolean; publicUrl?: string }, cmd: Command) => {
        const role = opts.role === undefined ? undefined : parseRole(opts.role);
        const password = opts.passwordStdin ? await readPasswordFromStdin() : undefined;
        await withAccountAccess(cmd, opts.publicUrl, async (store, access) => {
          if (role) await requireWorkspace(store, opts.workspace);
          const user = await createUser(access, { email, name: opts.name, password });
          await auditCli(store.db, opts.workspace, 'user_created', user.email, { password: password !== undefined });
          if (role) {
            await addMember(store, opts.workspace, user.id, role);
            await auditCli(store.db, opts.workspace, 'member_role_changed', user.email, { to: role, reason: 'added by the local cli' });
          }
          if (opts.json) return printJson({ user, hasPassword: password !== undefined, ...(role ? { workspace: opts.workspace, role } : {}) });
          console.log(`created user ${user.email} (${user.id})${role ? `, ${role} of ${opts.workspace}` : ''}`);
          if (password === undefined) console.log(`no password yet: \`scoutline users link ${user.email}\` makes a one-time sign-in link`);
        });
      }),
    );

  users
    .command('list')
    .description('every user with their workspaces and roles')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        await withAccountAccess(cmd, undefined, async (store, access) => {
          const rows = await store.db.selectFrom('auth_users').select(['id', 'email', 'name', 'created_at']).orderBy('created_at').orderBy('email').execute();
          const list = [];
          for (const r of rows) list.push({ id: r.id, email: r.email, name: r.name, createdAt: r.created_at, hasPassword: await hasPassword(access, r.id), workspaces: await listUserWorkspaces(store, r.id) });
          if (opts.json) return printJson({ users: list });
          for (const u of list) console.log(`${u.email}  ${u.name}  ${u.hasPassword ? '' : '(no password)  '}${u.workspaces.map((w) => `${w.id}:${w.role}`).join(' ') || '(no workspace)'}`);
          if (list.length === 0) console.log('no users yet: `scoutline serve` creates the owner on first start, or `scoutline users create EMAIL --name NAME --role owner`');
        });
      }),
    );

  addPublicUrlOption(addWorkspaceOption(users.command('link <email>')))
    .description('a one-time sign-in link for a user (valid 24 hours, works once)')
    .action(
      action(async (email: string, opts: WorkspaceOpts & { publicUrl?: string }, cmd: Command) => {
        await withAccountAccess(cmd, opts.publicUrl, async (store, access) => {
          const user = await findUserByEmail(store, email);
          const link = await makeSignInLink(access, user.email);
          await auditUserEvent(store, user.id, opts.workspace, 'sign_in_link_created', user.email);
          if (opts.json) return printJson({ email: user.email, link, validHours: 24 });
          console.log(`One-time sign-in link for ${user.email} (valid 24 hours, works once):\n  ${link}`);
        });
      }),
    );

  addPublicUrlOption(addWorkspaceOption(users.command('reset-link <email>')))
    .description('a password-reset link for a user (valid one hour; emailed too when SMTP is set up)')
    .action(
      action(async (email: string, opts: WorkspaceOpts & { publicUrl?: string }, cmd: Command) => {
        await withAccountAccess(cmd, opts.publicUrl, async (store, access) => {
          const user = await findUserByEmail(store, email);
          const link = await makeResetLink(access, user.email);
          await auditUserEvent(store, user.id, opts.workspace, 'password_reset_requested', user.email, { emailed: access.mailer !== null });
          if (opts.json) return printJson({ email: user.email, link, validHours: 1, emailed: access.mailer !== null });
          console.log(`Password-reset link for ${user.email} (valid one hour${access.mailer ? ', also emailed' : ''}):\n  ${link}`);
        });
      }),
    );

  addWorkspaceOption(users.command('set-password <email>'))
    .description("set a user's password (read from stdin) and sign them out everywhere")
    .option('--password-stdin', 'read the password from stdin (typed without echo on a terminal); required')
    .action(
      action(async (email: string, opts: WorkspaceOpts & { passwordStdin?: boolean }, cmd: Command) => {
        if (!opts.passwordStdin) throw new AppError('invalid_input', 'give --password-stdin and pass the password on stdin: never as an argument (shell history, ps)');
        const password = await readPasswordFromStdin('New password: ');
        await withAccountAccess(cmd, undefined, async (store, access) => {
          const user = await findUserByEmail(store, email);
          await setUserPassword(access, user.id, password);
          // as a password reset does: whoever had a session with the old password is out
          const out = await store.db.deleteFrom('auth_sessions').where('user_id', '=', user.id).executeTakeFirst();
          await auditUserEvent(store, user.id, opts.workspace, 'password_changed', user.email, { sessionsEnded: Number(out.numDeletedRows) });
          if (opts.json) return printJson({ email: user.email, passwordSet: true, sessionsEnded: Number(out.numDeletedRows) });
          console.log(`password set for ${user.email}; ${Number(out.numDeletedRows)} session(s) signed out`);
        });
      }),
    );
}
