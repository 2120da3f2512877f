import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../rubric/registry.js';
import { appliesBy } from './applies.js';

describe('appliesBy: what decides whether a criterion applies', () => {
  const rubric = builtinRegistry().get('ben-tre-2782@1.0.0');
  const of = (id: string) => appliesBy(rubric.criteria.find((c) => c.id === id)!);

  it('the school year: the 2016 deadline judged only in 2016-2017 (for upper-secondary schools)', () => {
    expect(of('7.focal-report')).toBe('year');
    expect(appliesBy({ applies_if: { metric: 'school_year', op: '==', value: '2016-2017' } } as never)).toBe('year');
  });

  it('the school\'s data: a condition on its lab computers, or its levels', () => {
    expect(of('2.labs-internet')).toBe('data');
    expect(appliesBy({ applies_to: { levels: ['tieu_hoc'] } } as never)).toBe('data');
    expect(appliesBy({ applies_if: { all: [{ metric: 'school_year', op: '==', value: '2016-2017' }, { require: 'wifi' }] } } as never)).toBe('data');
  });

  it('nothing: a criterion that always applies', () => {
    expect(of('2.students-per-computer')).toBeNull();
  });
});
