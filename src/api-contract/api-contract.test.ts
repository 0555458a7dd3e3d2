import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../db/open-database.ts';
import { createApp } from '../api/app.ts';
import { testAccess } from '../api/test-app.ts';
import { apiRoutes } from './api-routes.ts';

const root = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : [];
  });
}

/** Every `import ... from '...'` and `export ... from '...'` of a file, with whether it is type-only. */
function importsOf(path: string): Array<{ from: string; typeOnly: boolean }> {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?\s+from\s+'([^']+)'/gms)].map((m) => ({ from: m[3]!, typeOnly: Boolean(m[2]) }));
}

describe('the API contract (src/api-contract)', () => {
  let store: Store;
  let served: string[];
  beforeAll(async () => {
    store = await openDatabase(':memory:');
    const app = createApp({ store, access: testAccess(store) });
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    served = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  });
  afterAll(async () => store?.close());

  it('is the whole API: the server serves every route of the contract and no route outside it', () => {
    const contract = apiRoutes.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(new Set(contract).size, 'a route defined twice in the contract').toBe(contract.length);
    expect(contract.filter((r) => !served.includes(r)), 'contract routes the server does not serve').toEqual([]);
    expect(served.filter((r) => !contract.includes(r)), 'served routes defined outside src/api-contract').toEqual([]);
  });

  it('types every JSON answer: no schema of the contract is an unknown value', async () => {
    const doc = (await (await createApp({ store, access: testAccess(store) }).request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
      components?: { schemas?: Record<string, unknown> };
    };
    // an untyped value shows in the document as a schema with no type, no $ref and no composition
    const untyped: string[] = [];
    const walk = (s: unknown, where: string): void => {
      if (typeof s !== 'object' || s === null) return;
      const o = s as Record<string, unknown>;
      const keys = Object.keys(o).filter((k) => k !== 'description' && k !== 'example' && k !== 'examples' && k !== 'default');
      if (keys.length === 0) untyped.push(where);
      for (const [k, v] of Object.entries(o)) {
        if (k === 'properties' && v && typeof v === 'object') for (const [p, ps] of Object.entries(v)) walk(ps, `${where}.${p}`);
        else if (k === 'items' || k === 'additionalProperties') walk(v, `${where}[]`);
        else if ((k === 'anyOf' || k === 'oneOf' || k === 'allOf') && Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}|${i}`));
      }
    };
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        for (const [status, res] of Object.entries(op.responses ?? {}))
          for (const media of Object.values(res.content ?? {})) walk(media.schema, `${method.toUpperCase()} ${path} ${status}`);
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) walk(schema, `#/components/schemas/${name}`);
    // `details` are free-form by design: an error's, a lint finding's and an audit entry's keys depend on their code or action (docs/errors.md, docs/audit.md)
    expect(untyped.filter((w) => !/\.details(\[\])?$/.test(w))).toEqual([]);
  });

  it('the web UI imports no server module: only the contract, and only its types', () => {
    const webSrc = join(root, 'web/src');
    const wrong: string[] = [];
    for (const file of filesUnder(webSrc, /\.(ts|tsx)$/)) {
      for (const { from, typeOnly } of importsOf(file)) {
        if (!from.startsWith('.')) continue;
        const target = resolve(file, '..', from);
        if (target.startsWith(webSrc + '/')) continue;
        const inContract = target.startsWith(join(root, 'src/api-contract') + '/');
        if (!inContract || !typeOnly) wrong.push(`${relative(root, file)} imports ${from}${typeOnly ? '' : ' (not type-only)'}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the contract holds definitions only: it imports no store, no route handler and nothing of the database', () => {
    const wrong: string[] = [];
    for (const file of filesUnder(join(root, 'src/api-contract'), /\.ts$/)) {
      if (file.endsWith('.test.ts')) continue;
      for (const { from } of importsOf(file)) {
        if (/-store\.ts$|\/api\/|\/cli\/|\/db\//.test(from)) wrong.push(`${relative(root, file)} imports ${from}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the contract after the domain', () => {
  it('loads when every domain module it builds on was loaded first, as the CLI loads them (zod 4 gives a schema its methods when it is made)', () => {
    const contractDir = join(root, 'src/api-contract');
    const domainModules = new Set<string>();
    for (const file of filesUnder(contractDir, /\.ts$/)) {
      if (file.endsWith('.test.ts')) continue;
      for (const { from, typeOnly } of importsOf(file)) if (!typeOnly && from.startsWith('../')) domainModules.add(resolve(file, '..', from));
    }
    expect(domainModules.size).toBeGreaterThan(5);
    // the domain first, then @hono/zod-openapi through the contract: a `.openapi()` on a schema made before that is not a function
    const code = [...[...domainModules].map((m) => `await import(${JSON.stringify(m)});`), `const { apiRoutes } = await import(${JSON.stringify(join(contractDir, 'api-routes.ts'))});`, 'console.log(apiRoutes.length);'].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(Number(run.stdout.trim())).toBe(apiRoutes.length);
  }, 60_000);
});
