import { foldText } from './text-mentions.ts';

/**
 * Comparable form of a company or school name, so "Acme, Inc." on a profile
 * matches "ACME" on a seat: lower case, accents and punctuation removed,
 * legal suffixes and a leading "the" dropped.
 */
const legalSuffixes = new Set(['inc', 'incorporated', 'llc', 'ltd', 'limited', 'gmbh', 'ag', 'sa', 'sas', 'bv', 'nv', 'plc', 'corp', 'corporation', 'co', 'company', 'srl', 'oy', 'ab', 'as', 'spa', 'pty', 'kg']);

const memo = new Map<string, string>();

export function organisationKey(name: string): string {
  const hit = memo.get(name);
  if (hit !== undefined) return hit;
  const key = computeKey(name);
  if (memo.size > 50_000) memo.clear();
  memo.set(name, key);
  return key;
}

function computeKey(name: string): string {
  const words = foldText(name)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (words[0] === 'the' && words.length > 1) words.shift();
  while (words.length > 1 && legalSuffixes.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

export function sameOrganisation(a: string, b: string): boolean {
  const ka = organisationKey(a);
  return ka !== '' && ka === organisationKey(b);
}
