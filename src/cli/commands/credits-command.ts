import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Store } from '../../db/open-database.ts';
import { AppError } from '../../core/app-error.ts';
import { ledgerEventText } from '../../credits/ledger-event-text.ts';
import { runCreditBench } from '../../credits/credit-bench.ts';
import { defaultCreditConfig, resolveCreditConfig, type CreditConfig } from '../../credits/credit-config.ts';
import { forecastCredits, type CreditForecast } from '../../credits/credit-forecast.ts';
import { creditConfigFor, loadCreditOverrides, saveCreditOverrides } from '../../credits/credit-settings-store.ts';
import { simulateCredits } from '../../credits/credit-simulation.ts';
import { summarizeCredits, type CreditSummary } from '../../credits/credit-summary.ts';
import { effectiveCost } from '../../credits/effective-cost.ts';
import { ledgerStateAt } from '../../credits/ledger.ts';
import { advisePlans, type Advice } from '../../credits/plan-advisor.ts';
import { addSeatWithPlan, listSeatsWithCredits, recordCreditEvent, seatCreditState, transferCredits, type CreditEventInput } from '../../credits/seat-credits.ts';
import { formatDay, parseDay, todayUtc } from '../../credits/utc-day.ts';
import { action, dbOption, defaultWorkspace, parseIntOption, parseNumberOption, printJson, withStore } from '../cli-context.ts';
import { auditCli } from '../cli-audit.ts';
import { creditAuditEntry } from '../../credits/credit-audit-entry.ts';
import { listSeats, setSeatOwner } from '../../seats/seat-store.ts';

/**
 * `scoutline seats add|list` and `scoutline credits ...`: seat ledgers
 * (show, history, record events, transfers), cost, forecast, plan advice,
 * the simulate contract, the plan catalogue and the ledger bench.
 */
