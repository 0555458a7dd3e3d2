import { AppError } from '../core/app-error.ts';
import { formatQueryError } from './format-query-error.ts';

/** A query the parser refuses: what is wrong and the 1-based column (in characters) where it was found. */
export interface QuerySyntaxError {
  readonly message: string;
  readonly column: number;
}

/**
 * The AppError form, for the HTTP and CLI boundaries: code `query_syntax`,
 * details `{ column, query, display }` where display is the query with a
 * caret under the column (the CLI prints it under the message).
 */
export function querySyntaxAppError(query: string, error: QuerySyntaxError): AppError {
  return new AppError('query_syntax', error.message, { column: error.column, query, display: formatQueryError(query, error) });
}
