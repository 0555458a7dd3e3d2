/**
 * BERT WordPiece tokenisation (lower-cased, accents stripped, punctuation
 * split, greedy longest-match-first sub-words with `##`), enough to feed a
 * local sentence-embedding ONNX model from its vocab.txt.
 */
export interface WordPieceVocab {
  ids: Map<string, number>;
  cls: number;
  sep: number;
  unk: number;
  pad: number;
}

export function parseVocab(text: string): WordPieceVocab {
  const ids = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line !== '' && !ids.has(line)) ids.set(line, i);
  });
  const need = (t: string) => {
    const id = ids.get(t);
    if (id === undefined) throw new Error(`vocab.txt has no ${t} token`);
    return id;
  };
  return { ids, cls: need('[CLS]'), sep: need('[SEP]'), unk: need('[UNK]'), pad: ids.get('[PAD]') ?? 0 };
}

export function wordPieceIds(text: string, vocab: WordPieceVocab, maxTokens: number): number[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/\s+|(?=[^\p{L}\p{N}\s])|(?<=[^\p{L}\p{N}\s])/u)
    .filter(Boolean);
  const out: number[] = [vocab.cls];
  for (const w of words) {
    if (out.length >= maxTokens - 1) break;
    let start = 0;
    const pieces: number[] = [];
    let bad = false;
    while (start < w.length) {
      let end = w.length;
      let found: number | undefined;
      while (start < end) {
        const sub = (start > 0 ? '##' : '') + w.slice(start, end);
        found = vocab.ids.get(sub);
        if (found !== undefined) break;
        end--;
      }
      if (found === undefined) {
        bad = true;
        break;
      }
      pieces.push(found);
      start = end;
    }
    out.push(...(bad ? [vocab.unk] : pieces));
  }
  out.length = Math.min(out.length, maxTokens - 1);
  out.push(vocab.sep);
  return out;
}