export function registerCreditCommands(program: Command): void {
  registerSeatCommands(program);
  const credits = program.command('credits').description('InMail credits: ledger per seat, simulate, cost, forecast, plan advice');

  credits
    .command('simulate <file>')
    .description('run one seat\'s events from a JSON file ({"events":[...]}, "-" for stdin) through the ledger; prints one result per event')
    .option('--plans <file>', 'workspace credit overrides as JSON ({"plans":{...},"rules":{...}})')
    .option('--json', 'print JSON: {"results":[{"type","ok","reason","balance"}]}')
    .action(
      action(async (file: string, opts: { plans?: string; json?: boolean }) => {
        const out = simulateCredits(readJson(file), configFromFile(opts.plans));
        if (opts.json) return printJson(out);
        out.results.forEach((r, i) => console.log(`${String(i).padStart(4)}  ${r.type.padEnd(9)}  ${r.ok ? 'ok' : `refused: ${r.reason}`}`.padEnd(44) + `balance ${r.balance}`));
      }),
    );

  credits
    .command('show')
    .description('balance, lots and expiry dates, credits expiring in the next 14 days, InMails awaiting reply and their last refund day')
    .requiredOption('--seat <id>', 'seat id')
    .option('--date <YYYY-MM-DD>', 'as of this day (default: today, UTC)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { seat: string; date?: string; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const s = await seatCreditState(store, defaultWorkspace, opts.seat, opts.date);
          const summary = summarizeCredits(s.state, s.date, { config: s.config });
          if (opts.json) return printJson({ seatId: opts.seat, ...summary });
          printSummary(opts.seat, summary);
        });
      }),
    );

  credits
    .command('history')
    .description('a seat\'s recorded credit events, in order')
    .requiredOption('--seat <id>', 'seat id')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { seat: string; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const s = await seatCreditState(store, defaultWorkspace, opts.seat);
          const events = s.stored.map((e) => ({ seq: e.seq, ...stripTerms(e.event), recordedAt: e.createdAt }));
          if (opts.json) return printJson({ seatId: opts.seat, events });
          const seatNames = new Map((await listSeats(store, defaultWorkspace)).map((x) => [x.id, x.name]));
          for (const e of s.stored) console.log(`${String(e.seq).padStart(5)}  ${e.event.date}  ${ledgerEventText(e.event, (id) => seatNames.get(id) ?? id)}`);
          if (events.length === 0) console.log(s.history.length ? `no recorded events; plan ${s.seat.plan} implied from ${s.history[0].date}` : 'no credit events');
        });
      }),
    );

  const record = (name: string, description: string, build: (o: Record<string, string | boolean | number | undefined>) => CreditEventInput, extra: (c: Command) => Command) => {
    extra(
      credits
        .command(name)
        .description(description)
        .requiredOption('--seat <id>', 'seat id')
        .option('--date <YYYY-MM-DD>', 'day of the event (default: today, UTC); never before the seat\'s last event')
        .option('--json', 'print JSON'),
    ).action(
      action(async (opts: Record<string, string | boolean | number | undefined>, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const event = { ...build(opts), ...(opts.date ? { date: String(opts.date) } : {}) } as CreditEventInput;
          const r = await recordCreditEvent(store, defaultWorkspace, String(opts.seat), event, new Date(), {
            recordedBy: 'cli',
            inTransaction: (trx, recorded) => {
              const entry = creditAuditEntry(recorded.seatId, recorded.event, recorded.seq);
              return auditCli(trx, defaultWorkspace, entry.action, entry.target, entry.details);
            },
          });
          if (opts.json) return printJson({ seatId: r.seatId, seq: r.seq, event: stripTerms(r.event), effect: r.effect, balance: r.balance });
          console.log(`${r.event.type} recorded for ${r.seatId} on ${r.event.date} (#${r.seq}); balance ${r.balance}${r.effect.refunded ? ' (refunded 1 credit)' : ''}`);
        });
      }),
    );
  };
  record('subscribe', 'start a paid plan: its allocation is granted that day', (o) => ({ type: 'subscribe', plan: String(o.plan) }), (c) => c.requiredOption('--plan <id>', 'plan id'));
  record('switch', 'switch plan: the balance goes to 0 and the new allocation is granted that day', (o) => ({ type: 'switch', plan: String(o.plan) }), (c) => c.requiredOption('--plan <id>', 'plan id'));
  record('cancel', 'cancel the plan: the balance goes to 0 and every later send is refused', () => ({ type: 'cancel' }), (c) => c);
  record('purchase', 'buy extra credits (a lot expiring after 90 days; capped per calendar month)', (o) => ({ type: 'purchase', count: Number(o.count) }), (c) =>
    c.requiredOption('--count <n>', 'how many credits', parseIntOption('count')),
  );
  record('inmail', 'record an InMail sent (Open Profile is free)', (o) => ({ type: 'inmail', to: String(o.to), openProfile: o.openProfile === true }), (c) =>
    c.requiredOption('--to <person>', 'recipient id').option('--open-profile', 'the recipient has an Open Profile'),
  );
  record('reply', 'record a reply to an InMail (any kind within 90 days refunds the credit)', (o) => ({ type: 'reply', from: String(o.from), kind: (o.kind ?? 'positive') as 'positive' }), (c) =>
    c.requiredOption('--from <person>', 'who replied').option('--kind <kind>', 'positive | negative | decline | quick_reply', 'positive'),
  );

  credits
    .command('transfer')
    .description('move credits between two seats of one recruiter-corporate contract (soonest-expiring first, expiry dates kept)')
    .requiredOption('--from <seat>', 'giving seat')
    .requiredOption('--to <seat>', 'receiving seat')
    .requiredOption('--count <n>', 'how many credits', parseIntOption('count'))
    .option('--date <YYYY-MM-DD>', 'day of the transfer (default: today, UTC)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { from: string; to: string; count: number; date?: string; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const t = await transferCredits(store, defaultWorkspace, { fromSeat: opts.from, toSeat: opts.to, count: opts.count, date: opts.date }, new Date(), {
            recordedBy: 'cli',
            inTransaction: (trx, m) => auditCli(trx, defaultWorkspace, 'credits_moved', `seat:${m.fromSeat}`, { transferId: m.transferId, fromSeat: m.fromSeat, toSeat: m.toSeat, count: m.count, date: m.date }),
          });
          if (opts.json) return printJson(t);
          console.log(`moved ${t.count} credits ${t.fromSeat} -> ${t.toSeat} on ${t.date}; balances ${t.balances.from} / ${t.balances.to}`);
          for (const l of t.lots) console.log(`  ${l.count} granted ${l.granted}, expire ${l.expires}`);
        });
      }),
    );

  credits
    .command('cost')
    .description('effective cost per InMail sent and per reply (subscription fees and purchases)')
    .requiredOption('--seat <id>', 'seat id')
    .option('--from <YYYY-MM-DD>', 'only the period after this day')
    .option('--date <YYYY-MM-DD>', 'up to this day (default: today, UTC)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { seat: string; from?: string; date?: string; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const s = await seatCreditState(store, defaultWorkspace, opts.seat, opts.date);
          const since = opts.from ? ledgerStateAt(s.history, requireDate(opts.from, 'from'), s.config) : undefined;
          const cost = { seatId: opts.seat, from: opts.from ?? null, to: s.date, ...effectiveCost(s.state, since) };
          if (opts.json) return printJson(cost);
          console.log(`${opts.seat}: spent ${cost.spendUsd} USD (plan ${cost.subscriptionUsd}, purchases ${cost.purchaseUsd}) up to ${cost.to}`);
          console.log(`  ${plural(cost.inmailsSent, 'InMail')} sent (${cost.inmailsCharged} charged), ${plural(cost.replies, 'reply', 'replies')}, ${plural(cost.refunds, 'refund')}`);
          console.log(`  per InMail ${show(cost.costPerInMailUsd)} USD, per reply ${show(cost.costPerReplyUsd)} USD, per credit ${show(cost.costPerCreditUsd)} USD`);
        });
      }),
    );

  credits
    .command('forecast')
    .description('project the balance day by day (expected and a Monte Carlo 10th-90th percentile band) and the first day the seat runs dry')
    .option('--seat <id>', 'start from this seat\'s ledger')
    .option('--plan <id>', 'or: a fresh subscription to this plan starting on --date')
    .requiredOption('--weekly <n>', 'InMails sent per week', parseIntOption('weekly'))
    .requiredOption('--reply-rate <r>', 'expected reply rate, 0..1 (e.g. 0.2)', parseNumberOption('reply-rate'))
    .option('--date <YYYY-MM-DD>', 'start day (default: today, UTC)')
    .option('--days <n>', 'horizon in days', parseIntOption('days'), 180)
    .option('--runs <n>', 'Monte Carlo runs', parseIntOption('runs'), 500)
    .option('--seed <n>', 'random seed', parseIntOption('seed'), 1)
    .option('--open-profile-share <r>', 'share of sends to Open Profile members (free)', parseNumberOption('open-profile-share'), 0)
    .option('--json', 'print JSON')
    .action(
      action(
        async (
          opts: { seat?: string; plan?: string; weekly: number; replyRate: number; date?: string; days: number; runs: number; seed: number; openProfileShare: number; json?: boolean },
          cmd: Command,
        ) => {
          if (!opts.seat === !opts.plan) throw new AppError('invalid_input', 'give either --seat or --plan');
          const options = { weeklySends: opts.weekly, replyRate: opts.replyRate, days: opts.days, runs: opts.runs, seed: opts.seed, openProfileShare: opts.openProfileShare };
          let forecast: CreditForecast;
          if (opts.seat) {
            forecast = await withStore(dbOption(cmd), async (store) => {
              const s = await seatCreditState(store, defaultWorkspace, opts.seat!, opts.date);
              return forecastCredits(s.state, s.date, options, s.config);
            });
          } else {
            const date = opts.date ?? formatDay(todayUtc());
            requireDate(date, 'date');
            const config = defaultCreditConfig;
            const state = ledgerStateAt([{ type: 'subscribe', date, plan: opts.plan! }], date, config);
            forecast = forecastCredits(state, date, options, config);
          }
          if (opts.json) return printJson(forecast);
          printForecast(forecast);
        },
      ),
    );

  credits
    .command('advise')
    .description('compare plans and connection requests by cost per reply for a monthly outreach volume')
    .requiredOption('--monthly <n>', 'InMails (or requests) per month', parseIntOption('monthly'))
    .option('--reply-rates <list>', 'comma-separated reply rates', '0.1,0.2,0.3')
    .option('--open-profile-share <r>', 'share of recipients with Open Profile (free)', parseNumberOption('open-profile-share'), 0)
    .option('--accept-rate <r>', 'connection request acceptance rate', parseNumberOption('accept-rate'), 0.375)
    .option('--plans <file>', 'credit overrides as JSON')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { monthly: number; replyRates: string; openProfileShare: number; acceptRate: number; plans?: string; json?: boolean }) => {
        const rates = opts.replyRates.split(',').map((x) => Number(x.trim()));
        if (rates.some((r) => !Number.isFinite(r))) throw new AppError('invalid_input', `--reply-rates expects numbers like 0.1,0.2, got '${opts.replyRates}'`);
        const advice = advisePlans({ monthlySends: opts.monthly, replyRates: rates, openProfileShare: opts.openProfileShare, connectionAcceptRate: opts.acceptRate }, configFromFile(opts.plans));
        if (opts.json) return printJson(advice);
        printAdvice(advice);
      }),
    );

  credits
    .command('plans')
    .description('the plan catalogue with this workspace\'s overrides; --set FILE stores new overrides')
    .option('--set <file>', 'store these overrides (JSON {"plans":{...},"rules":{...}}; {} restores the defaults)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { set?: string; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          if (opts.set) {
            await saveCreditOverrides(store, defaultWorkspace, readJson(opts.set), {
              inTransaction: (trx, saved) => auditCli(trx, defaultWorkspace, 'settings_changed', 'credits', { plans: Object.keys(saved.plans ?? {}), rules: Object.keys(saved.rules ?? {}) }),
            });
          }
          const config = await creditConfigFor(store.db, defaultWorkspace);
          const overrides = await loadCreditOverrides(store.db, defaultWorkspace);
          if (opts.json) return printJson({ plans: Object.values(config.plans), rules: config.rules, overrides });
          for (const p of Object.values(config.plans)) {
            console.log(
              `${p.id.padEnd(22)} ${String(p.monthlyAllocation).padStart(4)}/month  cap ${String(p.cap).padStart(4)}  ${String(p.priceUsd).padStart(5)} USD/month  extra ${p.extraCreditPriceUsd} USD (max ${p.purchaseCapPerMonth}/month)  ${p.renewal}${p.pooled ? '  pooled' : ''}`,
            );
          }
          console.log(`lots expire after ${config.rules.lotLifetimeDays} days; refund window ${config.rules.refundWindowDays} days`);
        });
      }),
    );

  credits
    .command('bench')
    .description('measure ledger replay speed on a long generated seat history')
    .option('--events <n>', 'history length', parseIntOption('events'), 3000)
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { events: number; json?: boolean }) => {
        const r = runCreditBench(opts.events);
        if (opts.json) return printJson(r);
        console.log(`replay of ${r.events} events: ${r.replayMs} ms (${r.replayMicrosPerEvent} µs per event, ${r.replays} replays)`);
        console.log(`applyLedgerEvent: ${r.applyMicros} µs; canSendInMail: ${r.canSendMicros} µs (${r.openInMails} InMails awaiting reply)`);
      }),
    );
}

