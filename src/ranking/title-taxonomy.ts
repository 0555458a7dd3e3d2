import { titleTaxonomyData } from './title-taxonomy-data.ts';
import { boundedMemo } from './bounded-memo.ts';
import { normaliseTaxonomyText } from './taxonomy-text.ts';
import { seniorityFromTitle, seniorityWords, type Seniority } from './seniority.ts';

export interface NormalisedTitle {
  /** canonical title, or the cleaned title itself when unknown */
  canonical: string;
  key: string;
  family: string | null;
  known: boolean;
  /** seniority named in the title, null when it names none */
  seniority: Seniority | null;
}

export interface TitleTaxonomy {
  byAlias: Map<string, { canonical: string; family: string | null }>;
  maxWords: number;
}

export function buildTitleTaxonomy(lines: readonly string[]): TitleTaxonomy {
  const byAlias = new Map<string, { canonical: string; family: string | null }>();
  let maxWords = 1;
  for (const line of lines) {
    const [names, family = ''] = line.split('>');
    const parts = names.split('|').map((s) => s.trim()).filter(Boolean);
    const entry = { canonical: parts[0], family: family.trim() || null };
    for (const p of parts) {
      const alias = normaliseTaxonomyText(p);
      if (!alias || byAlias.has(alias)) continue;
      byAlias.set(alias, entry);
      maxWords = Math.max(maxWords, alias.split(' ').length);
    }
  }
  return { byAlias, maxWords };
}

export const titleTaxonomy: TitleTaxonomy = buildTitleTaxonomy(titleTaxonomyData);

// Seniority words that may be removed before the lookup. Executive titles (cto, ceo, vp) stay: they are titles themselves.
const removable = new Set(
  seniorityWords
    .filter(([w, s]) => !w.includes(' ') && s !== 'executive' && w !== 'head' && w !== 'director' && w !== 'associate')
    .map(([w]) => w),
);

const abbreviations: Record<string, string> = { dev: 'developer', devs: 'developer', eng: 'engineer', engr: 'engineer', mgr: 'manager', mngr: 'manager', dir: 'director', exec: 'executive', rep: 'representative', specialist: 'specialist' };

/**
 * "Sr. Backend Engineer, Payments (Remote)" -> Backend Engineer, senior.
 * Removes seniority words and qualifiers after a comma, dash, bar or "at",
 * then looks up the whole rest, then the longest known title inside it.
 */
export function normaliseTitle(raw: string, taxonomy: TitleTaxonomy = titleTaxonomy): NormalisedTitle {
  return taxonomy === titleTaxonomy ? normaliseShippedTitle(raw) : normaliseTitleUncached(raw, taxonomy);
}

// titles repeat across thousands of profiles: memoise lookups in the shipped taxonomy
const normaliseShippedTitle = boundedMemo((raw) => normaliseTitleUncached(raw, titleTaxonomy), 50_000);

function normaliseTitleUncached(raw: string, taxonomy: TitleTaxonomy): NormalisedTitle {
  const full = normaliseTaxonomyText(raw.replace(/\(.*?\)/g, ' '));
  const seniority = seniorityFromTitle(full);
  const head = normaliseTaxonomyText(raw.replace(/\(.*?\)/g, ' ').split(/\s[-–|@]\s|,|\sat\s/i)[0] ?? '');
  const all = head.split(' ').filter(Boolean).map((w) => abbreviations[w] ?? w);
  const keep = (w: string, keepLead: boolean) => !removable.has(w.replace(/\.$/, '')) || (keepLead && w === 'lead');
  // "Tech Lead" and "Design Lead" are titles: try with "lead" kept first, then without any seniority word
  const variants = [all.filter((w) => keep(w, true)), all.filter((w) => keep(w, false))];
  for (const words of variants) {
    const direct = taxonomy.byAlias.get(words.join(' '));
    if (direct) return { canonical: direct.canonical, key: normaliseTaxonomyText(direct.canonical), family: direct.family, known: true, seniority };
  }
  const words = variants[1];
  const cleaned = words.join(' ');
  for (let n = Math.min(taxonomy.maxWords, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const hit = taxonomy.byAlias.get(words.slice(i, i + n).join(' '));
      // a single generic word ("developer", "engineer") inside a longer unknown title is too weak to name it
      if (hit && (n > 1 || words.length === 1)) return { canonical: hit.canonical, key: normaliseTaxonomyText(hit.canonical), family: hit.family, known: true, seniority };
    }
  }
  return { canonical: cleaned || full, key: cleaned || full, family: null, known: false, seniority };
}

/**
 * How close a candidate's title is to a wanted title, 0..1: 1 for the same
 * canonical title, 0.6 for the same family, otherwise half the word overlap
 * (Jaccard) of the cleaned titles, so "Payments Engineer" still gets a little
 * credit for "Backend Engineer".
 */
export function titleSimilarity(wanted: NormalisedTitle, actual: NormalisedTitle): number {
  if (!wanted.key || !actual.key) return 0;
  if (wanted.key === actual.key) return 1;
  if (wanted.family && wanted.family === actual.family) return 0.6;
  // the same few title pairs come up for most of the 1,000 candidates of a ranking
  return wordOverlap(`${wanted.key}\n${actual.key}`);
}

const wordOverlap = boundedMemo((pair) => {
  const [wantedKey, actualKey] = pair.split('\n');
  const a = new Set(wantedKey.split(' '));
  const b = new Set(actualKey.split(' '));
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : (0.5 * inter) / union;
}, 50_000);
