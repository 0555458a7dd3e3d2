import { moneyText } from '../money-text.ts';
import { resolveCampaignRef } from '../../outreach/campaigns/campaign-ref-store.ts';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { parseDay } from '../../credits/utc-day.ts';
import { loadSimulationInput } from '../../outreach/simulation/simulate-campaign-input-store.ts';
import { simulateCampaign, type SimulationReport, type SimulationRun } from '../../outreach/simulation/simulate-campaign.ts';
import { action, dbOption, defaultWorkspace, parseIntOption, printJson, withStore } from '../cli-context.ts';

/**
 * `scoutline campaign simulate CAMPAIGN --days 30 [--seed S] [--start DATE] [--json]`:
 * the campaign's plan against the sandbox audience, day by day, next to an
 * InMail-only plan (src/outreach/simulation/simulate-campaign.ts). Adds `simulate` to
 * the `campaign` command group (created here when the outreach commands
 * have not made it).
 */
export function registerCampaignSimulateCommand(program: Command): void {
  const campaign = program.commands.find((c) => c.name() === 'campaign') ?? program.command('campaign').description('outreach campaigns');
  campaign
    .command('simulate <campaign>')
    .description('simulate the campaign against the sandbox LinkedIn for N days, with an InMail-only comparison')
    .option('--days <n>', 'days to simulate', parseIntOption('days'), 30)
    .option('--seed <seed>', 'sandbox seed (same seed, same result)', '1')
    .option('--start <date>', 'first day YYYY-MM-DD (default: today, UTC)')
    .option('--json', 'print JSON')
    .action(
      action(async (campaignId: string, opts: { days: number; seed: string; start?: string; json?: boolean }, cmd: Command) => {
        if (opts.days < 1 || opts.days > 365) throw new AppError('invalid_input', `--days must be between 1 and 365, got ${opts.days}`);
        const startDate = opts.start ?? new Date().toISOString().slice(0, 10);
        if (parseDay(startDate) === null) throw new AppError('invalid_input', `--start expects YYYY-MM-DD, got '${startDate}'`);
        await withStore(dbOption(cmd), async (store) => {
          const input = await loadSimulationInput(store, defaultWorkspace, await resolveCampaignRef(store, defaultWorkspace, campaignId), { days: opts.days, seed: opts.seed, startDate });
          const report = simulateCampaign(input);
          if (opts.json) return printJson(report);
          process.stdout.write(formatSimulation(report));
        });
      }),
    );
}

function table(run: SimulationRun): string {
  const head = ['date', 'invites', 'accepts', 'messages', 'inmail paid', 'inmail free', 'credits -', 'credits +', 'replies', 'cost', 'cost/reply'];
  const rows = run.days.map((d) => [d.date, d.invitations, d.acceptances, d.messages, d.inmailsPaid, d.inmailsFree, d.creditsSpent, d.creditsRefunded, d.replies, moneyText(d.costUsd), moneyText(d.costPerReply)].map(String));
  const t = run.totals;
  rows.push(['total', t.invitations, t.acceptances, t.messages, t.inmailsPaid, t.inmailsFree, t.creditsSpent, t.creditsRefunded, t.replies, moneyText(t.costUsd), moneyText(t.costPerReply)].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

export function formatSimulation(r: SimulationReport): string {
  const t = r.totals;
  const o = r.inmailOnly.totals;
  return [
    `Campaign ${r.campaign.name} (${r.campaign.id}), ${r.days.length} days from ${r.startDate}, seed ${r.seed}, ${t.candidates} candidates, ${moneyText(r.pricePerCreditUsd)} per credit`,
    '',
    table(r),
    '',
    'InMail only, same candidates and seed:',
    table(r.inmailOnly),
    '',
    `replies: ${t.replies} (rate ${t.replyRate ?? '-'}) vs ${o.replies} InMail-only (rate ${o.replyRate ?? '-'}); cost per reply ${moneyText(t.costPerReply)} vs ${moneyText(o.costPerReply)}`,
    '',
  ].join('\n');
}
