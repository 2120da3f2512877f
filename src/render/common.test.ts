import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsText, criteriaToFix, groupValue, showsBand, verdictText } from './common.js';
import { sampleResult } from './sample-result.js';
import { passRuleOf, scoreCriteria } from '../engine/score.js';
import { scoringSchema } from '../rubric/schema.js';
import type { AuditResult, CriterionResult, CriterionStatus, Severity } from '../engine/types.js';

const crit = (id: string, severity: Severity, status: CriterionStatus, weight = 1): CriterionResult => ({
  id, clause: id, title: { vi: id }, quote: null, source: null, hint: null, severity, weight, status,
  points: status === 'pass' ? weight : status === 'fail' || status === 'missing' ? 0 : null,
  rule: 'x', actual: null, expected: null, message: { code: 'x' }, gap: null, cells: [], waiver: null,
});

/** A result with these criteria, scored by the engine under this pass rule. */
function result(criteria: CriterionResult[], pass: { min_score?: number; all_required?: boolean } = {}): AuditResult {
  const scoring = scoringSchema.parse({ pass });
  const { score, status } = scoreCriteria(criteria, scoring);
  return { ...sampleResult(), criteria, score, status, pass_rule: passRuleOf(scoring) };
}

const R = (id: string, s: CriterionStatus) => crit(id, 'required', s);
const K = (id: string, s: CriterionStatus) => crit(id, 'recommended', s);

describe('why a school passes or fails (verdictText)', () => {
  it('counts the required criteria that fail or lack data, and a score under the pass mark', () => {
    const one = result([R('a', 'fail'), R('b', 'pass'), K('c', 'fail')]);
    expect(verdictText(one, 'vi')).toBe('Không đạt vì 1 tiêu chí bắt buộc chưa đạt.');
    expect(verdictText(one, 'en')).toBe('Fails because 1 required criterion is not met.');
    const missing = result([R('a', 'missing'), R('b', 'missing'), R('c', 'pass')]);
    expect(verdictText(missing, 'vi')).toBe('Không đạt vì 2 tiêu chí bắt buộc thiếu dữ liệu.');
    expect(verdictText(missing, 'en')).toBe('Fails because 2 required criteria lack data.');
    const all = result([R('a', 'fail'), R('b', 'fail'), R('c', 'missing'), R('d', 'pass')], { min_score: 80 });
    expect(verdictText(all, 'vi')).toBe('Không đạt vì 2 tiêu chí bắt buộc chưa đạt, 1 thiếu dữ liệu và điểm 25,0 dưới mức đạt 80.');
    expect(verdictText(all, 'en')).toBe('Fails because 2 required criteria are not met, 1 lacks data and the score 25.0 is below the pass mark 80.');
  });

  it('says nothing of required criteria when the rubric does not require them all', () => {
    const r = result([R('a', 'fail'), R('b', 'pass'), R('c', 'pass'), K('d', 'pass'), K('e', 'pass')], { min_score: 90, all_required: false });
    expect(verdictText(r, 'vi')).toBe('Không đạt vì điểm 80,0 dưới mức đạt 90.');
    const passed = result([R('a', 'fail'), R('b', 'pass'), R('c', 'pass'), K('d', 'pass'), K('e', 'pass')], { min_score: 80, all_required: false });
    expect(verdictText(passed, 'vi')).toBe('Đạt: điểm 80,0 đạt mức tối thiểu 80; còn 1 tiêu chí chưa đạt.');
  });

  it('for a pass, says so and what is still open among the recommended criteria', () => {
    expect(verdictText(result([R('a', 'pass'), K('b', 'fail'), K('c', 'missing')]), 'vi'))
      .toBe('Đạt: không có tiêu chí bắt buộc nào chưa đạt; còn 2 tiêu chí khuyến khích chưa đạt.');
    expect(verdictText(result([R('a', 'pass'), K('b', 'pass')], { min_score: 50 }), 'en'))
      .toBe('Passes: no required criterion is unmet and the score 100.0 reaches the pass mark 50.');
    expect(verdictText(result([K('a', 'pass'), K('b', 'fail')], { all_required: true }), 'en')).toBe('Passes; 1 recommended criterion is not met yet.');
    expect(verdictText(result([K('a', 'pass')], { all_required: true }), 'vi')).toBeNull();
  });

  it('does not count waived or not applicable criteria', () => {
    const r = result([R('a', 'waived'), R('b', 'not_applicable'), R('c', 'pass')]);
    expect(r.status).toBe('pass');
    expect(verdictText(r, 'vi')).toBe('Đạt: không có tiêu chí bắt buộc nào chưa đạt.');
  });

  it('is absent when the result does not carry the pass rule', () => {
    const r = result([R('a', 'fail')]);
    delete r.pass_rule;
    expect(verdictText(r, 'vi')).toBeNull();
  });

  it('agrees with the engine: starts with the status, and always explains a fail (property)', () => {
    const status = fc.constantFrom<CriterionStatus>('pass', 'fail', 'missing', 'not_applicable', 'waived');
    const criterion = fc.record({ severity: fc.constantFrom<Severity>('required', 'recommended'), status, weight: fc.integer({ min: 1, max: 5 }) });
    const rule = fc.record({ min_score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), all_required: fc.boolean() });
    fc.assert(fc.property(fc.array(criterion, { maxLength: 12 }), rule, (cs, pass) => {
      const r = result(cs.map((c, i) => crit(`c${i}`, c.severity, c.status, c.weight)), pass);
      for (const lang of ['vi', 'en'] as const) {
        const text = verdictText(r, lang);
        if (r.status === 'fail') expect(text).toMatch(lang === 'vi' ? /^Không đạt vì / : /^Fails because /);
        else if (text !== null) expect(text).toMatch(lang === 'vi' ? /^Đạt[:;]/ : /^Passes[:;]/);
      }
    }));
  });
});

