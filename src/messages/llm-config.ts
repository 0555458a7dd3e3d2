import { z } from 'zod';

/**
 * Configuration of the optional LLM rewrite: an OpenAI-compatible
 * `/v1/chat/completions` endpoint. Off unless a base URL and a model are
 * configured, and even then only used when a caller asks for it.
 *
 *   SCOUTLINE_LLM_BASE_URL   e.g. http://127.0.0.1:8080 or https://host/v1
 *   SCOUTLINE_LLM_MODEL      model name the endpoint expects
 *   SCOUTLINE_LLM_API_KEY    sent as a Bearer token when set
 *   SCOUTLINE_LLM_TIMEOUT_MS default 15000
 */
export const llmConfigSchema = z.object({
  baseUrl: z.string().url(),
  model: z.string().min(1),
  apiKey: z.string().default(''),
  timeoutMs: z.number().int().positive().max(120_000).default(15_000),
  temperature: z.number().min(0).max(2).default(0.7),
});
export type LlmConfig = z.infer<typeof llmConfigSchema>;

/** The configuration from environment variables, or null when the rewrite is not configured. */
export function llmConfigFromEnv(env: Record<string, string | undefined>): LlmConfig | null {
  const baseUrl = env.SCOUTLINE_LLM_BASE_URL?.trim();
  const model = env.SCOUTLINE_LLM_MODEL?.trim();
  if (!baseUrl || !model) return null;
  const timeout = env.SCOUTLINE_LLM_TIMEOUT_MS ? Number(env.SCOUTLINE_LLM_TIMEOUT_MS) : undefined;
  return llmConfigSchema.parse({ baseUrl, model, apiKey: env.SCOUTLINE_LLM_API_KEY ?? '', ...(timeout !== undefined ? { timeoutMs: timeout } : {}) });
}

/** The chat completions URL for a base URL given with or without /v1. */
export function chatCompletionsUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return /\/v1$/.test(base) ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
}
