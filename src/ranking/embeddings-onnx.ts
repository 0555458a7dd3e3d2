import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../core/app-error.ts';
import type { EmbeddingsConfig, EmbeddingsProvider } from './embeddings-provider.ts';
import { parseVocab, wordPieceIds } from './wordpiece-tokenizer.ts';

/** What we use of onnxruntime-node (kept structural so the package stays optional). */
interface OrtModule {
  InferenceSession: { create(path: string): Promise<OrtSession> };
  Tensor: new (type: string, data: BigInt64Array, dims: number[]) => unknown;
}
interface OrtSession {
  inputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: Float32Array | number[]; dims: readonly number[] }>>;
}

/**
 * A local sentence encoder (BERT-style, e.g. a MiniLM export) in a folder
 * with model.onnx and vocab.txt. onnxruntime-node is an optional package we
 * do not install (it fetches native binaries at install time): the provider
 * imports it on first use and says clearly when it is missing. Only the
 * configured local path is read; nothing is downloaded.
 */
export function onnxEmbeddings(config: Extract<EmbeddingsConfig, { kind: 'onnx' }>, importOrt: () => Promise<unknown> = () => import(ortPackage)): EmbeddingsProvider {
  const modelPath = join(config.path, 'model.onnx');
  const vocabPath = join(config.path, 'vocab.txt');
  let loaded: Promise<{ ort: OrtModule; session: OrtSession; vocab: ReturnType<typeof parseVocab> }> | null = null;
  const load = () =>
    (loaded ??= (async () => {
      if (!existsSync(modelPath) || !existsSync(vocabPath)) {
        throw new AppError('invalid_input', `embeddings model folder ${config.path} needs model.onnx and vocab.txt`);
      }
      let ort: OrtModule;
      try {
        const mod = (await importOrt()) as { default?: OrtModule } & OrtModule;
        ort = mod.InferenceSession ? mod : (mod.default as OrtModule);
      } catch {
        throw new AppError('upstream_error', 'local ONNX embeddings need the optional package onnxruntime-node: run `npm install onnxruntime-node` (it downloads native binaries at install time, so Scoutline does not ship it)');
      }
      const session = await ort.InferenceSession.create(modelPath);
      return { ort, session, vocab: parseVocab(readFileSync(vocabPath, 'utf8')) };
    })());
  return {
    name: `onnx ${config.path}`,
    async embed(texts: string[]): Promise<number[][]> {
      const { ort, session, vocab } = await load();
      const out: number[][] = [];
      for (const text of texts) {
        const ids = wordPieceIds(text, vocab, config.maxTokens);
        const n = ids.length;
        const feeds: Record<string, unknown> = {};
        const tensor = (values: number[]) => new ort.Tensor('int64', BigInt64Array.from(values.map((v) => BigInt(v))), [1, n]);
        for (const name of session.inputNames) {
          if (name.includes('input_ids')) feeds[name] = tensor(ids);
          else if (name.includes('attention_mask')) feeds[name] = tensor(ids.map(() => 1));
          else if (name.includes('token_type')) feeds[name] = tensor(ids.map(() => 0));
        }
        const result = await session.run(feeds);
        const first = Object.values(result)[0];
        const dims = first.dims;
        const data = Array.from(first.data as ArrayLike<number>);
        if (dims.length === 2) out.push(data.slice(0, dims[1]));
        else {
          // mean pooling over tokens of [1, n, hidden]
          const hidden = dims[2];
          const v = new Array<number>(hidden).fill(0);
          for (let t = 0; t < dims[1]; t++) for (let h = 0; h < hidden; h++) v[h] += data[t * hidden + h] / dims[1];
          out.push(v);
        }
      }
      return out;
    },
  };
}

// a variable, so bundlers and the type checker do not require the optional package
const ortPackage = 'onnxruntime-node';
