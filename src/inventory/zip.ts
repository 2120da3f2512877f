// The zip layer of the xlsx reader, built for hostile input. This file lists the central directory and
// inflates each part itself (the platform's native inflate — Node's zlib — in one capped shot for ordinary
// parts, else fflate's streaming Inflate in small steps; in a browser always the latter) rather than unzipping all at once, because fflate's unzipSync trusts each
// entry's declared size: an entry that declares 1 KB but inflates to 200 MB costs
// ~0.5 s per 200 KB of input (its output is silently clipped). Here every limit is checked on the
// declared sizes BEFORE anything is inflated, and inflation stops as soon as an entry outgrows its
// declared size.
import { Inflate, strFromU8 } from 'fflate';
import { InputError } from '../errors.js';
import { InflateTooLarge, installedPlatform } from '../platform.js';
import { inputError } from './sniff.js';

export interface ZipEntry {
  /** Part name as stored, with '\' turned into '/' and no leading '/'. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  maxRatio: number;
  /** The ratio cap applies to entries whose declared size is over this (small parts compress well). */
  ratioFromSize: number;
}

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x100000000;

const EOCD = 0x06054b50, EOCD64 = 0x06064b50, EOCD64_LOCATOR = 0x07064b50, CDH = 0x02014b50, LFH = 0x04034b50;

/** Read and check the central directory; nothing is inflated. */
export function listZip(bytes: Uint8Array, file: string, limits: ZipLimits): ZipEntry[] {
  const corrupt = (reason: string) => inputError('input.corrupt', file, { reason });
  let e = bytes.length - 22;
  const stop = Math.max(0, e - 0xffff);
  while (e >= stop && u32(bytes, e) !== EOCD) e--;
  if (e < stop) throw corrupt('no_central_directory'); // truncated or not a zip

  let count = u16(bytes, e + 10);
  let cdOffset = u32(bytes, e + 16);
  if (e >= 20 && u32(bytes, e - 20) === EOCD64_LOCATOR) {
    const z = u64(bytes, e - 12);
    if (z + 56 > bytes.length || u32(bytes, z) !== EOCD64) throw corrupt('bad_zip64');
    count = u64(bytes, z + 32);
    cdOffset = u64(bytes, z + 48);
  }
  if (count > limits.maxEntries) throw inputError('input.too_large', file, limitArgs('maxEntries', count, limits.maxEntries));

  const entries: ZipEntry[] = [];
  let total = 0;
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== CDH) throw corrupt('bad_central_directory');
    const flags = u16(bytes, o + 8), method = u16(bytes, o + 10);
    let compressedSize = u32(bytes, o + 20), size = u32(bytes, o + 24), localOffset = u32(bytes, o + 42);
    const nameLen = u16(bytes, o + 28), extraLen = u16(bytes, o + 30), commentLen = u16(bytes, o + 32);
    const nameEnd = o + 46 + nameLen;
    if (nameEnd + extraLen > bytes.length) throw corrupt('bad_central_directory');
    const name = strFromU8(bytes.subarray(o + 46, nameEnd), !(flags & 0x800)).replace(/\\/g, '/').replace(/^\/+/, '');
    // zip64 extra field: the 8-byte values present are those whose 4-byte field is 0xFFFFFFFF, in this order
    for (let x = nameEnd; x + 4 <= nameEnd + extraLen;) {
      const id = u16(bytes, x), len = u16(bytes, x + 2);
      if (id === 1) {
        let p = x + 4;
        if (size === 0xffffffff) size = u64(bytes, p), p += 8;
        if (compressedSize === 0xffffffff) compressedSize = u64(bytes, p), p += 8;
        if (localOffset === 0xffffffff) localOffset = u64(bytes, p);
      }
      x += 4 + len;
    }
    o = nameEnd + extraLen + commentLen;

    // Bomb checks on the declared sizes, before any byte is inflated.
    total += size;
    if (total > limits.maxTotalUncompressed) {
      throw inputError('input.zip_bomb', file, { ...limitArgs('maxTotalUncompressed', total, limits.maxTotalUncompressed), entry: name });
    }
    if (size > limits.ratioFromSize && size > compressedSize * limits.maxRatio) {
      const ratio = Math.round(size / Math.max(compressedSize, 1));
      throw inputError('input.zip_bomb', file, { ...limitArgs('maxRatio', ratio, limits.maxRatio), entry: name });
    }
    entries.push({ name, method, flags, compressedSize, size, localOffset });
  }
  // Entries that share compressed bytes (an "overlapping" bomb) would make a small file expand many times.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1]!, cur = byOffset[i]!;
    if (cur.localOffset < prev.localOffset + 30 + prev.compressedSize) {
      throw inputError('input.zip_bomb', file, { ...limitArgs('overlappingEntries', 2, 1), entry: cur.name });
    }
  }
  return entries;
}

/** The largest workbook file read at all (bytes): the CLI checks it before loading a file, the page before reading one. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

const BYTE_LIMITS = new Set(['maxTotalUncompressed', 'maxFileBytes']);
const MB = 1024 * 1024;

/**
 * Args of input.zip_bomb / input.too_large: `limit`, `value`, `max` as data, and `what`, the finding that
 * names the limit in words (byte sizes shown in MB; `sheet` when the limit is a sheet's).
 */
