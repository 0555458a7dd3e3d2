import { AppError } from '../core/app-error.ts';
import type { EmbeddingsConfig, EmbeddingsProvider } from './embeddings-provider.ts';

/**
 * An OpenAI-compatible embeddings endpoint: `POST {url}/embeddings` with
 * `{ model, input: string[] }`, answer `{ data: [{ index, embedding }] }`.
 * Failures become `upstream_error` with the status and the start of the body.
 */
export function openAiEmbeddings(config: Extract<EmbeddingsConfig, { kind: 'openai' }>, fetchImpl: typeof fetch = fetch): EmbeddingsProvider {
  const endpoint = `${config.url.replace(/\/+$/, '')}/embeddings`;
  return {
    name: `openai-compatible ${config.model} at ${config.url}`,
    async embed(texts: string[]): Promise<number[][]> {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += config.batchSize) {
        const batch = texts.slice(i, i + config.batchSize);
        let res: Response;
        try {
          res = await fetchImpl(endpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) },
            body: JSON.stringify({ model: config.model, input: batch }),
            signal: AbortSignal.timeout(config.timeoutMs),
          });
        } catch (err) {
          throw new AppError('upstream_error', `embeddings endpoint ${endpoint} unreachable: ${(err as Error).message}`);
        }
        const body = await res.text();
        if (!res.ok) throw new AppError('upstream_error', `embeddings endpoint answered ${res.status}: ${body.slice(0, 200)}`, { status: res.status });
        let parsed: { data?: Array<{ index?: number; embedding?: unknown }> };
        try {
          parsed = JSON.parse(body);
        } catch {
          throw new AppError('upstream_error', 'embeddings endpoint answered with something that is not JSON');
        }
        const data = parsed.data;
        if (!Array.isArray(data) || data.length !== batch.length) throw new AppError('upstream_error', `embeddings endpoint returned ${Array.isArray(data) ? data.length : 'no'} vectors for ${batch.length} texts`);
        const sorted = [...data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
        for (const d of sorted) {
          if (!Array.isArray(d.embedding) || !d.embedding.every((x) => typeof x === 'number')) throw new AppError('upstream_error', 'embeddings endpoint returned a vector that is not a list of numbers');
          out.push(d.embedding as number[]);
        }
      }
      return out;
    },
  };
}
