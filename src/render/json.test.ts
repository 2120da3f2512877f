import { describe, expect, it } from 'vitest';
import { registerMessages } from '../messages/format.js';
import { renderers, toResultJson } from './index.js';
import { minimalResult, sampleResult } from './sample-result.js';

describe('result JSON (audit-result/v1)', () => {
  const vi = toResultJson(sampleResult(), 'vi');
  const en = toResultJson(sampleResult(), 'en');

  it('has the keys of cli.md, in that order', () => {
    expect(Object.keys(vi)).toEqual([
      'schema', 'tool', 'rubric', 'school', 'source', 'as_of', 'score', 'status', 'band', 'groups', 'summary', 'criteria',
      'data_issues', 'warnings', 'deadlines',
    ]);
    expect(Object.keys(vi.tool)).toEqual(['name', 'version']);
    expect(Object.keys(vi.rubric)).toEqual(['id', 'version', 'title', 'sha256']);
    expect(Object.keys(vi.school)).toEqual(['code', 'name', 'province', 'district', 'school_year', 'levels']);
    expect(Object.keys(vi.source)).toEqual(['file', 'sha256']);
    expect(Object.keys(vi.groups[0]!)).toEqual(['id', 'score', 'band']);
    expect(Object.keys(vi.summary)).toEqual(['pass', 'fail', 'missing', 'not_applicable', 'waived']);
    expect(Object.keys(vi.criteria[0]!)).toEqual([
      'id', 'clause', 'title', 'severity', 'weight', 'status', 'points', 'rule', 'actual', 'expected', 'message', 'gap', 'cells',
    ]);
    expect(Object.keys(vi.criteria[0]!.cells[0]!)).toEqual(['sheet', 'cell']);
    expect(Object.keys(vi.data_issues[0]!)).toEqual(['severity', 'sheet', 'cell', 'code', 'message']);
    expect(Object.keys(vi.warnings[0]!)).toEqual(['code', 'message']);
    expect(Object.keys(vi.deadlines[0]!)).toEqual(['id', 'date', 'title', 'days_left']);
    expect(vi.schema).toBe('audit-result/v1');
    // what the engine adds for the human reports (pass rule, bands, group titles) stays out of the JSON
    expect(sampleResult().groups[0]!.title).toBeDefined();
    expect(JSON.stringify(vi)).not.toMatch(/pass_rule|has_bands|Hạ tầng, thiết bị CNTT/);
  });

  it('changes only human texts with the language', () => {
    const strip = (j: typeof vi) => JSON.parse(JSON.stringify(j, (k, v) =>
      ['title', 'message', 'gap', 'actual', 'expected'].includes(k) ? undefined : v));
    expect(strip(en)).toEqual(strip(vi));
    expect(vi.criteria[1]!.gap).toBe('khai báo ô "Cán bộ, giáo viên đầu mối CNTT (họ tên)" ở trang Thông tin chung');
    expect(en.criteria[1]!.gap).toBe('fill in "Cán bộ, giáo viên đầu mối CNTT (họ tên)" on the general information sheet');
    expect(en.rubric.title).toBe('Strengthening IT use in schools (Bến Tre, 2016)');
  });

  it('falls back to the Vietnamese title when the rubric has no English one', () => {
    const i = en.criteria.findIndex((c) => c.id === '3.3.unlicensed-software');
    expect(en.criteria[i]!.title).toBe('Không sử dụng phần mềm không bản quyền');
    expect(en.deadlines.find((d) => d.id === 'focal-list')!.title).toBe('Báo cáo danh sách cán bộ đầu mối CNTT');
  });

  it('gives band ids, null points when not scored, and the waiver reason in the message', () => {
    expect(vi.band).toBe('trung-binh');
    expect(vi.groups.map((g) => g.band)).toEqual(['trung-binh', 'kha', 'yeu']);
    const byId = Object.fromEntries(vi.criteria.map((c) => [c.id, c]));
    expect(byId['2.students-per-computer']!.points).toBeNull();
    expect(byId['4.informatics-primary']!.points).toBeNull();
    expect(byId['4.elearning']!.points).toBe(4);
    expect(byId['2.students-per-computer']!.message).toContain('Phòng máy đang cải tạo');
    expect(byId['4.informatics-primary']!.actual).toBeNull();
    const min = toResultJson(minimalResult(), 'vi');
    expect([min.score, min.band, min.school.code]).toEqual([null, null, null]);
    expect(min.criteria[0]!.message).toBe('Được miễn trừ. Lý do miễn trừ: Trường mới thành lập');
  });

  it('does not repeat a waiver reason the engine already put in the message', () => {
    const r = sampleResult();
    const c = r.criteria.find((x) => x.status === 'waived')!;
    registerMessages({ 'test.waived_because': { vi: 'Miễn trừ vì: {reason}', en: 'Waived because: {reason}' } });
    c.message = { code: 'test.waived_because', args: { reason: c.waiver!.reason } };
    expect(toResultJson(r, 'en').criteria.find((x) => x.id === c.id)!.message).toBe(`Waived because: ${c.waiver!.reason}`);
  });

  it('sorts cells and lists, keeps criteria in rubric order', () => {
    expect(vi.criteria.map((c) => c.id)).toEqual(sampleResult().criteria.map((c) => c.id));
    expect(vi.criteria.find((c) => c.id === '2.management-computers')!.cells).toEqual([
      { sheet: 'Thiết bị', cell: 'D5' }, { sheet: 'Thiết bị', cell: 'D9' },
    ]);
    expect(vi.data_issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      'Thông tin chung!B12', 'Thiết bị!C9', 'Thiết bị!E12', 'Thiết bị!D14', 'Giáo viên!null',
    ]);
    expect(vi.deadlines.map((d) => d.id)).toEqual(['website-list', 'focal-list', 'it-plan']);
  });

  it('is printed with 2-space indent and a trailing newline', async () => {
    const text = (await renderers.json(sampleResult(), { lang: 'vi', color: false })) as string;
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "schema": "audit-result/v1",');
    expect(JSON.parse(text)).toEqual(vi);
  });
});
