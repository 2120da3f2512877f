import { describe, expect, it } from 'vitest';
import { format, formatFixed, formatNumber, formatPercent, registerMessages } from './format.js';

describe('numbers in human text', () => {
  it('use a decimal comma and a thousands dot in Vietnamese, a point and no grouping in English', () => {
    expect(formatNumber(22.666, 'vi')).toBe('22,67');
    expect(formatNumber(22.7, 'vi')).toBe('22,7');
    expect(formatNumber(1250, 'vi')).toBe('1.250');
    expect(formatNumber(1234567.5, 'vi')).toBe('1.234.567,5');
    expect(formatNumber(-1250.25, 'vi')).toBe('-1.250,25');
    expect(formatNumber(999, 'vi')).toBe('999');
    expect(formatNumber(22.7, 'en')).toBe('22.7');
    expect(formatNumber(1250, 'en')).toBe('1250');
    expect(formatNumber(-0.001, 'vi')).toBe('0');
    expect(formatNumber(Number.NaN, 'vi')).toBe('NaN');
  });

  it('give scores one decimal and shares as percentages', () => {
    expect(formatFixed(56.66, 1, 'vi')).toBe('56,7');
    expect(formatFixed(100, 1, 'vi')).toBe('100,0');
    expect(formatFixed(56.66, 1, 'en')).toBe('56.7');
    expect(formatFixed(-0.01, 1, 'vi')).toBe('0,0');
    expect(formatPercent(5 / 6, 'vi')).toBe('83,3%');
    expect(formatPercent(5 / 6, 'en')).toBe('83.3%');
    expect(formatPercent(1, 'vi')).toBe('100%');
  });

  it('are localized inside formatted findings', () => {
    registerMessages({ 'test.ratio': { vi: '{ratio} HS/máy, {students} học sinh', en: '{ratio} students per computer, {students} students' } });
    const f = { code: 'test.ratio', args: { ratio: 22.666, students: 1250 } };
    expect(format(f, 'vi')).toBe('22,67 HS/máy, 1.250 học sinh');
    expect(format(f, 'en')).toBe('22.67 students per computer, 1250 students');
  });
});
