import { describe, expect, it } from 'vitest';
import { PROVINCE_NAMES, canonicalProvince, looseDistrict } from './provinces.js';

describe('canonicalProvince', () => {
  it('knows the 63 provinces before the 2025 merger', () => {
    expect(PROVINCE_NAMES).toHaveLength(63);
    for (const p of PROVINCE_NAMES) expect(canonicalProvince(p)).toBe(p);
  });

  it.each([
    ['TP. Hồ Chí Minh', 'Hồ Chí Minh'], ['Thành phố Hồ Chí Minh', 'Hồ Chí Minh'], ['TP.HCM', 'Hồ Chí Minh'], ['HCM', 'Hồ Chí Minh'],
    ['Ho Chi Minh', 'Hồ Chí Minh'], ['TPHCM', 'Hồ Chí Minh'], ['tp hcm', 'Hồ Chí Minh'],
    ['Hà Nội', 'Hà Nội'], ['HN', 'Hà Nội'], ['Thành phố Hà Nội', 'Hà Nội'],
    ['TT-Huế', 'Thừa Thiên Huế'], ['Thừa Thiên Huế', 'Thừa Thiên Huế'], ['Tỉnh Thừa Thiên - Huế', 'Thừa Thiên Huế'],
    ['Tỉnh Bến Tre', 'Bến Tre'], ['tỉnh Bến Tre', 'Bến Tre'], ['BEN TRE', 'Bến Tre'], ['Ben Tre', 'Bến Tre'],
    ['Quảng Ninh', 'Quảng Ninh'], ['Khánh Hoà', 'Khánh Hòa'], ['Thanh Hoá', 'Thanh Hóa'], ['Đăk Lăk', 'Đắk Lắk'],
    ['Dak Lak', 'Đắk Lắk'], ['Bà Rịa – Vũng Tàu', 'Bà Rịa - Vũng Tàu'], ['BR-VT', 'Bà Rịa - Vũng Tàu'],
    ['TP Cần Thơ', 'Cần Thơ'], ['Bắc Cạn', 'Bắc Kạn'], ['Kontum', 'Kon Tum'],
  ])('%s → %s', (name, want) => expect(canonicalProvince(name)).toBe(want));

  it('returns null for names it does not know', () => {
    expect(canonicalProvince('Atlantis')).toBeNull();
    expect(canonicalProvince('')).toBeNull();
    expect(canonicalProvince('Tỉnh')).toBeNull();
  });

  it('tells Hà Nam from Hà Nội', () => {
    expect(canonicalProvince('Ha Nam')).toBe('Hà Nam');
    expect(canonicalProvince('Ha Noi')).toBe('Hà Nội');
  });
});

describe('looseDistrict', () => {
  it.each([
    ['Huyện Mỏ Cày Nam', 'mo cay nam'], ['Mỏ Cày Nam', 'mo cay nam'], ['H. Mỏ Cày Nam', 'mo cay nam'],
    ['Quận 1', '1'], ['Q.1', '1'], ['Quận 01', '1'], ['Thị xã Ba Đồn', 'ba don'], ['TX. Ba Đồn', 'ba don'],
    ['Thành phố Bến Tre', 'ben tre'], ['TP. Bến Tre', 'ben tre'], ['TP Uông Bí', 'uong bi'], ['  GIỒNG TRÔM ', 'giong trom'],
  ])('%s → %s', (name, want) => expect(looseDistrict(name)).toBe(want));

  it('keeps a name that is only a prefix word', () => expect(looseDistrict('Huyện')).toBe('huyen'));
});
