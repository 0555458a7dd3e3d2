import { boundedMemo } from './bounded-memo.ts';
import { normaliseTaxonomyText } from './taxonomy-text.ts';

/** Organisation names compared loosely: case, accents and legal suffixes ignored (memoised: the same employers and schools come up across thousands of profiles). */
export const orgKey: (name: string) => string = boundedMemo((name) =>
  normaliseTaxonomyText(name)
    .replace(/\b(inc|ltd|limited|llc|gmbh|ag|se|kg|plc|corp|corporation|co|sa|nv|bv|ab|oy|srl|pty|the|university of|universitat|universitaet)\b\.?/g, ' ')
    .replace(/[.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim(),
  50_000,
);
