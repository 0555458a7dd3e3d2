import { moneyText } from '../money-text.ts';
import type { Command } from 'commander';
import { analyticsReport, type AnalyticsReport } from '../../analytics/analytics-report.ts';
import { loadAnalyticsLog } from '../../analytics/analytics-store.ts';
import { action, dbOption, defaultWorkspace, printJson, withStore } from '../cli-context.ts';

/** `scoutline analytics [--campaign C] [--json]`: funnels, reply rates and cost per reply (src/analytics). */
export function registerAnalyticsCommands(program: Command): void {
  program
    .command('analytics')
    .description('funnel per campaign, step, channel and variant; reply rates by weekday and message length; cost per reply')
    .option('--campaign <id>', 'only this campaign')
    .option('--from <date>', 'actions executed on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'actions executed before this date (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { campaign?: string; from?: string; to?: string; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const log = await loadAnalyticsLog(store, defaultWorkspace, { campaignId: opts.campaign, from: opts.from, to: opts.to });
          const report = analyticsReport(log);
          if (opts.json) return printJson(report);
          process.stdout.write(formatAnalytics(report));
        });
      }),
    );
}

function pct(r: number | null): string {
  return r === null ? '-' : `${(r * 100).toFixed(1)}%`;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

export function formatAnalytics(r: AnalyticsReport): string {
  const out: string[] = [];
  if (r.funnel.length === 0) out.push('No campaigns yet.');
  for (const f of r.funnel) {
    out.push(`Funnel: ${f.name} (${f.campaignId})`);
    out.push(table(['stage', 'people', 'of previous'], f.stages.map((s) => [s.label, String(s.count), pct(s.rate)])));
    out.push('');
  }
  out.push('By channel');
  out.push(table(['channel', 'sent', 'accepted', 'replied', 'reply rate', 'credits -', 'credits +', 'cost', 'cost/reply'], r.channels.map((c) => [c.channel, String(c.sent), String(c.accepted), String(c.replied), pct(c.replyRate), String(c.creditsSpent), String(c.creditsRefunded), moneyText(c.costUsd), moneyText(c.costPerReply)])));
  out.push('');
  out.push('By step');
  out.push(table(['campaign', 'step', 'channel', 'sent', 'accepted', 'replied', 'reply rate'], r.steps.map((s) => [s.campaignId, s.stepKey, s.channel, String(s.sent), String(s.accepted), String(s.replied), pct(s.replyRate)])));
  out.push('');
  out.push('By template variant');
  out.push(table(['campaign', 'step', 'variant', 'sent', 'accepted', 'replied', 'positive', 'reply rate'], r.variants.map((v) => [v.campaignId, v.stepKey, v.variant, String(v.sent), String(v.accepted), String(v.replied), String(v.positive), pct(v.replyRate)])));
  out.push('');
  out.push('Reply rate by weekday of send (messages, InMails, emails)');
  out.push(table(['day', 'sent', 'replied', 'rate'], r.weekday.map((w) => [w.label, String(w.sent), String(w.replied), pct(w.replyRate)])));
  out.push('');
  out.push('Reply rate by message length (characters)');
  out.push(table(['length', 'sent', 'replied', 'rate'], r.length.map((l) => [l.bucket, String(l.sent), String(l.replied), pct(l.replyRate)])));
  out.push('');
  return out.join('\n');
}
