import { useState } from 'react';
import { errorMessage } from './api-client.ts';

/**
 * Making something the server shows only once (an API token, an invitation
 * link) and revoking it: busy while it is made, the refusal in the server's
 * words, and the made value until it is revoked or another is made.
 */
export function useShownOnce<T>() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<T | null>(null);
  const make = async (act: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    setMade(null);
    try {
      setMade(await act());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  /** runs `act` (a revocation); the value shown goes too when `isIt` says it was the one revoked */
  const revoke = async (act: () => Promise<unknown>, isIt: (made: T) => boolean) => {
    setError(null);
    try {
      await act();
      setMade((m) => (m !== null && isIt(m) ? null : m));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return { busy, error, made, make, revoke };
}
