// Issue #10's boundary schools, through the CLI (`bin/audit.js`, NO_COLOR=1), on workbooks from
// make-boundary.ts: each verdict follows the directive's words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, tempDir } from '../cli/run.js';
import { bacGiangThcs, benTrePrimary, caoBangThcs, uongBiPrimary, writeBoundary } from './make-boundary.js';

const dir = tempDir('audit-fidelity-');
interface Result { rubric: { id: string; version: string }; status: string; warnings: { code: string; message: string }[]; criteria: { id: string; status: string; severity: string; message: string }[] }
const json = (file: string, extra: string[] = []): Result => {
  const r = audit([join(dir, file), '--json', ...extra]);
  expect([0, 1], r.stderr).toContain(r.code);
  return JSON.parse(r.stdout) as Result;
};
const criterion = (r: Result, id: string) => r.criteria.find((c) => c.id === id);

beforeAll(async () => {
  for (const b of [
    benTrePrimary('bt-19-may.xlsx', 19), benTrePrimary('bt-2018.xlsx', 19, '2018-2019'),
    caoBangThcs('cb-online.xlsx', { offline: false, online: true }, 'Có bản quyền'),
    caoBangThcs('cb-free-av.xlsx', { offline: true, online: false }, 'Miễn phí'),
    bacGiangThcs('bg-yen-dung.xlsx', 'Yên Dũng', '2018-2019'), bacGiangThcs('bg-hiep-hoa.xlsx', 'Hiệp Hòa', '2018-2019'),
    { ...bacGiangThcs('hcm-2018.xlsx', 'Quận 1', '2018-2019'), info: { ...bacGiangThcs('x', 'Quận 1', '2018-2019').info, province: 'TP. Hồ Chí Minh', school_code: '79000101' } },
    { ...caoBangThcs('cb-2021.xlsx', { offline: true, online: true }, 'Có bản quyền'), info: { ...caoBangThcs('x', { offline: true, online: true }, 'x').info, school_year: '2021-2022' } },
  ]) await writeBoundary(dir, b);
  const ub = join(dir, 'uong-bi');
  for (const [i, teaches] of [[1, true], [2, true], [3, true], [4, false], [5, false], [6, undefined]] as const) {
    await writeBoundary(ub, uongBiPrimary(i, teaches));
  }
}, 60_000);

describe('Bến Tre 2782', () => {
  it('a primary school of 2016-17 short of lab computers passes when every binding criterion does; the target is reported as not met', () => {
    const r = json('bt-19-may.xlsx');
    expect(r.rubric).toMatchObject({ id: 'ben-tre-2782' });
    const spc = criterion(r, '2.students-per-computer')!;
    expect(spc).toMatchObject({ severity: 'target', status: 'fail' });
    expect(spc.message).toMatch(/^Chưa đạt chỉ tiêu phấn đấu: /);
    expect(r.criteria.filter((c) => c.severity === 'required' && c.status !== 'pass' && c.status !== 'not_applicable')).toEqual([]);
    expect(r.status).toBe('pass');
  });

  it('a primary school without a focal-report date is not failed for it (the duty names Phòng, THPT, GDNN-GDTX)', () => {
    const r = json('bt-19-may.xlsx');
    expect(criterion(r, '7.focal-report')!.status).toBe('not_applicable');
    expect(criterion(r, '7.focal-contacts')!.status).toBe('not_applicable');
  });

  it('the terminal and Markdown reports say "Chưa đạt chỉ tiêu phấn đấu" for the target', () => {
    const out = join(dir, 'bt-19-out');
    const t = audit([join(dir, 'bt-19-may.xlsx'), '--out', out]);
    // the terminal lists the target under its own heading, after the required criteria, with the gap
    expect(t.stdout).toMatch(/Chỉ tiêu phấn đấu, chưa đạt \(\d+\):\n\s+✗ 2 · Đủ máy tính dạy học Tin học[^\n]*\n\s+→ thiếu \d+ máy tính phòng máy/);
    expect(t.stdout).not.toContain('Bắt buộc, chưa đạt');
    const md = readFileSync(join(out, '83100201.audit.md'), 'utf8');
    expect(md).toMatch(/\| 2 \| Đủ máy tính dạy học Tin học \(24\/16\/12 học sinh\/máy\) \| Chỉ tiêu phấn đấu \| Chưa đạt chỉ tiêu phấn đấu \|/);
    expect(md).toContain('### Chỉ tiêu phấn đấu chưa đạt (');
    expect(md).toContain('#### 2 · Đủ máy tính dạy học Tin học (24/16/12 học sinh/máy) (Chưa đạt chỉ tiêu phấn đấu)');
    const en = audit([join(dir, 'bt-19-may.xlsx'), '--lang', 'en', '--json']);
    expect(JSON.parse(en.stdout).criteria.find((c: { id: string }) => c.id === '2.students-per-computer').message).toMatch(/^Target not met: /);
  });

  it('a later school year is judged by the 2016-2017 letter only with one line saying so, in every report', () => {
    const r = json('bt-2018.xlsx');
    expect(r.rubric).toMatchObject({ id: 'ben-tre-2782' });
    expect(r.warnings.map((w) => w.code)).toEqual(['rubric.written_for']);
    expect(r.warnings[0]!.message).toContain('2782/SGD&ĐT-KTQLCLGD&CNTT, viết cho năm học 2016-2017;');
    const out = join(dir, 'bt-2018-out');
    const t = audit([join(dir, 'bt-2018.xlsx'), '--out', out]);
    expect(t.stdout.match(/viết cho năm học 2016-2017/g)).toHaveLength(1);
    expect(readFileSync(join(out, '83100201.audit.md'), 'utf8').match(/viết cho năm học 2016-2017/g)).toHaveLength(1);
  });
});

