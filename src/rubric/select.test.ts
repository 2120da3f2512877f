import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { format } from '../messages/format.js';
import { RubricRegistry } from './registry.js';
import { chooseRubric, sameProvince, specificity, yearsContain, type SchoolScope } from './select.js';

const reg = () => new RubricRegistry('tests/rubrics/registry');
const school = (province: string | null, district: string | null, school_year: string | null): SchoolScope => ({ province, district, school_year });
const pick = (s: SchoolScope, rubric?: string) => {
  const c = chooseRubric(s, { registry: reg(), ...(rubric ? { rubric } : {}) });
  return { ref: `${c.rubric.id}@${c.rubric.version}`, warnings: c.warnings.map((w) => w.code) };
};

describe('comparing names and scopes', () => {
  it.each([
    ['Bến Tre', 'Tỉnh Bến Tre', true], ['TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh', true], ['TP.HCM', 'Hồ Chí Minh', true],
    ['Ben Tre', 'BẾN TRE', true], ['Bến Tre', 'Trà Vinh', false], ['Xứ Lạ', 'xu la', true],
  ])('%s ~ %s: %s', (a, b, same) => expect(sameProvince(a, b)).toBe(same));

  it('ranks district over province over national, and -1 outside', () => {
    const bt = school('Bến Tre', 'Mỏ Cày Nam', '2020-2021');
    expect(specificity({}, bt)).toBe(0);
    expect(specificity({ provinces: ['Tỉnh Bến Tre'] }, bt)).toBe(1);
    expect(specificity({ provinces: ['Bến Tre'], districts: ['Huyện Mỏ Cày Nam'] }, bt)).toBe(2);
    expect(specificity({ provinces: ['Bến Tre'], districts: ['Châu Thành'] }, bt)).toBe(-1);
    expect(specificity({ provinces: ['Cao Bằng'] }, bt)).toBe(-1);
    expect(specificity({ provinces: ['Bến Tre'] }, school(null, null, null))).toBe(-1);
  });

  it('school years: from and to are inclusive, open ends are open', () => {
    const s = { school_years: { from: '2018-2019', to: '2021-2022' } };
    expect(yearsContain(s, '2018-2019')).toBe(true);
    expect(yearsContain(s, '2021-2022')).toBe(true);
    expect(yearsContain(s, '2022-2023')).toBe(false);
    expect(yearsContain(s, '2017 - 2018')).toBe(false);
    expect(yearsContain({}, '1999-2000')).toBe(true);
    expect(yearsContain(s, null)).toBe(true);
  });
});

describe('chooseRubric without --rubric', () => {
  it('the district rubric wins for its district', () => {
    expect(pick(school('Bến Tre', 'Mỏ Cày Nam', '2020-2021'))).toEqual({ ref: 'district-rubric@1.0.0', warnings: [] });
  });
  it('the province rubric for another district of the province', () => {
    expect(pick(school('Tỉnh Bến Tre', 'Châu Thành', '2020-2021'))).toEqual({ ref: 'child-rubric@1.0.0', warnings: [] });
  });
  it('the district rubric outside its years gives way to the province one', () => {
    expect(pick(school('Bến Tre', 'Mỏ Cày Nam', '2018-2019')).ref).toBe('child-rubric@1.0.0');
  });
  it('a national rubric elsewhere, the newest version whose years fit', () => {
    expect(pick(school('Trà Vinh', null, '2020-2021')).ref).toBe('parent-rubric@1.1.0');
    expect(pick(school('Trà Vinh', null, '2023-2024')).ref).toBe('parent-rubric@2.0.0');
  });
  it('none applies: a UsageError listing the rubrics and how to choose one', () => {
    let err: unknown;
    try { pick(school('Trà Vinh', null, '2010-2011')); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(UsageError);
    const text = format((err as UsageError).finding, 'en');
    expect(text).toMatch(/^No rubric exists for province Trà Vinh, district \(not declared\), school year 2010-2011\. The rubrics that cover this school are for other school years: /);
    expect(text).toContain('parent-rubric@2.0.0 (Bộ GD&ĐT, from school year 2022-2023)');
    // a rubric judges only the years of its directive: no other rubric is suggested
    expect(text).not.toContain('--rubric child-rubric');
    expect(format((err as UsageError).finding, 'vi')).toContain('dành cho năm học khác');
  });
  it('a workbook without province or school year is told which to fill in', () => {
    let err: unknown;
    // The built-in rubrics are all provincial: with nothing declared none can be chosen.
    try { chooseRubric(school(null, null, null)); } catch (e) { err = e; }
    expect((err as UsageError).finding.code).toBe('rubric.scope_undeclared');
    expect(format((err as UsageError).finding, 'vi')).toMatch(/^Không chọn được bộ tiêu chí: trang "Thông tin chung" chưa khai báo Tỉnh\/Thành phố, Năm học\. Hãy điền vào tệp, hoặc chọn bộ tiêu chí bằng --rubric, ví dụ --rubric [a-z0-9-]+$/);
  });
  it('no rubrics at all says so', () => {
    try { chooseRubric(school('Bến Tre', null, '2020-2021'), { registry: new RubricRegistry('tests/rubrics/none') }); expect.unreachable(); } catch (e) {
      expect((e as UsageError).finding.code).toBe('rubric.none_exist');
    }
  });
});

describe('chooseRubric with --rubric', () => {
  it('an id takes the newest version whose years contain the school year', () => {
    expect(pick(school('Trà Vinh', null, '2019-2020'), 'parent-rubric')).toEqual({ ref: 'parent-rubric@1.1.0', warnings: [] });
  });
  it('else the newest version, with a warning', () => {
    expect(pick(school('Trà Vinh', null, '2010-2011'), 'parent-rubric')).toEqual({ ref: 'parent-rubric@2.0.0', warnings: ['rubric.outside_years'] });
  });
  it('an exact version is taken as is, with warnings when outside its scope', () => {
    expect(pick(school('Cao Bằng', null, '2023-2024'), 'child-rubric@1.0.0')).toEqual({ ref: 'child-rubric@1.0.0', warnings: ['rubric.outside_years', 'rubric.outside_scope'] });
  });
  it('a file path', () => {
    expect(pick(school('Bến Tre', null, '2019-2020'), 'tests/rubrics/child-file.yaml')).toEqual({ ref: 'my-school-rubric@0.1.0', warnings: [] });
  });
  it('an unknown id is a UsageError naming the rubrics', () => {
    expect(() => pick(school('Bến Tre', null, '2019-2020'), 'nope')).toThrow(UsageError);
  });
});
