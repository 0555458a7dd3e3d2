import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import type { Store } from '../../db/open-database.ts';
import type { AccessContext } from '../../access/access-context.ts';
import { normaliseEmail } from '../../access/invitation-store.ts';
import { listUserWorkspaces } from '../../access/membership-store.ts';
import { isRole, roles, type Role } from '../../access/role.ts';
import type { AuditAction } from '../../access/audit-action.ts';
import { auditCli } from '../cli-audit.ts';
import { dbOption, defaultWorkspace, withStore } from '../cli-context.ts';
import { publicUrlFrom, serverAccess } from '../server-access.ts';

/**
 * What the local account commands share: the database with its access
 * context (the server's master key and link settings, src/cli/server-access.ts),
 * looking people up by email, and reading a password without putting it on
 * the command line. The local CLI has the database file and so acts as the
 * owner of every workspace in it (docs/security.md).
 */
export interface WorkspaceOpts {
  workspace: string;
  json?: boolean;
}

export function addWorkspaceOption(cmd: Command): Command {
  return cmd.option('--workspace <id>', 'the workspace', defaultWorkspace).option('--json', 'print JSON');
}

export function addPublicUrlOption(cmd: Command): Command {
  return cmd.option('--public-url <url>', 'the URL people open, for the link (default: $SCOUTLINE_PUBLIC_URL or http://127.0.0.1:4477, as `serve`)');
}

export async function withAccountAccess<T>(cmd: Command, publicUrl: string | undefined, fn: (store: Store, access: AccessContext) => Promise<T>): Promise<T> {
  return withStore(dbOption(cmd), async (store) => fn(store, serverAccess(store, { publicUrl: publicUrlFrom(publicUrl) })));
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
}

export async function findUserByEmail(store: Store, email: string): Promise<UserRow> {
  const normal = normaliseEmail(email);
  const row = await store.db.selectFrom('auth_users').select(['id', 'email', 'name']).where('email', '=', normal).executeTakeFirst();
  if (!row) throw new AppError('not_found', `no user with the email ${normal} (create one with \`scoutline users create ${normal} --name NAME\`)`, { email: normal });
  return row;
}

export async function requireWorkspace(store: Store, workspaceId: string): Promise<{ id: string; name: string }> {
  const row = await store.db.selectFrom('workspaces').select(['id', 'name']).where('id', '=', workspaceId).executeTakeFirst();
  if (!row) throw new AppError('not_found', `no workspace '${workspaceId}' (see \`scoutline workspaces list\`)`, { workspaceId });
  return row;
}

export function parseRole(value: string): Role {
  if (!isRole(value)) throw new AppError('invalid_input', `a role is one of ${roles.join(', ')}; got '${value}'`);
  return value;
}

/**
 * An event about a user rather than a workspace (a sign-in link, a password
 * set by the CLI) is recorded in every workspace the user belongs to, so the
 * admins of each see it; in `fallback` when they belong to none yet.
 */
export async function auditUserEvent(store: Store, userId: string, fallback: string, action: AuditAction, target: string, details: Record<string, unknown> = {}): Promise<void> {
  const workspaces = (await listUserWorkspaces(store, userId)).map((w) => w.id);
  for (const ws of workspaces.length ? workspaces : [fallback]) await auditCli(store.db, ws, action, target, details);
}

/**
 * A password from stdin: a pipe is read whole (one trailing newline dropped);
 * on a terminal it is typed without echo. Never from an argument: those end
 * up in shell history and `ps`.
 */
export async function readPasswordFromStdin(prompt = 'Password: '): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) return readHiddenLine(prompt);
  let text = '';
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) text += chunk as string;
  const password = text.replace(/\r?\n$/, '');
  if (!password) throw new AppError('invalid_input', '--password-stdin: nothing on stdin');
  return password;
}

function readHiddenLine(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let line = '';
    const done = (err: AppError | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(line);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(line ? null : new AppError('invalid_input', 'no password typed'));
        if (ch === '\u0003') return done(new AppError('invalid_input', 'cancelled'));
        if (ch === '\u007f' || ch === '\b') line = line.slice(0, -1);
        else line += ch;
      }
    };
    stdin.on('data', onData);
  });
}
