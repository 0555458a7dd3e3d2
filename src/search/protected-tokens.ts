/**
 * Protected tech tokens: terms that keep their punctuation and match only
 * themselves (`c++` is not `c`, `.net` is not `net`). This list is data: add
 * a token here and both indexing and querying pick it up; re-index existing
 * profiles afterwards (`bin/scoutline search reindex`).
 *
 * Entries are written folded (lower case, no diacritics), contain at least one
 * character that is not a letter or digit, or are letters-and-digits words
 * kept here for documentation (`b2b`), and never contain whitespace, quotes,
 * parentheses, `*` or `:` (the query language's own characters).
 */
export const protectedTokens: readonly string[] = [
  'c++',
  'c#',
  'f#',
  '.net',
  'asp.net',
  'node.js',
  'vue.js',
  'react.js',
  'next.js',
  'objective-c',
  'ci/cd',
  'a/b',
  'pl/sql',
  't-sql',
  'r&d',
  'm&a',
  'b2b',
  'b2c',
  's/4hana',
];
