import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import { invalidUtf8Offset } from './utf8-offset.ts';

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s)),
  fc.tuple(fc.string({ unit: 'binary' }), fc.uint8Array({ maxLength: 3 }), fc.nat()).map(([s, junk, at]) => {
    const b = new TextEncoder().encode(s);
    const i = at % (b.length + 1);
    return Uint8Array.from([...b.slice(0, i), ...junk, ...b.slice(i)]);
  }),
);

describe('invalidUtf8Offset', () => {
  it('is -1 exactly for well-formed UTF-8, and the bytes before the offset are well-formed', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const at = invalidUtf8Offset(b);
        expect(at === -1).toBe(isUtf8(b));
        if (at >= 0) {
          expect(isUtf8(b.subarray(0, at))).toBe(true);
          expect(isUtf8(b.subarray(0, at + 4))).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('points at the first bad byte', () => {
    expect(invalidUtf8Offset(Uint8Array.from([0x61, 0xff, 0x62]))).toBe(1);
    expect(invalidUtf8Offset(Uint8Array.from([0x61, 0xc3]))).toBe(1); // cut off
    expect(invalidUtf8Offset(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // an encoded surrogate
    expect(invalidUtf8Offset(Uint8Array.from([0xc0, 0x80]))).toBe(0); // overlong NUL
  });
});
