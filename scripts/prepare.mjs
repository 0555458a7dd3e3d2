// `npm ci` / `npm install` run this (the prepare script): it builds the web UI (web/dist, with vite) and
// the server and CLI (dist/, with esbuild). `npm ci --omit=dev` installs no vite: the UI already in
// web/dist is kept (a production install copies it from a build, or builds first and then runs
// `npm prune --omit=dev`), and without one `serve` answers the API only. esbuild comes with tsx, a
// runtime dependency, so dist/ is built in every install. See README (Install) and DEVELOPERS.md.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function resolvable(name) {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch (err) {
    // found but its package.json not exported (@vitejs/plugin-react): installed all the same
    return err.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
  }
}

const run = (script) => execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });

if (resolvable('vite') && resolvable('@vitejs/plugin-react')) run('build:web');
else if (existsSync(join(root, 'web/dist/index.html'))) process.stderr.write('prepare: no vite (installed with --omit=dev): keeping the web UI already built in web/dist\n');
else process.stderr.write('prepare: no vite (installed with --omit=dev) and no web/dist: `serve` will answer the API only; build the UI where dev dependencies are installed (npm ci && npm run build:web) and copy web/dist here\n');

if (resolvable('esbuild')) run('build:cli');
else process.stderr.write('prepare: no esbuild: bin/scoutline runs the TypeScript sources through tsx (slower to start)\n');
