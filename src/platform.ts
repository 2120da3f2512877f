// What the core needs from where it runs, given once by the entry point: the command line installs
// Node's (src/node/platform.ts: files on disk, zlib, node:crypto), the web page its own (src/web/platform.ts:
// the built-in rubrics in memory, fflate, a pure sha256). The core itself imports no Node module, so the
// same evaluation code runs in both.
import type * as YamlLib from 'yaml';

export interface FileStat { size: number; mtimeMs: number; isFile: boolean; isDirectory: boolean }

/** Synchronous file access, with Node's error codes (`ENOENT`, `EISDIR`…) on the errors it throws. */
export interface FileAccess {
  readText(path: string): string;
  stat(path: string): FileStat;
  /** undefined when nothing is there (no error built: asked for every workbook of a batch). */
  statIfExists(path: string): FileStat | undefined;
  listDir(path: string): { name: string; isDirectory: boolean }[];
  join(...parts: string[]): string;
  resolve(...parts: string[]): string;
  relative(from: string, to: string): string;
  dirname(path: string): string;
  basename(path: string): string;
  isAbsolute(path: string): boolean;
}

/**
 * Raw DEFLATE in one shot, stopping once the output passes `maxOutput` bytes. Throws
 * `new InflateTooLarge()` when it does, anything else when the data is not valid DEFLATE.
 */
export type RawInflate = (data: Uint8Array, maxOutput: number) => Uint8Array;
export class InflateTooLarge extends Error {}

export interface Platform {
  files: FileAccess;
  /** The built-in rubrics: their folder (`<id>/<version>.yaml`) and the compiled file `npm run build` writes. */
  builtinRubrics: { dir: string; compiled: string };
  /** A native one-shot inflater, when there is one; without it every zip part is streamed through fflate. */
  inflateRaw?: RawInflate;
  /** Hex sha256 of bytes or of a text's UTF-8. */
  sha256Hex(data: Uint8Array | string): string;
  /** The YAML library (the CLI loads it on first use: an audit with compiled rubrics never pays for it). */
  yaml(): typeof YamlLib;
}

let current: Platform | undefined;

export function installPlatform(p: Platform): void {
  current = p;
}

/** The platform, if one is installed (the reader works without: it then streams every part through fflate). */
export const installedPlatform = (): Platform | undefined => current;

export function platform(): Platform {
  if (!current) throw new Error('no platform installed: import src/node/platform.js (command line) or src/web/platform.js (page) first');
  return current;
}

/** Bytes of a text in UTF-8, without encoding it (limits are checked on this). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}
