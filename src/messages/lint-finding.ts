/**
 * One lint result. Codes are stable (CLI, API and UI show them); errors
 * mean the message must not be sent as it is, warnings are advice.
 */
export const lintCodes = {
  empty_variable: { severity: 'error', summary: 'A variable outside an optional segment rendered empty.' },
  unknown_variable: { severity: 'error', summary: 'The template reads a variable that does not exist (a typo?).' },
  unresolved_placeholder: { severity: 'error', summary: 'The text still contains template syntax or a placeholder such as [First Name].' },
  empty_body: { severity: 'error', summary: 'The message has no text.' },
  missing_subject: { severity: 'error', summary: 'An InMail or email needs a subject.' },
  over_limit: { severity: 'error', summary: 'The text is over the channel limit.' },
  no_personal_hook: { severity: 'error', summary: 'The message mentions nothing specific from the profile (an error for connection notes, a warning elsewhere).' },
  inmail_over_400: { severity: 'warning', summary: 'InMails under 400 characters get about 22% more replies.' },
  spammy_phrase: { severity: 'warning', summary: 'A phrase that reads like mass mail or spam.' },
  near_duplicate: { severity: 'warning', summary: 'Two messages of a batch read the same apart from the name.' },
} as const;

export type LintCode = keyof typeof lintCodes;
export type LintSeverity = 'error' | 'warning';

export interface LintFinding {
  code: LintCode;
  severity: LintSeverity;
  message: string;
  details?: Record<string, unknown>;
}

export function hasLintErrors(findings: readonly LintFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
