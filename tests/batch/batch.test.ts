// `audit batch` end to end: the built CLI (bin/audit.js → dist/, `npm test` builds first) on folders
// written by make-folder.ts, in real worker threads.
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { auditAsync, type Run } from '../cli/run.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { districtFolder, tempDir, uongBiPrimary, writeFolder, type SchoolDesc } from './make-folder.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/audit.js');



const audit = auditAsync;

const readJson = async (p: string) => JSON.parse(await readFile(p, 'utf8'));
const temps: string[] = [];
const temp = async (prefix: string) => { const d = await tempDir(prefix); temps.push(d); return d; };

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/commands/batch.js'))) throw new Error('dist/ is not built: run `npm run build` (npm test does it)');
});
// AUDIT_KEEP_TEMP=1 keeps the folders for a look (their paths are printed).
afterAll(async () => {
  if (process.env.AUDIT_KEEP_TEMP) console.log(temps.join("\n"));
  else for (const d of temps) await rm(d, { recursive: true, force: true });
});

describe('a district folder: 24 schools, 2 broken files', () => {
  let dir: string;
  let out: string;
  let run: Run;
  let summary: any;
  const stepSummary = () => join(dir, 'step-summary.md');

  beforeAll(async () => {
    dir = await temp('batch');
    await writeFolder(join(dir, 'ho-so'), districtFolder());
    await writeFile(stepSummary(), '# Earlier step\n');
    out = join(dir, 'tong-hop');
    run = await audit(['batch', 'ho-so', '--out', 'tong-hop', '--jobs', '2'], dir, { GITHUB_STEP_SUMMARY: stepSummary() });
    summary = await readJson(join(out, 'summary.json'));
  }, 120_000);

  it('exits 3 (unreadable files) and still scores and ranks the 24 schools', () => {
    expect(run.code, run.stderr).toBe(3);
    expect(summary.schema).toBe('audit-batch/v1');
    expect(summary.totals).toMatchObject({ files: 26, schools: 24, errors: 2 });
    const ranked = summary.ranking.flatMap((g: any) => g.schools);
    expect(ranked).toHaveLength(24);
    expect(summary.ranking.map((g: any) => g.rubric)).toEqual(['uong-bi-466@1.0.0']);
    // passing schools first, then by score; equal status and score share a rank and the next rank skips
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1], ranked[i]];
      expect(a.status === 'fail' && b.status === 'pass').toBe(false);
      const tie = a.status === b.status && a.score === b.score;
      if (a.status === b.status) expect(a.score).toBeGreaterThanOrEqual(b.score);
      expect(b.rank).toBe(tie ? a.rank : i + 1);
      if (tie) expect(a.code < b.code).toBe(true);
    }
    expect(new Set(ranked.map((r: any) => r.score)).size).toBeGreaterThan(2);
    // the terminal shows the top and the weakest schools, not only the top ten
    expect(run.stdout).toContain(`${ranked[0].code} `);
    expect(run.stdout).toContain(`${ranked[23].code} `);
    expect(run.stdout).toMatch(/… 10 trường ở giữa/);
    expect(ranked.some((r: any, i: number) => i > 0 && r.rank === ranked[i - 1].rank)).toBe(true);
  });

  it('lists the broken files with their error, skips lock files and hidden folders', () => {
    const errors = summary.entries.filter((e: any) => e.error);
    expect(errors.map((e: any) => e.file)).toEqual(['ho-so/thcs/tai-chua-xong.xlsx', 'ho-so/tieu-hoc/bao-cao-cu.xlsx']);
    for (const e of errors) expect(e.error.message.length).toBeGreaterThan(10);
    expect(summary.entries.some((e: any) => e.file.includes('~$') || e.file.includes('.an/'))).toBe(false);
    expect(run.stderr).toContain('ho-so/tieu-hoc/bao-cao-cu.xlsx');
    // stderr is not a terminal here (as in CI): no progress bar, no escape codes
    expect(run.stderr).not.toMatch(/[░█]|\u001b\[/);
  });

  it('computes both district criteria of Uông Bí 466 over the batch, with numerator and denominator', () => {
    // tieu hoc: i % 3 !== 0 teach informatics → 9 of 14; THCS: i % 4 !== 3 → 8 of 10
    expect(summary.district_criteria).toEqual([
      { rubric: 'uong-bi-466@1.0.0', id: '3.informatics-primary', numerator: 9, denominator: 14, missing: [], share: 9 / 14, min: 0.6, status: 'pass' },
      { rubric: 'uong-bi-466@1.0.0', id: '3.informatics-thcs', numerator: 8, denominator: 10, missing: [], share: 0.8, min: 0.7, status: 'pass' },
    ]);
  });

  it('records each entry\'s rubric and criteria, and each rubric\'s criteria once', () => {
    const e = summary.entries.find((x: any) => x.code === '22010005');
    expect(e).toMatchObject({ rubric: { id: 'uong-bi-466', version: '1.0.0' }, levels: ['tieu_hoc'], district: 'Uông Bí' });
    // school 5 (i = 4) runs a cracked Office: the licensing criterion fails; "Rà soát … bổ sung" is
    // recommended (issue #10), so it does not make the school fail
    expect(e.criteria.find((c: any) => c.id === '1.licensed-software')).toMatchObject({ status: 'fail', points: 0 });
    expect(e.status).toBe('pass');
    const rubric = summary.rubrics[0];
    expect(rubric.criteria.map((c: any) => Object.keys(c))).toContainEqual(['id', 'clause', 'title', 'rule', 'severity', 'weight']);
    expect(rubric.criteria.find((c: any) => c.id === '1.licensed-software')).toMatchObject({ rule: expect.stringContaining('software.unlicensed'), severity: 'recommended', weight: 1 });
    expect(summary.criteria.find((c: any) => c.id === '1.licensed-software')).toMatchObject({ pass: 19, fail: 5, applicable: 24 });
  });

  it('writes summary.md, summary.xlsx (frozen header, autofilter, status fills), junit.xml and per-school md + json', async () => {
    const md = await readFile(join(out, 'summary.md'), 'utf8');
    expect(md).toContain('## Chỉ tiêu chung của địa bàn');
    expect(md).toContain('9/14 trường (64,3%)');
    expect(md).toContain('Trường Tiểu học Quang Trung');
    expect(md).toContain('bao-cao-cu.xlsx');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await readFile(join(out, 'summary.xlsx')) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng quan', 'Xếp hạng', 'Tỷ lệ đạt', 'Thiếu hụt', 'Cần kiểm tra', 'Tệp']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
    }
    const ranking = wb.getWorksheet('Xếp hạng')!;
    expect(ranking.rowCount).toBe(25);
    const statusCell = ranking.getRow(2).getCell(8);
    expect(['Đạt', 'Không đạt']).toContain(statusCell.value);
    expect((statusCell.fill as any).fgColor.argb).toMatch(/^FF(C6EFCE|FFC7CE)$/);
    expect(wb.getWorksheet('Tệp')!.rowCount).toBe(27); // every file: 24 schools, 2 unreadable

    const junit = await readFile(join(out, 'junit.xml'), 'utf8');
    expect(junit.match(/<testsuite /g)).toHaveLength(24 + 2 + 1);
    expect(junit).toMatch(/<testsuites name="audit" tests="\d+" failures="\d+" errors="2"/);
    expect(junit).toContain('<error message=');
    expect(junit).toContain('3.informatics-primary');

    const schools = (await readdir(join(out, 'schools'))).sort();
    expect(schools).toHaveLength(48);
    expect(schools).toContain('22010001.audit.md');
    expect(schools).toContain('22020010.audit.json');
    expect(schools.filter((f) => f.startsWith('.'))).toEqual([]);
    expect((await readJson(join(out, 'schools', '22010001.audit.json'))).schema).toBe('audit-result/v1');
  });

  it('never writes teachers\' names or phone numbers into any batch output', async () => {
    const texts = [
      ...await Promise.all(['summary.json', 'summary.md', 'junit.xml'].map((f) => readFile(join(out, f), 'utf8'))),
      ...await Promise.all((await readdir(join(out, 'schools'))).map((f) => readFile(join(out, 'schools', f), 'utf8'))),
      await xlsxText(join(out, 'summary.xlsx')),
    ];
    const all = texts.join('\n');
    expect(all).toContain('Trường THCS Nguyễn Trãi'); // the check reads the right files
    for (const secret of ['0912 000 1', '0988 000 2', 'Phạm Thị Lan', 'Đỗ Văn Hùng']) expect(all).not.toContain(secret);
    // teacher names from the roster generator (first names of fixtures/schools.mjs)
    expect(all).not.toMatch(/(Nguyễn|Trần|Lê|Phạm|Huỳnh) (Văn|Thị|Ngọc|Minh) (An|Bình|Cường|Dung)\b/);
  });

  it('appends summary.md to GITHUB_STEP_SUMMARY', async () => {
    const text = await readFile(stepSummary(), 'utf8');
    expect(text.startsWith('# Earlier step\n')).toBe(true);
    expect(text).toContain(await readFile(join(out, 'summary.md'), 'utf8'));
  });

  it('three shards merged give the same summary.json, byte for byte', async () => {
    for (const i of [1, 2, 3]) {
      const r = await audit(['batch', 'ho-so', '--shard', `${i}/3`, '--out', `phan-${i}`, '--format', 'json', '-j', '1'], dir);
      expect([0, 1, 3]).toContain(r.code);
    }
    const shard2 = await readJson(join(dir, 'phan-2', 'summary.json'));
    expect(shard2.shard).toEqual({ index: 2, count: 3, files: 26 });
    expect(shard2.entries.length).toBeGreaterThanOrEqual(8);
    const merged = await audit(['batch', '--merge', 'phan-3/summary.json', 'phan-1/summary.json', 'phan-2/summary.json', '--out', 'gop'], dir);
    expect(merged.code).toBe(3);
    expect(await readFile(join(dir, 'gop', 'summary.json'), 'utf8')).toBe(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(await readFile(join(dir, 'gop', 'summary.md'), 'utf8')).toBe(await readFile(join(out, 'summary.md'), 'utf8'));
  }, 120_000);
});

