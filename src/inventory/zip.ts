// The zip layer of the xlsx reader, built for hostile input. fflate does the inflating; this file only
// lists the central directory and feeds fflate's streaming Inflate in small steps, because
// unzipSync trusts each entry's declared size: an entry that declares 1 KB but inflates to 200 MB costs
// ~0.5 s per 200 KB of input (its output is silently clipped). Here every limit is checked on the
// declared sizes BEFORE anything is inflated, and inflation stops as soon as an entry outgrows its
// declared size.
import { Inflate, strFromU8 } from 'fflate';
import { InputError } from '../errors.js';
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
  return entries;
}

const BYTE_LIMITS = new Set(['maxTotalUncompressed']);
const MB = 1024 * 1024;

/**
 * Args of input.zip_bomb / input.too_large: `limit`, `value`, `max` as data, and `what`, the finding that
 * names the limit in words (byte sizes shown in MB; `sheet` when the limit is a sheet's).
 */
export function limitArgs(limit: string, value: number, max: number, sheet?: string) {
  const show = (n: number) => (BYTE_LIMITS.has(limit) ? Math.round((n / MB) * 10) / 10 : n);
  const what = { code: `input.limit.${limit}`, args: { value: show(value), max: show(max), ...(sheet === undefined ? {} : { sheet }) } };
  return { limit, value, max, ...(sheet === undefined ? {} : { sheet }), what };
}

/** Compressed bytes fed to Inflate per step: bounds the output made before the size check (≤ ~16 MB). */
const STEP = 16 * 1024;

/**
 * Inflate one entry, handing its bytes to `sink` chunk by chunk. Throws input.zip_bomb as soon as the
 * output passes the declared size, input.corrupt when the data is damaged or shorter than declared.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, file: string, sink: (chunk: Uint8Array) => void): void {
  const corrupt = (reason: string) => inputError('input.corrupt', file, { reason, entry: entry.name });
  const h = entry.localOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== LFH) throw corrupt('bad_local_header');
  if (entry.flags & 1) throw inputError('input.encrypted', file); // zip-level password
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt('truncated');
  const data = bytes.subarray(start, end);

  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw corrupt('bad_size');
    sink(data);
    return;
  }
  if (entry.method !== 8) throw corrupt(`compression_${entry.method}`);

  let out = 0;
  let sinkError: unknown;
  const inflater = new Inflate((chunk) => {
    out += chunk.length;
    if (out > entry.size) throw inputError('input.zip_bomb', file, { ...limitArgs('declaredSize', out, entry.size), entry: entry.name });
    if (chunk.length === 0) return;
    try { sink(chunk); } catch (err) { sinkError = err; throw err; }
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch (err) {
    if (err === sinkError || err instanceof InputError) throw err;
    throw corrupt('bad_deflate_data'); // fflate's errors: invalid block type, unexpected EOF…
  }
  if (out !== entry.size) throw corrupt('bad_size');
}

/** Inflate a whole (small) entry into one buffer. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  inflateEntry(bytes, entry, file, (c) => chunks.push(c));
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) all.set(c, p), p += c.length;
  return all;
}
