import { AppError } from './app-error.ts';
import type { ErrorCode } from './error-codes.ts';

/** A zod issue as far as a message needs it (zod 3 and 4 alike). */
export interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/**
 * zod issues in words, each naming its field: `path.to.field: message; ...`,
 * with `root` standing for an issue about the value as a whole. The one
 * place this sentence is written (issue #15 item 6); callers add what was
 * being read.
 */
export function zodIssuesText(issues: ReadonlyArray<IssueLike>, root: string): string {
  return issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : root}: ${i.message}`).join('; ');
}

/** The issues' paths as strings, for an error's details. */
export function zodIssuesDetails(issues: ReadonlyArray<IssueLike>): Array<{ path: string[]; message: string }> {
  return issues.map((i) => ({ path: i.path.map(String), message: i.message }));
}

/** `invalid <what>: <each issue>` as an AppError (default `invalid_input`) with the issues in details. */
export function zodIssuesToAppError(issues: ReadonlyArray<IssueLike>, what: string, options: { root?: string; code?: ErrorCode; prefix?: string } = {}): AppError {
  const prefix = options.prefix ?? `invalid ${what}`;
  return new AppError(options.code ?? 'invalid_input', `${prefix}: ${zodIssuesText(issues, options.root ?? what)}`, { issues: zodIssuesDetails(issues) });
}
