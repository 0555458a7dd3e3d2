import { describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import { defaultCreditConfig, requirePlan, resolveCreditConfig } from './credit-config.ts';

describe('plan catalogue and workspace overrides', () => {
  it('holds the five plans of the spec table with caps as data', () => {
    const rows = Object.values(defaultCreditConfig.plans).map((p) => [p.id, p.monthlyAllocation, p.cap, p.priceUsd, p.renewal, p.pooled]);
    expect(rows).toEqual([
      ['premium-career', 5, 15, 30, 'anniversary', false],
      ['premium-business', 15, 45, 60, 'anniversary', false],
      ['sales-navigator-core', 50, 150, 100, 'first-of-month', false],
      ['recruiter-lite', 30, 120, 170, 'anniversary', false],
      ['recruiter-corporate', 150, 450, 900, 'anniversary', true],
    ]);
    for (const p of Object.values(defaultCreditConfig.plans)) {
      expect(p.extraCreditPriceUsd).toBe(10);
      expect(p.purchaseCapPerMonth).toBe(50);
    }
    expect(defaultCreditConfig.rules).toEqual({ lotLifetimeDays: 90, refundWindowDays: 90, refundLotLifetimeDays: 90, purchaseLotLifetimeDays: 90 });
  });

  it('overrides fields of a plan and the day rules per workspace without touching the defaults', () => {
    const c = resolveCreditConfig({ plans: { 'recruiter-lite': { cap: 200, priceUsd: 150 } }, rules: { refundWindowDays: 60 } });
    expect(c.plans['recruiter-lite']).toMatchObject({ cap: 200, priceUsd: 150, monthlyAllocation: 30 });
    expect(c.rules.refundWindowDays).toBe(60);
    expect(defaultCreditConfig.plans['recruiter-lite'].cap).toBe(120);
  });

  it('adds a new plan only with every field, and rejects bad values', () => {
    const full = { name: 'Regional', monthlyAllocation: 20, cap: 60, priceUsd: 80, extraCreditPriceUsd: 9, purchaseCapPerMonth: 30, renewal: 'anniversary', pooled: false };
    expect(resolveCreditConfig({ plans: { regional: full } }).plans.regional.cap).toBe(60);
    expect(() => resolveCreditConfig({ plans: { regional: { cap: 60 } } })).toThrow(AppError);
    expect(() => resolveCreditConfig({ plans: { 'recruiter-lite': { cap: -1 } } })).toThrow(/recruiter-lite/);
    expect(() => resolveCreditConfig({ colour: 'red' })).toThrow(AppError);
  });

  it('requirePlan names the known plans', () => {
    expect(() => requirePlan(defaultCreditConfig, 'toString')).toThrow(/unknown plan/);
    expect(requirePlan(defaultCreditConfig, 'premium-career').name).toBe('Premium Career');
  });
});
