#!/usr/bin/env node
// Builds dist/audit.html: the whole audit in one file that opens by double-click, offline. Two esbuild
// bundles — the worker (reader, rubrics, engine, renderers, exceljs) and the page's own code — are inlined
// with the styles into src/web/page.html; the built-in rubrics (their YAML and dist/rubrics.compiled.json,
// which `npm run build` writes just before) are bundled into the worker. The page's Content-Security-Policy
// allows only its own inline script (by hash), inline styles and a worker from a blob: URL: no request to
// any network is possible.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = (...p) => join(ROOT, ...p);
const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8'));

function builtinRubrics() {
  const yaml = {};
  for (const id of readdirSync(at('rubrics'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const name of readdirSync(at('rubrics', id)).filter((n) => /\.ya?ml$/.test(n)).sort()) yaml[`${id}/${name}`] = readFileSync(at('rubrics', id, name), 'utf8');
  }
  let compiled;
  try {
    compiled = readFileSync(at('dist', 'rubrics.compiled.json'), 'utf8');
  } catch {
    throw new Error('dist/rubrics.compiled.json is missing: run `npm run build` (it compiles the rubrics first)');
  }
  return { yaml, compiled };
}

const virtual = (name, contents) => ({
  name,
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: name, namespace: 'audit-virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'audit-virtual' }, () => ({ contents: JSON.stringify(contents), loader: 'json' }));
  },
});

const common = {
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: ['chrome90', 'edge90', 'firefox90', 'safari15'],
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  define: { AUDIT_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

const started = Date.now();
const [worker, app] = await Promise.all([
  build({
    ...common,
    entryPoints: [at('src/web/worker.ts')],
    // exceljs's own browser build without its polyfills for old browsers (current ones need none).
    alias: { exceljs: 'exceljs/dist/exceljs.bare.min.js' },
    plugins: [virtual('audit:builtin-rubrics', builtinRubrics())],
  }),
  build({ ...common, entryPoints: [at('src/web/app.ts')] }),
]);

/** Text that can sit inside <script>…</script>: no `</script` or `<!--` (the same JS once escaped). */
const inScript = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const workerJs = inScript(worker.outputFiles[0].text);
const appJs = inScript(app.outputFiles[0].text);
const css = readFileSync(at('src/web/style.css'), 'utf8');
const sha = (s) => createHash('sha256').update(s, 'utf8').digest('base64');
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${sha(appJs)}'`,
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

const html = readFileSync(at('src/web/page.html'), 'utf8')
  .replace('{{CSP}}', () => csp)
  .replace('{{CSS}}', () => css)
  .replace('{{WORKER}}', () => workerJs)
  .replace('{{APP}}', () => appJs);
const out = at('dist', 'audit.html');
writeFileSync(`${out}.tmp`, html);
renameSync(`${out}.tmp`, out);
const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
console.log(`wrote dist/audit.html (${mb(Buffer.byteLength(html))}: worker ${mb(workerJs.length)}, page ${mb(appJs.length)}) in ${Date.now() - started} ms`);
