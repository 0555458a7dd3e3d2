import type { Candidate } from '../candidates/candidate.ts';
import { cosineSimilarity, type EmbeddingsConfig, type EmbeddingsProvider } from './embeddings-provider.ts';
import { openAiEmbeddings } from './embeddings-openai.ts';
import { onnxEmbeddings } from './embeddings-onnx.ts';
import type { RoleProfile } from './role-profile.ts';

export function embeddingsProviderFor(config: EmbeddingsConfig | null): EmbeddingsProvider | null {
  if (!config) return null;
  return config.kind === 'openai' ? openAiEmbeddings(config) : onnxEmbeddings(config);
}

/** The text that stands for a role when it is embedded. */
export function roleText(role: RoleProfile): string {
  return [role.name, role.titles.join(', '), role.mustHaveSkills.join(', '), role.niceToHaveSkills.join(', '), role.jobDescription || role.query].filter(Boolean).join('\n');
}

/** The text that stands for a candidate: headline, current and past titles with descriptions, skills (bounded). */
export function candidateText(c: Pick<Candidate, 'headline' | 'summary' | 'positions' | 'skills'>): string {
  const parts = [c.headline, ...c.positions.slice(0, 4).map((p) => `${p.title} ${p.company}. ${p.description}`), c.skills.join(', '), c.summary];
  return parts.filter(Boolean).join('\n').slice(0, 2000);
}

/** Cosine similarity of each candidate to the role, mapped from [-1, 1] to [0, 1]. */
export async function semanticSimilarities(provider: EmbeddingsProvider, role: RoleProfile, candidates: Array<Pick<Candidate, 'id' | 'headline' | 'summary' | 'positions' | 'skills'>>): Promise<Map<number, number>> {
  if (!candidates.length) return new Map();
  const vectors = await provider.embed([roleText(role), ...candidates.map(candidateText)]);
  const [roleVector, ...rest] = vectors;
  return new Map(candidates.map((c, i) => [c.id, (cosineSimilarity(roleVector, rest[i]) + 1) / 2]));
}
