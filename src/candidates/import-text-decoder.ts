import { isAscii } from 'node:buffer';
import { AppError } from '../core/app-error.ts';
import { decodeWindows1252 } from './windows-1252.ts';
import { byteOrderMark, encodingName, guessEncoding, isValidUtf8, utf16WithoutBom, utf8Evidence, type ImportEncoding } from './import-encoding.ts';

type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** Decodes one whole piece (fatal: throws on bytes the encoding cannot read). */
interface PieceDecoder {
  decode(bytes: Uint8Array): string;
}

export interface DecodeOptions {
  /** the file's encoding as given (any WHATWG label); detected when absent */
  encoding?: string;
  /** called once, when the encoding is known (at the latest at the end of the file) */
  onEncoding?: (encoding: ImportEncoding) => void;
}

/** Text decoded from an import's bytes, and which lines had bytes the encoding cannot read. */
export interface DecodedImportText {
  text: AsyncGenerator<string>;
  /** the first line in from..to (1-based, as readers count them) with bytes that are not valid in the encoding */
  undecodableLine(from: number, to: number): number | undefined;
  /** the encoding used; undefined until it is known */
  encoding(): ImportEncoding | undefined;
}

/** Bytes looked at before anything is decoded: byte order mark and UTF-16 without one. */
const headBytes = 1024;
/** Bytes from the first non-ASCII byte on that chardet sees, when the file is not UTF-8. */
const sampleBytes = 64 * 1024;
/** A piece with no line break this long is decoded without waiting for one. */
const maxPiece = 4 * 1024 * 1024;

const singleByte = /^(ibm866|iso-8859-\d+|koi8-[ru]|macintosh|windows-874|windows-125\d|x-mac-cyrillic)$/;

/**
 * Decodes the bytes of an import as they stream in, in pieces that end at a
 * line break, so each piece can be checked on its own: a line with bytes that
 * are not valid in the encoding is remembered (readers skip and report the
 * record on it), its text decoded with U+FFFD in their place. Strings pass
 * through as they are (already decoded). Until a non-ASCII byte is seen the
 * text is ASCII, which every encoding detection can choose reads alike, so
 * detection waits for the first non-ASCII bytes without holding the file.
 */
