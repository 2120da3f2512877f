// Issue 3's acceptance: without --rubric each school gets the rubric of its province, district and school
// year (the matching version of a versioned series); a rubric a user writes in a file works with --rubric.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeFolder, type SchoolDesc } from '../batch/make-folder.js';

const ROOT = resolve(import.meta.dirname, '../..');
let dir = '';
beforeAll(async () => { dir = await tempDir('selection'); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function audit(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/audit.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const rubricOf = (file: string, extra: string[] = []) => {
  const r = audit([file, '--json', ...extra]);
  expect([0, 1], r.stderr).toContain(r.code);
  return JSON.parse(r.stdout).rubric as { id: string; version: string };
};

const school = (file: string, province: string, district: string, year: string, levels: SchoolDesc['levels'] = ['THCS']): SchoolDesc =>
  ({ file, code: file.replace('.xlsx', ''), name: `Trường ${file}`, province, district, year, levels });

describe('a rubric is chosen from the workbook', () => {
  beforeAll(async () => {
    await writeFolder(dir, [
      school('cb.xlsx', 'Cao Bằng', 'Hòa An', '2020-2021', ['THPT']),
      school('ub.xlsx', 'Quảng Ninh', 'Uông Bí', '2016-2017', ['Tiểu học']),
      school('bg1.xlsx', 'Bắc Giang', 'Yên Dũng', '2018-2019'),
      school('bg2.xlsx', 'Bắc Giang', 'Yên Dũng', '2020-2021'),
      school('hh1.xlsx', 'Bắc Giang', 'Hiệp Hòa', '2018-2019'),
      school('hh2.xlsx', 'Bắc Giang', 'Hiệp Hòa', '2020-2021'),
      school('bt.xlsx', 'Bến Tre', 'Ba Tri', '2023-2024', ['THPT']),
    ]);
  });

  it.each([
    ['cb.xlsx', 'cao-bang-1423', '1.0.0'],
    ['ub.xlsx', 'uong-bi-466', '1.0.0'],
    ['bg1.xlsx', 'bac-giang-1330', '1.0.0'],
    ['bg2.xlsx', 'bac-giang-1330', '2.0.0'],
    // Hiệp Hòa's own plan (Đề án 550 as it carries it): its district rubric wins there
    ['hh1.xlsx', 'bac-giang-1330-hiep-hoa', '1.0.0'],
    ['hh2.xlsx', 'bac-giang-1330-hiep-hoa', '2.0.0'],
    ['bt.xlsx', 'ben-tre-2782', '1.0.0'],
  ])('%s → %s@%s', (file, id, version) => {
    expect(rubricOf(file)).toEqual(expect.objectContaining({ id, version }));
  });

  it('a rubric written by a user: standalone, and one that extends ben-tre-2782@1', () => {
    writeFileSync(join(dir, 'rieng.yaml'), `schema: audit-rubric/v1
id: truong-rieng
version: 1.0.0
title: { vi: "Tiêu chí riêng của trường" }
issuer: "Trường THPT Ba Tri"
document: { number: "12/KH-THPT", date: 2023-09-05 }
criteria:
  - id: wifi
    clause: "1"
    title: { vi: "Có Wi-Fi cho giáo viên" }
    check: { require: wifi }
`);
    writeFileSync(join(dir, 'mo-rong.yaml'), `schema: audit-rubric/v1
id: phong-ba-tri
version: 1.0.0
title: { vi: "Bến Tre 2782, bổ sung của Phòng" }
issuer: "Phòng GD&ĐT Ba Tri"
document: { number: "45/PGDĐT", date: 2023-09-10 }
extends: ben-tre-2782@1
remove: [2.webcam]
criteria:
  - id: 2.wifi
    weight: 3
`);
    const own = audit(['bt.xlsx', '--json', '--rubric', 'rieng.yaml']);
    expect(JSON.parse(own.stdout).rubric).toMatchObject({ id: 'truong-rieng', version: '1.0.0' });
    expect(JSON.parse(own.stdout).criteria.map((c: { id: string }) => c.id)).toEqual(['wifi']);
    const ext = JSON.parse(audit(['bt.xlsx', '--json', '--rubric', 'mo-rong.yaml']).stdout);
    expect(ext.rubric).toMatchObject({ id: 'phong-ba-tri', version: '1.0.0' });
    const ids = ext.criteria.map((c: { id: string }) => c.id);
    expect(ids).toContain('2.students-per-computer');
    expect(ids).not.toContain('2.webcam');
    expect(ext.criteria.find((c: { id: string }) => c.id === '2.wifi').weight).toBe(3);
  });
});
