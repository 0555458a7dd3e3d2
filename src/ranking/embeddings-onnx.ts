import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../core/app-error.ts';
import type { EmbeddingsConfig, EmbeddingsProvider } from './embeddings-provider.ts';
import { parseVocab, wordPieceIds } from './wordpiece-tokenizer.ts';

/** What we use of onnxruntime-node (kept structural so the package stays optional). */
export interface OrtModule {
  InferenceSession: { create(path: string): Promise<OrtSession> };
  Tensor: new (type: string, data: BigInt64Array, dims: number[]) => unknown;
}
export interface OrtSession {
  inputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: Float32Array | number[]; dims: readonly number[] }>>;
}

/**
 * A local sentence encoder (BERT-style, e.g. a MiniLM export) in a folder
 * with model.onnx and vocab.txt. onnxruntime-node is an optional package we
 * do not install (it fetches native binaries at install time): the provider
 * imports it on first use. Only the configured local path is read; nothing
 * is downloaded. A folder without the files, the package missing or a model
 * it cannot load is a `config_error` naming SCOUTLINE_EMBEDDINGS_ONNX; the
 * next call tries again, so fixing the setup needs no restart.
 */
export function onnxEmbeddings(config: Extract<EmbeddingsConfig, { kind: 'onnx' }>, importOrt: () => Promise<unknown> = () => import(ortPackage)): EmbeddingsProvider {
  const modelPath = join(config.path, 'model.onnx');
  const vocabPath = join(config.path, 'vocab.txt');
  let loaded: Promise<{ ort: OrtModule; session: OrtSession; vocab: ReturnType<typeof parseVocab> }> | null = null;
  const load = async () => {
    const where = `SCOUTLINE_EMBEDDINGS_ONNX=${config.path}`;
    if (!existsSync(config.path) || !statSync(config.path).isDirectory()) throw new AppError('config_error', `${where}: no such folder (it should hold model.onnx and vocab.txt)`, { path: config.path });
    const absent = [modelPath, vocabPath].filter((p) => !existsSync(p));
    if (absent.length) throw new AppError('config_error', `${where}: the folder has no ${absent.map((p) => p.slice(config.path.length).replace(/^[\\/]/, '')).join(' and no ')} (a BERT-style sentence encoder exported to ONNX, with its WordPiece vocabulary)`, { path: config.path });
    let ort: OrtModule;
    try {
      const mod = (await importOrt()) as { default?: OrtModule } & OrtModule;
      ort = mod.InferenceSession ? mod : (mod.default as OrtModule);
      if (!ort?.InferenceSession) throw new Error('no InferenceSession export');
    } catch (err) {
      throw new AppError('config_error', `${where}: local ONNX embeddings need the optional package onnxruntime-node, which is not installed (${(err as Error).message}). Run \`npm install onnxruntime-node\` (it downloads native binaries at install time, so Scoutline does not ship it), or unset the variable.`);
    }
    let session: OrtSession;
    try {
      session = await ort.InferenceSession.create(modelPath);
    } catch (err) {
      throw new AppError('config_error', `${where}: onnxruntime-node could not load model.onnx: ${(err as Error).message}`, { path: modelPath });
    }
    return { ort, session, vocab: parseVocab(readFileSync(vocabPath, 'utf8')) };
  };
  return {
    name: `onnx ${config.path}`,
    async embed(texts: string[]): Promise<number[][]> {
      loaded ??= load().catch((err: unknown) => {
        loaded = null;
        throw err;
      });
      const { ort, session, vocab } = await loaded;
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
