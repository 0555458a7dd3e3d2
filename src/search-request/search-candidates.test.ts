import { beforeAll, expect, it } from 'vitest';
import { upsertCandidates } from '../candidates/candidate-store.ts';
import { candidateInputSchema, type CandidateInputLoose } from '../candidates/candidate.ts';
import { isAppError } from '../core/app-error.ts';
import { describeEachBackend } from '../db/test-backends.ts';
import { searchCandidates } from './search-candidates.ts';

/** Every example of the spec, end to end on each backend, plus ranking, pages and highlighting. */
const profiles: Record<string, CandidateInputLoose> = {
  jose: { name: 'José Álvarez', headline: 'Senior Software Engineer', skills: ['Java', 'Spring'], location: { city: 'Madrid', country: 'Spain' } },
  engineering: { name: 'Eng Manager', headline: 'Engineering Manager', positions: [{ title: 'Engineering Manager', company: 'Globex', end: null }] },
  cpp: { name: 'Cee Plus', skills: ['C++'], summary: 'Embedded C++ developer' },
  c: { name: 'Cee Only', skills: ['C'], summary: 'C and assembly' },
  dotnet: { name: 'Dotty Nuget', skills: ['.NET', 'ASP.NET'] },
  fishing: { name: 'Net Fisher', summary: 'I mend the net every day' },
  frontHyphen: { name: 'Front Hyphen', positions: [{ title: 'Front-End Developer', company: 'Acme', end: null }] },
  frontSpace: { name: 'Front Space', positions: [{ title: 'Front end developer', company: 'Initech', end: '2021-05' }] },
  twoTitles: {
    name: 'Two Titles',
    positions: [
      { title: 'Senior Manager', company: 'Umbrella', end: null },
      { title: 'Engineer', company: 'Hooli', end: '2019-01' },
    ],
  },
  researcher: { name: 'Res Dev', summary: 'research and development of compilers' },
};

const ids: Record<string, number> = {};

