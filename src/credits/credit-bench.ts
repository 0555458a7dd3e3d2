import { performance } from 'node:perf_hooks';
import { defaultCreditConfig } from './credit-config.ts';
import { applyLedgerEvent, canSendInMail, ledgerStateAt } from './ledger.ts';
import type { LedgerEvent } from './ledger-event.ts';
import { emptyLedgerState, type LedgerState } from './ledger-state.ts';
import { randomStream } from '../core/seeded-random.ts';
import { dayOf, formatDay } from './utc-day.ts';

/**
 * `scoutline credits bench`: how fast the ledger replays a long seat
 * history. The history is realistic for a busy Recruiter seat: a subscription,
 * daily InMails (some Open Profile), replies to a quarter of them, monthly
 * purchases, a plan switch, spread over about two years.
 */
export function benchHistory(events: number, seed = 1): LedgerEvent[] {
  const random = randomStream(seed);
  const start = dayOf('2024-01-01');
  const out: LedgerEvent[] = [{ type: 'subscribe', date: formatDay(start), plan: 'recruiter-corporate' }];
  const open: string[] = [];
  let n = 0;
  const perDay = Math.max(1, Math.ceil(events / 700));
  for (let day = start; out.length < events; day += 1) {
    const date = formatDay(day);
    if (day === start + 365) out.push({ type: 'switch', date, plan: 'recruiter-lite' });
    if ((day - start) % 30 === 5) out.push({ type: 'purchase', date, count: 20 });
    for (let i = 0; i < perDay && out.length < events; i += 1) {
      if (open.length > 0 && random() < 0.25) {
        const k = Math.floor(random() * open.length);
        out.push({ type: 'reply', date, from: open[k], kind: 'positive' });
        open[k] = open[open.length - 1];
        open.pop();
      } else {
        const to = `person-${n++}`;
        out.push({ type: 'inmail', date, to, openProfile: random() < 0.1 });
        open.push(to);
      }
    }
  }
  return out.slice(0, events);
}

export interface CreditBenchResult {
  events: number;
  replays: number;
  /** one full replay of the history (ledgerStateAt) */
  replayMs: number;
  replayMicrosPerEvent: number;
  /** one accepted applyLedgerEvent (an Open Profile InMail) on the final state (pure, copies what it changes) */
  applyMicros: number;
  /** one canSendInMail on the final state */
  canSendMicros: number;
  finalBalance: number;
  openInMails: number;
}

export function runCreditBench(events = 3000, minMillis = 500): CreditBenchResult {
  const history = benchHistory(events);
  const end = history[history.length - 1].date;
  let state: LedgerState = emptyLedgerState;
  // warm up
  for (let i = 0; i < 20; i += 1) state = ledgerStateAt(history, end, defaultCreditConfig);
  let replays = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMillis) {
    state = ledgerStateAt(history, end, defaultCreditConfig);
    replays += 1;
  }
  const replayMs = (performance.now() - t0) / replays;

  const next = formatDay(dayOf(end) + 1);
  let applies = 0;
  const t1 = performance.now();
  while (performance.now() - t1 < minMillis / 2) {
    applyLedgerEvent(state, { type: 'inmail', date: next, to: `bench-${applies}`, openProfile: true });
    applies += 1;
  }
  const applyMicros = ((performance.now() - t1) * 1000) / applies;

  let checks = 0;
  const t2 = performance.now();
  while (performance.now() - t2 < minMillis / 2) {
    canSendInMail(state, `bench-${checks}`, false, next);
    checks += 1;
  }
  const canSendMicros = ((performance.now() - t2) * 1000) / checks;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    events: history.length,
    replays,
    replayMs: r3(replayMs),
    replayMicrosPerEvent: r3((replayMs * 1000) / history.length),
    applyMicros: r3(applyMicros),
    canSendMicros: r3(canSendMicros),
    finalBalance: state.balance,
    openInMails: state.open.size,
  };
}
