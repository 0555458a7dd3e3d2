/**
 * Priority: who to contact first. A weighted geometric mean of fit and the
 * reply chance, so a candidate who does not fit never rises to the top on
 * reply likelihood alone, and a perfect fit who will almost surely not answer
 * drops below a good fit who will. The reply chance is measured against the
 * top-performer rate of 40% (spec section 5): a candidate at or above it
 * counts as fully reachable.
 */
export const defaultFitWeight = 0.7;
export const reachableReplyRate = 40;

export function priorityScore(fit: number, replyLikelihood: number, fitWeight: number = defaultFitWeight): number {
  const f = clamp(fit / 100);
  const r = clamp(replyLikelihood / reachableReplyRate);
  const w = clamp(fitWeight);
  if (f === 0 && w > 0) return 0;
  if (r === 0 && w < 1) return 0;
  return 100 * Math.pow(f, w) * Math.pow(r, 1 - w);
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
