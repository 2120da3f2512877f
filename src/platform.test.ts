// The browser page runs the same core as the command line: nothing in it may need Node. This fails as
// soon as a core file imports a Node module or a Node-only package, or uses Node's globals.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { utf8Length } from './platform.js';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const CORE = ['inventory', 'engine', 'checks', 'rubric', 'render', 'messages', 'web'];
/** Modules that exist only on Node (with or without the `node:` prefix) and packages that need them. */
const NODE_BUILTINS = new Set(['assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'stream/promises', 'tls', 'tty', 'url', 'util',
  'v8', 'vm', 'worker_threads', 'zlib']);
// (chalk and cli-table3, used by the terminal renderers, also run in a browser.)
const NODE_ONLY_PACKAGES = new Set(['piscina', 'cli-progress', 'tinyglobby', 'commander', 'puppeteer-core']);

function coreFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (/\.ts$/.test(d.name) && !/\.test\.ts$/.test(d.name)) out.push(p);
    }
  };
  for (const c of CORE) {
    try { walk(join(SRC, c)); } catch { /* a folder not there yet */ }
  }
  // The core's own top-level modules (errors, platform).
  for (const f of ['errors.ts', 'platform.ts']) out.push(join(SRC, f));
  return out;
}

/** Every module specifier a file imports or re-exports, statically or with import(). Type-only imports are erased: skipped. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) if (!m[2]) out.push(m[3]!);
  for (const m of code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  for (const m of code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

const isNodeOnly = (spec: string): boolean =>
  spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_ONLY_PACKAGES.has(spec.split('/')[0]!)
  || /(^|\/)(cli|node)\//.test(spec);

describe('the core is browser-safe', () => {
  const files = coreFiles();

  it('finds the core files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('no core file imports a Node module, a Node-only package or src/cli, src/node', () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const spec of importsOf(readFileSync(f, 'utf8'))) {
        if (isNodeOnly(spec)) bad.push(`${relative(SRC, f)}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("no core file uses Node's globals (Buffer, process, __dirname, require)", () => {
    const bad: string[] = [];
    for (const f of files) {
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      for (const m of code.matchAll(/(?<![\w.$'"`/])(Buffer|process|__dirname|__filename|require|setImmediate)\s*[.(]/g)) bad.push(`${relative(SRC, f)}: ${m[1]}`);
    }
    expect(bad).toEqual([]);
  });

  it("nothing the page bundles reaches a Node-only module (the terminal table's cli-table3 included)", () => {
    // cli-table3 loads @colors/colors, which needs Node's util and os: fine for the terminal renderers
    // (the CLI's), never for the page.
    const reached = new Set<string>();
    const bad: string[] = [];
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (isNodeOnly(spec) || spec === 'cli-table3') bad.push(`${relative(SRC, file)}: ${spec}`);
        else if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(SRC, 'web', 'worker.ts'));
    visit(join(SRC, 'web', 'app.ts'));
    expect(reached.size).toBeGreaterThan(40);
    expect(bad).toEqual([]);
  });

  it('the check itself catches each kind of Node import', () => {
    const sample = [
      "import { readFileSync } from 'node:fs';",
      "import zlib from 'zlib';",
      "export { x } from 'piscina';",
      "const m = await import('node:crypto');",
      "import '../cli/messages.js';",
    ].join('\n');
    expect(importsOf(sample).filter(isNodeOnly)).toEqual(['node:fs', 'zlib', 'piscina', '../cli/messages.js', 'node:crypto']);
    expect(importsOf("import type * as Y from 'node:fs';")).toEqual([]);
  });
});

describe('utf8Length', () => {
  it('counts the bytes of UTF-8', () => {
    for (const s of ['', 'abc', 'Trường THPT Bến Tre', '💻 máy', '\ud800 lone', 'x\u07ff\u0800']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});
