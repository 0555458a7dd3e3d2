import { z } from 'zod';

/**
 * The InMail plans Scoutline models (spec section 1), as data. Every field is
 * a default a workspace can override (see credit-config.ts); the cap is a
 * number per plan, never derived from the allocation.
 */
export type RenewalRule = 'anniversary' | 'first-of-month';

export interface Plan {
  id: string;
  name: string;
  /** credits granted on the start day and each renewal day */
  monthlyAllocation: number;
  /** accumulation cap: a grant never lifts the balance above it */
  cap: number;
  /** approximate subscription price in USD per month */
  priceUsd: number;
  /** price of one extra (purchased) credit in USD */
  extraCreditPriceUsd: number;
  /** purchased credits allowed per seat per calendar month */
  purchaseCapPerMonth: number;
  /** 'anniversary': same day of month as the start (clamped); 'first-of-month': the 1st of every month */
  renewal: RenewalRule;
  /** only pooled plans let an admin move credits between seats of one contract */
  pooled: boolean;
}

export const planSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'plan id: lower-case letters, digits and -'),
  name: z.string().min(1),
  monthlyAllocation: z.number().int().min(0),
  cap: z.number().int().min(0),
  priceUsd: z.number().min(0),
  extraCreditPriceUsd: z.number().min(0),
  purchaseCapPerMonth: z.number().int().min(0),
  renewal: z.enum(['anniversary', 'first-of-month']),
  pooled: z.boolean(),
});

/** Default extra-credit price (spec: "about 10 USD each"). */
export const defaultExtraCreditPriceUsd = 10;
/** **assumption** (spec 1): 50 purchased credits per seat per calendar month. */
export const defaultPurchaseCapPerMonth = 50;

export const defaultPlans: readonly Plan[] = [
  {
    id: 'premium-career',
    name: 'Premium Career',
    monthlyAllocation: 5,
    cap: 15,
    priceUsd: 30,
    extraCreditPriceUsd: defaultExtraCreditPriceUsd,
    purchaseCapPerMonth: defaultPurchaseCapPerMonth,
    renewal: 'anniversary',
    pooled: false,
  },
  {
    id: 'premium-business',
    name: 'Premium Business',
    monthlyAllocation: 15,
    cap: 45,
    priceUsd: 60,
    extraCreditPriceUsd: defaultExtraCreditPriceUsd,
    purchaseCapPerMonth: defaultPurchaseCapPerMonth,
    renewal: 'anniversary',
    pooled: false,
  },
  {
    id: 'sales-navigator-core',
    name: 'Sales Navigator Core',
    monthlyAllocation: 50,
    cap: 150,
    priceUsd: 100,
    extraCreditPriceUsd: defaultExtraCreditPriceUsd,
    purchaseCapPerMonth: defaultPurchaseCapPerMonth,
    renewal: 'first-of-month',
    pooled: false,
  },
  {
    id: 'recruiter-lite',
    name: 'Recruiter Lite',
    monthlyAllocation: 30,
    cap: 120,
    priceUsd: 170,
    extraCreditPriceUsd: defaultExtraCreditPriceUsd,
    purchaseCapPerMonth: defaultPurchaseCapPerMonth,
    renewal: 'anniversary',
    pooled: false,
  },
  {
    id: 'recruiter-corporate',
    name: 'Recruiter Professional / Corporate',
    monthlyAllocation: 150,
    cap: 450,
    priceUsd: 900,
    extraCreditPriceUsd: defaultExtraCreditPriceUsd,
    purchaseCapPerMonth: defaultPurchaseCapPerMonth,
    renewal: 'anniversary',
    pooled: true,
  },
];

/** Plans by id. */
export type PlanCatalogue = Readonly<Record<string, Plan>>;

export const defaultPlanCatalogue: PlanCatalogue = Object.freeze(Object.fromEntries(defaultPlans.map((p) => [p.id, Object.freeze({ ...p })])));
