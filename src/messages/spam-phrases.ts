/**
 * Phrases that make a recruiting message read like mass mail or spam (and
 * that spam filters and LinkedIn's own quality signals pick up). Matched as
 * whole words, ignoring case.
 */
export const spamPhrases: readonly string[] = [
  'act now',
  'amazing opportunity',
  'exciting opportunity',
  'unique opportunity',
  'once in a lifetime',
  'limited time',
  "don't miss",
  'dream job',
  'rockstar',
  'rock star',
  'ninja',
  'guru',
  'guaranteed',
  '100%',
  'click here',
  'urgent',
  'asap',
  'i came across your profile',
  'to whom it may concern',
  'dear candidate',
  'dear sir or madam',
  'perfect candidate',
  'perfect fit',
  'risk-free',
  'no obligation',
  'earn $',
  'make money',
  'cash bonus',
];

/** Shouting: three or more ! or ? in a row, or two or more words of six or more capitals (acronyms are shorter). */
export function shoutingReason(text: string): string | null {
  if (/[!?]{3,}/.test(text)) return 'three or more ! or ? in a row';
  const caps = text.match(/\b[A-Z]{6,}\b/g) ?? [];
  if (caps.length >= 2) return `words in capitals (${caps.slice(0, 3).join(', ')})`;
  return null;
}
