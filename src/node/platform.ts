// The core's platform on Node (src/platform.ts): files on disk, zlib's one-shot inflate, node:crypto,
// the package's rubrics folder. Importing this module installs it; every Node entry point (the CLI, a
// batch worker thread, scripts, the test setup) imports it before anything reads a file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import type * as YamlLib from 'yaml';
import { InflateTooLarge, installPlatform, type FileAccess, type FileStat, type Platform } from '../platform.js';

/** The folder of built-in rubrics: `rubrics/` of the package, from src/ (vitest) or dist/. */
export const BUILTIN_RUBRICS_DIR = fileURLToPath(new URL('../../rubrics/', import.meta.url));
/** Written by `npm run build` (scripts/compile-rubrics.mjs) into dist/; absent under src/. */
export const COMPILED_RUBRICS_FILE = fileURLToPath(new URL('../rubrics.compiled.json', import.meta.url));

const asStat = (s: Stats): FileStat => ({ size: s.size, mtimeMs: s.mtimeMs, isFile: s.isFile(), isDirectory: s.isDirectory() });

export const nodeFiles: FileAccess = {
  readText: (p) => readFileSync(p, 'utf8'),
  stat: (p) => asStat(statSync(p)),
  statIfExists: (p) => {
    const s = statSync(p, { throwIfNoEntry: false });
    return s ? asStat(s) : undefined;
  },
  listDir: (p) => readdirSync(p, { withFileTypes: true }).map((d) => ({ name: d.name, isDirectory: d.isDirectory() })),
  join, resolve, relative, dirname, basename, isAbsolute,
};

let yamlLib: typeof YamlLib | undefined;

export const nodePlatform: Platform = {
  files: nodeFiles,
  builtinRubrics: { dir: BUILTIN_RUBRICS_DIR, compiled: COMPILED_RUBRICS_FILE },
  // Node's native inflate (zlib), a few times faster than fflate's; it stops as soon as the output passes
  // the cap, where fflate would decode on and drop the rest.
  inflateRaw: (data, maxOutput) => {
    try {
      return inflateRawSync(data, { maxOutputLength: maxOutput });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateTooLarge();
      throw err;
    }
  },
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  yaml: () => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof YamlLib),
};

installPlatform(nodePlatform);
