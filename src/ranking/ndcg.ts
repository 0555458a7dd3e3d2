/**
 * Ranking quality measures over graded relevance labels (0 = not relevant ..
 * 3 = ideal). `ranked` is the system's order of ids; `labels` the graded
 * relevance of every judged id (unjudged ids count as 0).
 */
export function dcgAt(gains: number[], k: number): number {
  let s = 0;
  for (let i = 0; i < Math.min(k, gains.length); i++) s += (2 ** gains[i] - 1) / Math.log2(i + 2);
  return s;
}

/** NDCG@k with exponential gain 2^rel - 1; 1 for an ideal order, 0 when nothing relevant is in the top k (or nothing is relevant at all). */
export function ndcgAt(ranked: number[], labels: ReadonlyMap<number, number>, k: number): number {
  const gains = ranked.slice(0, k).map((id) => labels.get(id) ?? 0);
  const ideal = [...labels.values()].sort((a, b) => b - a);
  const idcg = dcgAt(ideal, k);
  return idcg === 0 ? 0 : dcgAt(gains, k) / idcg;
}

/** Share of the top k that has a grade of at least `minGrade` (default 2: good or ideal). */
export function precisionAt(ranked: number[], labels: ReadonlyMap<number, number>, k: number, minGrade = 2): number {
  if (k <= 0) return 0;
  let hits = 0;
  for (const id of ranked.slice(0, k)) if ((labels.get(id) ?? 0) >= minGrade) hits++;
  return hits / k;
}
