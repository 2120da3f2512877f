import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonChunks, jsonFileChunks, summaryFileChunks } from './batch-json.js';
import { stringifyJson } from './json.js';

describe('jsonChunks', () => {
  it('concatenates to JSON.stringify(value, null, 2) at every depth', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (v, depth) => {
      expect([...jsonChunks(v, depth)].join('')).toBe(JSON.stringify(v, null, 2));
    }), { numRuns: 500 });
  });

  it('leaves out undefined members like JSON.stringify, and writes them as null in arrays', () => {
    const v = { a: undefined, b: [1, undefined, { c: undefined, d: 'x' }], e: {} , f: [] };
    expect([...jsonChunks(v, 3)].join('')).toBe(JSON.stringify(v, null, 2));
  });

  it('file chunks are the bytes stringifyJson writes, in bounded pieces', () => {
    const summary = { schema: 'audit-batch/v1', entries: Array.from({ length: 3000 }, (_, i) => ({ file: `f${i}.xlsx`, name: 'Trường Tiểu học Đông Mai', score: i / 7 })) };
    const chunks = [...jsonFileChunks(summary, 4096)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(4096 + 200);
    expect(chunks.join('')).toBe(stringifyJson(summary));
  });
});

describe('summaryFileChunks', () => {
  it('writes what stringifyJson writes for the summary, entries streamed one by one', async () => {
    const { digestBatch } = await import('../engine/batch.js');
    const rubric = {
      id: 'r', version: '1.0.0', title: 'R', sha256: 'x', issuer: 'Sở', document: { number: '1', date: '2024-01-01' }, scale: 'percent' as const,
      bands: [], criteria: [{ id: 'a', clause: '1', title: 'A', rule: 'x', severity: 'required' as const, weight: 1 }], district_criteria: [],
    };
    const school = (i: number) => ({
      file: `d/${i}.xlsx`, code: String(1000 + (i % 7)), name: `Trường ${i}`, province: 'Bến Tre', district: 'Chợ Lách', school_year: '2024-2025',
      levels: ['thcs' as const], rubric: { id: 'r', version: '1.0.0' }, as_of: '2024-10-01', source_sha256: `s${i}`, score: (i * 13) % 100,
      status: 'fail' as const, band: null, rank: null, summary: { pass: 0, fail: 1, missing: 0, not_applicable: 0, waived: 0 },
      criteria: [{ id: 'a', status: 'fail' as const, points: 0, actual: 'không' }], district_criteria: [], data_issues: { errors: 0, warnings: 1 }, outside: [],
    });
    const entries = [...Array.from({ length: 500 }, (_, i) => school(i)), { file: 'd/x.xlsx', error: { code: 'input.corrupt', message: 'hỏng' } }];
    const { digest, summary } = digestBatch({
      tool: { name: 'audit', version: '0' }, lang: 'vi', run: { rubric: null, as_of: null, fail_under: null, waivers: null }, shard: null, ignored: { lock: 0, hidden: 0 }, rubrics: [rubric], entries,
    });
    async function* oneByOne() { for (const e of summary.entries) yield e; }
    let text = '';
    let chunks = 0;
    for await (const c of summaryFileChunks(digest, oneByOne(), 2048)) { text += c; chunks++; }
    expect(chunks).toBeGreaterThan(20);
    expect(text).toBe(stringifyJson(summary));
    let empty = '';
    for await (const c of summaryFileChunks(digest, [])) empty += c;
    expect(empty).toBe(stringifyJson({ ...summary, entries: [] }));
  });
});