function registerSeatCommands(program: Command): void {
  const seats = program.command('seats').description('recruiter seats (LinkedIn accounts) and their plans');
  seats
    .command('add')
    .description('add a seat; with --plan its subscription starts on --since (default today)')
    .requiredOption('--name <name>', 'display name')
    .option('--id <id>', 'seat id (default: from the name)')
    .option('--plan <id>', 'paid plan id (see `credits plans`)')
    .option('--since <YYYY-MM-DD>', 'subscription start day (default: today, UTC)')
    .option('--paid', 'a paid LinkedIn account without an InMail plan')
    .option('--contract <id>', 'recruiter-corporate contract id (seats of one contract pool credits)')
    .option('--time-zone <tz>', 'IANA time zone', 'UTC')
    .option('--weekly-invite-cap <n>', 'connection requests per rolling 7 days', parseIntOption('weekly-invite-cap'))
    .option('--owner <email>', 'give the seat to this member of the workspace (their account email or user id)')
    .option('--json', 'print JSON')
    .action(
      action(
        async (
          opts: { name: string; id?: string; plan?: string; since?: string; paid?: boolean; contract?: string; timeZone: string; weeklyInviteCap?: number; owner?: string; json?: boolean },
          cmd: Command,
        ) => {
          await withStore(dbOption(cmd), async (store) => {
            const ownerUserId = opts.owner ? await userIdFor(store, opts.owner) : null;
            const r = await addSeatWithPlan(store, defaultWorkspace, {
              ownerUserId,
              name: opts.name,
              ...(opts.id ? { id: opts.id } : {}),
              plan: opts.plan ?? null,
              paid: opts.paid === true,
              contractId: opts.contract ?? null,
              timeZone: opts.timeZone,
              ...(opts.weeklyInviteCap !== undefined ? { weeklyInviteCap: opts.weeklyInviteCap } : {}),
              ...(opts.since ? { since: opts.since } : {}),
            }, new Date(), { recordedBy: 'cli' });
            await auditCli(store.db, defaultWorkspace, 'seat_created', `seat:${r.seat.id}`, { plan: r.seat.plan, contractId: r.seat.contractId, ownerUserId: r.seat.ownerUserId });
            if (opts.json) return printJson({ ...r.seat, balance: r.balance });
            console.log(`added seat ${r.seat.id}${r.seat.plan ? ` on ${r.seat.plan}, balance ${r.balance}` : ' without an InMail plan'}`);
          });
        },
      ),
    );
  seats
    .command('assign <seat>')
    .description('give a seat to a member of the workspace (a recruiter works only their own seats), or take it back with --unassign')
    .option('--to <email>', "the member's account email or user id")
    .option('--unassign', 'make the seat unassigned (only admins and owners work it)')
    .option('--json', 'print JSON')
    .action(
      action(async (seatId: string, opts: { to?: string; unassign?: boolean; json?: boolean }, cmd: Command) => {
        if (!opts.to === !opts.unassign) throw new AppError('invalid_input', 'give either --to <email> or --unassign');
        await withStore(dbOption(cmd), async (store) => {
          const owner = opts.to ? await userIdFor(store, opts.to) : null;
          const seat = await setSeatOwner(store, defaultWorkspace, seatId, owner, {
            inTransaction: (trx, change) => auditCli(trx, defaultWorkspace, 'seat_assigned', `seat:${seatId}`, { from: change.from, to: change.to }),
          });
          if (opts.json) return printJson(seat);
          console.log(owner ? `seat ${seat.id} now belongs to ${opts.to}` : `seat ${seat.id} is unassigned`);
        });
      }),
    );
  seats
    // `scoutline seats` alone lists them
    .command('list', { isDefault: true })
    .description('seats with plan and current balance (the default: `scoutline seats`)')
    .option('--date <YYYY-MM-DD>', 'balances as of this day (default: today, UTC)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { date?: string; json?: boolean }, cmd: Command) => {
        await withStore(dbOption(cmd), async (store) => {
          const rows = await listSeatsWithCredits(store, defaultWorkspace, opts.date);
          if (opts.json) return printJson({ seats: rows });
          for (const s of rows) console.log(`${s.id.padEnd(24)} ${(s.plan ?? '(no plan)').padEnd(22)} balance ${String(s.balance).padStart(4)}  ${s.name}${s.contractId ? `  contract ${s.contractId}` : ''}`);
          if (rows.length === 0) console.log('no seats; add one with `scoutline seats add --name NAME --plan PLAN`');
        });
      }),
    );
}

