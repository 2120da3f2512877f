// Text bombs: Apache POI's poc-shared-strings.xlsx pattern (one ~1 MB shared string referenced by tens of
// thousands of cells) took 17 s of CPU. A cell's text is cut at Excel's own limit (32,767 characters) with
// a data issue at the cell, a shared string is cut once however many cells use it (repeated references
// cost nothing), and the text a workbook may hold in all is bounded (input.too_large).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { normalizeWorkbook } from '../../src/inventory/normalize.js';
import { DEFAULT_LIMITS, readXlsx } from '../../src/inventory/xlsx.js';
import { audit, noStack, tempDir } from './helpers.js';
// @ts-expect-error plain JS shared with scripts/fuzz.mjs
import { workbookParts, zipParts } from './lib/workbook.mjs';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const enc = new TextEncoder();
const dir = tempDir('audit-hostile-sst-');

/** Text that deflate cannot shrink much (so the zip passes the ratio check, as POI's file does). */
function noise(chars: number, seed = 12345): string {
  const words: string[] = [];
  let x = seed;
  for (let n = 0; n < chars; n += 6) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    words.push((x >>> 8).toString(36).padStart(5, 'a'));
  }
  return words.join(' ').slice(0, chars);
}

/** A workbook whose sheet "Thiết bị" has `cells` cells (10 a row) all pointing at shared string 0, and these shared strings. */
function sharedStringBomb(strings: string[], cells: number): Uint8Array {
  let rows = '';
  for (let r = 0; r * 10 < cells; r++) {
    rows += `<row r="${r + 1}">`;
    for (let c = 0; c < 10 && r * 10 + c < cells; c++) rows += `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><v>0</v></c>`;
    rows += '</row>';
  }
  const parts = (workbookParts([{ name: 'Thiết bị', rows: [] }]) as [string, Uint8Array][]).map(([n, d]): [string, Uint8Array] => {
    if (n === 'xl/worksheets/sheet1.xml') return [n, enc.encode(`<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`)];
    if (n === 'xl/_rels/workbook.xml.rels') {
      return [n, enc.encode(new TextDecoder().decode(d).replace('</Relationships>',
        `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`))];
    }
    return [n, d];
  });
  const sst = strings.map((s) => `<si><t>${s}</t></si>`).join('');
  parts.push(['xl/sharedStrings.xml', enc.encode(`<sst xmlns="${MAIN}" count="${cells}" uniqueCount="${strings.length}">${sst}</sst>`)]);
  return zipParts(parts) as Uint8Array;
}

/** CPU milliseconds (this thread's process) and extra peak memory of a call. */
function cost<T>(fn: () => T): { value: T; cpuMs: number; mb: number } {
  const rss0 = process.resourceUsage().maxRSS;
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { value, cpuMs: (c.user + c.system) / 1000, mb: (process.resourceUsage().maxRSS - rss0) / 1024 };
}

