import { describe, expect, it } from 'vitest';
import { renderMarkdownText } from './markdown.js';
import { registerMessages } from '../messages/format.js';
import { sampleResult } from './sample-result.js';

const md = (lang: 'vi' | 'en') => renderMarkdownText(sampleResult(), { lang, color: false });
const section = (text: string, heading: string): string => {
  const start = text.indexOf(`\n## ${heading}\n`);
  expect(start, `section ${heading}`).toBeGreaterThan(0);
  const end = text.indexOf('\n## ', start + 4);
  return text.slice(start, end < 0 ? undefined : end);
};

describe('Markdown report', () => {
  it('says who, against what, and the outcome', () => {
    const vi = md('vi');
    expect(vi).toContain('- **Mã trường:** 83000123');
    expect(vi).toContain('- **Văn bản:** Số 2782/SGD&ĐT-KTQLCLGD&CNTT ngày 26/10/2016 của Sở GD&ĐT Bến Tre');
    expect(vi).toContain('- **Phiên bản:** 1.0.0');
    expect(vi).toContain('- **Kết quả:** Không đạt');
    expect(vi).toContain('- **Điểm:** 56,7');
    expect(vi).toContain('- **Xếp loại:** Trung bình');
    const en = md('en');
    expect(en).toContain('- **Document:** No. 2782/SGD&ĐT-KTQLCLGD&CNTT of 2016-10-26, Sở GD&ĐT Bến Tre');
    expect(en).toContain('- **Result:** Fail');
  });

  it('says first, in one sentence, why the school fails', () => {
    expect(md('vi').split('\n\n')[1]).toBe('**Không đạt vì 2 tiêu chí bắt buộc chưa đạt, 1 thiếu dữ liệu và điểm 56,7 dưới mức đạt 60.**');
    expect(md('en').split('\n\n')[1]).toBe('**Fails because 2 required criteria are not met, 1 lacks data and the score 56.7 is below the pass mark 60.**');
    const r = sampleResult();
    delete r.pass_rule; // a result that does not carry the rule: no guess
    expect(renderMarkdownText(r, { lang: 'vi', color: false }).split('\n\n')[1]).toBe('Điểm: **56,7** · Kết quả: **Không đạt**');
  });

  it('leads with the verdict and what to fix; the full record after', () => {
    const parts = md('vi').split('\n\n');
    expect(parts[2]).toBe('Điểm: **56,7** · Kết quả: **Không đạt**');
    expect(parts[3]).toBe('## Tiêu chí chưa đạt');
    const at = (h: string) => parts.indexOf(h);
    expect(at('## Thông tin trường')).toBeGreaterThan(at('## Tiêu chí chưa đạt'));
    expect(at('## Các tiêu chí')).toBeGreaterThan(at('## Tiêu chí chưa đạt'));
    expect(at('### Tiêu chí bắt buộc (3)')).toBeLessThan(at('### Tiêu chí khuyến khích (1)'));
  });

  it('has a criteria table with a row per criterion and seven cells per row, the severity among them', () => {
    for (const lang of ['vi', 'en'] as const) {
      const rows = section(md(lang), lang === 'vi' ? 'Các tiêu chí' : 'Criteria').split('\n').filter((l) => l.startsWith('|'));
      expect(rows).toHaveLength(2 + sampleResult().criteria.length);
      for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2, row).toBe(7);
    }
    const table = section(md('vi'), 'Các tiêu chí');
    expect(table).toContain('| Mục | Tiêu chí | Mức độ | Trạng thái |');
    expect(table).toContain('| Ít nhất 02 bộ máy tính phục vụ quản lý, điều hành | Bắt buộc | Không đạt |');
    expect(table).toContain('| Không sử dụng phần mềm không bản quyền | Khuyến khích | Không đạt |');
    expect(section(md('en'), 'Criteria')).toContain('| At least 2 computers for management | Required | Fail |');
  });

  it('lists the criteria not met required first, then recommended, in rubric order within each', () => {
    const fix = section(md('vi'), 'Tiêu chí chưa đạt');
    const order = [...fix.matchAll(/^(###|####) (.*)$/gm)].map((m) => m[2]);
    expect(order).toEqual([
      'Tiêu chí bắt buộc (3)',
      '1 · Có cán bộ, giáo viên đầu mối CNTT (Thiếu dữ liệu)',
      '2 · Ít nhất 02 bộ máy tính phục vụ quản lý, điều hành (Không đạt)',
      '4 · Giáo viên xây dựng bài giảng e-Learning (Không đạt)',
      'Tiêu chí khuyến khích (1)',
      '3.3 · Không sử dụng phần mềm không bản quyền (Không đạt)',
    ]);
    expect(fix).toContain('làm kết quả của trường là "Không đạt"');
    expect(fix).toContain('được tính vào điểm; điểm dưới 60 thì kết quả là "Không đạt".'); // the sample's pass mark
    // without the pass rule the notes, which state it, are left out
    const r = sampleResult();
    delete r.pass_rule;
    expect(section(renderMarkdownText(r, { lang: 'vi', color: false }), 'Tiêu chí chưa đạt')).not.toContain('làm kết quả');
  });

  it('shows the band only when the rubric has bands, and groups by their titles', () => {
    const vi = md('vi');
    expect(vi).toContain('- **Xếp loại:** Trung bình');
    const groups = vi.slice(vi.indexOf('### Điểm theo nhóm'), vi.indexOf('## Các tiêu chí'));
    expect(groups).toContain('| Nhóm | Điểm | Xếp loại |');
    expect(groups).toContain('| Hạ tầng, thiết bị CNTT | 50,0 | Trung bình |');
    expect(groups).toContain('| day-hoc | 40,0 | Yếu |'); // no title: the id
    expect(md('en')).toContain('| Ứng dụng CNTT trong quản lý | 75.0 | Khá |'); // no English title: the Vietnamese one
    const r = sampleResult();
    r.has_bands = false;
    r.band = null;
    const noBands = renderMarkdownText(r, { lang: 'vi', color: false });
    expect(noBands).not.toContain('Xếp loại');
    expect(noBands).toContain('| Nhóm | Điểm |\n');
    expect(noBands).toContain('| Hạ tầng, thiết bị CNTT | 50,0 |\n');
    // a result that does not say whether the rubric has bands keeps the band line
    delete r.has_bands;
    expect(renderMarkdownText(r, { lang: 'vi', color: false })).toContain('- **Xếp loại:** Chưa xếp loại');
  });

  it('uses the status words of the language', () => {
    const table = (lang: 'vi' | 'en') => section(md(lang), lang === 'vi' ? 'Các tiêu chí' : 'Criteria');
    for (const w of ['| Đạt |', '| Không đạt |', '| Thiếu dữ liệu |', '| Không áp dụng |', '| Miễn trừ |']) expect(table('vi')).toContain(w);
    for (const w of ['| Pass |', '| Fail |', '| Missing data |', '| Not applicable |', '| Waived |']) expect(table('en')).toContain(w);
  });

  it('explains each failing criterion with the directive\'s words and the hint', () => {
    const fix = section(md('vi'), 'Tiêu chí chưa đạt');
    expect(fix).toContain('#### 2 · Ít nhất 02 bộ máy tính phục vụ quản lý, điều hành (Không đạt)');
    expect(fix).toContain('> Trang bị thiết bị CNTT phục vụ công tác quản lý, điều hành: mỗi trường cần có ít nhất 02 bộ máy tính');
    expect(fix).toContain('- **Gợi ý:** Bổ sung máy tính cho bộ phận văn phòng, kế toán.');
    expect(fix).toContain('- **Ô dữ liệu:** Thiết bị!D5, Thiết bị!D9');
    expect(fix).toContain('#### 1 · Có cán bộ, giáo viên đầu mối CNTT (Thiếu dữ liệu)');
    expect(fix).not.toContain('Tỷ lệ học sinh/máy tính'); // waived, not to fix
  });

  it('leaves out a comment that only repeats the gap, and gives runs of cells as ranges', () => {
    const r = sampleResult();
    const c = r.criteria.find((x) => x.id === '2.management-computers')!;
    registerMessages({ 'test.not_met_because': { vi: 'Chưa đạt: {gap}', en: 'Not met: {gap}' } });
    c.message = { code: 'test.not_met_because', args: { gap: c.gap! } };
    c.cells = Array.from({ length: 20 }, (_, i) => ({ sheet: 'Giáo viên', cell: `C${i + 3}` }));
    const fix = section(renderMarkdownText(r, { lang: 'vi', color: false }), 'Tiêu chí chưa đạt');
    const entry = fix.slice(fix.indexOf('#### 2 · Ít nhất 02'), fix.indexOf('#### 4 ·'));
    expect(entry).toContain('- **Cần khắc phục:** thiếu 1 máy tính Quản lý');
    expect(entry).not.toContain('Nhận xét');
    expect(entry).toContain('- **Ô dữ liệu:** Giáo viên!C3:C22');
    expect(fix).toContain('- **Nhận xét:** Chưa đạt yêu cầu mục 3.3.'); // a comment that says more stays
  });

  it('lists waivers with their reasons, data problems with cell refs, upcoming deadlines and warnings', () => {
    const vi = md('vi');
    expect(section(vi, 'Tiêu chí được miễn trừ')).toContain('(phê duyệt: Phòng GD&ĐT Mỏ Cày Nam; hiệu lực đến 31/03/2017)');
    const issues = section(vi, 'Dữ liệu cần xem lại');
    expect(issues).toContain('- **Lỗi** Thiết bị!D14: Ô "Số lượng" phải là số');
    expect(issues).toContain('- **Cảnh báo** Giáo viên: Thiếu cột');
    const deadlines = section(vi, 'Thời hạn sắp tới');
    expect(deadlines).toContain('- 08/11/2016: Báo cáo danh sách cán bộ đầu mối CNTT (còn 7 ngày)');
    expect(deadlines).not.toContain('website'); // already past
    expect(section(vi, 'Lưu ý')).toContain('2.students-per-computr');
  });

  it('renders hostile text inert', () => {
    const vi = md('vi');
    expect(vi).not.toContain('<script>');
    expect(vi).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(vi).toContain('Phòng máy đang cải tạo \\| chờ \\`dự án\\`');
    expect(vi).toContain('đang ghi "=HYPERLINK(');
    expect(vi).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(vi).toContain('Trường THPT Mỏ Cày &lt;Nam&gt; & "Bắc"');
  });

  it('escapes a value that starts with a formula or list character', () => {
    const r = sampleResult();
    r.school.district = '=1+1';
    r.warnings = [{ code: 'no.such.code' }];
    r.criteria[0]!.title = { vi: '- không phải danh sách' };
    const text = renderMarkdownText(r, { lang: 'vi', color: false });
    expect(text).toContain('- **Quận/Huyện:** \\=1+1');
    expect(text).toContain('| 1 | \\- không phải danh sách |');
  });
});
