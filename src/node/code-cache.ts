// Loads the command line's CommonJS bundle (dist/bundle/audit.cjs) with V8's code cache beside it
// (audit.cjs.cache). Node 20 has no compile cache of its own (module.enableCompileCache came in 22), and
// compiling the 1.4 MB bundle was a third of a single audit's time; with the cache V8 deserializes the
// bytecode of every function the training run used instead of parsing and compiling them.
// `npm run build` writes the cache (scripts/bundle-cli.mjs, a training run). When it is missing or V8
// rejects it (another Node version or V8 flags), the command runs as usual and rewrites the cache at the
// end, best effort: a read-only install just goes on without one.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** How the code cache was used: `accepted`, `rejected` (stale: rewritten), `missing` (written). */
export type CodeCacheState = 'accepted' | 'rejected' | 'missing';

export interface LoadedBundle<T> {
  exports: T;
  cache: CodeCacheState;
  /** Write the cache if it was not accepted (call once the command has run: it holds what it compiled). */
  save(): void;
}

/** The cache file of a bundle. */
export const cacheFileOf = (bundle: string): string => `${bundle}.cache`;

/** Run a CommonJS bundle with the code cache beside it. */
export function loadBundle<T>(bundle: string): LoadedBundle<T> {
  const cacheFile = cacheFileOf(bundle);
  const source = readFileSync(bundle, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch { /* none yet */ }
  // The same wrapper as Node's own CommonJS loader, so the bundle sees the usual module variables.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  const cache: CodeCacheState = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const mod = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, createRequire(bundle), mod, bundle, dirname(bundle));
  return {
    exports: mod.exports,
    cache,
    save() {
      if (cache === 'accepted') return;
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        try { unlinkSync(temp); } catch { /* not written */ }
      }
    },
  };
}
