import { z } from 'zod';
import { defaultCreditConfig, type CreditConfig } from './credit-config.ts';
import { LedgerCursor } from './ledger-cursor.ts';
import type { DateLike } from './ledger.ts';
import type { LedgerEvent } from './ledger-event.ts';
import type { LedgerState } from './ledger-state.ts';
import { randomStream } from '../core/seeded-random.ts';
import { dayOf, formatDay, isoWeekday, type Day } from './utc-day.ts';

/**
 * Projects a seat's balance day by day from its current state, running the
 * real ledger (renewals, expiries, refunds, the cap) forward:
 *
 * - `expected`: one deterministic run at exactly the expected reply rate
 *   (every 1/rate-th accepted send gets a reply after the mean delay);
 * - `mean`, `p10`, `p50`, `p90`: Monte Carlo runs in which each accepted send
 *   gets a reply with probability `replyRate` after a uniformly random delay.
 *
 * Sends are spread evenly over `sendWeekdays` (ISO 1=Mon..7=Sun) each week; a
 * send refused for lack of credits is lost, not retried. The seat runs dry on
 * the first day its end-of-day balance is 0. InMails already awaiting a reply
 * at the start are assumed never to answer (a cautious projection), and no
 * purchases, switches or cancels happen during the forecast.
 */
export const forecastOptionsSchema = z.object({
  weeklySends: z.number().int().min(0).max(5000),
  replyRate: z.number().min(0).max(1),
  days: z.number().int().min(1).max(730).default(180),
  runs: z.number().int().min(1).max(5000).default(500),
  seed: z.number().int().default(1),
  replyDelayDays: z
    .object({ min: z.number().int().min(0).max(365), max: z.number().int().min(0).max(365) })
    .refine((d) => d.min <= d.max, 'replyDelayDays.min must not exceed max')
    .default({ min: 1, max: 14 }),
  sendWeekdays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
  openProfileShare: z.number().min(0).max(1).default(0),
});
export type ForecastOptions = z.input<typeof forecastOptionsSchema>;

