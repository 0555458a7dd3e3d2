/**
 * A/B assignment of template variants. Deterministic: the same candidate
 * always gets the same variant of a step. Balanced: for whole-number keys
 * (candidate ids) the variant is (key + offset) mod n, so any run of
 * consecutive ids splits evenly, every variant within one of the others.
 * The offset comes from the salt (the step or experiment name), so
 * experiments with different salts do not all start on variant 0. Other
 * keys (profile URLs, names) are hashed (FNV-1a): deterministic, balanced
 * only on average.
 */
export function assignVariantIndex(candidateKey: number | string, variantCount: number, salt = ''): number {
  if (!Number.isInteger(variantCount) || variantCount < 1) throw new RangeError(`assignVariant needs at least one variant, got ${variantCount}`);
  const offset = salt ? fnv1a(salt) % variantCount : 0;
  if (typeof candidateKey === 'number' && Number.isSafeInteger(candidateKey)) {
    return (((candidateKey % variantCount) + variantCount + offset) % variantCount);
  }
  return (fnv1a(String(candidateKey)) + offset) % variantCount;
}

export function assignVariant<V>(candidateKey: number | string, variants: readonly V[], salt = ''): V {
  return variants[assignVariantIndex(candidateKey, variants.length, salt)]!;
}

/** 32-bit FNV-1a over UTF-16 code units, as an unsigned number. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
