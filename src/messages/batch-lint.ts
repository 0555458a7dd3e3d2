import type { LintFinding } from './lint-finding.ts';
import { findNearDuplicates, nearDuplicateThreshold } from './near-duplicates.ts';

export interface BatchLintItem {
  /** how the batch names this message (candidate id or label) */
  key: string;
  body: string;
  /** the recipient's names, masked before comparing */
  names: readonly string[];
}

export interface BatchLintFinding extends LintFinding {
  /** the messages the finding is about */
  keys: string[];
}

/**
 * Lint across a batch: notes that read the same apart from the recipient's
 * name look mass-produced (to the candidate and to LinkedIn). Per-message
 * lint is in lintMessage.
 */
export function lintBatch(items: readonly BatchLintItem[]): BatchLintFinding[] {
  return findNearDuplicates(items.map((i) => ({ key: i.key, text: i.body, names: i.names }))).map((keys) => ({
    code: 'near_duplicate' as const,
    severity: 'warning' as const,
    message: `${keys.length} messages read the same apart from the name (${Math.round(nearDuplicateThreshold * 100)}%+ alike): ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', ...' : ''}`,
    keys,
    details: { size: keys.length },
  }));
}