describe('criteria to fix', () => {
  it('required first, then recommended, rubric order kept within each; passing and skipped ones left out', () => {
    const { required, recommended } = criteriaToFix([K('1', 'fail'), R('2', 'missing'), R('3', 'pass'), K('4', 'missing'), R('5', 'fail'), R('6', 'waived')]);
    expect(required.map((c) => c.id)).toEqual(['2', '5']);
    expect(recommended.map((c) => c.id)).toEqual(['1', '4']);
  });
});

describe('bands', () => {
  it('are shown unless the result says the rubric has none', () => {
    const r = sampleResult();
    const g = r.groups[0]!;
    expect([showsBand(r), groupValue(r, g, 'vi')]).toEqual([true, '50,0 (Trung bình)']);
    r.has_bands = false;
    expect([showsBand(r), groupValue(r, g, 'vi')]).toEqual([false, '50,0']);
    delete r.has_bands;
    expect(showsBand(r)).toBe(true);
  });
});

describe('cells for people', () => {
  const at = (sheet: string, ...cells: string[]) => cells.map((cell) => ({ sheet, cell }));
  it('turns a run of rows of one column into a range, in workbook order', () => {
    const teachers = Array.from({ length: 56 }, (_, i) => [`C${i + 3}`, `D${i + 3}`]).flat();
    expect(cellsText([...at('Giáo viên', ...teachers.reverse()), ...at('Thông tin chung', 'C11')]))
      .toBe('Thông tin chung!C11, Giáo viên!C3:C58, Giáo viên!D3:D58');
    expect(cellsText(at('Thiết bị', 'D9', 'D2', 'D3', 'D5', 'D3'))).toBe('Thiết bị!D2:D3, Thiết bị!D5, Thiết bị!D9');
    expect(cellsText(at('Thiết bị', 'D10', 'D9', 'E9'))).toBe('Thiết bị!D9:D10, Thiết bị!E9');
    expect(cellsText([])).toBe('');
  });
});