export function decodeImportText(source: ByteSource, options: DecodeOptions = {}): DecodedImportText {
  const given = options.encoding !== undefined && options.encoding.trim() !== '' ? encodingName(options.encoding) : undefined;
  let chosen: ImportEncoding | undefined;
  const bad: number[] = [];
  const choose = (e: ImportEncoding) => {
    chosen = e;
    options.onEncoding?.(e);
  };

  async function* run(): AsyncGenerator<string> {
    let pending: Uint8Array = new Uint8Array(0);
    let line = 1;
    /** a CR ended the last piece: an LF starting the next is the same line break */
    let afterCr = false;
    let fatal: PieceDecoder | undefined;
    let lenient: PieceDecoder | undefined;
    let streaming: TextDecoder | undefined;
    let started = false;
    let strings = false;
    /** ASCII pieces held back while the sample after the first non-ASCII byte is gathered */
    let held: Uint8Array[] = [];
    let heldBytes = 0;

    const use = (e: ImportEncoding) => {
      choose(e);
      if (e.name === 'utf-16le' || e.name === 'utf-16be') streaming = new TextDecoder(e.name, { ignoreBOM: true });
      else if (e.name === 'windows-1252') fatal = lenient = { decode: decodeWindows1252 };
      else {
        fatal = new TextDecoder(e.name, { fatal: true, ignoreBOM: true });
        lenient = new TextDecoder(e.name, { ignoreBOM: true });
      }
    };

    const ascii = new TextDecoder('utf-8');

    /** Counts the line breaks of a piece (LF, CRLF, lone CR) and returns its text, remembering undecodable lines. */
    const decodePiece = (piece: Uint8Array): string => {
      const firstLine = line;
      const startAfterCr = afterCr;
      countLines(piece);
      if (!fatal || !lenient) return ascii.decode(piece);
      try {
        return fatal.decode(piece);
      } catch {
        // find the lines at fault: a line break is one ASCII byte in every encoding decoded this way
        const strict = fatal;
        const loose = lenient;
        let text = '';
        let n = firstLine;
        let from = 0;
        const take = (to: number) => {
          if (to <= from) return;
          const one = piece.subarray(from, to);
          try {
            text += strict.decode(one);
          } catch {
            if (bad[bad.length - 1] !== n) bad.push(n);
            text += loose.decode(one);
          }
          from = to;
        };
        for (let i = 0; i < piece.length; i++) {
          const b = piece[i];
          if (b === 0x0a) {
            take(i + 1);
            if (!(i === 0 && startAfterCr)) n++;
          } else if (b === 0x0d) {
            const end = piece[i + 1] === 0x0a ? i + 2 : i + 1;
            take(end);
            n++;
            i = end - 1;
          }
        }
        take(piece.length);
        return text;
      }
    };

    const countLines = (piece: Uint8Array) => {
      for (let i = 0; i < piece.length; i++) {
        const b = piece[i];
        if (b === 0x0a) {
          if (!(i === 0 && afterCr)) line++;
        } else if (b === 0x0d) {
          line++;
          if (piece[i + 1] === 0x0a) i++;
        }
      }
      afterCr = piece.length > 0 && piece[piece.length - 1] === 0x0d;
    };

    /** Decides the encoding from the held pieces (the first one with a non-ASCII byte last) and what follows. */
    const decide = (eof: boolean): boolean => {
      if (heldBytes < sampleBytes && !eof) return false;
      const all = concat(held);
      const from = Math.max(0, all.findIndex((b) => b >= 0x80));
      const sample = all.subarray(from, from + sampleBytes);
      // a sample cut short of the held bytes may end inside a character
      if (isValidUtf8(sample, from + sampleBytes < all.length)) use({ name: 'utf-8', detected: true, how: 'utf-8' });
      else {
        const evidence = utf8Evidence(sample);
        if (evidence.characters > 0 && evidence.characters >= evidence.invalid) use({ name: 'utf-8', detected: true, how: 'mostly-utf-8' });
        else use(guessEncoding(sample));
      }
      return true;
    };

    const emit = function* (piece: Uint8Array, eof: boolean): Generator<string> {
      if (piece.length === 0) return;
      if (streaming) {
        // UTF-16: decoded as a stream (a line break is two bytes); an unpaired surrogate becomes U+FFFD
        const text = streaming.decode(piece, { stream: !eof });
        if (text) yield text;
        return;
      }
      if (!chosen) {
        if (held.length === 0 && isAscii(piece)) {
          const text = decodePiece(piece);
          if (text) yield text;
          return;
        }
        held.push(piece);
        heldBytes += piece.length;
        if (!decide(eof)) return;
        const pieces = held;
        held = [];
        for (const p of pieces) {
          const text = decodePiece(p);
          if (text) yield text;
        }
        return;
      }
      const text = decodePiece(piece);
      if (text) yield text;
    };

    for await (const chunk of source) {
      if (typeof chunk === 'string') {
        // already text (tests, callers holding strings): nothing to decode or detect
        strings = true;
        if (!chosen) choose({ name: 'utf-8', detected: false, how: 'given' });
        if (chunk) yield chunk;
        continue;
      }
      if (strings) throw new AppError('invalid_input', 'an import source mixes text and bytes');
      pending = pending.length ? concat([pending, chunk]) : chunk;
      if (!started) {
        if (pending.length < headBytes) continue;
        started = true;
        pending = start(pending);
      }
      if (streaming) {
        yield* emit(pending, false);
        pending = new Uint8Array(0);
        continue;
      }
      // a piece ends after the last line break; a run without one is cut where a character cannot be split
      let cut = lastLineBreak(pending) + 1;
      if (cut === 0 && pending.length >= maxPiece) cut = safeCut(pending, chosen?.name ?? 'utf-8');
      if (cut > 0) {
        yield* emit(pending.subarray(0, cut), false);
        pending = pending.subarray(cut);
      }
    }
    if (strings) return;
    if (!started) {
      started = true;
      pending = start(pending);
    }
    yield* emit(pending, true);
    if (held.length) {
      // the file ended while its sample was gathered
      decide(true);
      for (const p of held) {
        const text = decodePiece(p);
        if (text) yield text;
      }
      held = [];
    }
    if (!chosen) use({ name: 'utf-8', detected: true, how: 'ascii' });
    if (streaming) {
      const rest = streaming.decode();
      if (rest) yield rest;
    }

    /** The start of the file: a byte order mark (checked against a given encoding), UTF-16 without one, or the given encoding. */
    function start(bytes: Uint8Array): Uint8Array {
      const bom = byteOrderMark(bytes);
      if (given) {
        if (bom && bom.name !== given) {
          throw new AppError('invalid_input', `the file starts with a ${bom.name.toUpperCase()} byte order mark, but the encoding given is ${given}`, { encoding: given, byteOrderMark: bom.name });
        }
        use({ name: given, detected: false, how: 'given' });
        return bom ? bytes.subarray(bom.length) : bytes;
      }
      if (bom) {
        use({ name: bom.name, detected: true, how: 'bom' });
        return bytes.subarray(bom.length);
      }
      const utf16 = utf16WithoutBom(bytes);
      if (utf16) use({ name: utf16, detected: true, how: 'utf-16' });
      return bytes;
    }
  }

  return {
    text: run(),
    undecodableLine(from, to) {
      // lines are remembered in order; a binary search finds the first >= from
      let lo = 0;
      let hi = bad.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bad[mid]! < from) lo = mid + 1;
        else hi = mid;
      }
      const n = bad[lo];
      return n !== undefined && n <= to ? n : undefined;
    },
    encoding: () => chosen,
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function lastLineBreak(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i];
    // a CR as the very last byte may be followed by an LF in the next chunk: cut before it
    if (b === 0x0a) return i;
    if (b === 0x0d && i < bytes.length - 1) return i;
  }
  return -1;
}

/** Where a long run without line breaks can be cut: anywhere in a single-byte encoding, before a lead byte in UTF-8, not at all otherwise. */
function safeCut(bytes: Uint8Array, encoding: string): number {
  if (singleByte.test(encoding)) return bytes.length;
  if (encoding !== 'utf-8') return 0;
  let i = bytes.length;
  while (i > 0 && bytes.length - i < 4 && (bytes[i - 1]! & 0xc0) === 0x80) i--;
  // i is after the last non-continuation byte's position + its continuations; cut before that lead byte
  return i > 0 && bytes[i - 1]! >= 0xc0 ? i - 1 : i;
}

/** Why a record with bytes its encoding cannot read is skipped. */
export function undecodableReason(line: number, encoding: string): string {
  return `line ${line} has bytes that are not valid ${encoding}: the record is skipped (the file mixes encodings; or give its encoding: --encoding, ?encoding=)`;
}
