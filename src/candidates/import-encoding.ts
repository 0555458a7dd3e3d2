import { analyse } from 'chardet';
import { AppError } from '../core/app-error.ts';

/**
 * The character encoding of an import file: given (`--encoding`,
 * `?encoding=`), or detected from its bytes. Pure.
 *
 * Detection, in order: a byte order mark (UTF-8, UTF-16LE, UTF-16BE); UTF-16
 * without one when NUL bytes fill every other byte of the start; plain ASCII
 * and valid UTF-8 are UTF-8, and so is a sample with at least as many UTF-8
 * characters as bytes that are not (a UTF-8 file with a line pasted from
 * elsewhere: that line is reported, the rest read); anything else is guessed by chardet from a
 * sample (an export from Excel is usually Windows-1252, ISO-8859-1 is read as
 * its superset Windows-1252 as browsers do), and Windows-1252 when chardet
 * has no answer the import can decode.
 */
export interface ImportEncoding {
  /** the WHATWG name the file was decoded with: 'utf-8', 'windows-1252', 'utf-16le', ... */
  name: string;
  /** false when it was given, true when detected */
  detected: boolean;
  /**
   * given: --encoding / ?encoding=; bom: a byte order mark; utf-16: NUL bytes in every other byte;
   * ascii: only ASCII bytes; utf-8: valid UTF-8; mostly-utf-8: UTF-8 characters with a few bytes that are not
   * (a file that mixes encodings: the lines with those bytes are reported); guessed: not UTF-8, chardet's best guess;
   * fallback: not UTF-8 and no usable guess, Windows-1252
   */
  how: 'given' | 'bom' | 'utf-16' | 'ascii' | 'utf-8' | 'mostly-utf-8' | 'guessed' | 'fallback';
}

/** Bytes a file starts with for each byte order mark, and the encoding it says. */
const boms: ReadonlyArray<{ bytes: readonly number[]; name: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], name: 'utf-8' },
  { bytes: [0xff, 0xfe], name: 'utf-16le' },
  { bytes: [0xfe, 0xff], name: 'utf-16be' },
];

/** The byte order mark `bytes` start with, if any. */
export function byteOrderMark(bytes: Uint8Array): { name: string; length: number } | null {
  for (const bom of boms) {
    if (bytes.length >= bom.bytes.length && bom.bytes.every((b, i) => bytes[i] === b)) return { name: bom.name, length: bom.bytes.length };
  }
  return null;
}

/** Encodings the import does not decode although TextDecoder knows them: nothing readable comes out. */
const undecodable = new Set(['replacement', 'x-user-defined']);

/** The WHATWG name of an encoding label ('latin1' -> 'windows-1252', 'UTF8' -> 'utf-8'), or an invalid_input error naming it. */
export function encodingName(label: string): string {
  let name: string;
  try {
    name = new TextDecoder(label.trim()).encoding;
  } catch {
    throw new AppError('invalid_input', `unknown encoding '${label}' (use a name such as utf-8, windows-1252, iso-8859-15, windows-1250, utf-16le or utf-16be)`, { encoding: label });
  }
  if (undecodable.has(name)) throw new AppError('invalid_input', `the encoding '${label}' cannot be imported`, { encoding: label });
  return name;
}

/** UTF-16 without a byte order mark: text that is mostly ASCII has a NUL in every other byte. */
export function utf16WithoutBom(start: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(start.length, 1024) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (start[i] === 0) evenNul++;
    if (start[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.1) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.1) return 'utf-16be';
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Whether bytes are valid UTF-8 (a sequence cut at the end of a sample counts as valid). */
export function isValidUtf8(bytes: Uint8Array, cutAtEnd = false): boolean {
  let end = bytes.length;
  if (cutAtEnd) {
    // drop an incomplete last sequence: up to 3 continuation bytes after a lead byte
    let i = end - 1;
    while (i >= 0 && end - i <= 4 && (bytes[i]! & 0xc0) === 0x80) i--;
    if (i >= 0 && bytes[i]! >= 0xc0) end = i;
  }
  try {
    utf8.decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-8 multi-byte characters and invalid sequences in bytes (WHATWG rules:
 * no overlong forms, surrogates or code points over U+10FFFF). A
 * Windows-1252 text almost never holds a valid multi-byte sequence ('Ã©'),
 * a UTF-8 one has no invalid sequences unless a line came from elsewhere.
 */
export function utf8Evidence(bytes: Uint8Array): { characters: number; invalid: number } {
  let characters = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b === 0xe0) lo = 0xa0;
    else if (b === 0xed) hi = 0x9f;
    else if (b === 0xf0) lo = 0x90;
    else if (b === 0xf4) hi = 0x8f;
    let n = 0;
    while (n < need && i + 1 + n < bytes.length) {
      const c = bytes[i + 1 + n]!;
      if (c < (n === 0 ? lo : 0x80) || c > (n === 0 ? hi : 0xbf)) break;
      n++;
    }
    if (need > 0 && n === need) {
      characters++;
      i += 1 + need;
    } else if (need > 0 && i + 1 + n >= bytes.length) {
      // cut at the end of the sample: neither
      break;
    } else {
      invalid++;
      i += 1 + n;
    }
  }
  return { characters, invalid };
}

/** Encodings chardet may name that a file can be decoded with once it is known not to be UTF-8 or UTF-16 (ASCII-compatible ones only). */
function usableGuess(name: string): string | null {
  if (/^(utf|ascii|iso-2022)/i.test(name)) return null;
  try {
    const whatwg = new TextDecoder(name).encoding;
    return undecodable.has(whatwg) || whatwg.startsWith('utf-') ? null : whatwg;
  } catch {
    return null;
  }
}

/**
 * The encoding of a sample that is not valid UTF-8 (the first non-ASCII
 * bytes of a file and what follows): chardet's best guess it can decode,
 * else Windows-1252.
 */
export function guessEncoding(sample: Uint8Array): ImportEncoding {
  for (const match of analyse(sample)) {
    if (match.confidence <= 0) continue;
    const name = usableGuess(match.name);
    if (name) return { name, detected: true, how: 'guessed' };
  }
  return { name: 'windows-1252', detected: true, how: 'fallback' };
}

/** How an import report says it: "windows-1252 (detected: not valid UTF-8, guessed)". */
export function describeEncoding(e: ImportEncoding): string {
  const how: Record<ImportEncoding['how'], string> = {
    given: 'given',
    bom: 'detected: byte order mark',
    'utf-16': 'detected: UTF-16 without byte order mark',
    ascii: 'detected: plain ASCII',
    'utf-8': 'detected: valid UTF-8',
    'mostly-utf-8': 'detected: UTF-8, with lines in another encoding reported',
    guessed: 'detected: not valid UTF-8, guessed from the bytes',
    fallback: 'detected: not valid UTF-8 and no better guess',
  };
  return `${e.name} (${how[e.how]})`;
}

/** The first bytes of a file as text, to sniff its format: by its byte order mark, as UTF-16 without one, else as UTF-8. */
export function sniffText(start: Uint8Array): string {
  const bom = byteOrderMark(start);
  const name = bom?.name ?? utf16WithoutBom(start) ?? 'utf-8';
  return new TextDecoder(name).decode(start.subarray(bom?.length ?? 0));
}
