import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAppError } from '../core/app-error.ts';
import { describeEncoding, encodingName, type ImportEncoding } from './import-encoding.ts';
import { decodeImportText } from './import-text-decoder.ts';
import { windows1252Chars } from './windows-1252.ts';

/** An encoder for a single-byte encoding, from TextDecoder's own table (Node has no encoder but UTF-8). */
export function singleByteEncoder(label: string): { chars: string[]; encode: (text: string) => Uint8Array } {
  const decoder = new TextDecoder(label);
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const c = label === 'windows-1252' ? windows1252Chars[b]! : decoder.decode(new Uint8Array([b]));
    if (c !== '\uFFFD' && c !== '' && !byChar.has(c)) byChar.set(c, b);
  }
  return {
    chars: [...byChar.keys()],
    encode: (text) =>
      Uint8Array.from([...text].map((c) => {
        const b = byChar.get(c);
        if (b === undefined) throw new Error(`${label} cannot encode ${c}`);
        return b;
      })),
  };
}

const cp1252 = singleByteEncoder('windows-1252');

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = [...(bom ? '\uFEFF' : ''), ...text].join('');
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (order === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = u >> 8;
  }
  return out;
}

/** Bytes cut into chunks at the given offsets. */
function cut(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of at) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  out.push(bytes.subarray(from));
  return out;
}

async function decode(chunks: Uint8Array[] | Uint8Array, encoding?: string) {
  let seen: ImportEncoding | undefined;
  const d = decodeImportText(Array.isArray(chunks) ? chunks : [chunks], { encoding, onEncoding: (e) => (seen = e) });
  let text = '';
  for await (const t of d.text) text += t;
  return { text, encoding: seen, d };
}

describe('decoding an import (#14 item 10)', () => {
  it('a Windows-1252 CSV (as Excel writes it) is detected and read as its text, not mojibake', async () => {
    const text = 'First Name,Last Name,Company\nJosé,García,Telefónica\nFrançois,Lefèvre,Société Générale\nBjörn,Müller,“Quoted” — €5\n';
    const r = await decode(cp1252.encode(text));
    expect(r.text).toBe(text);
    expect(r.encoding).toEqual({ name: 'windows-1252', detected: true, how: 'guessed' });
    expect(describeEncoding(r.encoding!)).toBe('windows-1252 (detected: not valid UTF-8, guessed from the bytes)');
  });

  it('Windows-1250 (Polish, Czech) is told from Windows-1252', async () => {
    const text = 'Imię,Nazwisko,Firma\nŁukasz,Żółkiewski,Spółka z o.o.\nAgnieszka,Wiśniewska,Kraków\nPetr,Dvořák,Česká spořitelna\n';
    const r = await decode(singleByteEncoder('windows-1250').encode(text));
    expect(r.encoding?.name).toBe('windows-1250');
    expect(r.text).toBe(text);
  });

  it('UTF-8 with and without BOM, plain ASCII, UTF-16 with BOM and without', async () => {
    const text = 'Name,City\nZoë,Zürich\n李,北京\n';
    expect(await decode(new TextEncoder().encode(text))).toMatchObject({ text, encoding: { name: 'utf-8', how: 'utf-8', detected: true } });
    expect(await decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toMatchObject({ text, encoding: { name: 'utf-8', how: 'bom' } });
    expect(await decode(new TextEncoder().encode('a,b\n1,2\n'))).toMatchObject({ text: 'a,b\n1,2\n', encoding: { name: 'utf-8', how: 'ascii' } });
    expect(await decode(utf16(text, 'le'))).toMatchObject({ text, encoding: { name: 'utf-16le', how: 'bom' } });
    expect(await decode(utf16(text, 'be'))).toMatchObject({ text, encoding: { name: 'utf-16be', how: 'bom' } });
    expect(await decode(utf16('Name,City\nAna,Lisbon\n', 'le', false))).toMatchObject({ text: 'Name,City\nAna,Lisbon\n', encoding: { name: 'utf-16le', how: 'utf-16' } });
  });

  it('a given encoding is used as it is, and said to be given', async () => {
    const r = await decode(cp1252.encode('Name\nRené\n'), 'latin1');
    expect(r).toMatchObject({ text: 'Name\nRené\n', encoding: { name: 'windows-1252', detected: false, how: 'given' } });
  });

  it('an unknown encoding, or one the byte order mark contradicts, is invalid_input before anything is read', async () => {
    expect(() => encodingName('klingon')).toThrow(/unknown encoding 'klingon'/);
    expect(() => decodeImportText([], { encoding: 'nope' })).toThrow(/unknown encoding/);
    const err = await decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'windows-1252').catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('invalid_input');
    expect((err as Error).message).toMatch(/starts with a UTF-8 byte order mark, but the encoding given is windows-1252/);
  });

  it('a UTF-8 file with one line in another encoding: only that line is undecodable, wherever the chunks are cut', async () => {
    const head = new TextEncoder().encode('Name,City\nZoë,Zürich\nAna,Lisbon\n');
    const bytes = Uint8Array.from([...head, ...cp1252.encode('José,Málaga\n'), ...new TextEncoder().encode('Li,北京\n')]);
    for (const cuts of [[], [3], [20, 21, 22, 40], [head.length + 2]]) {
      const r = await decode(cut(bytes, cuts));
      expect(r.encoding).toEqual({ name: 'utf-8', detected: true, how: 'mostly-utf-8' });
      expect(r.d.undecodableLine(1, 3)).toBeUndefined();
      expect(r.d.undecodableLine(1, 10)).toBe(4);
      expect(r.d.undecodableLine(5, 5)).toBeUndefined();
      expect(r.text.split('\n')[4]).toBe('Li,北京');
    }
  });

  it('lines are counted as the CSV reader counts them: LF, CRLF and lone CR', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('a\r\nb\rc\n'), 0xff, 0x0a]);
    const r = await decode(cut(bytes, [2, 3]), 'utf-8');
    expect(r.d.undecodableLine(1, 10)).toBe(4);
  });
});

describe('decoding properties', () => {
  it('any UTF-8 text survives, however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
        const r = await decode(cut(new TextEncoder().encode(text), cuts));
        expect(r.text).toBe(text.replace(/^\uFEFF/, ''));
        expect(r.encoding?.name).toBe('utf-8');
        expect(r.d.undecodableLine(1, Number.MAX_SAFE_INTEGER)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('any Windows-1252 text encoded in Windows-1252 decodes to itself when the encoding is given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(...cp1252.chars), maxLength: 200 }), fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
        const r = await decode(cut(cp1252.encode(text), cuts), 'windows-1252');
        expect(r.text).toBe(text);
        expect(r.d.undecodableLine(1, Number.MAX_SAFE_INTEGER)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('any text survives UTF-16 with a byte order mark, either byte order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.constantFrom('le' as const, 'be' as const), fc.array(fc.nat(), { maxLength: 6 }), async (text, order, cuts) => {
        const r = await decode(cut(utf16(text, order), cuts));
        expect(r.text).toBe(text);
        expect(r.encoding).toEqual({ name: `utf-16${order}`, detected: true, how: 'bom' });
      }),
      { numRuns: 200 },
    );
  });
});