/** A user id from an account email (or a user id as is); whether they are a member is checked with the seat. */
async function userIdFor(store: Store, emailOrId: string): Promise<string> {
  const row = await store.db.selectFrom('auth_users').select('id').where((eb) => eb.or([eb('email', '=', emailOrId.trim().toLowerCase()), eb('id', '=', emailOrId)])).executeTakeFirst();
  if (!row) throw new AppError('not_found', `no account '${emailOrId}'`);
  return row.id;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new AppError('invalid_input', `cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError('invalid_input', `${file} is not valid JSON: ${(err as Error).message}`);
  }
}

function configFromFile(file?: string): CreditConfig {
  return file ? resolveCreditConfig(readJson(file)) : defaultCreditConfig;
}

function requireDate(date: string, name: string): string {
  if (parseDay(date) === null) throw new AppError('invalid_input', `--${name} expects a date YYYY-MM-DD, got '${date}'`);
  return date;
}

function stripTerms<T extends object>(e: T): T {
  return stripKeys(e, ['terms']) as T;
}

/** `1 InMail`, `2 InMails`. */
function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function stripKeys(o: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

function show(n: number | null): string {
  return n === null ? '-' : String(n);
}

function printSummary(seatId: string, s: CreditSummary): void {
  console.log(`${seatId} on ${s.date}: ${s.plan ? `${s.plan.name} (${s.plan.id})` : 'no paid plan'}; balance ${s.balance}${s.plan ? ` of cap ${s.plan.cap}` : ''}`);
  if (s.nextRenewal) console.log(`next grant: ${s.nextRenewal}`);
  console.log(`lots:`);
  for (const l of s.lots) console.log(`  ${String(l.remaining).padStart(4)}  ${l.source.padEnd(8)} granted ${l.granted}  expires ${l.expires}`);
  if (s.lots.length === 0) console.log('  (none)');
  console.log(`expiring by ${s.expiringSoon.until} (next ${s.expiringSoon.withinDays} days): ${s.expiringSoon.count}`);
  console.log(`awaiting reply: ${s.awaitingReply.length}`);
  for (const a of s.awaitingReply) console.log(`  ${a.to.padEnd(24)} sent ${a.sent}  ${a.openProfile ? 'Open Profile (no refund)' : a.refundableUntil ? `refund if they reply by ${a.refundableUntil}` : 'no refund any more'}`);
  if (s.purchases.cap !== null) console.log(`purchased this month: ${s.purchases.thisMonth} of ${s.purchases.cap}`);
}

function printForecast(f: CreditForecast): void {
  console.log(`forecast from ${f.from} (${f.plan ?? 'no plan'}, balance ${f.startBalance}): ${f.options.weeklySends}/week at ${f.options.replyRate * 100}% replies, ${f.options.runs} runs`);
  console.log('date        expected   p10    p50    p90');
  for (let i = 6; i < f.days.length; i += 7) {
    const d = f.days[i];
    console.log(`${d.date}  ${String(d.expected).padStart(6)}  ${String(d.p10).padStart(6)} ${String(d.p50).padStart(6)} ${String(d.p90).padStart(6)}`);
  }
  const dry = f.runsDry;
  console.log(
    dry.expected || dry.p50
      ? `runs dry: ${dry.expected ?? 'not within the horizon'} expected; 10%/50%/90% of runs by ${dry.p10 ?? '-'} / ${dry.p50 ?? '-'} / ${dry.p90 ?? '-'} (${Math.round(dry.probability * 100)}% of runs within ${f.days.length} days)`
      : `does not run dry within ${f.days.length} days (${Math.round(dry.probability * 100)}% of runs do)`,
  );
}

function printAdvice(a: Advice): void {
  for (const s of a.scenarios) {
    console.log(`\n${a.monthlySends} sends a month at ${Math.round(s.replyRate * 100)}% replies`);
    console.log(
      `  per credit at ${s.perCredit.creditPriceUsd} USD: ${s.perCredit.costPerReplyUsd} USD a reply, ${s.perCredit.costPerReplyWithRefundsUsd} USD once refunds come back`,
    );
    for (const p of s.plans) {
      console.log(
        `  ${p.plan.padEnd(22)} ${p.feasible ? '' : '(cannot carry it) '}${p.monthlyCostUsd} USD/month, ${p.costPerReplyUsd} USD a reply (${p.costPerReplyWithoutRefundsUsd} without refunds), ${p.extraCredits} extra credits`,
      );
    }
    const c = s.connectionRequests;
    console.log(`  connection requests    ${c.feasible ? '' : '(over capacity) '}0 USD a reply, about ${c.expectedReplies} acceptances; ${c.note}`);
    console.log(`  -> ${s.recommendation}`);
  }
}
