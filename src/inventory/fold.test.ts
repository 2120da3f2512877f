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

describe('fold: numbering, trailing marks and a final parenthesis in any order', () => {
  it.each([
    ['18. Địa chỉ website (trang thông tin điện tử):', 'dia chi website'],
    ['18) Địa chỉ website:  (trang thông tin điện tử)', 'dia chi website'],
    ['Địa chỉ website (trang thông tin điện tử) *', 'dia chi website'],
    ['* 18. Địa chỉ website.', 'dia chi website'],
    ['★ Địa chỉ website (bắt buộc) :', 'dia chi website'],
    ['III.2. Số lượng (chiếc) (ghi số):*', 'so luong'],
    ['Năm học：', 'nam hoc'],
    ['b) Có Wi-Fi? (Có/Không).', 'co wi fi'],
  ])('%s → %s', (input, want) => expect(fold(input)).toBe(want));

  it('keeps what is inside the name', () => {
    expect(fold('Wi-Fi (2,4 GHz) cho giáo viên')).toBe('wi fi 2 4 ghz cho giao vien');
    expect(fold('1.5 Hoàn thành')).toBe('hoan thanh');
  });
});