describe('Uông Bí 466: 60% of primary schools teach informatics', () => {
  it('6 of 10 meets the target (exit 0); 5 of 10 does not (exit 1)', async () => {
    const dir = await temp('uongbi');
    await writeFolder(join(dir, 'dat'), uongBiPrimary(6));
    await writeFolder(join(dir, 'chua-dat'), uongBiPrimary(5));
    const ok = await audit(['batch', 'dat', '--json', '-q'], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).district_criteria[0]).toMatchObject({ id: '3.informatics-primary', numerator: 6, denominator: 10, status: 'pass' });
    const short = await audit(['batch', 'chua-dat', '--json', '-q'], dir);
    expect(short.code).toBe(1);
    const s = JSON.parse(short.stdout);
    expect(s.totals.fail).toBe(0); // every school passes on its own …
    expect(s.district_criteria[0]).toMatchObject({ numerator: 5, denominator: 10, share: 0.5, status: 'fail' }); // … the district does not
    // the THCS target counts no school here: shown, not failed
    expect(s.district_criteria[1]).toMatchObject({ id: '3.informatics-thcs', denominator: 0, status: 'missing' });
  }, 60_000);
});

describe('flags', () => {
  it('flags two files with one school code, and a school outside the rubric\'s province and years (--rubric)', async () => {
    const dir = await temp('flags');
    const base: SchoolDesc = { file: 'a.xlsx', code: '22019999', name: 'Trường Tiểu học Quang Trung' };
    await writeFolder(dir, [
      base,
      { ...base, file: 'b-ban-sao.xlsx' },
      { file: 'c.xlsx', code: '31000001', name: 'Trường Tiểu học Hải Phòng', province: 'Hải Phòng', district: 'Lê Chân', year: '2018-2019' },
      { file: 'd.xlsx', code: '22010002', name: 'Trường Tiểu học Yên Thanh' },
    ]);
    const r = await audit(['batch', '.', '--rubric', 'uong-bi-466', '--json', '-q', '--out', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.totals).toMatchObject({ schools: 3, superseded: 1 }); // the copy counts once
    // (the two copies may also be byte-identical, depending on the generator: that flag is tested elsewhere)
    expect(s.flags.filter((f: any) => f.code !== 'identical_files')).toEqual([
      { code: 'duplicate_code', school_code: '22019999', files: ['a.xlsx', 'b-ban-sao.xlsx'], kept: 'b-ban-sao.xlsx', superseded: ['a.xlsx'] },
      { code: 'school_year_differs', school: { file: 'c.xlsx', code: '31000001', name: 'Trường Tiểu học Hải Phòng' }, value: '2018-2019', majority: '2016-2017' },
      { code: 'other_province', school: { file: 'c.xlsx', code: '31000001', name: 'Trường Tiểu học Hải Phòng' }, value: 'Hải Phòng', majority: 'Quảng Ninh', folder: '.' },
      { code: 'outside_province', file: 'c.xlsx', school_code: '31000001', value: 'Hải Phòng', rubric: 'uong-bi-466@1.0.0' },
      { code: 'outside_district', file: 'c.xlsx', school_code: '31000001', value: 'Lê Chân', rubric: 'uong-bi-466@1.0.0' },
      { code: 'outside_years', file: 'c.xlsx', school_code: '31000001', value: '2018-2019', rubric: 'uong-bi-466@1.0.0' },
    ]);
    // both copies are scored and reported, not merged: the second is named after its file
    expect((await readdir(join(dir, 'out', 'schools'))).sort()).toEqual([
      '22010002.audit.json', '22010002.audit.md', '22019999-b-ban-sao.audit.json', '22019999-b-ban-sao.audit.md',
      '22019999.audit.json', '22019999.audit.md', '31000001.audit.json', '31000001.audit.md',
    ]);
    expect(await readFile(join(dir, 'out', 'summary.md'), 'utf8')).toContain('Mã trường 22019999 xuất hiện ở 2 tệp');
  }, 60_000);

  it('waivers apply per school; a waiver naming a school not in the batch is flagged', async () => {
    const dir = await temp('waivers');
    await writeFolder(dir, [
      { file: 'a.xlsx', code: '22010001', name: 'Trường Tiểu học Quang Trung', crackedOffice: true },
      { file: 'b.xlsx', code: '22010002', name: 'Trường Tiểu học Yên Thanh', crackedOffice: true },
    ]);
    await writeFile(join(dir, 'mien-tru.yaml'), [
      'waivers:',
      '  - { school: "22010001", criterion: 1.licensed-software, reason: "Đang chờ cấp bản quyền", expires: 2017-05-31 }',
      '  - { school: "22019999", criterion: 1.licensed-software, reason: "Trường đã sáp nhập", expires: 2017-05-31 }',
    ].join('\n'));
    const r = await audit(['batch', '.', '--waivers', 'mien-tru.yaml', '--json', '-q'], dir);
    // b.xlsx still fails the licensing criterion, recommended since issue #10: no school fails, exit 0
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    const status = (code: string) => s.entries.find((e: any) => e.code === code).criteria.find((c: any) => c.id === '1.licensed-software').status;
    expect([status('22010001'), status('22010002')]).toEqual(['waived', 'fail']);
    expect(s.run.waivers).toEqual([{ school: '22010001', criterion: '1.licensed-software' }, { school: '22019999', criterion: '1.licensed-software' }]);
    expect(s.flags).toEqual([{ code: 'waiver_unknown_school', school_code: '22019999', criterion: '1.licensed-software' }]);
    expect(JSON.stringify(s)).not.toContain('Đang chờ cấp bản quyền'); // reasons stay in the schools' own reports
  }, 60_000);

  it('without --rubric, a school no rubric covers is an error entry (exit 3)', async () => {
    const dir = await temp('norubric');
    await writeFolder(dir, [
      { file: 'a.xlsx', code: '22010001', name: 'Trường Tiểu học Quang Trung' },
      { file: 'z.xlsx', code: '99000001', name: 'Trường Xa', province: 'Hà Giang', district: 'Mèo Vạc', year: '2010-2011' },
    ]);
    const r = await audit(['batch', '.', '--json', '-q'], dir);
    expect(r.code).toBe(3);
    const s = JSON.parse(r.stdout);
    expect(s.entries.find((e: any) => e.file === 'z.xlsx').error.code).toBe('rubric.none_for_province');
    expect(s.totals).toMatchObject({ schools: 1, errors: 1 });
  }, 60_000);
});

/** Every text of an xlsx (shared strings and inline strings), to look for what must not be there. */
async function xlsxText(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await readFile(path) as never);
  const parts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { parts.push(String(c.value)); })));
  return parts.join('\n');
}

