import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bodyLimitsFromEnv, defaultBodyLimits, formatBytes, parseByteSize } from './body-limits.ts';

describe('body limits', () => {
  it('reads sizes with binary units, and formatBytes reads back to the same size', () => {
    expect(parseByteSize('1048576')).toBe(1048576);
    expect(parseByteSize('512k')).toBe(512 * 1024);
    expect(parseByteSize('1MiB')).toBe(1024 * 1024);
    expect(parseByteSize('2 GB')).toBe(2 * 1024 ** 3);
    expect(parseByteSize('1.5m')).toBe(1.5 * 1024 * 1024);
    for (const bad of ['', '0', '-1', 'ten', '1 TB', '1e6', 'm']) expect(parseByteSize(bad)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 }), fc.constantFrom(1, 1024, 1024 ** 2, 1024 ** 3), (n, unit) => {
        const shown = formatBytes(n * unit);
        // formatBytes rounds to one decimal: read back it is within 5% of the size
        expect(Math.abs(parseByteSize(shown.replace(/ bytes$/, ''))! - n * unit)).toBeLessThanOrEqual(n * unit * 0.05);
      }),
    );
  });

  it('takes each limit from its variable, and a variable that is not a size is a config_error naming it', () => {
    expect(bodyLimitsFromEnv({})).toEqual(defaultBodyLimits);
    expect(bodyLimitsFromEnv({ SCOUTLINE_BODY_LIMIT: '64k', SCOUTLINE_IMPORT_BODY_LIMIT: '10g', SCOUTLINE_IMPORT_RECORD_LIMIT: '2m', SCOUTLINE_OUTCOMES_CSV_LIMIT: '' })).toEqual({
      ...defaultBodyLimits,
      default: 64 * 1024,
      import: 10 * 1024 ** 3,
      importRecord: 2 * 1024 ** 2,
    });
    expect(() => bodyLimitsFromEnv({ SCOUTLINE_IMPORT_RECORD_LIMIT: 'lots' })).toThrow(expect.objectContaining({ code: 'config_error', message: expect.stringMatching(/SCOUTLINE_IMPORT_RECORD_LIMIT.*'lots'/) }));
  });
});
