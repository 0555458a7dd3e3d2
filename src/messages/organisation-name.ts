/**
 * Comparable form of a company or school name, so "Acme, Inc." on a profile
 * matches "ACME" on a seat: lower case, accents and punctuation removed,
 * legal suffixes and a leading "the" dropped.
 */
const legalSuffixes = new Set(['inc', 'incorporated', 'llc', 'ltd', 'limited', 'gmbh', 'ag', 'sa', 'sas', 'bv', 'nv', 'plc', 'corp', 'corporation', 'co', 'company', 'srl', 'oy', 'ab', 'as', 'spa', 'pty', 'kg']);

export function organisationKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
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
