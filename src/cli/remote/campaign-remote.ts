import type { Command } from 'commander';
import type { CampaignSummary } from '../../outreach/campaigns/campaign.ts';
import { action, printJson } from '../cli-context.ts';
import type { RemoteClient } from './remote-client.ts';

/** One line per campaign, as `scoutline campaign list` prints on a local database. */
export function campaignLine(c: CampaignSummary): string {
  const states = Object.entries(c.byState).map(([k, v]) => `${k} ${v}`).join(', ');
  const actions = Object.entries(c.actions).map(([k, v]) => `${k} ${v}`).join(', ');
  return `${c.id}  ${c.name}  [${c.status}]  seats: ${c.seatIds.join(', ')}  ${c.enrollments} candidates${states ? ` (${states})` : ''}${actions ? `  actions: ${actions}` : ''}`;
}

const enc = encodeURIComponent;

/** `campaign list|show|launch|pause|stop` against a server (launching and pausing need a recruiter or more). */
export function registerCampaignRemote(program: Command, client: () => RemoteClient): void {
  const campaign = program.command('campaign').description('outreach campaigns on the server: list, show, launch, pause, stop');

  campaign
    .command('list')
    .description('list campaigns')
    .option('--json', "print the API's JSON")
    .action(
      action(async (opts: { json?: boolean }) => {
        const r = await client().json<{ campaigns: CampaignSummary[] }>('GET', '/api/campaigns');
        if (opts.json) return printJson(r);
        for (const c of r.campaigns) console.log(campaignLine(c));
        if (r.campaigns.length === 0) console.log('no campaigns yet');
      }),
    );

  campaign
    .command('show <campaign>')
    .description('show a campaign with its sequence and counts')
    .action(
      action(async (id: string) => {
        printJson(await client().json('GET', `/api/campaigns/${enc(id)}`));
      }),
    );

  for (const [name, what] of [
    ['launch', 'start (or resume) sending'],
    ['pause', 'stop planning; planned actions are cancelled and planned again on launch'],
    ['stop', 'end the campaign: every active enrollment stops'],
  ] as const) {
    campaign
      .command(`${name} <campaign>`)
      .description(what)
      .option('--json', "print the API's JSON")
      .action(
        action(async (id: string, opts: { json?: boolean }) => {
          const c = await client().json<CampaignSummary>('POST', `/api/campaigns/${enc(id)}/${name}`);
          if (opts.json) return printJson(c);
          console.log(campaignLine(c));
        }),
      );
  }
}
