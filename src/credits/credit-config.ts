import { zodIssuesToAppError } from '../core/zod-issues.ts';
import { z } from 'zod';
import { AppError } from '../core/app-error.ts';
import { defaultPlanCatalogue, planSchema, type Plan, type PlanCatalogue } from './plan-catalogue.ts';

/**
 * Everything the ledger needs besides a seat's history: the plan catalogue
 * and the day counts of spec section 2. All are defaults a workspace can
 * override (workspace settings key `credits`).
 */
export interface CreditRules {
  /** rule 3: a granted lot expires this many days after its grant date */
  lotLifetimeDays: number;
  /** rule 7: a reply up to this many days after the send (send day = day 0) earns a refund */
  refundWindowDays: number;
  /** rule 7 assumption: a refund lot expires this many days after the reply */
  refundLotLifetimeDays: number;
  /** rule 8 assumption: a purchased lot expires this many days after the purchase */
  purchaseLotLifetimeDays: number;
}

export interface CreditConfig {
  plans: PlanCatalogue;
  rules: CreditRules;
}

export const defaultCreditRules: CreditRules = Object.freeze({
  lotLifetimeDays: 90,
  refundWindowDays: 90,
  refundLotLifetimeDays: 90,
  purchaseLotLifetimeDays: 90,
});

export const defaultCreditConfig: CreditConfig = Object.freeze({ plans: defaultPlanCatalogue, rules: defaultCreditRules });

const days = z.number().int().min(1).max(3650);

/** What a workspace may store: per-plan partial overrides (or whole new plans) and rule overrides. */
export const creditOverridesSchema = z
  .object({
    plans: z.record(z.string(), planSchema.omit({ id: true }).partial()).optional(),
    rules: z
      .object({ lotLifetimeDays: days, refundWindowDays: z.number().int().min(0).max(3650), refundLotLifetimeDays: days, purchaseLotLifetimeDays: days })
      .partial()
      .optional(),
  })
  .strict();
export type CreditOverrides = z.infer<typeof creditOverridesSchema>;

/**
 * Applies a workspace's overrides to the defaults. A known plan id takes a
 * partial override; an unknown id adds a plan and must give every field.
 * Throws AppError('invalid_input') naming the offending plan.
 */
export function resolveCreditConfig(overrides: unknown = {}, base: CreditConfig = defaultCreditConfig): CreditConfig {
  const parsed = creditOverridesSchema.safeParse(overrides ?? {});
  if (!parsed.success) {
    throw zodIssuesToAppError(parsed.error.issues, 'credit settings', { prefix: 'credit settings', root: '(root)' });
  }
  const plans: Record<string, Plan> = { ...base.plans };
  for (const [id, patch] of Object.entries(parsed.data.plans ?? {})) {
    const merged = planSchema.safeParse({ ...(plans[id] ?? {}), ...stripUndefined(patch), id });
    if (!merged.success) {
      throw zodIssuesToAppError(merged.error.issues, 'plan', { prefix: `credit settings: plan ${id}`, root: 'plan' });
    }
    plans[id] = merged.data;
  }
  return { plans, rules: { ...base.rules, ...stripUndefined(parsed.data.rules ?? {}) } };
}

/** The plan with this id, or an invalid_input error listing the known ids. */
export function requirePlan(config: CreditConfig, id: string): Plan {
  const plan = Object.prototype.hasOwnProperty.call(config.plans, id) ? config.plans[id] : undefined;
  if (!plan) throw new AppError('invalid_input', `unknown plan ${JSON.stringify(id)}; known plans: ${Object.keys(config.plans).join(', ')}`, { plan: id });
  return plan;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