describe('Cao Bằng 1423', () => {
  it('an online-only backup meets the backup measure ("như: … ổ đĩa di động và lưu trữ trực tuyến")', () => {
    expect(criterion(json('cb-online.xlsx'), '6.backup')!.status).toBe('pass');
  });
  it('a free antivirus does not meet "diệt virus bản quyền"', () => {
    const r = json('cb-free-av.xlsx');
    expect(criterion(r, '6.antivirus')!.status).toBe('fail');
    expect(criterion(r, '6.backup')!.status).toBe('pass');
    expect(criterion(json('cb-online.xlsx'), '6.antivirus')!.status).toBe('pass');
  });
  it('no rubric for 2021-2022: exit 2, and no other province\'s rubric is suggested', () => {
    const r = audit([join(dir, 'cb-2021.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cao-bang-1423@1.0.0');
    expect(r.stderr).not.toMatch(/bac-giang|ben-tre|ho-chi-minh|uong-bi/);
  });
});

describe('TP.HCM 257', () => {
  it('2018-19 is not judged by the 2020-21 emulation standard', () => {
    const r = json('hcm-2018.xlsx');
    expect(r.rubric).toEqual(expect.objectContaining({ id: 'ho-chi-minh-257', version: '1.0.0' }));
    expect(r.criteria.map((c) => c.id)).toEqual(['4.4.model']);
    const forced = json('hcm-2018.xlsx', ['--rubric', 'ho-chi-minh-257@2']);
    expect(forced.warnings.map((w) => w.code)).toContain('rubric.outside_years');
  });
});

describe('Bắc Giang 1330', () => {
  it('a school outside Hiệp Hòa with 20 computers per room is not failed for it', () => {
    const r = json('bg-yen-dung.xlsx');
    expect(r.rubric.id).toBe('bac-giang-1330');
    expect(r.criteria.some((c) => c.id.startsWith('da550.'))).toBe(false);
    expect(r.status).toBe('pass');
  });
  it('in Hiệp Hòa, 25 per room is a target of its plan: reported as not met, never a fail', () => {
    const r = json('bg-hiep-hoa.xlsx');
    expect(r.rubric.id).toBe('bac-giang-1330-hiep-hoa');
    expect(criterion(r, 'da550.computers-per-room')).toMatchObject({ severity: 'target', status: 'fail' });
    expect(r.status).toBe('pass');
  });
});

describe('Uông Bí 466', () => {
  it('batch: 3 yes / 2 no / 1 blank → 3/5 = 60% meets the target, the blank school named', () => {
    const out = join(dir, 'ub-out');
    const r = audit(['batch', join(dir, 'uong-bi'), '--out', out]);
    expect([0, 1], r.stderr).toContain(r.code);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { district_criteria: { id: string; numerator: number; denominator: number; share: number; status: string; missing: { name: string }[] }[] };
    const d = s.district_criteria.find((x) => x.id === '3.informatics-primary')!;
    expect(d).toMatchObject({ numerator: 3, denominator: 5, share: 0.6, status: 'pass' });
    expect(d.missing.map((m) => m.name)).toEqual(['Trường Tiểu học Số 6']);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('3/5 trường (60');
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('1 trường chưa khai báo, không tính: Trường Tiểu học Số 6');
  });
});
