// summary.json in pieces: the same bytes as stringifyJson (JSON.stringify with 2-space indent and a final
// newline), produced element by element for the long arrays, so that a national summary is never one
// huge string in memory.
import type { BatchDigest, BatchEntry } from '../engine/batch.js';
import { summaryOf } from '../engine/batch.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** Values JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** `JSON.stringify(value, null, 2)` at nesting `indent`: later lines shifted right. */
const inline = (value: unknown, indent: string): string =>
  (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);

/**
 * Chunks whose concatenation is `JSON.stringify(value, null, 2)`: objects and arrays down to `depth`
 * levels are opened piece by piece, deeper values are stringified whole.
 */
export function* jsonChunks(value: unknown, depth = 2, indent = ''): Generator<string> {
  if (depth > 0 && Array.isArray(value) && value.length > 0) {
    const inner = `${indent}  `;
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      yield inner;
      yield* jsonChunks(omitted(v) ? null : v, depth - 1, inner);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  if (depth > 0 && isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => !omitted(value[k]));
    if (keys.length === 0) {
      yield '{}';
      return;
    }
    const inner = `${indent}  `;
    yield '{\n';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      yield `${inner}${JSON.stringify(k)}: `;
      yield* jsonChunks(value[k], depth - 1, inner);
      yield i < keys.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}}`;
    return;
  }
  yield inline(value, indent);
}

/** The summary file's text in chunks of about `size` characters: jsonChunks plus the final newline. */
export function* jsonFileChunks(value: unknown, size = 1 << 16): Generator<string> {
  let buf = '';
  for (const c of jsonChunks(value)) {
    buf += c;
    if (buf.length >= size) {
      yield buf;
      buf = '';
    }
  }
  yield `${buf}\n`;
}

/**
 * summary.json for a digest whose entries come one by one (from the spill file of a run): the same bytes
 * as stringifyJson(summaryOf(digest, entries)), in chunks of about `size` characters.
 */
export async function* summaryFileChunks(
  digest: BatchDigest, entries: AsyncIterable<BatchEntry> | Iterable<BatchEntry>, size = 1 << 16,
): AsyncGenerator<string> {
  const skeleton = summaryOf(digest, []) as unknown as Record<string, unknown>;
  const keys = Object.keys(skeleton).filter((k) => !omitted(skeleton[k]));
  let buf = '{\n';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    buf += `  ${JSON.stringify(k)}: `;
    if (k === 'entries') {
      let first = true;
      for await (const e of entries) {
        buf += first ? '[\n    ' : ',\n    ';
        first = false;
        buf += inline(e, '    ');
        if (buf.length >= size) {
          yield buf;
          buf = '';
        }
      }
      buf += first ? '[]' : '\n  ]';
    } else {
      for (const c of jsonChunks(skeleton[k], 1, '  ')) {
        buf += c;
        if (buf.length >= size) {
          yield buf;
          buf = '';
        }
      }
    }
    buf += i < keys.length - 1 ? ',\n' : '\n';
  }
  yield `${buf}}\n`;
}
