import type { ActionToExecute, ExecutionResult, Executor, ExecutorName } from '../executor.ts';

/**
 * Keeps an executor's secrets out of what it reports. An executor's failure
 * message goes into the worker's log lines, the action's `last_error` and
 * from there into API answers; a server that echoes what it was sent (an
 * SMTP server repeating the AUTH line in its refusal) would otherwise put
 * the password there. Every form the secret crosses the wire in is blanked:
 * as it is, URL-encoded, base64 (AUTH LOGIN) and the AUTH PLAIN token.
 */
export const scrubbedMark = '[secret]';

export function secretForms(secret: string, user?: string | null): string[] {
  if (!secret) return [];
  const forms = [secret, encodeURIComponent(secret), Buffer.from(secret, 'utf8').toString('base64')];
  if (user) forms.push(Buffer.from(`\0${user}\0${secret}`, 'utf8').toString('base64'), Buffer.from(`${user}\0${secret}`, 'utf8').toString('base64'));
  // the longest first, so a form that contains another is blanked whole
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

export function scrubSecrets(text: string, forms: readonly string[]): string {
  let out = text;
  for (const f of forms) if (f) out = out.split(f).join(scrubbedMark);
  return out;
}

export class SecretScrubbingExecutor implements Executor {
  readonly name: ExecutorName;

  constructor(
    readonly inner: Executor,
    private readonly forms: readonly string[],
  ) {
    this.name = inner.name;
  }

  async execute(action: ActionToExecute): Promise<ExecutionResult> {
    try {
      const r = await this.inner.execute(action);
      return 'message' in r ? { ...r, message: scrubSecrets(r.message, this.forms) } : r;
    } catch (err) {
      // the worker turns a thrown error into a retryable failure with its message: scrub that too
      throw new Error(scrubSecrets((err as Error)?.message ?? String(err), this.forms));
    }
  }

  /** closes the inner executor's connections (SMTP) */
  close(): void {
    (this.inner as { close?: () => void }).close?.();
  }
}
