import { describe, expect, it } from 'vitest';
import { fold } from './fold.js';

describe('fold', () => {
  it.each([
    ['Số lượng', 'so luong'], ['SO LUONG', 'so luong'], ['so luong:', 'so luong'], ['1. Số lượng', 'so luong'],
    ['Số lượng (chiếc)', 'so luong'], ['a) Đội ngũ', 'doi ngu'], ['II. Thông tin  chung', 'thong tin chung'],
    ['Tỉnh/Thành phố', 'tinh thanh pho'], ['Wi-Fi', 'wi fi'],
  ])('%s → %s', (input, want) => expect(fold(input)).toBe(want));

  it('keeps a leading number that is the whole name', () => expect(fold('3G')).toBe('3g'));
  it('folds decomposed (NFD) text like composed', () => expect(fold('Số lượng'.normalize('NFD'))).toBe('so luong'));
});
