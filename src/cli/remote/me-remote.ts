import type { Command } from 'commander';
import { action, printJson } from '../cli-context.ts';
import type { RemoteClient } from './remote-client.ts';

interface Me {
  user: { id: string; email: string; name: string; hasPassword: boolean };
  via: string;
  workspace: { id: string; name: string; role: string } | null;
  workspaces: Array<{ id: string; name: string; role: string }>;
}

/** `scoutline --server URL me`: whom the token acts as, in which workspace, with which role. */
export function registerMeRemote(program: Command, client: () => RemoteClient): void {
  program
    .command('me')
    .description('who the token acts as on the server: user, workspace, role')
    .option('--json', "print the API's JSON")
    .action(
      action(async (opts: { json?: boolean }) => {
        const c = client();
        const me = await c.json<Me>('GET', '/api/me');
        if (opts.json) return printJson(me);
        console.log(`${me.user.email} (${me.user.name}) via ${me.via} on ${c.server}`);
        console.log(me.workspace ? `workspace ${me.workspace.id} (${me.workspace.name}), role ${me.workspace.role}` : 'not a member of any workspace');
      }),
    );
}
