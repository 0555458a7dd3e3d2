/**
 * Windows-1252 decoding (the WHATWG index; ISO-8859-1 labels decode as it
 * too). Node 20's TextDecoder drops the bytes 0x80-0x9F ('€', '“', '—'
 * vanish) and returns nothing for a lone high byte, so the import decodes
 * this encoding itself: a byte is its code point except for the 32 below.
 */
const high = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const codeUnits = Uint16Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b < 0xa0 ? high[b - 0x80]! : b));

/** The character each byte stands for. */
export const windows1252Chars: readonly string[] = [...codeUnits].map((u) => String.fromCharCode(u));

const utf16 = new TextDecoder('utf-16le');

/** Every byte is a character in Windows-1252: this never fails. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = codeUnits[bytes[i]!]!;
  return utf16.decode(units);
}
