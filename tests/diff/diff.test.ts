// `audit diff` end to end, in-process (src/cli/main.ts with captured streams): two folders of five
// Bến Tre schools written by make-schools.ts, the same years as batch summaries without the workbooks,
// and one school under ben-tre-2782@1.0.0 and a test 1.1.0 that raises one threshold.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildDiff } from '../../src/engine/diff.js';
import { loadSide, rescoreOld } from '../../src/cli/diff-input.js';
import { TOOL } from '../../src/cli/tool.js';
import { audit, batch } from './run.js';
import { CODES, PERSONAL, TWO_MANAGEMENT_COMPUTERS, YEAR_NEW, YEAR_OLD, tempDir, writeYear, type YearSchool } from './make-schools.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const TEST_RUBRIC = join(HERE, 'ben-tre-2782-1.1.0.yaml');
const GOLDEN = join(HERE, 'golden');

const temps: string[] = [];
const temp = async (prefix: string) => { const d = await tempDir(prefix); temps.push(d); return d; };
// AUDIT_KEEP_TEMP=1 keeps the folders for a look (their paths are printed).
afterAll(async () => {
  if (process.env.AUDIT_KEEP_TEMP) console.log(temps.join('\n'));
  else for (const d of temps) await rm(d, { recursive: true, force: true });
});

const readJson = async (p: string) => JSON.parse(await readFile(p, 'utf8'));
const school = (diff: any, code: string) => diff.schools.find((s: any) => s.code === code);