export interface ForecastDay {
  date: string;
  expected: number;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface CreditForecast {
  from: string;
  startBalance: number;
  plan: string | null;
  options: z.output<typeof forecastOptionsSchema>;
  days: ForecastDay[];
  /** first day with a zero balance: on the expected run, the 10th/50th/90th percentile over runs (null: not within the horizon) */
  runsDry: { expected: string | null; p10: string | null; p50: string | null; p90: string | null; probability: number };
  /** on the expected run */
  expectedTotals: { sends: number; refused: number; replies: number; refunds: number };
}

interface RunResult {
  balances: Int32Array;
  dryOffset: number;
  sends: number;
  refused: number;
  replies: number;
  refunds: number;
}

export function forecastCredits(state: LedgerState, from: DateLike, options: ForecastOptions, config: CreditConfig = defaultCreditConfig): CreditForecast {
  const o = forecastOptionsSchema.parse(options);
  const start: Day = typeof from === 'number' ? from : dayOf(from);
  const startCursor = new LedgerCursor(state, config);
  startCursor.advanceTo(start);
  const startState = startCursor.snapshot();
  const perWeekday = sendsPerWeekday(o.weeklySends, o.sendWeekdays);

  const run = (random: (() => number) | null): RunResult => {
    const cursor = new LedgerCursor(startState, config);
    const replyQueue: string[][] = Array.from({ length: o.days + 1 }, () => []);
    const balances = new Int32Array(o.days);
    const meanDelay = Math.round((o.replyDelayDays.min + o.replyDelayDays.max) / 2);
    const span = o.replyDelayDays.max - o.replyDelayDays.min + 1;
    let replyDebt = 0;
    let openDebt = 0;
    let dryOffset = -1;
    let n = 0;
    const r: RunResult = { balances, dryOffset: -1, sends: 0, refused: 0, replies: 0, refunds: 0 };
    for (let offset = 1; offset <= o.days; offset += 1) {
      const day = start + offset;
      const date = formatDay(day);
      cursor.advanceTo(day);
      for (const from of replyQueue[offset]) {
        const out = cursor.applyAt(day, { type: 'reply', date, from, kind: 'positive' });
        r.replies += 1;
        if (out.ok && out.effect.refunded) r.refunds += 1;
      }
      const count = perWeekday[isoWeekday(day)];
      for (let i = 0; i < count; i += 1) {
        let openProfile: boolean;
        if (random) openProfile = random() < o.openProfileShare;
        else {
          openDebt += o.openProfileShare;
          openProfile = openDebt >= 1 - 1e-9;
          if (openProfile) openDebt -= 1;
        }
        const to = `forecast-${n++}`;
        const event: LedgerEvent = { type: 'inmail', date, to, openProfile };
        const out = cursor.applyAt(day, event);
        r.sends += 1;
        if (!out.ok) {
          r.refused += 1;
          continue;
        }
        let replies: boolean;
        let delay: number;
        if (random) {
          replies = random() < o.replyRate;
          delay = o.replyDelayDays.min + Math.floor(random() * span);
        } else {
          replyDebt += o.replyRate;
          replies = replyDebt >= 1 - 1e-9;
          if (replies) replyDebt -= 1;
          delay = meanDelay;
        }
        if (replies && offset + delay <= o.days) replyQueue[Math.max(offset, offset + delay)].push(to);
      }
      // a same-day reply (delay 0) arrives after that day's sends
      if (o.replyDelayDays.min === 0) {
        for (const from of replyQueue[offset].splice(0)) {
          const out = cursor.applyAt(day, { type: 'reply', date, from, kind: 'positive' });
          r.replies += 1;
          if (out.ok && out.effect.refunded) r.refunds += 1;
        }
      }
      balances[offset - 1] = cursor.currentBalance;
      if (dryOffset < 0 && cursor.currentBalance === 0) dryOffset = offset;
    }
    r.dryOffset = dryOffset;
    return r;
  };

  const expected = run(null);
  const random = randomStream(o.seed);
  const runs: RunResult[] = [];
  for (let i = 0; i < o.runs; i += 1) runs.push(run(random));

  const column = new Float64Array(o.runs);
  const days: ForecastDay[] = [];
  for (let d = 0; d < o.days; d += 1) {
    let sum = 0;
    for (let i = 0; i < o.runs; i += 1) {
      column[i] = runs[i].balances[d];
      sum += column[i];
    }
    column.sort();
    days.push({
      date: formatDay(start + d + 1),
      expected: expected.balances[d],
      mean: Math.round((sum / o.runs) * 100) / 100,
      p10: quantile(column, 0.1),
      p50: quantile(column, 0.5),
      p90: quantile(column, 0.9),
    });
  }
  const dry = Float64Array.from(runs, (x) => (x.dryOffset < 0 ? Infinity : x.dryOffset)).sort();
  const dryDate = (q: number) => {
    const v = quantileNearest(dry, q);
    return Number.isFinite(v) ? formatDay(start + v) : null;
  };
  return {
    from: formatDay(start),
    startBalance: startState.balance,
    plan: startState.plan?.id ?? null,
    options: o,
    days,
    runsDry: {
      expected: expected.dryOffset < 0 ? null : formatDay(start + expected.dryOffset),
      p10: dryDate(0.1),
      p50: dryDate(0.5),
      p90: dryDate(0.9),
      probability: Math.round((runs.filter((x) => x.dryOffset >= 0).length / o.runs) * 1000) / 1000,
    },
    expectedTotals: { sends: expected.sends, refused: expected.refused, replies: expected.replies, refunds: expected.refunds },
  };
}

/** Weekly sends spread over the chosen weekdays, the remainder on the earliest ones. Index = ISO weekday. */
export function sendsPerWeekday(weekly: number, weekdays: readonly number[]): number[] {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  const out = new Array<number>(8).fill(0);
  const base = Math.floor(weekly / days.length);
  days.forEach((d, i) => {
    out[d] = base + (i < weekly % days.length ? 1 : 0);
  });
  return out;
}

/** Linear-interpolated quantile of sorted values (rounded to 0.01). */
function quantile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const v = sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  return Math.round(v * 100) / 100;
}

/** Nearest-rank quantile (days are whole numbers; Infinity stays Infinity). */
function quantileNearest(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
