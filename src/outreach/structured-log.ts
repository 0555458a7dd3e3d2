/**
 * Structured logs: one JSON object per line — time, level, msg, then the
 * fields. The worker and the CLI write these; `log` callbacks take a line.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type StructuredLog = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

export function jsonLineLogger(write: (line: string) => void, clock: () => string = () => new Date().toISOString()): StructuredLog {
  return (level, msg, fields = {}) => {
    write(JSON.stringify({ time: clock(), level, msg, ...fields }));
  };
}

export const silentLog: StructuredLog = () => undefined;
