import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeEachBackend } from '../db/test-backends.ts';
import { upsertCandidates } from '../candidates/candidate-store.ts';
import type { CandidateInput } from '../candidates/candidate.ts';
import type { Store } from '../db/open-database.ts';
import { evaluateQuery } from './evaluate-query.ts';
import { formatQuery } from './format-query.ts';
import { parseQueryOrThrow } from './parse-query.ts';
import { andNode, notNode, orNode, termNode, type QueryNode } from './query-ast.ts';
import { tokenize } from './tokenize.ts';
import { candidateInputSchema } from '../candidates/candidate.ts';
import { runSearchQuery } from './run-search-query.ts';
import type { ProfileFlags } from './profile-flags.ts';
import { deepQueryArbitrary, flagArbitrary, flaggedQueryArbitrary, queryArbitrary, termArbitrary } from './query-arbitraries.ts';
import { candidateArbitrary } from '../candidates/candidate-arbitraries.ts';
import { searchDocumentFor } from '../candidates/candidate-search-document.ts';
import { tokenizeDocument, type TokenizedDocument } from './tokenized-document.ts';

/**
 * The main guarantee of search: for generated profiles and generated queries,
 * every backend returns exactly the set the reference evaluator returns.
 */
/** SEARCH_PROPERTY_RUNS scales the number of generated queries (default 1) for longer local hunts. */
const scale = Number(process.env.SEARCH_PROPERTY_RUNS ?? '1');
const runs = (n: number) => ({ numRuns: Math.round(n * scale) });
const timeout = 60_000 * scale;

interface Loaded {
  workspaceId: string;
  docs: Array<{ id: number; doc: TokenizedDocument; flags?: ProfileFlags }>;
}

async function load(store: Store, workspaceId: string, seed: number, count: number): Promise<Loaded> {
  const profiles: CandidateInput[] = fc.sample(candidateArbitrary, { seed, numRuns: count });
  const { outcomes } = await upsertCandidates(store, workspaceId, profiles);
  return { workspaceId, docs: outcomes.map((o, i) => ({ id: o.id, doc: tokenizeDocument(searchDocumentFor(profiles[i])), flags: profiles[i].linkedin })) };
}

async function expectSameAsReference(store: Store, loaded: Loaded, query: QueryNode): Promise<void> {
  const expected = loaded.docs.filter((d) => evaluateQuery(query, d.doc, d.flags)).map((d) => d.id).sort((a, b) => a - b);
  const page = await runSearchQuery(store, query, { workspaceId: loaded.workspaceId, limit: 100_000, offset: 0 });
  const got = page.hits.map((h) => h.id).sort((a, b) => a - b);
  const context = `query: ${formatQuery(query)}`;
  expect(got, context).toEqual(expected);
  expect(page.total, context).toBe(expected.length);
}

