import fc from 'fast-check';
import { connectionDegrees } from './profile-flags.ts';
import { andNode, flagNode, notNode, orNode, termNode, type QueryNode } from './query-ast.ts';
import { searchFieldNames, type SearchField } from './search-fields.ts';
import { isProtectedToken, tokenize } from './tokenize.ts';

/**
 * fast-check generators for search properties (test support, not a test):
 * a small vocabulary full of the tricky cases, texts written from it, and
 * query trees over the same words (profiles from the same vocabulary:
 * src/candidates/candidate-arbitraries.ts).
 */
export const searchVocabulary = [
  'java', 'javascript', 'Java', 'c', 'C++', 'c#', 'C#', '.NET', 'net', 'ASP.NET', 'node.js', 'node', 'js',
  'front', 'end', 'front-end', 'Front End', 'e-commerce', 'commerce', 'José', 'jose', 'engineer', 'engineering',
  'Senior', 'senior', 'manager', 'sql', 'T-SQL', 'a/b', 'testing', 'München', 'munchen', 'berlin', 'acme', 'data',
  'r&d', 'B2B', 'lead', 'développeur',
] as const;

const separators = [' ', ' ', ' ', '-', ', ', '/', ' & ', '.', ' (', ') '];

/** A short text of vocabulary words with assorted punctuation between them. */
export const vocabularyText = fc
  .array(fc.tuple(fc.constantFrom(...searchVocabulary), fc.constantFrom(...separators)), { maxLength: 6 })
  .map((parts) => parts.map(([w, s], i) => (i === parts.length - 1 ? w : w + s)).join(''));

/** The tokens of the vocabulary: what query words are drawn from. */
export const vocabularyTokens: readonly string[] = [...new Set(searchVocabulary.flatMap((w) => tokenize(w)))];
const plainTokens = vocabularyTokens.filter((t) => !isProtectedToken(t));

const wordsArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...vocabularyTokens).map((w) => [w]) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...vocabularyTokens), { minLength: 2, maxLength: 3 }) },
  // phrases that do occur: the tokens of one vocabulary entry or of two entries side by side
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...searchVocabulary), fc.constantFrom(...searchVocabulary)).map(([a, b]) => tokenize(`${a} ${b}`)) },
);

/** A term reachable from query text: a prefix is cut from a plain word or is a whole protected token. */
export const termArbitrary: fc.Arbitrary<QueryNode> = fc
  .record({
    words: wordsArbitrary,
    field: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.constantFrom<SearchField>(...searchFieldNames) }),
    prefix: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }) }),
    plain: fc.constantFrom(...plainTokens),
  })
  .map(({ words, field, prefix, plain }) => {
    if (prefix === 0) return termNode(words, { field });
    const last = words[words.length - 1];
    const stem = isProtectedToken(last) ? last : last.slice(0, Math.min(prefix, last.length));
    const cut = stem.length > 0 ? stem : plain.slice(0, prefix);
    return termNode([...words.slice(0, -1), cut], { field, prefix: true });
  });

/** Query trees: terms, NOT, AND, OR, nested a few levels. */
export const queryArbitrary: fc.Arbitrary<QueryNode> = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: termArbitrary },
    { weight: 1, arbitrary: tie('node').map(notNode) },
    { weight: 2, arbitrary: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map(andNode) },
    { weight: 2, arbitrary: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map(orNode) },
  ),
})).node;

/** A LinkedIn flag filter: `openProfile:true`, `openToWork:false`, `degree:2`. */
export const flagArbitrary: fc.Arbitrary<QueryNode> = fc.oneof(
  fc.record({ flag: fc.constantFrom('openProfile' as const, 'openToWork' as const), value: fc.boolean() }).map(flagNode),
  fc.constantFrom(...connectionDegrees).map((value) => flagNode({ flag: 'degree', value })),
);

/** Query trees with flag filters anywhere among the terms. */
export const flaggedQueryArbitrary: fc.Arbitrary<QueryNode> = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: termArbitrary },
    { weight: 2, arbitrary: flagArbitrary },
    { weight: 1, arbitrary: tie('node').map(notNode) },
    { weight: 2, arbitrary: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map(andNode) },
    { weight: 2, arbitrary: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map(orNode) },
  ),
})).node;

/** Deep queries: alternating AND / OR / NOT chains with one group per level, `levels` deep. */
export function deepQueryArbitrary(levels: number): fc.Arbitrary<QueryNode> {
  return fc.array(fc.tuple(termArbitrary, fc.constantFrom('and', 'or', 'andnot', 'ornot')), { minLength: levels, maxLength: levels }).chain((steps) =>
    termArbitrary.map((innermost) =>
      steps.reduceRight<QueryNode>((inner, [t, op]) => {
        if (op === 'and') return andNode([t, inner]);
        if (op === 'or') return orNode([t, inner]);
        if (op === 'andnot') return andNode([t, notNode(inner)]);
        return orNode([t, notNode(inner)]);
      }, innermost),
    ),
  );
}
