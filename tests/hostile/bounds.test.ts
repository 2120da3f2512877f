// Resource bounds: zip bombs are refused from the declared sizes BEFORE anything is inflated (fflate is
// wrapped to count what it inflates), a part that lies about its size is stopped early, the row, column,
// sheet and entry caps say which limit in one line, no DTD or external entity is ever resolved (a local
// HTTP server counts requests) and entity expansion never happens.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { InputError } from '../../src/errors.js';
import { DEFAULT_LIMITS, readXlsx } from '../../src/inventory/xlsx.js';
import { audit, craftZip, measure, noStack, schoolXlsx, tempDir } from './helpers.js';
// @ts-expect-error plain JS shared with scripts/fuzz.mjs
import { workbookParts, zipParts } from './lib/workbook.mjs';

/** What fflate was asked to inflate during a test. */
const inflated = { calls: 0, bytes: 0 };

vi.mock('fflate', async (importOriginal) => {
  const orig = await importOriginal<typeof import('fflate')>();
  class CountingInflate extends orig.Inflate {
    constructor(cb?: orig.FlateStreamHandler) {
      inflated.calls++;
      super((chunk, final) => { inflated.bytes += chunk.length; cb?.(chunk, final); });
    }
  }
  const inflateSync: typeof orig.inflateSync = (data, opts) => {
    inflated.calls++;
    const out = orig.inflateSync(data, opts);
    inflated.bytes += out.length;
    return out;
  };
  return { ...orig, Inflate: CountingInflate, inflateSync };
});

beforeEach(() => { inflated.calls = 0; inflated.bytes = 0; });

const dir = tempDir('audit-hostile-bounds-');
const MB = 1024 * 1024;

/** The InputError that reading `bytes` throws, with its cost. */
function refuse(bytes: Uint8Array) {
  const m = measure(() => readXlsx(bytes, 'bom.xlsx'));
  expect(m.error, 'expected the file to be refused').toBeInstanceOf(InputError);
  return { finding: (m.error as InputError).finding, ms: m.ms, mb: m.mb };
}

const RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const relsEntry = () => ({ name: '_rels/.rels', data: deflateRawSync(RELS), size: RELS.length });