export function limitArgs(limit: string, value: number, max: number, sheet?: string) {
  const show = (n: number) => (BYTE_LIMITS.has(limit) ? Math.round((n / MB) * 100) / 100 : n);
  const what = { code: `input.limit.${limit}`, args: { value: show(value), max: show(max), ...(sheet === undefined ? {} : { sheet }) } };
  return { limit, value, max, ...(sheet === undefined ? {} : { sheet }), what };
}

/** Deflate never expands more than 1032:1: the most output a compressed entry can make. */
const MAX_DEFLATE_RATIO = 1032;
/**
 * Output past the declared sizes that inflating one workbook may cost at most, whatever the sizes say
 * (fflate decodes ~300 MB/s of long runs when warm: ~0.1 s).
 */
const OVERRUN_BUDGET = 32 * 1024 * 1024;
/** Smallest step of compressed bytes fed to the streaming Inflate: at most ~4 MB of output past the declared size. */
const STEP = 4 * 1024;

/**
 * The entries of one zip, inflated on demand. An entry is inflated in one shot (zlib, capped at its
 * declared size + 1 byte: a lie shows in the extra byte) only
 * while the output it could make past its declared size (1032 × compressed − declared) fits the
 * workbook's overrun budget; otherwise it is streamed in small steps and stopped at the first step
 * that outgrows the declared size. Either way, reading never decodes more than the declared sizes
 * (already capped by listZip) plus a few tens of MB.
 */
export class ZipArchive {
  private overrunLeft = OVERRUN_BUDGET;
  constructor(readonly bytes: Uint8Array, readonly file: string, readonly entries: ZipEntry[]) {}

  private compressed(entry: ZipEntry): Uint8Array {
    const { bytes } = this;
    const h = entry.localOffset;
    if (h + 30 > bytes.length || u32(bytes, h) !== LFH) throw this.corrupt(entry, 'bad_local_header');
    if (entry.flags & 1) throw inputError('input.encrypted', this.file); // zip-level password
    const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw this.corrupt(entry, 'truncated');
    if (entry.method !== 0 && entry.method !== 8) throw this.corrupt(entry, `compression_${entry.method}`);
    if (entry.method === 0 && entry.compressedSize !== entry.size) throw this.corrupt(entry, 'bad_size');
    return bytes.subarray(start, end);
  }

  private corrupt(entry: ZipEntry, reason: string) {
    return inputError('input.corrupt', this.file, { reason, entry: entry.name });
  }

  private outgrew(entry: ZipEntry, out: number) {
    return inputError('input.zip_bomb', this.file, { ...limitArgs('declaredSize', out, entry.size), entry: entry.name });
  }

  /** The whole entry, or undefined when the one-shot path could cost too much (then use `stream`). */
  readSmall(entry: ZipEntry): Uint8Array | undefined {
    const data = this.compressed(entry);
    if (entry.method === 0) return data;
    const inflateRaw = installedPlatform()?.inflateRaw;
    if (!inflateRaw) return this.collect(entry);
    const overrun = Math.max(0, data.length * MAX_DEFLATE_RATIO - entry.size);
    if (overrun > this.overrunLeft) return undefined;
    this.overrunLeft -= overrun;
    let out: Uint8Array;
    try {
      // Stops as soon as the output passes the declared size + 1 byte: a lie shows in the extra byte.
      out = inflateRaw(data, entry.size + 1);
    } catch (err) {
      if (err instanceof InflateTooLarge) throw this.outgrew(entry, entry.size + 1);
      throw this.corrupt(entry, 'bad_deflate_data');
    }
    if (out.length > entry.size) throw this.outgrew(entry, out.length);
    if (out.length < entry.size) throw this.corrupt(entry, 'bad_size');
    return out;
  }

  /** Without a native inflater: the entry streamed (bounded the same way) into one buffer of its declared size. */
  private collect(entry: ZipEntry): Uint8Array {
    const out = new Uint8Array(entry.size);
    let at = 0;
    this.stream(entry, (chunk) => { out.set(chunk, at); at += chunk.length; });
    return out;
  }

  /** Inflate an entry chunk by chunk into `sink`, stopping as soon as it outgrows its declared size. */
  stream(entry: ZipEntry, sink: (chunk: Uint8Array) => void): void {
    const data = this.compressed(entry);
    if (entry.method === 0) return sink(data);
    let out = 0;
    let sinkError: unknown;
    const inflater = new Inflate((chunk) => {
      out += chunk.length;
      if (out > entry.size) throw this.outgrew(entry, out);
      if (chunk.length === 0) return;
      try { sink(chunk); } catch (err) { sinkError = err; throw err; }
    });
    try {
      if (data.length === 0) inflater.push(data, true);
      // A step's output is at most 1032 × its size: at most what is left of the declared size, or 4 MB.
      for (let i = 0; i < data.length;) {
        const step = Math.max(STEP, Math.floor((entry.size - out) / MAX_DEFLATE_RATIO));
        inflater.push(data.subarray(i, i + step), i + step >= data.length);
        i += step;
      }
    } catch (err) {
      if (err === sinkError || err instanceof InputError) throw err;
      throw this.corrupt(entry, 'bad_deflate_data'); // fflate's errors: invalid block type, unexpected EOF…
    }
    if (out !== entry.size) throw this.corrupt(entry, 'bad_size');
  }

  /** The entry's bytes, in one buffer or in chunks, whichever is safe. */
  read(entry: ZipEntry, sink: (chunk: Uint8Array) => void): void {
    const whole = this.readSmall(entry);
    if (whole) sink(whole);
    else this.stream(entry, sink);
  }
}
