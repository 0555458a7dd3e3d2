import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../core/error-codes.ts';
import fc from 'fast-check';
import { cosineSimilarity, embeddingsConfigFromEnv, embeddingsConfigSchema } from './embeddings-provider.ts';
import { openAiEmbeddings } from './embeddings-openai.ts';
import { onnxEmbeddings } from './embeddings-onnx.ts';
import { semanticSimilarities } from './semantic-similarity.ts';
import { parseVocab, wordPieceIds } from './wordpiece-tokenizer.ts';
import { roleProfileSchema } from './role-profile.ts';

/** A stand-in OpenAI-compatible server: a bag-of-keywords vector per text, plus a failing model name. */
const keywords = ['go', 'kubernetes', 'sales', 'python'];
let server: Server;
let url = '';
const requests: Array<{ auth?: string; body: { model: string; input: string[] } }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      requests.push({ auth: req.headers.authorization, body });
      if (req.url !== '/v1/embeddings') return res.writeHead(404).end('no');
      if (body.model === 'broken') return res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"model crashed"}');
      const data = (body.input as string[]).map((t, index) => ({ index, embedding: keywords.map((k) => (t.toLowerCase().includes(k) ? 1 : 0) + 0.01) }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: data.reverse() }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('OpenAI-compatible embeddings', () => {
  it('embeds in batches, in input order, with the API key, and scores semantic similarity', async () => {
    const provider = openAiEmbeddings(embeddingsConfigSchema.parse({ kind: 'openai', url, model: 'stand-in', apiKey: 'k', batchSize: 2 }) as never);
    const vectors = await provider.embed(['go', 'sales', 'python']);
    expect(vectors.map((v) => v.indexOf(Math.max(...v)))).toEqual([0, 2, 3]);
    expect(requests.at(-1)?.auth).toBe('Bearer k');
    expect(requests.filter((r) => r.body.model === 'stand-in')).toHaveLength(2);
    const role = roleProfileSchema.parse({ query: 'go', name: 'Go on Kubernetes', mustHaveSkills: ['Go', 'Kubernetes'] });
    const sims = await semanticSimilarities(provider, role, [
      { id: 1, headline: 'Go engineer', summary: 'kubernetes', positions: [], skills: [] },
      { id: 2, headline: 'Sales', summary: '', positions: [], skills: [] },
    ]);
    expect(sims.get(1)!).toBeGreaterThan(sims.get(2)!);
  });

  it('reports upstream failures as upstream_error', async () => {
    const provider = openAiEmbeddings(embeddingsConfigSchema.parse({ kind: 'openai', url, model: 'broken' }) as never);
    await expect(provider.embed(['x'])).rejects.toMatchObject({ code: 'upstream_error', message: expect.stringContaining('500') });
    const gone = openAiEmbeddings(embeddingsConfigSchema.parse({ kind: 'openai', url: 'http://127.0.0.1:1/v1', model: 'm' }) as never);
    await expect(gone.embed(['x'])).rejects.toMatchObject({ code: 'upstream_error' });
  });

  it('is off unless configured', () => {
    expect(embeddingsConfigFromEnv({})).toBeNull();
    expect(embeddingsConfigFromEnv({ SCOUTLINE_EMBEDDINGS_URL: url, SCOUTLINE_EMBEDDINGS_MODEL: 'm' })).toMatchObject({ kind: 'openai', model: 'm' });
    expect(embeddingsConfigFromEnv({ SCOUTLINE_EMBEDDINGS_ONNX: '/models/minilm' })).toMatchObject({ kind: 'onnx', path: '/models/minilm' });
  });

  it('cosine similarity is symmetric, bounded and 1 on itself', () => {
    const vec = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(vec, vec, (a, b) => {
        const s = cosineSimilarity(a, b);
        expect(s).toBeCloseTo(cosineSimilarity(b, a), 12);
        expect(Math.abs(s)).toBeLessThanOrEqual(1 + 1e-9);
        if (a.some((x) => Math.abs(x) > 1e-3)) expect(cosineSimilarity(a, a)).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe('local ONNX embeddings', () => {
  const vocabText = '[PAD]\n[UNK]\n[CLS]\n[SEP]\ngo\n##lang\n';
  const modelFolder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'scoutline-onnx-'));
    writeFileSync(join(dir, 'model.onnx'), 'not a model');
    writeFileSync(join(dir, 'vocab.txt'), vocabText);
    return dir;
  };
  const config = (path: string) => ({ kind: 'onnx' as const, path, maxTokens: 32 });

  it('a folder that is missing or lacks model.onnx / vocab.txt is a config_error naming the setting and the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scoutline-onnx-'));
    await expect(onnxEmbeddings(config(join(dir, 'nope'))).embed(['x'])).rejects.toMatchObject({ code: 'config_error', message: expect.stringMatching(/SCOUTLINE_EMBEDDINGS_ONNX=.*nope: no such folder/) });
    await expect(onnxEmbeddings(config(dir)).embed(['x'])).rejects.toMatchObject({ code: 'config_error', message: expect.stringContaining('no model.onnx and no vocab.txt') });
    writeFileSync(join(dir, 'model.onnx'), 'x');
    await expect(onnxEmbeddings(config(dir)).embed(['x'])).rejects.toMatchObject({ code: 'config_error', message: expect.stringContaining('has no vocab.txt') });
    expect(errorCodes.config_error).toMatchObject({ http: 503, exit: 78 });
  });

  it('without onnxruntime-node installed (the real import, not a stand-in) it is a config_error saying how to install it', async ({ skip }) => {
    const installed = (() => {
      try {
        createRequire(import.meta.url).resolve('onnxruntime-node');
        return true;
      } catch {
        return false;
      }
    })();
    if (installed) skip('onnxruntime-node is installed here');
    await expect(onnxEmbeddings(config(modelFolder())).embed(['x'])).rejects.toMatchObject({ code: 'config_error', message: expect.stringContaining('npm install onnxruntime-node') });
  });

  it('a model the runtime cannot load is a config_error; after the folder is fixed the next call works without a restart', async () => {
    const dir = modelFolder();
    let loadable = false;
    const runtime = {
      InferenceSession: {
        async create(path: string) {
          if (!loadable) throw new Error(`protobuf parsing failed for ${path}`);
          return fakeSession;
        },
      },
      Tensor: class {
        constructor(
          readonly type: string,
          readonly data: BigInt64Array,
          readonly dims: number[],
        ) {}
      },
    };
    const feeds: Array<Record<string, { data: BigInt64Array; dims: number[] }>> = [];
    const fakeSession = {
      inputNames: ['input_ids', 'attention_mask', 'token_type_ids'],
      async run(f: Record<string, unknown>) {
        const ids = f.input_ids as { data: BigInt64Array; dims: number[] };
        feeds.push(f as never);
        // [1, n, 2]: per token (id, 1), so mean pooling gives (mean id, 1)
        const n = ids.dims[1];
        const data = new Float32Array(n * 2);
        ids.data.forEach((id, t) => ((data[t * 2] = Number(id)), (data[t * 2 + 1] = 1)));
        return { last_hidden_state: { data, dims: [1, n, 2] } };
      },
    };
    const provider = onnxEmbeddings(config(dir), async () => ({ default: runtime }));
    await expect(provider.embed(['golang'])).rejects.toMatchObject({ code: 'config_error', message: expect.stringContaining('could not load model.onnx: protobuf parsing failed') });
    loadable = true;
    const [v] = await provider.embed(['golang']);
    // [CLS]=2 go=4 ##lang=5 [SEP]=3
    expect(v).toEqual([(2 + 4 + 5 + 3) / 4, 1]);
    expect(Array.from(feeds[0].attention_mask.data)).toEqual([1n, 1n, 1n, 1n]);
    expect(Array.from(feeds[0].token_type_ids.data)).toEqual([0n, 0n, 0n, 0n]);
  });

  it('malformed settings are a config_error naming the variable', () => {
    expect(() => embeddingsConfigFromEnv({ SCOUTLINE_EMBEDDINGS_URL: 'not a url' })).toThrow(expect.objectContaining({ code: 'config_error', message: expect.stringContaining('SCOUTLINE_EMBEDDINGS_URL') }));
  });

  it('WordPiece splits into known sub-words with [CLS]/[SEP] and respects the length limit', () => {
    const vocab = parseVocab('[PAD]\n[UNK]\n[CLS]\n[SEP]\ngo\n##lang\nk\n##8\n##s\n');
    expect(wordPieceIds('Golang k8s zzz', vocab, 32)).toEqual([2, 4, 5, 6, 7, 8, 1, 3]);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 2, max: 20 }), (text, max) => {
        const ids = wordPieceIds(text, vocab, max);
        expect(ids.length).toBeLessThanOrEqual(max);
        expect(ids[0]).toBe(2);
        expect(ids.at(-1)).toBe(3);
      }),
    );
  });
});
