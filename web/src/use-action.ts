import { useState } from 'react';
import { errorMessage } from './api-client.ts';

export interface Action {
  busy: boolean;
  /** the last run's refusal, in the server's words */
  error: string | null;
  /** the last run's success message */
  notice: string | null;
  /** runs `act` (which answers the success message) unless one is already running; clears the previous messages first */
  run: (act: () => Promise<string>) => Promise<void>;
}

/** One form's submit: busy while it runs, then either a success notice or the error, never both. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = async (act: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await act());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, notice, run };
}
