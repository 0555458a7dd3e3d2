import { zodIssuesToAppError } from '../core/zod-issues.ts';
import { z } from 'zod';
import { AppError } from '../core/app-error.ts';

/**
 * Optional semantic similarity: something that turns texts into vectors.
 * Off by default. Two kinds, both configured, neither ever downloads
 * anything at run time:
 *  - `openai`: an OpenAI-compatible `POST {url}/embeddings` endpoint (a
 *    self-hosted server such as llama.cpp, vLLM, Ollama, or a hosted API)
 *  - `onnx`: a local sentence-embedding model folder (model.onnx + vocab.txt)
 *    run with onnxruntime-node, which is NOT a dependency: install it yourself.
 */
export interface EmbeddingsProvider {
  readonly name: string;
  /** one vector per text, same order */
  embed(texts: string[]): Promise<number[][]>;
}

export const embeddingsConfigSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('openai'),
    url: z.string().url(),
    model: z.string().min(1),
    apiKey: z.string().optional(),
    /** texts per request */
    batchSize: z.number().int().min(1).max(2048).default(64),
    timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
  }),
  z.object({
    kind: z.literal('onnx'),
    /** folder with model.onnx and vocab.txt (a BERT-style sentence encoder) */
    path: z.string().min(1),
    maxTokens: z.number().int().min(8).max(4096).default(256),
  }),
]);
export type EmbeddingsConfig = z.infer<typeof embeddingsConfigSchema>;

/**
 * Reads the configuration from the environment: SCOUTLINE_EMBEDDINGS_URL +
 * SCOUTLINE_EMBEDDINGS_MODEL (+ SCOUTLINE_EMBEDDINGS_API_KEY) for an
 * OpenAI-compatible endpoint, or SCOUTLINE_EMBEDDINGS_ONNX for a local model
 * folder. Nothing set: null (embeddings off).
 */
export function embeddingsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EmbeddingsConfig | null {
  if (env.SCOUTLINE_EMBEDDINGS_ONNX) return parseSetting('SCOUTLINE_EMBEDDINGS_ONNX', { kind: 'onnx', path: env.SCOUTLINE_EMBEDDINGS_ONNX });
  if (env.SCOUTLINE_EMBEDDINGS_URL) {
    return parseSetting('SCOUTLINE_EMBEDDINGS_URL', {
      kind: 'openai',
      url: env.SCOUTLINE_EMBEDDINGS_URL,
      model: env.SCOUTLINE_EMBEDDINGS_MODEL ?? 'text-embedding-3-small',
      ...(env.SCOUTLINE_EMBEDDINGS_API_KEY ? { apiKey: env.SCOUTLINE_EMBEDDINGS_API_KEY } : {}),
    });
  }
  return null;
}

function parseSetting(variable: string, raw: unknown): EmbeddingsConfig {
  const parsed = embeddingsConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw zodIssuesToAppError(parsed.error.issues, 'value', { prefix: variable, code: 'config_error' });
}

export function cosineSimilarity(a: number[], b: number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  const s = dot / (Math.sqrt(na) * Math.sqrt(nb));
  return Number.isFinite(s) ? Math.max(-1, Math.min(1, s)) : 0;
}
