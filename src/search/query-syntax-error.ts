import { AppError } from '../core/app-error.ts';

/** A query the parser refuses: what is wrong and the 1-based column (in characters) where it was found. */
export interface QuerySyntaxError {
  readonly message: string;
  readonly column: number;
}

/** The AppError form, for the HTTP and CLI boundaries: code `query_syntax`, details `{ column, query }`. */
export function querySyntaxAppError(query: string, error: QuerySyntaxError): AppError {
  return new AppError('query_syntax', error.message, { column: error.column, query });
}
