import type { Command } from 'commander';
import type { ApiToken } from '../../access/api-token-store.ts';
import { tokenLine } from '../commands/account-format.ts';
import { parseRole } from '../commands/local-account-context.ts';
import { action, printJson } from '../cli-context.ts';
import type { RemoteClient } from './remote-client.ts';

/**
 * `tokens list|revoke|create` against a server. Creating one needs a signed-in
 * session (the server refuses a token making tokens): it is here so the
 * refusal comes from the server with its reason, not from a guess here.
 */
export function registerTokensRemote(program: Command, client: () => RemoteClient): void {
  const tokens = program.command('tokens').description('API tokens on the server (yours; admins: everyone’s in the workspace)');

  tokens
    .command('list')
    .description('tokens (a prefix to recognise each, never the token)')
    .option('--json', "print the API's JSON")
    .action(
      action(async (opts: { json?: boolean }) => {
        const r = await client().json<{ tokens: ApiToken[] }>('GET', '/api/tokens');
        if (opts.json) return printJson(r);
        for (const t of r.tokens) console.log(tokenLine(t));
        if (r.tokens.length === 0) console.log('no tokens');
      }),
    );

  tokens
    .command('revoke <id>')
    .description('revoke a token: it stops working at once (revoking the one in use signs this CLI out)')
    .option('--json', "print the API's JSON")
    .action(
      action(async (id: string, opts: { json?: boolean }) => {
        const info = await client().json<ApiToken>('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
        if (opts.json) return printJson(info);
        console.log(`revoked token ${info.id} (${info.name})`);
      }),
    );

  tokens
    .command('create')
    .description('create a token (the server allows this from a signed-in session only: use the Tokens page, or `scoutline tokens create` on the server’s machine)')
    .requiredOption('--name <name>', 'what it is for')
    .option('--role <role>', 'at most your role')
    .option('--json', "print the API's JSON")
    .action(
      action(async (opts: { name: string; role?: string; json?: boolean }) => {
        const r = await client().json<{ token: string; info: ApiToken }>('POST', '/api/tokens', { json: { name: opts.name, ...(opts.role ? { role: parseRole(opts.role) } : {}) } });
        if (opts.json) return printJson(r);
        process.stderr.write(`Token ${r.info.id} (${r.info.role}). It is shown only now:\n`);
        console.log(r.token);
      }),
    );
}
