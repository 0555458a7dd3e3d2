import type { Command } from 'commander';
import { createApiToken, listApiTokens, revokeApiToken } from '../../access/api-token-store.ts';
import { memberRole } from '../../access/membership-store.ts';
import { AppError } from '../../core/app-error.ts';
import { action, printJson } from '../cli-context.ts';
import { auditCli } from '../cli-audit.ts';
import { tokenLine } from './account-format.ts';
import { addWorkspaceOption, findUserByEmail, parseRole, requireWorkspace, withAccountAccess, type WorkspaceOpts } from './local-account-context.ts';

/**
 * `scoutline tokens create|list|revoke`: API tokens for integrations and for
 * the CLI against a remote server (`scoutline --server URL --token TOKEN`).
 * A token belongs to one member in one workspace, with at most their role;
 * it is printed once and stored hashed.
 */
export function registerTokensCommands(program: Command): void {
  const tokens = program.command('tokens').description('API tokens: one workspace each, at most their user’s role');

  addWorkspaceOption(tokens.command('create'))
    .description('create a token for a member; it is printed once, keep it somewhere safe')
    .requiredOption('--user <email>', 'the member it acts as')
    .requiredOption('--name <name>', 'what it is for, e.g. "ci import" or "laptop cli"')
    .option('--role <role>', 'at most the member’s role (default: their role)')
    .action(
      action(async (opts: WorkspaceOpts & { user: string; name: string; role?: string }, cmd: Command) => {
        const asked = opts.role === undefined ? undefined : parseRole(opts.role);
        await withAccountAccess(cmd, undefined, async (store) => {
          await requireWorkspace(store, opts.workspace);
          const user = await findUserByEmail(store, opts.user);
          const role = asked ?? (await memberRole(store, opts.workspace, user.id));
          if (!role) throw new AppError('not_found', `${user.email} is not a member of ${opts.workspace} (add them with \`scoutline members add ${user.email} ROLE\`)`);
          const { token, info } = await createApiToken(store, { workspaceId: opts.workspace, userId: user.id, name: opts.name, role });
          await auditCli(store.db, opts.workspace, 'token_created', info.id, { name: info.name, role: info.role, prefix: info.prefix, user: user.email });
          if (opts.json) return printJson({ token, info });
          process.stderr.write(`Token ${info.id} (${info.role} of ${opts.workspace}, acting as ${user.email}). It is shown only now:\n`);
          console.log(token);
        });
      }),
    );

  addWorkspaceOption(tokens.command('list'))
    .description("the workspace's tokens (never the tokens themselves: a prefix to recognise them)")
    .action(
      action(async (opts: WorkspaceOpts, cmd: Command) => {
        await withAccountAccess(cmd, undefined, async (store) => {
          await requireWorkspace(store, opts.workspace);
          const list = await listApiTokens(store, opts.workspace);
          if (opts.json) return printJson({ tokens: list });
          const emails = new Map((await store.db.selectFrom('auth_users').select(['id', 'email']).execute()).map((u) => [u.id, u.email]));
          for (const t of list) console.log(tokenLine(t, emails.get(t.userId)));
          if (list.length === 0) console.log(`no tokens in ${opts.workspace}`);
        });
      }),
    );

  addWorkspaceOption(tokens.command('revoke <id>'))
    .description('revoke a token: it stops working at once')
    .action(
      action(async (id: string, opts: WorkspaceOpts, cmd: Command) => {
        await withAccountAccess(cmd, undefined, async (store) => {
          const before = (await listApiTokens(store, opts.workspace)).find((t) => t.id === id);
          const info = await revokeApiToken(store, opts.workspace, id);
          if (before && !before.revokedAt) await auditCli(store.db, opts.workspace, 'token_revoked', info.id, { name: info.name });
          if (opts.json) return printJson(info);
          console.log(before?.revokedAt ? `token ${info.id} was already revoked (${before.revokedAt})` : `revoked token ${info.id} (${info.name})`);
        });
      }),
    );
}
