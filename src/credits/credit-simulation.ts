import { z } from 'zod';
import { AppError } from '../core/app-error.ts';
import { defaultCreditConfig, requirePlan, type CreditConfig } from './credit-config.ts';
import { LedgerCursor } from './ledger-cursor.ts';
import { dateSchema, type LedgerEvent } from './ledger-event.ts';
import { emptyLedgerState } from './ledger-state.ts';
import { dayOf } from './utc-day.ts';

/**
 * The simulation contract behind `bin/scoutline credits simulate FILE --json`
 * and `POST /api/credits/simulate`: one seat's events in, one result per
 * event out, in order. `reason` is the refusal code or null; `balance` is the
 * balance right after the event (a `balance` event only reports it).
 *
 * Input errors reject the whole file with `invalid_input` and the index of
 * the offending event (`details.index`): a malformed event, an unknown plan,
 * or an event dated before the one above it.
 */
const sim = {
  subscribe: z.object({ type: z.literal('subscribe'), date: dateSchema, plan: z.string().min(1) }),
  switch: z.object({ type: z.literal('switch'), date: dateSchema, plan: z.string().min(1) }),
  cancel: z.object({ type: z.literal('cancel'), date: dateSchema }),
  inmail: z.object({ type: z.literal('inmail'), date: dateSchema, to: z.string().min(1), openProfile: z.boolean().default(false) }),
  reply: z.object({
    type: z.literal('reply'),
    date: dateSchema,
    from: z.string().min(1),
    kind: z.enum(['positive', 'negative', 'decline', 'quick_reply']).default('positive'),
  }),
  purchase: z.object({ type: z.literal('purchase'), date: dateSchema, count: z.number().int().min(1) }),
  balance: z.object({ type: z.literal('balance'), date: dateSchema }),
};

export const simulationEventSchema = z.discriminatedUnion('type', [sim.subscribe, sim.switch, sim.cancel, sim.inmail, sim.reply, sim.purchase, sim.balance]);
export type SimulationEvent = z.infer<typeof simulationEventSchema>;

export const simulationInputSchema = z.object({ events: z.array(z.unknown()) });

export interface SimulationResult {
  type: SimulationEvent['type'];
  ok: boolean;
  reason: string | null;
  balance: number;
}

export interface SimulationOutput {
  results: SimulationResult[];
}

/** Validates the simulation file's JSON value; throws AppError('invalid_input') naming the event index. */
export function parseSimulationInput(input: unknown, config: CreditConfig = defaultCreditConfig): SimulationEvent[] {
  const outer = simulationInputSchema.safeParse(input);
  if (!outer.success) throw new AppError('invalid_input', 'expected a JSON object {"events": [...]}');
  const events: SimulationEvent[] = [];
  let previous: number | null = null;
  outer.data.events.forEach((raw, index) => {
    const parsed = simulationEventSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `.${issue.path.join('.')}` : '';
      throw new AppError('invalid_input', `events[${index}]${where}: ${issue?.message ?? 'invalid event'}`, { index, path: issue?.path.map(String) });
    }
    const event = parsed.data;
    if (event.type === 'subscribe' || event.type === 'switch') {
      try {
        requirePlan(config, event.plan);
      } catch (err) {
        throw new AppError('invalid_input', `events[${index}].plan: ${(err as Error).message}`, { index, plan: event.plan });
      }
    }
    const day = dayOf(event.date);
    if (previous !== null && day < previous) {
      throw new AppError('invalid_input', `events[${index}].date: ${event.date} is before the previous event's date; events must be in date order`, { index });
    }
    previous = day;
    events.push(event);
  });
  return events;
}

/** Runs the simulation: the pure ledger over one seat's events, starting without a plan. */
export function simulateCredits(input: unknown, config: CreditConfig = defaultCreditConfig): SimulationOutput {
  const events = parseSimulationInput(input, config);
  const cursor = new LedgerCursor(emptyLedgerState, config);
  const results = events.map((event): SimulationResult => {
    const day = dayOf(event.date);
    if (event.type === 'balance') {
      cursor.advanceTo(day);
      return { type: 'balance', ok: true, reason: null, balance: cursor.currentBalance };
    }
    const outcome = cursor.applyAt(day, event as LedgerEvent);
    return { type: event.type, ok: outcome.ok, reason: outcome.ok ? null : outcome.code, balance: cursor.currentBalance };
  });
  return { results };
}
