import { errorCodes, type ErrorCode } from './error-codes.ts';

/**
 * An error as a value: a stable code, a message for people, and optional
 * structured details (for example the column of a query syntax error).
 * Domain functions return refusals as values; boundaries throw AppError so
 * the HTTP and CLI layers can render it through the one code table.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toJSON(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError || (typeof value === 'object' && value !== null && (value as { name?: string }).name === 'AppError' && typeof (value as { code?: unknown }).code === 'string' && (value as { code: string }).code in errorCodes);
}

/** Turns anything thrown into an AppError, keeping known codes and hiding internals. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new AppError('internal', message);
}
