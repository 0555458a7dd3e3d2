import { AppError } from '../core/app-error.ts';

/**
 * How large a request body may be. Every route has the small default except
 * the two that take files: the candidate import streams its body (memory
 * holds one record and one batch, whatever the size), so its total may be
 * large while each record in it stays small; the outcomes CSV import reads
 * its body whole, so it sits in between. Set with environment variables
 * (bodyLimitsFromEnv) or createApp's `bodyLimits`; docs/operations.md.
 */
export interface BodyLimits {
  /** every route not named below: JSON bodies, sign-in, the signed webhook */
  default: number;
  /** POST /api/import as a whole (streamed) */
  import: number;
  /** one record inside an import: an NDJSON line, an element of a JSON array, a CSV row */
  importRecord: number;
  /** POST /api/outcomes/import (read whole) */
  outcomesCsv: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

export const defaultBodyLimits: BodyLimits = { default: 1 * MiB, import: 1 * GiB, importRecord: 1 * MiB, outcomesCsv: 16 * MiB };

export const bodyLimitVariables: Record<keyof BodyLimits, string> = {
  default: 'SCOUTLINE_BODY_LIMIT',
  import: 'SCOUTLINE_IMPORT_BODY_LIMIT',
  importRecord: 'SCOUTLINE_IMPORT_RECORD_LIMIT',
  outcomesCsv: 'SCOUTLINE_OUTCOMES_CSV_LIMIT',
};

/** Which limit a route has, by its OpenAPI key ('POST /api/import'); unlisted routes have `default`. */
export const routeBodyLimitKinds: Record<string, keyof BodyLimits> = {
  'POST /api/import': 'import',
  'POST /api/outcomes/import': 'outcomesCsv',
};

/** "1048576", "512k", "1m", "1MiB", "2 GB" (binary units: k = 1024) -> bytes; null if not a size. */
export function parseByteSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?\s*$/i.exec(text);
  if (!m) return null;
  const unit = { k: KiB, m: MiB, g: GiB }[(m[2] ?? '').toLowerCase()] ?? 1;
  const bytes = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

/** Bytes as people read them: 1 MiB, 512 KiB, 1.5 GiB, 1000 bytes. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [['GiB', GiB], ['MiB', MiB], ['KiB', KiB]] as const) {
    if (bytes >= size) {
      const v = bytes / size;
      return `${Number.isInteger(v) ? v : v.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}

/** The limits from SCOUTLINE_*_LIMIT variables over the defaults; a variable that is not a size is a config_error naming it. */
export function bodyLimitsFromEnv(env: Record<string, string | undefined>): BodyLimits {
  const limits = { ...defaultBodyLimits };
  for (const key of Object.keys(bodyLimitVariables) as Array<keyof BodyLimits>) {
    const name = bodyLimitVariables[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const bytes = parseByteSize(raw);
    if (bytes === null) throw new AppError('config_error', `${name} must be a size in bytes such as 1048576, 512k, 10m or 2g; got '${raw}'`, { variable: name });
    limits[key] = bytes;
  }
  return limits;
}