describeEachBackend('searchCandidates', (getStore, backend) => {
  beforeAll(async () => {
    const names = Object.keys(profiles);
    const { outcomes } = await upsertCandidates(getStore(), 'default', names.map((n) => candidateInputSchema.parse(profiles[n])));
    names.forEach((n, i) => (ids[n] = outcomes[i].id));
  });

  async function found(query: string): Promise<string[]> {
    const r = await searchCandidates(getStore(), { query, workspaceId: 'default', limit: 1000 });
    expect(r.total).toBe(r.results.length);
    const byId = new Map(Object.entries(ids).map(([n, id]) => [id, n]));
    return r.results.map((x) => byId.get(x.id)!).sort();
  }

  const spec: Array<[string, string[]]> = [
    ['jose', ['jose']],
    ['JOSÉ', ['jose']],
    ['engineer', ['jose', 'twoTitles']],
    ['engineer*', ['engineering', 'jose', 'twoTitles']],
    ['C++', ['cpp']],
    ['C', ['c']],
    ['.NET', ['dotnet']],
    ['net', ['fishing']],
    ['front-end', ['frontHyphen', 'frontSpace']],
    ['"front end"', ['frontHyphen', 'frontSpace']],
    ['\u201Cfront end\u201D', ['frontHyphen', 'frontSpace']],
    ['research and development', ['researcher']],
    ['java spring', ['jose']],
    ['java AND spring', ['jose']],
    ['java OR c AND assembly', ['c', 'jose']],
    ['NOT engineer AND manager', ['engineering']],
    ['+manager -engineering', ['twoTitles']],
    ['title:manager', ['engineering', 'twoTitles']],
    ['currenttitle:engineer', []],
    ['title:engineer', ['twoTitles']],
    ['company:hooli', ['twoTitles']],
    ['currentcompany:hooli', []],
    ['currentcompany:(acme OR umbrella)', ['frontHyphen', 'twoTitles']],
    ['TITLE:"front end"', ['frontHyphen', 'frontSpace']],
    ['title:"manager engineer"', []],
    ['skill:c', ['c']],
    ['location:spain', ['jose']],
    ['summary:net', ['fishing']],
    ['name:(cee NOT plus)', ['c']],
  ];
  for (const [query, expected] of spec) {
    it(`${query} → ${expected.join(', ') || 'nothing'}`, async () => {
      expect(await found(query)).toEqual([...expected].sort());
    });
  }

  it('NOT alone matches every profile without the word, in id order', async () => {
    const r = await searchCandidates(getStore(), { query: 'NOT manager', workspaceId: 'default', limit: 1000 });
    const expected = Object.keys(profiles).filter((n) => !['engineering', 'twoTitles'].includes(n)).map((n) => ids[n]);
    expect(r.total).toBe(expected.length);
    expect(r.results.map((x) => x.id)).toEqual([...expected].sort((a, b) => a - b));
  });

  it('refuses a syntax error with the column, before touching the database', async () => {
    try {
      await searchCandidates(getStore(), { query: 'java AND', workspaceId: 'default' });
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err)).toBe(true);
      expect(err).toMatchObject({ code: 'query_syntax', details: { column: 6 } });
    }
  });

  it('says which terms matched in which fields', async () => {
    const r = await searchCandidates(getStore(), { query: 'java OR "software engineer" OR jose NOT python', workspaceId: 'default' });
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({ name: 'José Álvarez', headline: 'Senior Software Engineer', profileUrl: null });
    expect(r.results[0].matched).toEqual({ name: ['jose'], headline: ['"software engineer"'], skill: ['java'] });
  });

  it('pages through results: limit and offset over one fixed order', async () => {
    const all = await searchCandidates(getStore(), { query: 'NOT zzz', workspaceId: 'default', limit: 1000 });
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 3) {
      const p = await searchCandidates(getStore(), { query: 'NOT zzz', workspaceId: 'default', limit: 3, offset });
      expect(p.total).toBe(all.total);
      pages.push(...p.results.map((x) => x.id));
    }
    expect(pages).toEqual(all.results.map((x) => x.id));
    const ranked = await searchCandidates(getStore(), { query: 'engineer* OR net OR c', workspaceId: 'default', limit: 2, offset: 2 });
    const full = await searchCandidates(getStore(), { query: 'engineer* OR net OR c', workspaceId: 'default', limit: 100 });
    expect(ranked.results.map((x) => x.id)).toEqual(full.results.slice(2, 4).map((x) => x.id));
  });

  it('counts all matches for any page: none asked for, the last one, one past the end', async () => {
    const q = 'engineer* OR net OR c';
    const full = await searchCandidates(getStore(), { query: q, workspaceId: 'default', limit: 1000 });
    expect(full.total).toBeGreaterThan(2);
    expect(full.results).toHaveLength(full.total);
    for (const [limit, offset, shown] of [[0, 0, 0], [2, full.total - 1, 1], [5, full.total, 0], [5, full.total + 10, 0]]) {
      const p = await searchCandidates(getStore(), { query: q, workspaceId: 'default', limit, offset });
      expect(p.total, `limit ${limit} offset ${offset}`).toBe(full.total);
      expect(p.results).toHaveLength(shown);
    }
    const none = await searchCandidates(getStore(), { query: 'zzzqqq', workspaceId: 'default', limit: 5 });
    expect(none).toEqual({ total: 0, results: [] });
  });

  it('ranks by field: title over skill over headline over company over summary', async () => {
    const fields: Array<[string, CandidateInputLoose]> = [
      ['summary', { name: 'R Summary', summary: 'zigbee' }],
      ['company', { name: 'R Company', positions: [{ title: 'Developer', company: 'Zigbee', end: '2020-01' }] }],
      ['headline', { name: 'R Headline', headline: 'zigbee' }],
      ['skill', { name: 'R Skill', skills: ['zigbee'] }],
      ['title', { name: 'R Title', positions: [{ title: 'zigbee', company: 'X', end: '2020-01' }] }],
    ];
    const { outcomes } = await upsertCandidates(getStore(), 'default', fields.map(([, p]) => candidateInputSchema.parse(p)));
    const r = await searchCandidates(getStore(), { query: 'zigbee', workspaceId: 'default' });
    const order = r.results.map((x) => fields[outcomes.findIndex((o) => o.id === x.id)][0]);
    // PostgreSQL has four weight classes, so company and summary share the lowest one there
    if (backend === 'sqlite') expect(order).toEqual(['title', 'skill', 'headline', 'company', 'summary']);
    else expect(order.slice(0, 3)).toEqual(['title', 'skill', 'headline']);
    const scores = r.results.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});
