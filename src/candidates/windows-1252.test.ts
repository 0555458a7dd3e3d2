import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeWindows1252, windows1252Chars } from './windows-1252.ts';

describe('Windows-1252', () => {
  it('decodes the bytes Node 20 drops (0x80-0x9F) and every other byte as its code point', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x93, 0x94, 0x96, 0x97, 0x99, 0x8a, 0x9f]))).toBe('€“”–—™ŠŸ');
    expect(decodeWindows1252(Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9, 0xff, 0x81]))).toBe('Joséÿ\u0081');
    expect(new Set(windows1252Chars).size).toBe(256);
  });
  it('property: one character per byte, equal to latin1 outside 0x80-0x9F', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = decodeWindows1252(bytes);
        expect(text.length).toBe(bytes.length);
        for (let i = 0; i < bytes.length; i++) if (bytes[i]! < 0x80 || bytes[i]! >= 0xa0) expect(text.charCodeAt(i)).toBe(bytes[i]);
      }),
    );
  });
});