describe('zip bombs are refused before a byte is inflated', () => {
  test('a real deflate bomb: 64 MB of zeros in 64 KB, declared honestly (ratio over 100:1)', () => {
    const zeros = deflateRawSync(Buffer.alloc(64 * MB));
    expect(zeros.length).toBeLessThan(100 * 1024);
    const { finding, ms, mb } = refuse(craftZip([relsEntry(), { name: 'xl/worksheets/sheet1.xml', data: zeros, size: 64 * MB }]));
    expect(finding).toMatchObject({ code: 'input.zip_bomb', args: { limit: 'maxRatio' } });
    expect(inflated.calls).toBe(0);
    expect(ms).toBeLessThan(1000);
    expect(mb).toBeLessThan(200);
  });

  test('declared sizes past the total cap (10 GB in one entry) — the data is not even looked at', () => {
    const { finding } = refuse(craftZip([relsEntry(), { name: 'xl/workbook.xml', data: new Uint8Array(2000).fill(0xaa), size: 10 * 1024 * MB }]));
    expect(finding).toMatchObject({ code: 'input.zip_bomb', args: { limit: 'maxTotalUncompressed', max: DEFAULT_LIMITS.maxTotalUncompressed } });
    expect(inflated.calls).toBe(0);
  });

  test('overlapping files (many directory records pointing at one small local file) add up past the cap', () => {
    const spaces = deflateRawSync(Buffer.alloc(MB, 0x20)); // 1 MB of spaces in ~1 KB: under the ratio check's size
    const entries = [relsEntry(), { name: 'xl/worksheets/sheet0.xml', data: spaces, size: MB }];
    for (let i = 1; i < 300; i++) entries.push({ name: `xl/worksheets/sheet${i}.xml`, data: spaces, size: MB, sameDataAs: 1 } as never);
    const bomb = craftZip(entries);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const { finding, ms } = refuse(bomb);
    expect(finding).toMatchObject({ code: 'input.zip_bomb', args: { limit: 'maxTotalUncompressed' } });
    expect(inflated.calls).toBe(0);
    expect(ms).toBeLessThan(1000);
  });

  test('more entries than the cap: refused from the end record', () => {
    const many = Array.from({ length: DEFAULT_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(0), method: 0 as const, size: 0 }));
    expect(refuse(craftZip(many)).finding).toMatchObject({ code: 'input.too_large', args: { limit: 'maxEntries' } });
    expect(inflated.calls).toBe(0);
  });

  test('a part that lies (declares 1 KB, holds 64 MB) is stopped within a few MB of decoding', () => {
    const data = deflateRawSync(Buffer.alloc(64 * MB, 0x20));
    const { finding, ms, mb } = refuse(craftZip([relsEntry(), { name: 'xl/workbook.xml', data, size: 1024 }]));
    expect(finding).toMatchObject({ code: 'input.zip_bomb', args: { limit: 'declaredSize', entry: 'xl/workbook.xml' } });
    expect(inflated.calls).toBeGreaterThan(0); // the counting wrapper does see the reader's inflation
    expect(inflated.bytes).toBeLessThan(8 * MB);
    expect(ms).toBeLessThan(1000);
    expect(mb).toBeLessThan(200);
  });

  test('sheets sharing one part are parsed at most once (100 sheets × one 5 MB part took 31 s)', () => {
    const parts = workbookParts([{ name: 'S', rows: [] }]) as [string, Uint8Array][];
    const big = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>${Array.from({ length: 150_000 }, (_, i) => `<x a="${(i * 7919).toString(36)}"/>`).join('')}</worksheet>`;
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const sheets = Array.from({ length: 100 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    const rels = Array.from({ length: 100 }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>`).join('');
    const edited = parts.map(([n, d]): [string, Uint8Array] => {
      if (n === 'xl/workbook.xml') return [n, new TextEncoder().encode(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets>${sheets}</sheets></workbook>`)];
      if (n === 'xl/_rels/workbook.xml.rels') return [n, new TextEncoder().encode(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`)];
      if (n === 'xl/worksheets/sheet1.xml') return [n, new TextEncoder().encode(big)];
      return [n, d];
    });
    const { finding, ms } = refuse(zipParts(edited));
    expect(finding).toMatchObject({ code: 'input.corrupt', args: { reason: 'shared_part' } });
    expect(ms).toBeLessThan(1000);
  });
});

describe('limits through the command line: exit 3, one line that names the limit', () => {
  const run = (name: string, bytes: Uint8Array) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const t0 = performance.now();
    const r = audit([file, '--lang', 'en']);
    return { ...r, ms: performance.now() - t0 };
  };
  const oneLine = (r: { code: number | null; stderr: string; stdout: string }, words: RegExp) => {
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(words);
    noStack(r.stderr);
  };

  test('a real bomb: refused in well under 2 s, start-up included', () => {
    const zeros = deflateRawSync(Buffer.alloc(256 * MB));
    const r = run('bom.xlsx', craftZip([relsEntry(), { name: 'xl/worksheets/sheet1.xml', data: zeros, size: 256 * MB }]));
    oneLine(r, /abnormal compressed file .*over the limit/);
    expect(r.ms).toBeLessThan(2000);
  });

  test('rows, columns and sheets', () => {
    const row = 100_001;
    oneLine(run('dai.xlsx', schoolXlsx((wb) => { (wb.sheets[1]!.rows[row - 1] ??= [])[0] = { t: 'n', v: 1 }; })),
      /too large to audit .*sheet "Thiết bị" has data down to row 100001, over the limit of 100000 rows/);
    oneLine(run('rong.xlsx', schoolXlsx((wb) => { (wb.sheets[2]!.rows[0] ??= [])[1000] = { t: 's', v: 'x' }; })), /too large .*1001.*1000/);
    oneLine(run('nhieu-trang.xlsx', schoolXlsx((wb) => {
      for (let i = 0; i < 100; i++) wb.sheets.push({ name: `Trang ${i}`, hidden: false, rows: [], merges: [] });
    })), /too large .*104 sheets, over the limit of 100/);
  });
});

