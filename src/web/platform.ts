// The core's platform in a browser (src/platform.ts): the built-in rubrics are files in memory (their YAML
// and the compiled form `npm run build` writes, both inlined into the page), every zip part is inflated by
// fflate's bounded streaming path, sha256 comes from @noble/hashes, YAML is bundled. Importing this module
// installs it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import * as YAML from 'yaml';
import { config as zodConfig } from 'zod';
import builtins from 'audit:builtin-rubrics';
import { installPlatform, type FileAccess, type FileStat, type Platform } from '../platform.js';

// The page forbids eval (Content-Security-Policy): zod must not even try `new Function` (a CSP report).
zodConfig({ jitless: true });

export const RUBRICS_DIR = '/rubrics';
export const COMPILED_FILE = '/rubrics.compiled.json';

/** '/'-separated paths, absolute from '/'. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop(); else out.push(seg);
  }
  return `/${out.join('/')}`;
}

const errno = (code: string, path: string): Error => Object.assign(new Error(`${code}: ${path}`), { code });

/** Read-only files in memory, by absolute path. */
export function memoryFiles(files: Record<string, string>): FileAccess {
  const byPath = new Map(Object.entries(files).map(([p, t]) => [normalize(p), t]));
  const dirs = new Set<string>(['/']);
  for (const p of byPath.keys()) for (let d = posix.dirname(p); !dirs.has(d); d = posix.dirname(d)) dirs.add(d);
  const stat = (p: string): FileStat | undefined => {
    const n = normalize(p);
    const text = byPath.get(n);
    if (text !== undefined) return { size: utf8ToBytes(text).length, mtimeMs: 0, isFile: true, isDirectory: false };
    return dirs.has(n) ? { size: 0, mtimeMs: 0, isFile: false, isDirectory: true } : undefined;
  };
  return {
    ...posix,
    readText: (p) => {
      const t = byPath.get(normalize(p));
      if (t === undefined) throw errno(dirs.has(normalize(p)) ? 'EISDIR' : 'ENOENT', p);
      return t;
    },
    stat: (p) => stat(p) ?? (() => { throw errno('ENOENT', p); })(),
    statIfExists: stat,
    listDir: (p) => {
      const d = normalize(p);
      if (!dirs.has(d)) throw errno('ENOENT', p);
      const prefix = d === '/' ? '/' : `${d}/`;
      const names = new Map<string, boolean>();
      for (const q of [...byPath.keys(), ...dirs]) {
        if (q.startsWith(prefix) && q !== d) {
          const rest = q.slice(prefix.length);
          const name = rest.split('/')[0]!;
          names.set(name, (names.get(name) ?? false) || rest.includes('/') || dirs.has(prefix + name));
        }
      }
      return [...names].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, isDirectory]) => ({ name, isDirectory }));
    },
  };
}

export const posix = {
  join: (...parts: string[]): string => normalize(parts.join('/')),
  resolve: (...parts: string[]): string => {
    let p = '';
    for (const part of parts) p = part.startsWith('/') ? part : `${p}/${part}`;
    return normalize(p);
  },
  relative: (from: string, to: string): string => {
    const a = normalize(from).split('/').filter(Boolean);
    const b = normalize(to).split('/').filter(Boolean);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  },
  dirname: (p: string): string => {
    const n = normalize(p);
    const i = n.lastIndexOf('/');
    return i <= 0 ? '/' : n.slice(0, i);
  },
  basename: (p: string): string => p.split('/').filter(Boolean).pop() ?? '',
  isAbsolute: (p: string): boolean => p.startsWith('/'),
};

export const sha256Hex = (data: Uint8Array | string): string => bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));

const files: Record<string, string> = { [COMPILED_FILE]: builtins.compiled };
for (const [rel, text] of Object.entries(builtins.yaml)) files[`${RUBRICS_DIR}/${rel}`] = text;

export const webPlatform: Platform = {
  files: memoryFiles(files),
  builtinRubrics: { dir: RUBRICS_DIR, compiled: COMPILED_FILE },
  sha256Hex,
  yaml: () => YAML,
};

installPlatform(webPlatform);
