/**
 * Structured logs: one JSON object per line — time, level, msg, then the
 * fields. The worker and the CLI write these; `log` callbacks take a line.
 * Fields are ids and counts by convention; free text that ends up in one
 * (an error message from an SMTP server, a webhook receiver or the database)
 * can quote a candidate's address or a credential, so every string is passed
 * through redactLogText on the way out.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type StructuredLog = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

const emailPattern = /[^\s@<>"'(),;:[\]]+@[^\s@<>"'(),;:[\]]+\.[^\s@<>"'(),;:[\]]+/g;
const apiTokenPattern = /sl_tok_[A-Za-z0-9_-]*/g;
const bearerPattern = /(bearer\s+)[^\s"']+/gi;
const credentialParamPattern = /([?&;\s](?:token|secret|password|pass|key|signature)=)[^&\s"';]+/gi;
const sessionCookiePattern = /(session_token=)[^;\s"']+/gi;

/** Text with email addresses, API tokens, bearer credentials, link tokens and session cookies masked (pure). */
export function redactLogText(text: string): string {
  return text
    .replace(emailPattern, '[email]')
    .replace(apiTokenPattern, 'sl_tok_[redacted]')
    .replace(bearerPattern, '$1[redacted]')
    .replace(credentialParamPattern, '$1[redacted]')
    .replace(sessionCookiePattern, '$1[redacted]');
}

/** A log field value with every string in it redacted (pure). */
export function redactLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactLogText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactLogValue(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactLogValue(v, depth + 1)]));
}

export function jsonLineLogger(write: (line: string) => void, clock: () => string = () => new Date().toISOString()): StructuredLog {
  return (level, msg, fields = {}) => {
    write(JSON.stringify({ time: clock(), level, msg: redactLogText(msg), ...(redactLogValue(fields) as Record<string, unknown>) }));
  };
}

export const silentLog: StructuredLog = () => undefined;