describe("POI's poc-shared-strings pattern: one 1 MB shared string in 30 000 cells", () => {
  const big = `Đ${noise(1024 * 1024)}`;
  const bytes = sharedStringBomb([big], 30_000);

  test('read and normalized in well under 2 s of CPU and 200 MB; every cell cut to 32 767 characters', () => {
    const { value: raw, cpuMs, mb } = cost(() => readXlsx(bytes, 'poc.xlsx'));
    const sheet = raw.sheets[0]!;
    let cells = 0;
    for (const row of sheet.rows) for (const cell of row ?? []) if (cell) { cells++; expect((cell.v as string).length).toBe(DEFAULT_LIMITS.maxCellText); }
    expect(cells).toBe(30_000);
    expect(sheet.rows[0]![0]!.v).toBe(big.slice(0, DEFAULT_LIMITS.maxCellText));
    expect(sheet.cut).toEqual({ r: 0, c: 0, length: big.length, count: 30_000, max: DEFAULT_LIMITS.maxCellText });
    const inv = cost(() => normalizeWorkbook(raw));
    expect(cpuMs + inv.cpuMs).toBeLessThan(2000);
    expect(mb + inv.mb).toBeLessThan(200);
    // One data issue, at the first such cell, saying how many there are.
    const issues = inv.value.issues.filter((i) => i.code.startsWith('cell.text_cut'));
    expect(issues).toEqual([{ severity: 'warning', sheet: 'Thiết bị', cell: 'A1', code: 'cell.text_cut_many',
      args: { length: big.length, max: 32_767, count: 30_000 } }]);
  });

  test('through the command line: a report (no refusal, no crash) whose data issue says what to do', () => {
    const file = join(dir, 'poc.xlsx');
    writeFileSync(file, bytes);
    const r = audit([file, '--rubric', 'ben-tre-2782', '--json', '--lang', 'en']);
    expect([0, 1]).toContain(r.code);
    noStack(r.stderr);
    const issue = JSON.parse(r.stdout).data_issues.find((i: { code: string }) => i.code === 'cell.text_cut_many');
    expect(issue.message).toMatch(/1[,.]?048[,.]?577 characters, over Excel's limit of 32[,.]?767 per cell.*30[,.]?000 such cells — shorten their text/);
  });
});

describe('text limits', () => {
  test('an inline text over 32 767 characters is cut, with the cell remembered', () => {
    const long = `x${'ab'.repeat(20_000)}`;
    const parts = (workbookParts([{ name: 'S', rows: [[{ t: 's', v: 'ok' }, { t: 's', v: long }]] }]) as [string, Uint8Array][]);
    const raw = readXlsx(zipParts(parts) as Uint8Array, 'x.xlsx');
    expect(raw.sheets[0]!.rows[0]![1]!.v).toBe(long.slice(0, 32_767));
    expect(raw.sheets[0]!.cut).toEqual({ r: 0, c: 1, length: long.length, count: 1, max: 32_767 });
    expect(raw.sheets[0]!.rows[0]![0]!.v).toBe('ok');
  });

  test('a cut never splits a surrogate pair', () => {
    const long = `${'a'.repeat(32_766)}😀${'b'.repeat(10)}`;
    const raw = readXlsx(sharedStringBomb([long], 1), 'x.xlsx');
    expect(raw.sheets[0]!.rows[0]![0]!.v).toBe('a'.repeat(32_766));
  });

  test('the text a workbook holds is bounded: shared strings count once, inline texts each time', () => {
    const strings = Array.from({ length: 40 }, (_, i) => noise(3000, i + 1));
    // 40 × 3 000 characters of shared strings over a 100 000 limit: refused while the table is read.
    let error: unknown;
    try { readXlsx(sharedStringBomb(strings, 10), 'x.xlsx', { maxText: 100_000 }); } catch (err) { error = err; }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).finding).toMatchObject({ code: 'input.too_large', args: { limit: 'maxText', max: 100_000 } });
    // One 60 000-character string (cut to 32 767) in 30 000 cells: 32 767 characters held, under the same limit.
    expect(() => readXlsx(sharedStringBomb([noise(60_000)], 30_000), 'x.xlsx', { maxText: 100_000 })).not.toThrow();
  });

  test('over the text bound through the command line: exit 3, one line that names the limit', () => {
    // 17 M characters of distinct shared strings (each under the per-cell cap): over the 16 M default.
    // Each is a 1 000-character piece repeated, so the file stays small but within the ratio limit.
    const strings = Array.from({ length: 560 }, (_, i) => `${i} ${noise(1000, i + 7).repeat(30)}`);
    const file = join(dir, 'text.xlsx');
    writeFileSync(file, sharedStringBomb(strings, 1));
    const r = audit([file, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/too large to audit \(the workbook holds more than 16[,.]?777[,.]?216 characters of text\)/);
    noStack(r.stderr);
  });
});