describeEachBackend('search equivalence with the reference evaluator', (getStore) => {
  let first: Loaded;
  let second: Loaded | undefined;
  /** a second workspace in the same index (loaded by the first test that needs it) */
  const ensureSecond = async (): Promise<Loaded> => {
    if (!second) {
      await getStore().db.insertInto('workspaces').values({ id: 'other', name: 'Other', settings: '{}', created_at: new Date().toISOString() }).execute();
      second = await load(getStore(), 'other', 2, 120);
    }
    return second;
  };

  beforeAll(async () => {
    first = await load(getStore(), 'default', 1, 160);
  });

  it('property: one workspace, random queries', async () => {
    await fc.assert(
      fc.asyncProperty(queryArbitrary, (q) => expectSameAsReference(getStore(), first, q)),
      runs(400),
    );
  }, timeout);

  it('property: two workspaces share the index, each sees only its own', async () => {
    const other = await ensureSecond();
    await fc.assert(
      fc.asyncProperty(queryArbitrary, fc.boolean(), (q, useFirst) => expectSameAsReference(getStore(), useFirst ? first : other, q)),
      runs(300),
    );
  }, timeout);

  it('property: flag filters (openProfile, openToWork, degree) anywhere in the query', async () => {
    const other = await ensureSecond();
    // the same flags on both sides of the candidate split: a text part AND-ed at the top (FTS5 drives), and without one
    const driven = fc.tuple(termArbitrary, flaggedQueryArbitrary).map(([t, q]) => andNode([t, q]));
    await fc.assert(
      fc.asyncProperty(fc.oneof(flaggedQueryArbitrary, driven, flagArbitrary), fc.boolean(), async (q, useFirst) => {
        expect(parseQueryOrThrow(formatQuery(q))).toEqual(q);
        await expectSameAsReference(getStore(), useFirst ? first : other, q);
      }),
      runs(400),
    );
  }, timeout);

  it('property: queries nested to the parser limit (32 groups)', async () => {
    const other = await ensureSecond();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 15, max: 32 }).chain(deepQueryArbitrary), fc.boolean(), async (q, useFirst) => {
        // what the recruiter could type: the printed query parses back to the same tree
        expect(parseQueryOrThrow(formatQuery(q))).toEqual(q);
        await expectSameAsReference(getStore(), useFirst ? first : other, q);
      }),
      runs(60),
    );
  }, timeout);

  it('property: arbitrary Unicode text in profiles and queries', async () => {
    const store = getStore();
    await store.db.insertInto('workspaces').values({ id: 'unicode', name: 'Unicode', settings: '{}', created_at: new Date().toISOString() }).execute();
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    const profiles = fc.sample(
      fc.record({ headline: text, summary: text, skills: fc.array(text, { maxLength: 3 }) }).map((r) => candidateInputSchema.parse(r)),
      { numRuns: 60 },
    );
    const { outcomes } = await upsertCandidates(store, 'unicode', profiles);
    const loaded: Loaded = { workspaceId: 'unicode', docs: outcomes.map((o, i) => ({ id: o.id, doc: tokenizeDocument(searchDocumentFor(profiles[i])) })) };
    const seen = [...new Set(loaded.docs.flatMap((d) => Object.values(d.doc).flat(2)).filter((t): t is string => t !== null))];
    expect(seen.length).toBeGreaterThan(0);
    const word = fc.oneof(fc.constantFrom(...seen), text.map((t) => tokenize(t)[0]).filter((t): t is string => t !== undefined));
    const term = fc.record({ words: fc.array(word, { minLength: 1, maxLength: 2 }), field: fc.constantFrom(null, 'headline' as const, 'skill' as const) }).map((t) => termNode(t.words, { field: t.field }));
    const query = fc.letrec<{ q: QueryNode }>((tie) => ({
      q: fc.oneof({ maxDepth: 3, depthSize: 'small' }, term, tie('q').map(notNode), fc.array(tie('q'), { minLength: 2, maxLength: 3 }).map(orNode), fc.array(tie('q'), { minLength: 2, maxLength: 3 }).map(andNode)),
    })).q;
    await fc.assert(fc.asyncProperty(query, (q) => expectSameAsReference(store, loaded, q)), runs(200));
  }, timeout);

  it('property: re-indexing updated profiles keeps the equivalence', async () => {
    const store = getStore();
    const updated = fc.sample(candidateArbitrary, { seed: 3, numRuns: 40 });
    const ids = first.docs.slice(0, 40).map((d) => d.id);
    const { indexCandidates } = await import('./search-index.ts');
    await store.db.transaction().execute((trx) => indexCandidates(trx, store.dialect, ids.map((id, i) => ({ id, workspaceId: 'default', document: searchDocumentFor(updated[i]) }))));
    first.docs.splice(0, 40, ...ids.map((id, i) => ({ id, doc: tokenizeDocument(searchDocumentFor(updated[i])) })));
    await fc.assert(fc.asyncProperty(queryArbitrary, (q) => expectSameAsReference(store, first, q)), runs(150));
  }, timeout);
});