/** Golden comparison with what legitimately moves masked: hashes (rubric and workbook contents) and the tool version. */
async function golden(name: string, actual: string): Promise<void> {
  const masked = actual.replace(/\b[0-9a-f]{64}\b/g, '<sha256>').replaceAll(`${TOOL.name} ${TOOL.version}`, `${TOOL.name} <version>`)
    .replace(/("tool": \{\s*"name": "[^"]+",\s*"version": )"[^"]+"/, '$1"<version>"');
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    await mkdir(GOLDEN, { recursive: true });
    await writeFile(file, masked);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run tests/diff`);
  expect(masked, `${name} differs from tests/diff/golden/${name}`).toBe(await readFile(file, 'utf8'));
}

/** Every text cell of a workbook, sheet by sheet; fails on a formula cell. */
async function workbookTexts(path: string): Promise<{ sheets: string[]; text: string; rows: (sheet: string) => string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const table = new Map<string, string[][]>();
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        expect(cell.formula, `${ws.name}!${cell.address} is a formula`).toBeUndefined();
        cells[col - 1] = cell.value === null || cell.value === undefined ? '' : String(cell.value);
      });
      rows.push(cells);
    });
    table.set(ws.name, rows);
  }
  return {
    sheets: wb.worksheets.map((w) => w.name),
    text: [...table.values()].flat(2).join('\n'),
    rows: (sheet) => table.get(sheet) ?? [],
  };
}

function expectNoPersonalData(text: string): void {
  for (const s of [PERSONAL.leader, PERSONAL.leaderPhone, PERSONAL.staff, PERSONAL.staffPhone, ...PERSONAL.teachers]) {
    expect(text.includes(s), `personal data "${s}" in a diff output`).toBe(false);
  }
}

let oldDir: string;
let newDir: string;

beforeAll(async () => {
  const root = await temp('diff');
  oldDir = await writeYear(join(root, 'nam-2023-2024'), YEAR_OLD);
  newDir = await writeYear(join(root, 'nam-2024-2025'), YEAR_NEW);
}, 60_000);

describe('two folders of five schools: one improves, one loses Wi-Fi, one only in each year', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof audit>>;
  let diff: any;

  beforeAll(async () => {
    out = join(await temp('diff-out'), 'so-sanh');
    run = await audit(['diff', oldDir, newDir, '--out', out, '--json']);
    diff = await readJson(join(out, 'diff.json'));
  }, 60_000);

  it('compares (exit 0), writes diff.md, diff.xlsx and diff.json, and prints the same JSON', async () => {
    expect(run.stderr).not.toMatch(/lỗi nội bộ/);
    expect(run.code).toBe(0);
    expect(await readdirSorted(out)).toEqual(['diff.json', 'diff.md', 'diff.xlsx']);
    expect(JSON.parse(run.stdout)).toEqual(diff);
    expect(diff.schema).toBe('audit-diff/v1');
    expect(diff.old).toMatchObject({ kind: 'folder', name: 'nam-2023-2024', schools: 5, school_years: ['2023-2024'] });
    expect(diff.new).toMatchObject({ kind: 'folder', name: 'nam-2024-2025', schools: 5, school_years: ['2024-2025'] });
  });

  it('finds exactly one regression, one improvement, two unchanged, one added and one removed school', () => {
    expect(diff.totals).toEqual({
      matched: 4, added: 1, removed: 1, regressed: 1, improved: 1, changed: 0, unchanged: 2,
      criteria_lost: 1, criteria_gained: 1, criteria_rubric: 0, criteria_values: 0,
    });
    expect(diff.regression).toBe(true);
    // regressions first, then improvements, then unchanged (by code)
    expect(diff.schools.map((s: any) => [s.code, s.trend])).toEqual([
      [CODES.losesWifi, 'regressed'], [CODES.improves, 'improved'], [CODES.renamed, 'unchanged'], [CODES.stillShort, 'unchanged'],
    ]);
    expect(diff.added.map((s: any) => s.code)).toEqual([CODES.onlyNew]);
    expect(diff.removed.map((s: any) => s.code)).toEqual([CODES.onlyOld]);
  });

  it('says the Wi-Fi was lost because the data changed, with the values before and after', () => {
    const b = school(diff, CODES.losesWifi);
    expect(b.regression).toBe(true);
    expect(b.criteria).toHaveLength(1);
    expect(b.criteria[0]).toMatchObject({
      id: '2.wifi', change: 'lost', reason: 'data', regression: true, severity: 'required',
      old: { status: 'pass', actual: 'có' }, new: { status: 'fail', actual: 'không' },
    });
    expect(b.criteria[0].new.gap).toContain('Wi-Fi');
    // the values are said once, by old/new.actual; the reason does not restate them
    expect(b.criteria[0].why).toBe('Dữ liệu của trường thay đổi');
    expect(b.old.score).toBe(100);
    expect(b.new.score).toBeLessThan(100);
    expect(b.score_delta).toBeLessThan(0);
    expect(b.new.status).toBe('fail');
  });

  it('says the webcam was gained because the data changed', () => {
    const a = school(diff, CODES.improves);
    expect(a.regression).toBe(false);
    expect(a.criteria.map((c: any) => [c.id, c.change, c.reason, c.improvement])).toEqual([['2.webcam', 'gained', 'data', true]]);
    expect(a.criteria[0].old.actual).toBe('0');
    expect(a.criteria[0].new.actual).toBe('1');
    expect(a.old.status).toBe('fail');
    expect(a.new.status).toBe('pass');
  });

  it('keeps a renamed school as the same school (same code, leading zero kept) and says so', () => {
    const c = school(diff, CODES.renamed);
    expect(c.code).toBe('083000103');
    expect(c.name).toBe('Trường THPT chuyên Nguyễn Đình Chiểu');
    expect(c.old_name).toBe('Trường THPT Nguyễn Đình Chiểu');
    expect(c.notes.map((n: any) => n.code)).toContain('diff.note.renamed');
    expect(c.criteria).toEqual([]);
  });

  it('lists a criterion still failing with its values before and after and the gap now', () => {
    const f = school(diff, CODES.stillShort);
    expect(f.criteria).toHaveLength(1);
    expect(f.criteria[0]).toMatchObject({ id: '2.students-per-computer', change: 'still_failing', regression: false, improvement: false });
    expect(f.criteria[0].old.actual).toMatch(/48 máy, 17,5 HS\/máy/);
    expect(f.criteria[0].new.actual).toMatch(/60 máy, 14 HS\/máy/);
    expect(f.criteria[0].new.gap).toMatch(/thiếu 10 máy/);
  });

  it('gives the district view: pass rates per criterion before and after, over the 4 schools on both sides', () => {
    expect(diff.rates_schools).toBe(4);
    const rate = (id: string) => diff.criteria.find((c: any) => c.id === id);
    expect(rate('2.wifi')).toMatchObject({ rubric: 'ben-tre-2782', old: { pass: 4, applicable: 4, rate: 1 }, new: { pass: 3, applicable: 4, rate: 0.75 }, delta: -0.25 });
    expect(rate('2.webcam')).toMatchObject({ old: { pass: 3, applicable: 4 }, new: { pass: 4, applicable: 4 }, delta: 0.25 });
    expect(rate('2.students-per-computer')).toMatchObject({ old: { pass: 3 }, new: { pass: 3 }, delta: 0 });
    expect(diff.rubric_changes).toEqual([]);
  });

  it('diff.md says the same in words', async () => {
    const md = await readFile(join(out, 'diff.md'), 'utf8');
    expect(md).toMatch(/^# So sánh kết quả đánh giá ứng dụng CNTT: 2023-2024 → 2024-2025/);
    const section = (h: string) => md.slice(md.indexOf(`## ${h}`), md.indexOf('\n## ', md.indexOf(`## ${h}`) + 3));
    expect(section('Trường đi xuống')).toContain('Trường THPT Chê Ghêvara');
    expect(section('Trường đi xuống')).toContain('có → không');
    expect(section('Trường tiến bộ')).toContain('Trường THPT Lạc Long Quân');
    expect(section('Trường mới')).toContain(CODES.onlyNew);
    expect(section('Trường không còn')).toContain(CODES.onlyOld);
    expect(md).toContain('tên đã đổi: "Trường THPT Nguyễn Đình Chiểu" → "Trường THPT chuyên Nguyễn Đình Chiểu"');
    expect(md).toMatch(/48 máy, 17,5 HS\/máy → 60 máy, 14 HS\/máy/);
    expect(section('Toàn địa bàn')).toContain('Tính trên 4 trường có ở cả hai bên');
    expect(section('Toàn địa bàn')).toMatch(/2\.wifi .*\| 100% \(4\/4\) \| 75% \(3\/4\) \| −25% \|/);
  });

  it('diff.xlsx has the sheets, one regression and one improvement row, the added and removed schools; text cells only', async () => {
    const wb = await workbookTexts(join(out, 'diff.xlsx'));
    expect(wb.sheets).toEqual(['Tổng quan', 'Các trường', 'Đi xuống', 'Tiến bộ', 'Khác, còn chưa đạt, số liệu', 'Tỷ lệ đạt theo tiêu chí', 'Trường mới, không còn']);
    const regressions = wb.rows('Đi xuống').slice(1);
    expect(regressions.map((r) => [r[0], r[2]])).toEqual([[CODES.losesWifi, '2.wifi']]);
    expect(wb.rows('Tiến bộ').slice(1).map((r) => [r[0], r[2]])).toEqual([[CODES.improves, '2.webcam']]);
    expect(wb.rows('Trường mới, không còn').slice(1).map((r) => r[1])).toEqual([CODES.onlyOld, CODES.onlyNew]);
    expect(wb.rows('Các trường').slice(1).map((r) => r[0])).toEqual([CODES.losesWifi, CODES.improves, CODES.renamed, CODES.stillShort]);
    // school codes are text (the leading zero survives)
    expect(wb.rows('Các trường')[3]![0]).toBe('083000103');
  });

  it('colours the xlsx by status', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'diff.xlsx'));
    const ws = book.getWorksheet('Đi xuống')!;
    const fill = ws.getCell(2, 10).fill as { fgColor?: { argb?: string } };
    expect(fill.fgColor?.argb).toBe('FFFFC7CE');
  });

  it('prints a table on the terminal, colours only on a TTY', async () => {
    const plain = await audit(['diff', oldDir, newDir]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('┌');
    expect(plain.stdout).toContain('Đi xuống (do dữ liệu thay đổi):');
    // one line per change, the values once, the reason in the section's heading
    expect(plain.stdout).toMatch(/^  83000102 · 2 · Có mạng Wi-Fi hỗ trợ giáo viên: Đạt → Không đạt \(có → không\)$/m);
    expect(plain.stdout.match(/có → không/g)).toHaveLength(1);
    // a value that moved without a status change is there too, briefly
    expect(plain.stdout).toMatch(/Số liệu đổi, kết quả không đổi:\n  83000106 · 2 · .*: 48 máy,\s+17,5 HS\/máy → 60 máy, 14 HS\/máy/);
    expect(plain.stdout).toContain('Tỷ lệ đạt thay đổi (trên 4 trường có ở cả hai bên):');
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const tty = await audit(['diff', oldDir, newDir], {}, true);
    expect(tty.stdout).toMatch(/\u001b\[/);
    const noColor = await audit(['diff', oldDir, newDir], { NO_COLOR: '1' }, true);
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
  });

  it('--fail-on-regression exits 1 and says why', async () => {
    const r = await audit(['diff', oldDir, newDir, '--fail-on-regression', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--fail-on-regression: 1 trường đi xuống');
  });

  it('names no teacher and no phone number in any output', async () => {
    expectNoPersonalData(await readFile(join(out, 'diff.md'), 'utf8'));
    expectNoPersonalData(await readFile(join(out, 'diff.json'), 'utf8'));
    expectNoPersonalData((await workbookTexts(join(out, 'diff.xlsx'))).text);
    expectNoPersonalData((await audit(['diff', oldDir, newDir])).stdout);
  });

  it('is deterministic: byte-identical md, json and xlsx on a second run', async () => {
    const again = join(await temp('diff-again'), 'so-sanh');
    await audit(['diff', oldDir, newDir, '--out', again, '-q']);
    for (const f of ['diff.md', 'diff.json', 'diff.xlsx']) {
      expect((await readFile(join(again, f))).equals(await readFile(join(out, f))), f).toBe(true);
    }
  });

  it('matches the golden md and json (vi) and md (en)', async () => {
    await golden('folders.vi.md', await readFile(join(out, 'diff.md'), 'utf8'));
    await golden('folders.vi.json', await readFile(join(out, 'diff.json'), 'utf8'));
    const en = join(await temp('diff-en'), 'out');
    await audit(['diff', oldDir, newDir, '--out', en, '-f', 'md', '--lang', 'en', '-q']);
    await golden('folders.en.md', await readFile(join(en, 'diff.md'), 'utf8'));
  });
});

async function readdirSorted(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

describe('waivers: one that expired between the two years', () => {
  it('the criterion is "waiver ended", not a regression; the school is an "other change"', async () => {
    const root = await temp('diff-waivers');
    const waivers = join(root, 'mien-tru.yaml');
    // holds on the old audit date (2023-10-15), expired by the new one (2024-10-15)
    await writeFile(waivers, [
      'waivers:',
      `  - school: "${CODES.stillShort}"`,
      '    criterion: 2.students-per-computer',
      '    reason: "Phòng máy đang cải tạo"',
      '    approved_by: "Sở GD&ĐT Bến Tre"',
      '    expires: 2024-03-31',
      '',
    ].join('\n'));
    const r = await audit(['diff', oldDir, newDir, '--waivers', waivers, '--json', '--fail-on-regression']);
    expect(r.code).toBe(1); // the lost Wi-Fi still trips it
    const diff = JSON.parse(r.stdout);
    const f = school(diff, CODES.stillShort);
    expect(f).toMatchObject({ trend: 'changed', regression: false });
    expect(f.criteria[0]).toMatchObject({
      id: '2.students-per-computer', change: 'changed', reason: 'waiver_ended', regression: false,
      old: { status: 'waived' }, new: { status: 'fail' },
    });
    expect(f.criteria[0].why).toContain('Miễn trừ năm trước đã hết hạn');
    expect(f.old.score).toBe(100);
    expect(diff.totals).toMatchObject({ regressed: 1, changed: 1, unchanged: 1 });
    expect(diff.regression).toBe(true);
  });
});

describe('two batch summaries, without the workbooks', () => {
  let diff: any;
  let code: number;

  beforeAll(async () => {
    const root = await temp('diff-batch');
    // copies of the folders, summarized, then deleted: only summary.json is left
    const years: string[] = [];
    for (const [name, schools] of [['nam-2023-2024', YEAR_OLD], ['nam-2024-2025', YEAR_NEW]] as const) {
      const dir = await writeYear(join(root, 'ho-so', name), schools);
      const out = join(root, `tong-hop-${name}`);
      await batch(dir, out);
      years.push(join(out, 'summary.json'));
    }
    await rm(join(root, 'ho-so'), { recursive: true });
    const moved = join(root, 'summary-old.json');
    await copyFile(years[0]!, moved);
    const r = await audit(['diff', moved, years[1]!, '--json', '--fail-on-regression']);
    code = r.code;
    diff = JSON.parse(r.stdout);
  }, 120_000);

  it('reads them by content and finds the same schools', () => {
    expect(diff.old.kind).toBe('batch');
    expect(diff.new.kind).toBe('batch');
    expect(diff.totals).toMatchObject({ matched: 4, added: 1, removed: 1, regressed: 1, improved: 1, unchanged: 2 });
    expect(diff.schools.map((s: any) => s.code)).toEqual([CODES.losesWifi, CODES.improves, CODES.renamed, CODES.stillShort]);
  });

  it('explains the regression with the values the summaries keep, and exits 1 with --fail-on-regression', () => {
    expect(school(diff, CODES.losesWifi).criteria[0]).toMatchObject({
      id: '2.wifi', change: 'lost', reason: 'data', regression: true, old: { actual: 'có', rule: 'require wifi' }, new: { actual: 'không' },
    });
    expect(school(diff, CODES.stillShort).criteria[0].old.actual).toMatch(/17,5 HS\/máy/);
    expect(code).toBe(1);
  });

  it('gives pass rates per criterion', () => {
    expect(diff.criteria.find((c: any) => c.id === '2.wifi')).toMatchObject({ old: { rate: 1 }, new: { rate: 0.75 } });
  });
});

describe('a rubric change is "rubric changed", never a regression', () => {
  let root: string;
  let oldJson: string;
  let newJson: string;

  beforeAll(async () => {
    root = await temp('diff-rubric');
    await writeYear(root, [TWO_MANAGEMENT_COMPUTERS]);
    const wb = join(root, TWO_MANAGEMENT_COMPUTERS.file);
    const before = await audit([wb, '--rubric', 'ben-tre-2782@1.0.0', '--json']);
    const after = await audit([wb, '--rubric', TEST_RUBRIC, '--json']);
    expect(before.code).toBe(0);
    expect(after.code).toBe(1);
    oldJson = join(root, 'truoc.json');
    newJson = join(root, 'sau.json');
    await writeFile(oldJson, before.stdout);
    await writeFile(newJson, after.stdout);
  }, 60_000);

  it('the same workbook under ben-tre-2782@1.0.0 and 1.1.0: the raised threshold is a rubric change (exit 0 with --fail-on-regression)', async () => {
    const r = await audit(['diff', oldJson, newJson, '--json', '--fail-on-regression']);
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout);
    expect(diff.regression).toBe(false);
    const s = diff.schools[0];
    expect(s).toMatchObject({ trend: 'changed', regression: false, same_rubric: false, same_data: true });
    expect(s.criteria).toHaveLength(1);
    expect(s.criteria[0]).toMatchObject({
      id: '2.management-computers', change: 'lost', reason: 'rubric', regression: false,
      old: { status: 'pass', rule: 'computers.quan_ly >= 2', actual: '2' }, new: { status: 'fail', rule: 'computers.quan_ly >= 3', actual: '2' },
    });
    expect(s.criteria[0].why).toContain('computers.quan_ly >= 2 → computers.quan_ly >= 3');
    expect(diff.rubric_changes).toEqual([expect.objectContaining({
      rubric: 'ben-tre-2782', old: expect.objectContaining({ version: '1.0.0' }), new: expect.objectContaining({ version: '1.1.0' }),
      added: [], removed: [],
      changed: [expect.objectContaining({ id: '2.management-computers', fields: ['rule'] })],
    })]);
    expect(diff.notes.map((n: any) => n.code)).toContain('diff.note.rubrics_differ');
  });

  it('with the old workbook, re-scores it under the new rubric: the threshold is the rubric, the lost Wi-Fi is the data', async () => {
    const oldYear = join(root, 'old');
    const newYear = join(root, 'new');
    await writeYear(oldYear, [{ ...TWO_MANAGEMENT_COMPUTERS, year: '2023-2024' }]);
    await writeYear(newYear, [{ ...TWO_MANAGEMENT_COMPUTERS, wifi: false }]);
    const g = { lang: 'vi' as const, json: true, quiet: true, verbose: false, color: false };
    const io = { stdout: () => undefined, stderr: () => undefined, stdoutIsTTY: false, env: {}, now: () => new Date() };
    const before = await loadSide(oldYear, { waivers: [] }, g, io);
    const after = await loadSide(newYear, { waivers: [], rubric: TEST_RUBRIC }, g, io);
    expect(before.side.schools[0]!.rubric.version).toBe('1.0.0');
    expect(after.side.schools[0]!.rubric.version).toBe('1.1.0');
    const rescored = rescoreOld(before, after, { waivers: [] }, 'vi');
    expect([...rescored.keys()]).toEqual([TWO_MANAGEMENT_COMPUTERS.code]);
    const diff = buildDiff(before.side, after.side, { tool: TOOL, rescored });
    const s = diff.schools[0]!;
    expect(s.rescored?.rubric.version).toBe('1.1.0');
    expect(s.rescored?.status).toBe('fail');
    const byId = Object.fromEntries(s.criteria.map((c) => [c.id, c]));
    expect(byId['2.management-computers']).toMatchObject({ change: 'lost', reason: 'rubric', regression: false, rescored: { status: 'fail' } });
    expect(byId['2.wifi']).toMatchObject({ change: 'lost', reason: 'data', regression: true });
    expect(s.trend).toBe('regressed');
    expect(diff.notes.map((n) => n.code)).toContain('diff.note.rescored_count');
  });
});

describe('inputs are told by content, and problems get the exit codes of cli.md', () => {
  let root: string;
  beforeAll(async () => { root = await temp('diff-inputs'); }, 10_000);

  it('a result JSON saved as .txt and a workbook saved as .json are read for what they are', async () => {
    const wb = join(root, 'so-lieu.json');
    await writeYear(root, [{ ...TWO_MANAGEMENT_COMPUTERS, file: 'so-lieu.json' }, { ...TWO_MANAGEMENT_COMPUTERS, file: 'real.xlsx' }]);
    const asText = join(root, 'ket-qua.txt');
    await writeFile(asText, (await audit([join(root, 'real.xlsx'), '--json'])).stdout);
    const r = await audit(['diff', asText, wb, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout);
    expect([diff.old.kind, diff.new.kind]).toEqual(['result', 'workbook']);
    expect(diff.schools[0].trend).toBe('unchanged');
  });

  it('a diff JSON or another JSON is a usage error (exit 2); a missing path an input error (exit 3)', async () => {
    const d = join(root, 'diff.json');
    await writeFile(d, JSON.stringify({ schema: 'audit-diff/v1' }));
    const r1 = await audit(['diff', d, d]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('audit-diff/v1');
    const other = join(root, 'khac.json');
    await writeFile(other, JSON.stringify({ hello: 1 }));
    expect((await audit(['diff', other, other])).code).toBe(2);
    const r3 = await audit(['diff', join(root, 'khong-co.json'), other]);
    expect(r3.code).toBe(3);
  });

  it('-f junit is a usage error; --format without --out too', async () => {
    expect((await audit(['diff', oldDir, newDir, '--out', join(root, 'x'), '-f', 'junit'])).code).toBe(2);
    expect((await audit(['diff', oldDir, newDir, '-f', 'md'])).code).toBe(2);
  });

  it('--mapping is checked once before any workbook is read (a bad file: exit 2)', async () => {
    const bad = join(root, 'ten-rieng.yaml');
    await writeFile(bad, 'sheets: [this is: not, a mapping\n');
    const r = await audit(['diff', oldDir, newDir, '--mapping', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('an unreadable workbook in a folder: the others are compared, the file is named, exit 3', async () => {
    const broken = join(root, 'broken-year');
    await writeYear(broken, YEAR_NEW);
    await writeFile(join(broken, 'hong.xlsx'), 'không phải tệp Excel\n');
    const r = await audit(['diff', oldDir, broken, '--json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('hong.xlsx');
    const diff = JSON.parse(r.stdout);
    expect(diff.totals.matched).toBe(4);
    expect(diff.new.errors.map((e: any) => e.file)).toEqual(['hong.xlsx']);
  });
});

describe('a year with a code in two files, and a criterion of the 2016-2017 school year only', () => {
  // 2016-2017: A sent its focal list on time (7.focal-report passes), B late (fails, so B fails).
  // 2017-2018: 7.focal-report no longer applies; A's workbook is there twice: re-sent (later report date)
  // and an older copy without a webcam, which must not be compared nor counted.
  const A = { code: '83000301', name: 'Trường THPT Mỏ Cày Nam' };
  const B = { code: '83000302', name: 'Trường THPT Mỏ Cày Bắc' };
  const OLD: YearSchool[] = [
    { file: 'mo-cay-nam.xlsx', ...A, year: '2016-2017', focalReportDate: new Date(Date.UTC(2016, 10, 1)) },
    { file: 'mo-cay-bac.xlsx', ...B, year: '2016-2017', focalReportDate: new Date(Date.UTC(2016, 10, 20)) },
  ];
  const NEW: YearSchool[] = [
    { file: 'mo-cay-nam.xlsx', ...A, year: '2017-2018', reportDate: new Date(Date.UTC(2017, 9, 20)) },
    { file: 'mo-cay-nam (ban cu).xlsx', ...A, year: '2017-2018', webcams: 0, reportDate: new Date(Date.UTC(2017, 9, 1)) },
    { file: 'mo-cay-bac.xlsx', ...B, year: '2017-2018' },
  ];
  let root: string;
  let diff: any;
  let terminal: string;

  beforeAll(async () => {
    root = await temp('diff-scope');
    await writeYear(join(root, 'nam-2016'), OLD);
    await writeYear(join(root, 'nam-2017'), NEW);
    // not a workbook: a batch lists it (not audited); a diff of the summaries must still read them
    await writeFile(join(root, 'nam-2017', 'THPT Mo Cay Bac.pdf'), '%PDF-1.4\n');
    const r = await audit(['diff', join(root, 'nam-2016'), join(root, 'nam-2017'), '--json', '--fail-on-regression']);
    expect(r.code).toBe(0);
    diff = JSON.parse(r.stdout);
    terminal = (await audit(['diff', join(root, 'nam-2016'), join(root, 'nam-2017')], {}, false, 80)).stdout;
  }, 120_000);

  it('counts the school sent twice once: compared on the re-sent file, neither "unchanged" and "removed" nor "new"', () => {
    expect(diff.totals).toMatchObject({ matched: 2, added: 0, removed: 0, regressed: 0, improved: 0 });
    expect(diff.new).toMatchObject({ schools: 2, superseded: [{ code: A.code, file: 'mo-cay-nam (ban cu).xlsx', kept: 'mo-cay-nam.xlsx' }] });
    expect(school(diff, A.code).new.file).toBe('mo-cay-nam.xlsx');
    expect(school(diff, A.code).criteria.map((c: any) => c.id)).not.toContain('2.webcam');
    expect(diff.notes.map((n: any) => n.message)).toContainEqual(expect.stringContaining('mã trường 83000301 có ở 1 tệp khác nữa (mo-cay-nam (ban cu).xlsx); so sánh mo-cay-nam.xlsx'));
    expect(terminal).toContain('2 trường so sánh được');
    expect(terminal).not.toMatch(/Trường không còn|Trường mới/);
  });

  it('a criterion out of its school years is "rubric/year", not the school\'s data: no regression, no improvement', () => {
    const a = school(diff, A.code).criteria.find((c: any) => c.id === '7.focal-report');
    const b = school(diff, B.code).criteria.find((c: any) => c.id === '7.focal-report');
    expect(a).toMatchObject({ reason: 'year', regression: false, old: { status: 'pass' }, new: { status: 'not_applicable' } });
    expect(b).toMatchObject({ reason: 'year', improvement: false, old: { status: 'fail' }, new: { status: 'not_applicable' } });
    expect(a.why).toBe('Tiêu chí chỉ áp dụng cho một số năm học (năm học 2016-2017 → 2017-2018): do bộ tiêu chí, không do trường');
    // B passes now only because the criterion left its scope: an "other change", not an improvement
    expect(school(diff, B.code)).toMatchObject({ trend: 'changed', old: { status: 'fail' }, new: { status: 'pass' } });
    expect(JSON.stringify(diff)).not.toContain('dữ liệu của trường thay đổi');
  });

  it('the terminal says each change once, under "rubric, school year or waiver", within 80 columns', () => {
    expect(terminal).toMatch(/Thay đổi do bộ tiêu chí, năm học hoặc miễn trừ:\n {2}83000301 · 7 · /);
    expect(terminal.match(/83000302 · 7 · /g)).toHaveLength(1);
    expect(terminal).not.toContain('dữ liệu của trường');
    expectWithin(terminal, 80);
  });

  it('the same from the two years\' batch summaries: the rubric is at hand (built in), the sides are named by their folders', async () => {
    const sums: string[] = [];
    for (const y of ['nam-2016', 'nam-2017']) {
      await batch(join(root, y), join(root, `tong-hop-${y}`));
      sums.push(join(root, `tong-hop-${y}`, 'summary.json'));
    }
    const r = await audit(['diff', ...sums, '--json']);
    const d = JSON.parse(r.stdout);
    expect(r.code, r.stderr).toBe(0);
    expect([d.old.name, d.new.name]).toEqual(['tong-hop-nam-2016/summary.json', 'tong-hop-nam-2017/summary.json']);
    expect(d.new.errors).toEqual([]);
    expect(d.new.superseded).toEqual([{ code: A.code, file: expect.stringMatching(/mo-cay-nam \(ban cu\)\.xlsx$/), kept: expect.stringMatching(/mo-cay-nam\.xlsx$/) }]);
    expect(school(d, A.code).criteria.find((c: any) => c.id === '7.focal-report')).toMatchObject({ reason: 'year', regression: false });
    expect(d.totals).toMatchObject({ matched: 2, added: 0, removed: 0 });
    const text = (await audit(['diff', ...sums])).stdout;
    expect(text).toContain('Năm trước: tong-hop-nam-2016/summary.json (bản tổng hợp của audit batch)');
    expect(text).not.toMatch(/summary\.json \(bản tổng hợp \(summary\.json\)\)/);
  }, 120_000);
});

/** Every line of a terminal text fits `width` columns (combining marks take none). */
function expectWithin(text: string, width: number): void {
  for (const line of text.split('\n')) expect([...line.replace(/\p{M}/gu, '')].length, line).toBeLessThanOrEqual(width);
}

describe('the terminal fits its width', () => {
  it('80 columns when unknown, the terminal\'s own width otherwise (up to 120)', async () => {
    const at = async (columns?: number) => (await audit(['diff', oldDir, newDir], {}, false, columns)).stdout;
    const unknown = await at();
    expectWithin(unknown, 80);
    expect(Math.max(...unknown.split('\n').map((l) => [...l].length))).toBe(80); // the table takes the whole width
    expectWithin(await at(60), 60);
    const wide = await at(200);
    expectWithin(wide, 120);
    expect(wide).toMatch(/^┌─{40,}/m);
  });
});
