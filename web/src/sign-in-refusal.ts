import { ApiError, errorMessage } from './api-client.ts';

/** Why a sign-in was refused, in words that say what to do next. */
export function signInRefusal(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) return 'The email or password is not right.';
    if (err.status === 429) {
      // the server locks an account after repeated failures (no Retry-After), and limits attempts per address
      if (/this account/.test(err.message)) return 'This account is locked after too many failed sign-ins. Wait 15 minutes, or reset the password below.';
      const wait = err.retryAfterSeconds;
      return `Too many sign-in attempts. Wait ${wait ? `${wait} second${wait === 1 ? '' : 's'}` : 'a minute'} and try again.`;
    }
    if (err.status === 403) return `Sign-in refused: ${err.message}`;
  }
  return errorMessage(err);
}
