#!/usr/bin/env node
// Bundles the command line into one file per entry (run by `npm run build`, after tsc):
//   dist/bundle/audit.cjs         what bin/audit.js loads (the whole CLI and its libraries, but exceljs and piscina),
//                                 CommonJS so that it can be compiled with V8's code cache (src/node/code-cache.ts)
//   dist/bundle/audit.cjs.cache   that cache, written by a training run of the bundle (an audit of a fixture)
//   dist/bundle/batch-worker.js   the batch worker (ESM), which the bundled `audit batch` gives piscina to start
// Start-up was spent resolving and reading ~150 module files (ours, commander, zod, yaml…); one file per
// entry costs one read and one compile. exceljs stays outside (loaded only when an .xlsx report is written),
// and so does piscina (it starts its own worker files by path).
//
// Modules find files next to themselves with `import.meta.url` (package.json, rubrics/, the compiled
// rubrics, the worker). In a bundle that URL would be the bundle's, so each module's `import.meta.url`
// is rewritten to the URL its own dist/ file has: paths keep meaning what they meant.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

/**
 * `import.meta.url` of each dist module, as seen from the bundle written to `outFile`; `replace`: per dist
 * file, texts to replace first (each must be found: a renamed file or path fails the build, not the user).
 */
const ownUrl = (outFile, replace = {}) => ({
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\/dist\/.*\.js$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      for (const [from, to] of Object.entries(replace[relative(DIST, args.path).split('\\').join('/')] ?? {})) {
        if (!text.includes(from)) throw new Error(`bundle-cli: ${from} not found in ${args.path}`);
        text = text.replaceAll(from, to);
      }
      if (text.includes('import.meta.url')) {
        const rel = relative(dirname(outFile), args.path).split('\\').join('/');
        text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel.startsWith('.') ? rel : `./${rel}`)}, import.meta.url).href`);
      }
      return { contents: text, loader: 'js' };
    });
  },
});

/**
 * Node's built-in modules through require(), not import: importing a built-in builds an ES module facade
 * of all its exports (measured: tens of ms at start-up for node:crypto, fs, path…).
 */
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    // The require() inside the stand-in module is Node's own (the banner's createRequire).
    b.onResolve({ filter: /^node:/ }, (args) => (args.namespace === 'builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'builtin' }));
    b.onResolve({ filter: new RegExp(`^(${builtinModules.join('|').replace(/\//g, '\\/')})$`) }, (args) => ({ path: `node:${args.path}`, namespace: 'builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Loaded on demand from node_modules: exceljs (≈ 1 MB, only for .xlsx reports), piscina (starts workers by path).
  external: ['exceljs', 'piscina'],
  // CommonJS libraries bundled into ESM call require() for Node's built-ins.
  banner: { js: "import { createRequire as __auditRequire } from 'node:module'; const require = __auditRequire(import.meta.url);" },
  legalComments: 'none',
  minify: true,
  keepNames: true,
  logLevel: 'warning',
};

/**
 * The command as CommonJS: `import()` becomes require() (a script compiled with a code cache has no ES
 * module loader behind it), and `import.meta.url` the bundle's own URL.
 */
const commonJs = {
  format: 'cjs',
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__auditBundleUrl' },
  banner: { js: "var __auditBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const entries = [
  // The bundled batch command starts the bundled worker (the unbundled one would read ~100 files per thread).
  { in: 'cli/main.js', out: 'bundle/audit.cjs', options: commonJs, replace: { 'cli/batch-pool.js': { "new URL('./batch-worker.js'": "new URL('../bundle/batch-worker.js'" } } },
  { in: 'cli/batch-worker.js', out: 'bundle/batch-worker.js' },
];
for (const e of entries) {
  const out = join(DIST, e.out);
  await build({ ...common, ...e.options, entryPoints: [join(DIST, e.in)], outfile: out, plugins: [ownUrl(out, e.replace), builtinsByRequire] });
}

// The code cache: an audit of a bundled example, printed as JSON (the start-up benchmark's case) and as
// text, holds the bytecode of what a single audit runs. A cache from an older bundle is removed first.
const bundle = join(DIST, 'bundle/audit.cjs');
rmSync(`${bundle}.cache`, { force: true });
const training = `
  import { loadBundle } from ${JSON.stringify(new URL('../dist/node/code-cache.js', import.meta.url).href)};
  const cli = loadBundle(${JSON.stringify(bundle)});
  for (const args of [['fixtures/thpt-chua-dat.xlsx'], ['fixtures/thpt-dat-chuan.xlsx', '--json']]) await cli.exports.main(args);
  cli.save();`;
const run = spawnSync(process.execPath, ['--input-type=module', '-e', training], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
if (run.status !== 0) throw new Error(`bundle-cli: the training run failed (exit ${run.status})`);
