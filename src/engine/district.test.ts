import { describe, expect, it } from 'vitest';
import { districtSchoolOutcome, evaluateDistrictCriterion } from './district.js';
import { inventory, testRubric } from './test-inventory.js';

const rubric = () => testRubric({
  district_criteria: [
    { id: 'informatics-primary', clause: '3', title: { vi: '60% trường tiểu học có giảng dạy tin học' }, of_schools: { levels: ['tieu_hoc'] }, share: { require: 'teaches_informatics' }, min: 0.6 },
    { id: 'all-wifi', clause: '4', title: { vi: 'Wi-Fi' }, of_schools: {}, share: { require: 'wifi' }, min: 0.7 },
  ],
});

describe('district criteria', () => {
  it('share of the counted schools whose check passes; an undeclared school is out of the share and counted as missing', async () => {
    const [dc] = (await rubric()).district_criteria;
    const schools = [
      inventory({ levels: ['tieu_hoc'], teaches_informatics: true }),
      inventory({ levels: ['tieu_hoc', 'thcs'], teaches_informatics: true }),
      inventory({ levels: ['tieu_hoc'], teaches_informatics: true }),
      inventory({ levels: ['tieu_hoc'], teaches_informatics: false }),
      inventory({ levels: ['tieu_hoc'] }), // missing
      inventory({ levels: ['thcs'], teaches_informatics: false }), // not counted
      inventory({ teaches_informatics: true }), // levels unknown: not counted
    ];
    const r = evaluateDistrictCriterion(dc!, schools);
    expect(r).toEqual({ id: 'informatics-primary', clause: '3', title: { vi: '60% trường tiểu học có giảng dạy tin học' }, numerator: 3, denominator: 4, missing: 1, share: 0.75, min: 0.6, status: 'pass' });
    // 2 yes, 1 no, 1 blank: 2/3 ≥ 60%; 1 yes, 1 no, 1 blank: 1/2 < 60%
    expect(evaluateDistrictCriterion(dc!, schools.slice(1))).toMatchObject({ numerator: 2, denominator: 3, missing: 1, status: 'pass' });
    expect(evaluateDistrictCriterion(dc!, schools.slice(2))).toMatchObject({ numerator: 1, denominator: 2, missing: 1, status: 'fail' });
  });

  it('per-school outcomes merge like inventories (for batch shards)', async () => {
    const [dc, wifi] = (await rubric()).district_criteria;
    const outcomes = [
      districtSchoolOutcome(dc!, inventory({ levels: ['tieu_hoc'], teaches_informatics: true })),
      districtSchoolOutcome(dc!, inventory({ levels: ['thcs'] })),
    ];
    expect(outcomes).toEqual([{ counted: true, status: 'pass' }, { counted: false }]);
    expect(evaluateDistrictCriterion(dc!, [...outcomes, { counted: true, status: 'fail' }])).toMatchObject({ numerator: 1, denominator: 2, share: 0.5, status: 'fail' });
    // no of_schools levels: every school counts
    expect(evaluateDistrictCriterion(wifi!, [inventory({ wifi: true }), inventory({ levels: ['thpt'], wifi: true })])).toMatchObject({ numerator: 2, denominator: 2, share: 1, status: 'pass' });
  });

  it('no counted school: share null, status missing', async () => {
    const [dc] = (await rubric()).district_criteria;
    expect(evaluateDistrictCriterion(dc!, [])).toMatchObject({ numerator: 0, denominator: 0, share: null, status: 'missing' });
  });

  it('shares at the threshold pass exactly (7/10 ≥ 0.7)', async () => {
    const [, wifi] = (await rubric()).district_criteria;
    const outcomes = Array.from({ length: 10 }, (_, i) => ({ counted: true as const, status: i < 7 ? 'pass' as const : 'fail' as const }));
    expect(evaluateDistrictCriterion(wifi!, outcomes).status).toBe('pass');
  });
});
