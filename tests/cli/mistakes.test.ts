// Mistakes a teacher makes at the command line (review: users-first-run.md #7, #8, #11): each gets one
// line that says what to do, in the --lang language, and the right exit code.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, fixture, tempDir } from './run.js';

const lines = (s: string) => s.trim().split('\n').filter(Boolean);

describe('a teacher\'s mistakes, each with a one-line hint', () => {
  const dir = tempDir('audit-mistakes-');
  mkdirSync(join(dir, 'ho so'));
  copyFileSync(fixture('thpt-chua-dat.xlsx'), join(dir, 'ho so', 'THPT Tran Van Kiet.xlsx'));
  copyFileSync(fixture('thpt-dat-chuan.xlsx'), join(dir, 'ho so', 'THPT Nguyen Thi Dinh.xlsx'));

  it('a path with spaces not quoted: put it in quotes', () => {
    const r = audit(['ho', 'so/THPT', 'Tran', 'Van', 'Kiet.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['tên tệp có dấu cách nên bị tách thành nhiều phần — hãy đặt đường dẫn trong dấu ngoặc kép: audit "ho so/THPT Tran Van Kiet.xlsx"']);
    expect(audit(['ho', 'so/THPT', 'Tran', 'Van', 'Kiet.xlsx', '--lang', 'en'], { cwd: dir }).stderr).toContain('put the path in double quotes: audit "ho so/THPT Tran Van Kiet.xlsx"');
  });

  it('a folder given to the one-school command: use audit batch', () => {
    const r = audit(['ho so'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(lines(r.stderr)).toEqual(['ho so: đây là một thư mục, không phải tệp — để chấm mọi tệp kiểm kê trong thư mục, dùng: audit batch "ho so"']);
  });

  it('a pattern the shell did not expand (cmd.exe, PowerShell) is expanded, with Windows backslashes too', () => {
    for (const pattern of ['ho so/*.xlsx', 'ho so\\*.xlsx']) {
      const r = audit([pattern, '--json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(1);
      expect(JSON.parse(r.stdout).map((x: { school: { code: string } }) => x.school.code)).toEqual(['83000715', '83000742']);
    }
    const none = audit(['ho so/*.xls'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(lines(none.stderr)).toEqual(['không có tệp nào khớp mẫu "ho so/*.xls" — kiểm tra lại thư mục và tên tệp']);
  });

  it('a long option with one dash is refused before anything is written', () => {
    const r = audit(['ho so/THPT Tran Van Kiet.xlsx', '-out', 'bao-cao'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['"-out" chỉ có một dấu gạch — tùy chọn dài viết với hai dấu gạch: --out']);
    expect(existsSync(join(dir, 'ut'))).toBe(false);
    expect(audit(['x.xlsx', '-lang=en'], { cwd: dir }).stderr).toContain('"-lang=en" chỉ có một dấu gạch — tùy chọn dài viết với hai dấu gạch: --lang=en');
    // short options still work: -o, -q
    expect(audit(['ho so/THPT Tran Van Kiet.xlsx', '-o', 'ok', '-q'], { cwd: dir }).code).toBe(1);
  });

  it('a mistyped command: did you mean `audit batch`?', () => {
    const r = audit(['bacth', 'ho so'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['không có lệnh hay tệp "bacth" — ý bạn là `audit batch`?']);
    expect(audit(['--lang', 'en', 'dif', 'a', 'b'], { cwd: dir }).stderr.trim()).toBe('no command or file "dif" — did you mean `audit diff`?');
  });

  it('the option parser speaks the user\'s language', { timeout: 60_000 }, () => {
    expect(lines(audit(['x.xlsx', '--ouot', 'y']).stderr)).toEqual(['sai cách dùng lệnh: không có tùy chọn --ouot — ý bạn là `--out`? — xem hướng dẫn: audit --help']);
    expect(lines(audit(['diff', 'a']).stderr)).toEqual(['sai cách dùng lệnh: thiếu đối số <new> — xem hướng dẫn: audit --help']);
    expect(lines(audit(['x.xlsx', '-o']).stderr)[0]).toMatch(/^sai cách dùng lệnh: tùy chọn -o, --out <thư-mục> cần một giá trị/);
    expect(lines(audit(['rubric', 'lsit']).stderr)[0]).toContain('không có lệnh "lsit" — ý bạn là `list`?');
    expect(lines(audit(['--lang', 'en', 'x.xlsx', '--ouot', 'y']).stderr)).toEqual(['wrong usage: unknown option --ouot — did you mean `--out`? — see: audit --help']);
    const help = audit(['--help']).stdout;
    for (const w of ['Cách dùng:', 'Tùy chọn:', 'Lệnh:', 'Đối số:']) expect(help).toContain(w);
    for (const w of ['Usage:', 'Options:', 'Commands:', 'Arguments:', '[options]']) expect(help).not.toContain(w);
    expect(audit(['--lang', 'en', '--help']).stdout).toContain('Usage: audit [options]');
  });

  it('--lang en into the folder of the Vietnamese reports keeps both: the English ones are named with the language', { timeout: 120_000 }, () => {
    const out = join(dir, 'bao-cao');
    const wb = join(dir, 'ho so', 'THPT Tran Van Kiet.xlsx');
    expect(audit([wb, '--out', out]).code).toBe(1);
    const en = audit([wb, '--out', out, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('already holds the Vietnamese reports of 83000742 — the English ones are written as 83000742.en.audit.*');
    expect(readdirSync(out).sort()).toEqual([
      '83000742.audit.json', '83000742.audit.md', '83000742.audit.xlsx', '83000742.en.audit.json', '83000742.en.audit.md', '83000742.en.audit.xlsx',
    ]);
    expect(en.stdout).toContain('Reports: ');
    // the same language again replaces its own reports, nothing new
    expect(audit([wb, '--out', out, '--lang', 'en']).code).toBe(1);
    expect(audit([wb, '--out', out]).stderr).toBe('');
    expect(readdirSync(out)).toHaveLength(6);
  });
});

describe('the terminal view at 80 columns', () => {
  it('fits 80 columns, lists the failing criteria first and ends with the score and the verdict; --all lists every criterion', { timeout: 60_000 }, () => {
    const r = audit([fixture('thpt-chua-dat.xlsx')], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    for (const l of out) expect([...l].length, l).toBeLessThanOrEqual(80);
    expect(out.length).toBeLessThan(80);
    const firstCriterion = out.findIndex((l) => /^ {2}[✗?] /.test(l));
    expect(out[firstCriterion - 1]).toMatch(/^Bắt buộc, chưa đạt \(\d+\):$/);
    // required, then targets, then recommended
    const heading = (s: string) => out.findIndex((l) => l.startsWith(s));
    expect(heading('Chỉ tiêu phấn đấu, chưa đạt')).toBeGreaterThan(firstCriterion);
    expect(heading('Khuyến khích, chưa đạt')).toBeGreaterThan(heading('Chỉ tiêu phấn đấu, chưa đạt'));
    expect(out.at(-2)).toMatch(/^Điểm: \d+,\d · Kết quả: Không đạt$/);
    expect(out.at(-1)).toMatch(/^Không đạt vì \d+ tiêu chí bắt buộc chưa đạt/);
    expect(out.some((l) => /^✓ \d+ tiêu chí đạt, 1 không áp dụng — xem chi tiết: --all$/.test(l))).toBe(true);
    const all = lines(audit([fixture('thpt-chua-dat.xlsx'), '--all'], { env: { COLUMNS: '80' } }).stdout);
    const json = JSON.parse(audit([fixture('thpt-chua-dat.xlsx'), '--json']).stdout);
    expect(all.filter((l) => /^ {2}[✓✗?–~] /.test(l))).toHaveLength(json.criteria.length);
    for (const l of all) expect([...l].length, l).toBeLessThanOrEqual(80);
  });

  it('says where the reports went, just before the score', () => {
    const out = tempDir('audit-term-out-');
    const r = audit([fixture('thpt-dat-chuan.xlsx'), '--out', out], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const l = lines(r.stdout);
    expect(l.at(-3)).toBe(`Báo cáo: ${join(out, '83000715.audit.md')}, .xlsx, .json`);
    expect(l.at(-2)).toBe('Điểm: 100,0 · Kết quả: Đạt');
  });
});
