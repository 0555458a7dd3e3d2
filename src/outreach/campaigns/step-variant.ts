import { assignVariantIndex, fnv1a } from '../../messages/variant-assignment.ts';
import type { StepVariant } from './sequence-step.ts';

/**
 * Which template variant of a step an enrollment gets (issue: analytics per
 * template variant). Deterministic for (campaign, step key, candidate), so
 * a re-planned action (expired, retried, a restarted worker) carries the
 * same variant. Equal weights use messages' balanced assignment (any run of
 * consecutive candidate ids splits evenly); unequal weights pick by a hash
 * of the candidate into the cumulative weights (balanced on average). The
 * salt includes the campaign so one person is not variant A everywhere:
 * callers pass the campaign's **name**, not its id, because ids are random
 * (`cmp_<hex>`) and the same campaign on another database must split its
 * audience the same way (same seed, same simulation; issue #7). Pure.
 */
export function assignStepVariant(variants: readonly StepVariant[], campaignName: string, stepKey: string, candidateId: number): StepVariant | null {
  if (variants.length === 0) return null;
  const salt = `${campaignName}:${stepKey}`;
  const weights = variants.map((v) => v.weight ?? 1);
  if (weights.every((w) => w === weights[0])) return variants[assignVariantIndex(candidateId, variants.length, salt)]!;
  const total = weights.reduce((a, b) => a + b, 0);
  const u = (fnv1a(`${salt}:${candidateId}`) / 2 ** 32) * total;
  let acc = 0;
  for (let i = 0; i < variants.length; i++) {
    acc += weights[i]!;
    if (u < acc) return variants[i]!;
  }
  return variants[variants.length - 1]!;
}
