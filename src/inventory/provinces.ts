// Province and district names, compared loosely (inventory.md "Provinces", rubric.md "Choosing a
// rubric"). The canonical names are the 63 provinces before the 2025 merger: the directives predate it.
import { fold } from './fold.js';

/** Canonical name → extra spellings people write (abbreviations, old spellings, no spaces). */
const PROVINCES: Record<string, string[]> = {
  'An Giang': [],
  'Bà Rịa - Vũng Tàu': ['BR-VT', 'BRVT', 'Bà Rịa Vũng Tàu', 'Vũng Tàu'],
  'Bắc Giang': [],
  'Bắc Kạn': ['Bắc Cạn'],
  'Bạc Liêu': [],
  'Bắc Ninh': [],
  'Bến Tre': [],
  'Bình Định': [],
  'Bình Dương': [],
  'Bình Phước': [],
  'Bình Thuận': [],
  'Cà Mau': [],
  'Cần Thơ': [],
  'Cao Bằng': [],
  'Đà Nẵng': [],
  'Đắk Lắk': ['Đắc Lắc', 'Daklak'],
  'Đắk Nông': ['Đắc Nông', 'Daknong'],
  'Điện Biên': [],
  'Đồng Nai': [],
  'Đồng Tháp': [],
  'Gia Lai': [],
  'Hà Giang': [],
  'Hà Nam': [],
  'Hà Nội': ['HN'],
  'Hà Tĩnh': [],
  'Hải Dương': [],
  'Hải Phòng': [],
  'Hậu Giang': [],
  'Hòa Bình': [],
  'Hồ Chí Minh': ['HCM', 'TPHCM', 'HCMC', 'Sài Gòn'],
  'Hưng Yên': [],
  'Khánh Hòa': [],
  'Kiên Giang': [],
  'Kon Tum': [],
  'Lai Châu': [],
  'Lâm Đồng': [],
  'Lạng Sơn': [],
  'Lào Cai': [],
  'Long An': [],
  'Nam Định': [],
  'Nghệ An': [],
  'Ninh Bình': [],
  'Ninh Thuận': [],
  'Phú Thọ': [],
  'Phú Yên': [],
  'Quảng Bình': [],
  'Quảng Nam': [],
  'Quảng Ngãi': [],
  'Quảng Ninh': [],
  'Quảng Trị': [],
  'Sóc Trăng': [],
  'Sơn La': [],
  'Tây Ninh': [],
  'Thái Bình': [],
  'Thái Nguyên': [],
  'Thanh Hóa': [],
  'Thừa Thiên Huế': ['TT-Huế', 'TTH', 'Huế', 'Thừa Thiên - Huế'],
  'Tiền Giang': [],
  'Trà Vinh': [],
  'Tuyên Quang': [],
  'Vĩnh Long': [],
  'Vĩnh Phúc': [],
  'Yên Bái': [],
};

export const PROVINCE_NAMES: readonly string[] = Object.keys(PROVINCES);

const PROVINCE_PREFIX = /^(?:(?:tinh|thanh pho|tp|t p)\s+)+/;

/** The comparison key of a province name: folded, prefixes dropped, no spaces. */
function provinceKey(name: string): string {
  return fold(name).replace(PROVINCE_PREFIX, '').replace(/ /g, '');
}

const PROVINCE_INDEX: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [canonical, extra] of Object.entries(PROVINCES)) {
    for (const n of [canonical, ...extra]) m.set(provinceKey(n), canonical);
  }
  return m;
})();

/** The canonical Vietnamese name of a province ("TP.HCM" → "Hồ Chí Minh"), or null when unknown. */
export function canonicalProvince(name: string): string | null {
  const key = provinceKey(name);
  if (key === '') return null;
  // "TPHCM", "Tỉnh" glued to the name: try without a leading "tp" / "tinh" too.
  return PROVINCE_INDEX.get(key) ?? PROVINCE_INDEX.get(key.replace(/^(?:tp|tinh)/, '')) ?? null;
}

const DISTRICT_PREFIX = /^(?:(?:quan|huyen|thi xa|thanh pho|tp|tx|q|h)\s+)+/;

/**
 * The loose form of a district name, for comparing two names: folded, without the prefixes
 * `Quận`, `Huyện`, `Thị xã`, `Thành phố`, `TP.` ("Huyện Mỏ Cày Nam" → "mo cay nam", "Quận 01" → "1").
 */
export function looseDistrict(name: string): string {
  const f = fold(name);
  const stripped = f.replace(DISTRICT_PREFIX, '');
  return (stripped === '' ? f : stripped).replace(/\b0+(\d)/g, '$1');
}
