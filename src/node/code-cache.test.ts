import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFileOf, loadBundle } from './code-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'audit-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LOADER = join(import.meta.dirname, '../../dist/node/code-cache.js');

/**
 * Load a bundle in a fresh process (within one process V8 reuses what it compiled, whatever the cache
 * says) and save its cache; what the bundle computed and how the cache was used.
 */
function loadInChild(bundle: string): { cache: string; value: unknown } {
  const code = `import { loadBundle } from ${JSON.stringify(pathToFileURL(LOADER).href)};
    const b = loadBundle(${JSON.stringify(bundle)}); b.save();
    console.log(JSON.stringify({ cache: b.cache, value: b.exports.twice(21) }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { cache: string; value: unknown };
}

describe('loadBundle', () => {
  it('runs a CommonJS file with its module variables', () => {
    const bundle = join(dir, 'vars.cjs');
    writeFileSync(bundle, "const path = require('node:path'); exports.where = path.basename(__filename); module.exports.dir = __dirname;");
    const b = loadBundle<{ where: string; dir: string }>(bundle);
    expect(b.exports).toEqual({ where: 'vars.cjs', dir });
  });

  it('writes the cache when there is none, uses it next time, and replaces one V8 rejects', () => {
    if (!existsSync(LOADER)) return expect.fail('build first: npm run build');
    const bundle = join(dir, 'twice.cjs');
    writeFileSync(bundle, 'exports.twice = (n) => 2 * n;');
    expect(loadInChild(bundle)).toEqual({ cache: 'missing', value: 42 });
    expect(existsSync(cacheFileOf(bundle))).toBe(true);
    expect(loadInChild(bundle)).toEqual({ cache: 'accepted', value: 42 });
    writeFileSync(cacheFileOf(bundle), 'not a code cache');
    expect(loadInChild(bundle)).toEqual({ cache: 'rejected', value: 42 });
    expect(loadInChild(bundle)).toEqual({ cache: 'accepted', value: 42 });
  });

  it('goes on without a cache where it cannot write one', () => {
    const bundle = join(dir, 'readonly.cjs');
    writeFileSync(bundle, 'exports.ok = true;');
    const b = loadBundle<{ ok: boolean }>(bundle);
    rmSync(dir, { recursive: true, force: true }); // the folder is gone: the cache cannot be written
    expect(() => b.save()).not.toThrow();
    expect(b.exports.ok).toBe(true);
  });
});

describe('the built command line', () => {
  it('has a code cache that this Node accepts (written by npm run build)', () => {
    const built = join(import.meta.dirname, '../../dist/bundle/audit.cjs');
    if (!existsSync(built)) return expect.fail('build first: npm run build');
    const before = readFileSync(cacheFileOf(built));
    const cli = loadBundle<{ main: unknown }>(built);
    expect(cli.cache).toBe('accepted');
    expect(typeof cli.exports.main).toBe('function');
    cli.save();
    expect(readFileSync(cacheFileOf(built)).equals(before)).toBe(true);
  });
});
