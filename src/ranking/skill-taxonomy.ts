import { skillTaxonomyData } from './skill-taxonomy-data.ts';
import { boundedMemo } from './bounded-memo.ts';
import { normaliseTaxonomyText, taxonomyTokens } from './taxonomy-text.ts';

/** A skill after normalisation: its canonical name, a stable key, and its family (null when unknown). */
export interface NormalisedSkill {
  canonical: string;
  key: string;
  family: string | null;
  known: boolean;
}

interface AliasEntry {
  skill: NormalisedSkill;
  /** how the alias may be found in free text: 'any' case, 'exact' case as written, 'never' */
  inText: 'any' | 'exact' | 'never';
  written: string;
}

export interface SkillTaxonomy {
  byAlias: Map<string, AliasEntry[]>;
  skills: NormalisedSkill[];
  /** longest alias in words, bounds the n-gram scan */
  maxWords: number;
  /** first word of every alias: a token that is none of these cannot start a mention */
  firstWords: Set<string>;
}

/** Parses `Canonical|alias|!Exact|~never>family` lines into lookup maps. */
export function buildSkillTaxonomy(lines: readonly string[]): SkillTaxonomy {
  const byAlias = new Map<string, AliasEntry[]>();
  const skills: NormalisedSkill[] = [];
  let maxWords = 1;
  const firstWords = new Set<string>();
  for (const line of lines) {
    const [names, family = ''] = line.split('>');
    const parts = names.split('|').map((s) => s.trim()).filter(Boolean);
    const canonical = parts[0].replace(/^[!~]/, '');
    const skill: NormalisedSkill = { canonical, key: normaliseTaxonomyText(canonical), family: family.trim() || null, known: true };
    skills.push(skill);
    for (const p of parts) {
      const inText = p.startsWith('!') ? 'exact' : p.startsWith('~') ? 'never' : 'any';
      const written = p.replace(/^[!~]/, '');
      const alias = normaliseTaxonomyText(written);
      if (!alias) continue;
      maxWords = Math.max(maxWords, alias.split(' ').length);
      firstWords.add(alias.split(' ')[0]);
      const list = byAlias.get(alias) ?? [];
      if (!list.some((e) => e.skill === skill)) list.push({ skill, inText, written });
      byAlias.set(alias, list);
    }
  }
  return { byAlias, skills, maxWords, firstWords };
}

export const skillTaxonomy: SkillTaxonomy = buildSkillTaxonomy(skillTaxonomyData);

/**
 * Maps a listed skill ("k8s", "Golang", "postgres") to its canonical skill.
 * Unknown skills keep their own cleaned text as canonical name and key, so
 * two spellings of an unknown skill still match when they normalise equally.
 */
export function normaliseSkill(raw: string, taxonomy: SkillTaxonomy = skillTaxonomy): NormalisedSkill {
  return taxonomy === skillTaxonomy ? normaliseShippedSkill(raw) : normaliseSkillUncached(raw, taxonomy);
}

// listed skills repeat across thousands of profiles: memoise lookups in the shipped taxonomy
const normaliseShippedSkill = boundedMemo((raw) => normaliseSkillUncached(raw, skillTaxonomy), 50_000);

function normaliseSkillUncached(raw: string, taxonomy: SkillTaxonomy): NormalisedSkill {
  const key = normaliseTaxonomyText(raw);
  const hit = taxonomy.byAlias.get(key);
  if (hit && hit.length) return hit[0].skill;
  // "Spring Boot 3", "Python (advanced)": retry without trailing version numbers and brackets
  const stripped = normaliseTaxonomyText(raw.replace(/\(.*?\)/g, ' ').replace(/\b(v?\d+(\.\d+)*)\s*$/i, ' '));
  const again = stripped && stripped !== key ? taxonomy.byAlias.get(stripped) : undefined;
  if (again && again.length) return again[0].skill;
  return { canonical: raw.trim(), key: stripped || key, family: null, known: false };
}

/**
 * Finds the known skills mentioned in free text (a job description, a
 * position description). Aliases marked exact (`Go`, `R`) only count when
 * written with the same capitals; aliases marked never (`cv`, `ops`) only
 * count in skill lists, never in prose. Returns skills in order of first mention.
 */
export function findSkillsInText(text: string, taxonomy: SkillTaxonomy = skillTaxonomy): NormalisedSkill[] {
  const tokens = taxonomyTokens(text);
  const found: NormalisedSkill[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    if (!taxonomy.firstWords.has(tokens[i].norm)) {
      i++;
      continue;
    }
    // longest alias first: build the candidate keys for n = 1..maxWords, then try them from the longest
    const keys: string[] = [];
    let key = '';
    for (let n = 1; n <= taxonomy.maxWords && i + n <= tokens.length; n++) {
      key = n === 1 ? tokens[i].norm : `${key} ${tokens[i + n - 1].norm}`;
      keys.push(key);
    }
    let matched = 0;
    for (let n = keys.length; n >= 1; n--) {
      const entries = taxonomy.byAlias.get(keys[n - 1]);
      if (!entries) continue;
      let ok = entries.find((e) => e.inText === 'any');
      if (!ok) {
        const original = tokens.slice(i, i + n).map((t) => t.original).join(' ');
        ok = entries.find((e) => e.inText === 'exact' && original === e.written);
      }
      if (!ok) continue;
      if (!seen.has(ok.skill.key)) {
        seen.add(ok.skill.key);
        found.push(ok.skill);
      }
      matched = n;
      break;
    }
    i += matched || 1;
  }
  return found;
}