describe('XML: no DTD, no external entity, no expansion', () => {
  let server: Server;
  let requests = 0;
  let base = '';
  beforeAll(async () => {
    server = createServer((_req, res) => { requests++; res.end('<!ENTITY x "pwned">'); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const secret = join(dir, 'bi-mat.txt');
  const SECRET = 'SECRET-7f3a9c-do-not-leak';

  /** The example school with `doctype` put in front of the root element of `part`, and `&x;` in a cell. */
  const withDoctype = (part: string, doctype: string) => {
    writeFileSync(secret, SECRET);
    const parts = (workbookParts([{ name: 'Thông tin chung', rows: [[{ t: 's', v: 'Mã trường' }, { t: 's', v: 'PLACEHOLDER' }]] }]) as [string, Uint8Array][])
      .map(([n, d]): [string, Uint8Array] => {
        if (n !== part) return [n, d];
        const xml = new TextDecoder().decode(d).replace(/^<\?xml[^>]*\?>\s*/, '').replace('PLACEHOLDER', '&x;');
        return [n, new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>${doctype}${xml}`)];
      });
    return zipParts(parts) as Uint8Array;
  };

  const cases: [string, string, () => string][] = [
    ['an external entity naming a local file (XXE)', 'xl/worksheets/sheet1.xml', () => `<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file://${secret}">]>`],
    ['an external entity fetched over HTTP', 'xl/worksheets/sheet1.xml', () => `<!DOCTYPE worksheet [<!ENTITY x SYSTEM "${base}/entity">]>`],
    ['an external DTD', 'xl/workbook.xml', () => `<!DOCTYPE workbook SYSTEM "${base}/evil.dtd">`],
    ['a parameter entity pulling a remote DTD', '_rels/.rels', () => `<!DOCTYPE r [<!ENTITY % p SYSTEM "${base}/p.dtd"> %p;]>`],
    ['billion laughs', 'xl/worksheets/sheet1.xml', () => {
      let dtd = '<!ENTITY l0 "lol">';
      for (let i = 1; i <= 12; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
      return `<!DOCTYPE worksheet [${dtd}<!ENTITY x "&l12;">]>`;
    }],
  ];

  test.each(cases)('%s: refused (input.xml_dtd), nothing fetched or read', (_what, part, doctype) => {
    requests = 0;
    const bytes = withDoctype(part, doctype());
    const m = refuse(bytes);
    expect(m.finding).toMatchObject({ code: 'input.xml_dtd', args: { entry: part } });
    expect(m.ms).toBeLessThan(1000);
    const out = join(dir, `xxe-out-${part.replace(/\W/g, '')}`);
    const file = join(dir, 'xxe.xlsx');
    writeFileSync(file, bytes);
    const r = audit([file, '--rubric', 'ben-tre-2782', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/DOCTYPE/);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout + r.stderr).not.toContain('pwned');
    let written: string[] = [];
    try { written = readdirSync(out); } catch { /* no folder: nothing written */ }
    for (const f of written) expect(readFileSync(join(out, f), 'utf8')).not.toContain(SECRET);
    expect(requests).toBe(0);
  });

  test('an entity used without any DTD is not expanded: the part is corrupt', () => {
    const parts = (workbookParts([{ name: 'S', rows: [[{ t: 's', v: 'PLACEHOLDER' }]] }]) as [string, Uint8Array][])
      .map(([n, d]): [string, Uint8Array] => [n, new TextEncoder().encode(new TextDecoder().decode(d).replace('PLACEHOLDER', '&x;'))]);
    expect(refuse(zipParts(parts)).finding).toMatchObject({ code: 'input.corrupt', args: { reason: 'xml' } });
  });
});
