// Compiles the server and CLI (src/, without tests) to dist/ with TypeScript's own compiler:
// imports keep their layout (`.ts` specifiers rewritten to `.js`), so paths relative to a module
// (the web build, worker threads) work the same from dist/ as from src/. Types are checked by
// `npm run typecheck` and the tests, not here (noCheck): the build only transpiles.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const started = Date.now();
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
// bin/scoutline runs dist/ only while this marker is newer than every source file
writeFileSync(join(root, 'dist', '.built'), `${new Date().toISOString()}\n`);
process.stdout.write(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