describe('old .xls files in the folder', () => {
  it('are taken: converted by LibreOffice when installed, else an entry saying how to save them as .xlsx (exit 3)', async () => {
    const dir = await temp('xls');
    await writeFolder(dir, [{ file: 'a.xlsx', code: '22010001', name: 'Trường Tiểu học Quang Trung' }]);
    await writeFile(join(dir, 'cu.xls'), await readFile(join(ROOT, 'tests/convert/sample.xls')));
    const r = await audit(['batch', '.', '--json', '-q'], dir);
    const s = JSON.parse(r.stdout);
    const xls = s.entries.find((e: any) => e.file === 'cu.xls');
    const { findSoffice } = await import('../../src/node/convert.js');
    if (findSoffice()) {
      console.log('LibreOffice found: the .xls is converted and scored');
      expect(xls.error, JSON.stringify(xls.error)).toBeUndefined();
      expect(xls.rubric).toBeDefined();
      expect(s.totals.schools).toBe(2);
    } else {
      console.log('no LibreOffice: the .xls is an entry with its error');
      expect(r.code).toBe(3);
      expect(xls.error.code).toBe('input.needs_libreoffice');
      expect(xls.error.message).toContain('soffice --headless --convert-to xlsx');
    }
  }, 120_000);
});

describe('audit batch --help', () => {
  it('lists its own options, the common ones that apply, exit codes and examples', async () => {
    const r = await audit(['batch', '--help', '--lang', 'en'], ROOT);
    expect(r.code).toBe(0);
    for (const s of ['--jobs', '--shard <i/n>', '--merge', '--out <folder>', '--format <list>', 'Exit codes', 'audit batch --merge shard-*/summary.json']) {
      expect(r.stdout).toContain(s);
    }
  });
});
