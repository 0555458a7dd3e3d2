// Bundles the server and CLI (src/cli/main.ts and the worker threads' modules) into dist/ with esbuild:
// ESM for Node 20, the dependencies inside, each command's modules in chunks of their own (main.ts
// imports a command's module only when it runs). One file per chunk instead of ~1,500 modules
// (kysely, zod, pg, hono...) is what makes a start fast. Types are checked by `npm run typecheck`
// and the tests, not here: the build only transpiles. See DEVELOPERS.md (Stack).
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
// --outdir DIR builds elsewhere (a test compares such a build with the sources); it must lie inside
// the repository, where the bundle's external packages resolve from node_modules
const outArg = process.argv.indexOf('--outdir');
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'dist');

/**
 * Left out of the bundle and loaded from node_modules at run time: native modules (better-sqlite3,
 * pg-native), better-auth (only `serve` loads it), dev dependencies that only a benchmark imports
 * (playwright-core) and tsx (the worker threads' loader for the sources).
 */
const external = ['better-sqlite3', 'better-sqlite3-node22', 'pg-native', 'better-auth', 'better-auth/*', 'playwright-core', 'tsx', 'tsx/*'];

/** `new URL('./x-worker.ts', import.meta.url)`: a module a worker thread runs, built as an entry of its own. */
const workerUrl = /new URL\('\.\/([\w-]+)\.ts', import\.meta\.url\)/g;

/** The other uses of import.meta the bundle keeps as they are: each means the same from dist/. */
const keptMeta = [/createRequire\(import\.meta\.url\)/g, /import\.meta\.resolve\(/g, /import\.meta\.url\.endsWith\('\.js'\)/g];

function sourcesIn(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourcesIn(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
}

const workers = new Set();
for (const file of sourcesIn(src)) for (const m of readFileSync(file, 'utf8').matchAll(workerUrl)) workers.add(join(dirname(file), `${m[1]}.ts`));

/**
 * Every output file is in dist/ itself (no folders), so a module's own folder, which
 * `import.meta.dirname` names in the sources, is `dist/../src/<its folder>` in the bundle (a path
 * only: src/ need not be there); a worker's URL names its built entry beside the chunk. Any other use of import.meta stops the build rather
 * than meaning something else from dist/.
 */
const importMetaPlugin = {
  name: 'scoutline-import-meta',
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, (args) => {
      let code = readFileSync(args.path, 'utf8');
      if (!code.includes('import.meta')) return { contents: code, loader: 'ts' };
      const folder = `/${relative(out, dirname(args.path)).split('\\').join('/')}`;
      code = code.replaceAll('import.meta.dirname', `(import.meta.dirname + ${JSON.stringify(folder)})`);
      code = code.replace(workerUrl, (_, name) => `new URL(${JSON.stringify(`./${name}.js`)}, import.meta.url)`);
      let rest = code.replaceAll(`(import.meta.dirname + ${JSON.stringify(folder)})`, '').replace(/new URL\("\.\/[\w-]+\.js", import\.meta\.url\)/g, '');
      for (const kept of keptMeta) rest = rest.replace(kept, '');
      if (rest.includes('import.meta')) return { errors: [{ text: `${relative(root, args.path)}: a use of import.meta the build does not know how to keep (scripts/build-cli.mjs)` }] };
      return { contents: code, loader: 'ts' };
    });
  },
};

/**
 * zod 4 copies the prototype's methods onto each schema when it is made, so a schema made before
 * @hono/zod-openapi extends zod has no `.openapi()`. From the sources Node runs modules in import
 * order and the API's route files import @hono/zod-openapi before their schemas; esbuild's chunks do
 * not keep that order (a chunk shared by several commands may run first: `serve` failed with
 * "pacingRulesSchema.openapi is not a function"). So in the build, `zod` as src/ imports it is zod
 * already extended, the same call @hono/zod-openapi makes (it does nothing the second time).
 */
const zodExtendedPlugin = {
  name: 'scoutline-zod-extended',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, (args) => (args.importer.startsWith(`${src}/`) ? { path: 'zod-extended', namespace: 'scoutline' } : undefined));
    b.onLoad({ filter: /^zod-extended$/, namespace: 'scoutline' }, () => ({
      contents: "import { z } from 'zod'; import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi'; extendZodWithOpenApi(z); export * from 'zod'; export { z, z as default };",
      resolveDir: root,
      loader: 'js',
    }));
  },
};

const started = Date.now();
// built beside and then swapped in, so a CLI starting meanwhile finds the old build or none (and runs the sources)
const next = `${out}.next-${process.pid}`;
rmSync(next, { recursive: true, force: true });
const entryPoints = { main: join(src, 'cli/main.ts') };
for (const w of workers) entryPoints[relative(src, w).replace(/\.ts$/, '').split('/').pop()] = w;
const result = await build({
  entryPoints,
  absWorkingDir: root,
  outdir: next,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external,
  plugins: [importMetaPlugin, zodExtendedPlugin],
  // the CommonJS dependencies inside the bundle (pg, commander...) call require() for Node's own modules
  banner: { js: "import { createRequire as __scoutlineCreateRequire } from 'node:module'; const require = __scoutlineCreateRequire(import.meta.url);" },
  // whitespace and syntax only: names stay as written (error names, stack traces)
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
// bin/scoutline runs dist/ only while none of the sources it was built from changed after the build started
const sources = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/')).sort();
writeFileSync(join(next, 'build.json'), `${JSON.stringify({ startedAt: started, builtAt: new Date().toISOString(), sources }, null, 1)}\n`);
const old = `${out}.old-${process.pid}`;
try {
  renameSync(out, old);
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}
renameSync(next, out);
rmSync(old, { recursive: true, force: true });
process.stdout.write(`built ${relative(root, out) || out}/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
