import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  detectLegacyEncoding, isUnicodeVietnamese, isVietnameseSyllable, legacyToUnicode, unicodeToLegacy,
} from './legacy-fonts.js';
import { SHEETS, VOCAB } from './fields.js';

/** Every sheet name, label and header of the format, as a school's file would hold them. */
const ALL_LABELS = SHEETS.flatMap((s) => [s.vi, ...s.fields.map((f) => f.vi)]);

describe('TCVN3 (ABC, .VnTime)', () => {
  // Strings as they are stored in real files typed with .VnTime / .VnTimeH, written out by hand.
  it.each([
    ['Sè häc sinh', 'Số học sinh'],
    ['Tr\u00adêng THPT Lª Lîi', 'Trường THPT Lê Lợi'],
    ['Th«ng tin chung', 'Thông tin chung'],
    ['ThiÕt bÞ', 'Thiết bị'],
    ['PhÇn mÒm', 'Phần mềm'],
    ['Gi¸o viªn', 'Giáo viên'],
    ['M· tr\u00adêng', 'Mã trường'],
    ['Lo¹i thiÕt bÞ', 'Loại thiết bị'],
    ['Sè l\u00adîng', 'Số lượng'],
    ['T×nh tr¹ng', 'Tình trạng'],
    ['M¸y tÝnh ®Ó bµn', 'Máy tính để bàn'],
    ['Tæ chuyªn m«n', 'Tổ chuyên môn'],
    ['N¨m häc', 'Năm học'],
    ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
    ['TØnh BÕn Tre', 'Tỉnh Bến Tre'],
    ['Kü n¨ng sö dông CNTT', 'Kỹ năng sử dụng CNTT'],
    ['NguyÔn ThÞ Thuû', 'Nguyễn Thị Thuỷ'],
    ['Bé l\u00adu ®iÖn', 'Bộ lưu điện'],
    ['§¾k L¾k', 'Đắk Lắk'],
    ['¡ ¢ £ ¤ ¥ ¦ §', 'Ă Â Ê Ô Ơ Ư Đ'],
  ])('%s → %s', (legacy, unicode) => {
    expect(legacyToUnicode(legacy, 'tcvn3')).toBe(unicode);
  });

  it('reads capitals typed with the .VnTimeH font (lower-case codes drawn as capitals)', () => {
    expect(legacyToUnicode('CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM', 'tcvn3')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(legacyToUnicode('TR¦êNG THPT CHU V¡N AN', 'tcvn3')).toBe('TRƯỜNG THPT CHU VĂN AN');
    expect(legacyToUnicode('THIÕT BÞ', 'tcvn3')).toBe('THIẾT BỊ');
    // One capital next to a lower-case code is an ordinary word, not capitals.
    expect(legacyToUnicode('Sè', 'tcvn3')).toBe('Số');
    expect(legacyToUnicode('Sè HS', 'tcvn3')).toBe('Số HS');
  });

  it('covers all 134 Vietnamese letters (lower case) and returns NFC', () => {
    const letters = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';
    const encoded = unicodeToLegacy(letters, 'tcvn3');
    expect([...encoded].every((c) => c.charCodeAt(0) < 0x100)).toBe(true);
    expect(new Set(encoded).size).toBe(new Set(letters).size);
    const back = legacyToUnicode(encoded, 'tcvn3');
    expect(back).toBe(letters);
    expect(back).toBe(back.normalize('NFC'));
  });
});

describe('VNI-Windows', () => {
  it.each([
    ['Soá hoïc sinh', 'Số học sinh'],
    ['Tröôøng THPT Leâ Lôïi', 'Trường THPT Lê Lợi'],
    ['Thoâng tin chung', 'Thông tin chung'],
    ['Thieát bò', 'Thiết bị'],
    ['Phaàn meàm', 'Phần mềm'],
    ['Giaùo vieân', 'Giáo viên'],
    ['Loaïi thieát bò', 'Loại thiết bị'],
    ['Soá löôïng', 'Số lượng'],
    ['Maùy tính ñeå baøn', 'Máy tính để bàn'],
    ['Nguyeãn Vaên Tyû', 'Nguyễn Văn Tỷ'],
    ['Kyõ naêng', 'Kỹ năng'],
    ['Nghóa', 'Nghĩa'],
    ['Chöõ kyù', 'Chữ ký'],
    ['Ñaëng Thò Mî', 'Đặng Thị Mỵ'],
    ['TRÖÔØNG THCS ÑOÀNG KHÔÛI', 'TRƯỜNG THCS ĐỒNG KHỞI'],
    ['COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ])('%s → %s', (legacy, unicode) => {
    expect(legacyToUnicode(legacy, 'vni')).toBe(unicode);
  });

  it('round-trips every letter, lower and upper case', () => {
    const lower = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';
    for (const s of [lower, lower.toUpperCase()]) {
      const back = legacyToUnicode(unicodeToLegacy(s, 'vni'), 'vni');
      expect(back).toBe(s);
    }
  });
});

describe('legacyToUnicode leaves Unicode alone', () => {
  it('returns text with Unicode-only letters (ư ơ ă đ ố …) unchanged (NFC), whatever the encoding asked', () => {
    const unicode = ALL_LABELS.filter(isUnicodeVietnamese);
    expect(unicode.length).toBeGreaterThan(ALL_LABELS.length * 0.8);
    for (const t of unicode) {
      expect(legacyToUnicode(t, 'tcvn3')).toBe(t.normalize('NFC'));
      expect(legacyToUnicode(t, 'vni')).toBe(t.normalize('NFC'));
    }
    // decomposed (NFD) input is Unicode too, and comes back composed
    expect(legacyToUnicode('Trường'.normalize('NFD'), 'tcvn3')).toBe('Trường');
  });

  it('leaves plain ASCII unchanged', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii' }), (s) => {
      expect(legacyToUnicode(s, 'tcvn3')).toBe(s);
      expect(legacyToUnicode(s, 'vni')).toBe(s);
    }));
  });
});

describe('isVietnameseSyllable', () => {
  it.each(['trường', 'học', 'nghĩa', 'quyết', 'giữ', 'gì', 'thuở', 'khoẻ', 'hoà', 'Nguyễn', 'Đắk', 'oong', 'xuân'])('%s is a syllable', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
  it.each(['â', 'Microsoftđ', 'mỹller', 'ằHello', 'ắấ', 'trườngg', 'ôù'])('%s is not', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});

describe('detectLegacyEncoding', () => {
  const tcvn3Labels = ALL_LABELS.map((t) => unicodeToLegacy(t, 'tcvn3'));
  const vniLabels = ALL_LABELS.map((t) => unicodeToLegacy(t, 'vni'));

  it('finds TCVN3 in a whole file typed with .VnTime', () => {
    expect(detectLegacyEncoding(tcvn3Labels)).toBe('tcvn3');
  });

  it('finds VNI in a whole file typed with VNI-Times', () => {
    expect(detectLegacyEncoding(vniLabels)).toBe('vni');
  });

  it('finds TCVN3 in a small real-looking sheet (title, headers, a school name)', () => {
    expect(detectLegacyEncoding([
      'Së GD&§T BÕn Tre', 'Tr\u00adêng THPT Lª Lîi', 'STT', 'Lo¹i thiÕt bÞ', 'Môc ®Ých sö dông', 'Sè l\u00adîng', 'T×nh tr¹ng', 'Ghi chó',
    ])).toBe('tcvn3');
    expect(detectLegacyEncoding(['CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM', '§éc lËp - Tù do - H¹nh phóc', 'B¸o c¸o thiÕt bÞ CNTT'])).toBe('tcvn3');
  });

  it('finds VNI in a small real-looking sheet', () => {
    expect(detectLegacyEncoding([
      'Sôû GD&ÑT Beán Tre', 'Tröôøng THCS Ñoàng Khôûi', 'STT', 'Loaïi thieát bò', 'Muïc ñích söû duïng', 'Soá löôïng', 'Tình traïng',
    ])).toBe('vni');
  });

  it('never detects Unicode Vietnamese: the format\'s own labels and vocabularies', () => {
    expect(detectLegacyEncoding(ALL_LABELS)).toBeNull();
    const vocab = Object.values(VOCAB).flatMap((list) => list.flatMap((e) => [e.vi, ...e.aliases]));
    expect(detectLegacyEncoding(vocab)).toBeNull();
    expect(detectLegacyEncoding(ALL_LABELS.map((t) => t.normalize('NFD')))).toBeNull();
  });

  it('never detects Unicode text written only with Latin-1 letters (Máy tính, Hóa, Thuý)', () => {
    // These read as other Vietnamese words in the legacy tables ("Mỏy tớnh", "Hố"), so they must not count as evidence.
    expect(detectLegacyEncoding(['Máy tính', 'Hoá học', 'Thuý', 'Tên', 'Có', 'Không', 'Tốt'.normalize('NFD')])).toBeNull();
  });

  it('never detects plain English, the English template, or English with ® © « » · ×', () => {
    const en = SHEETS.flatMap((s) => [s.en, ...s.fields.map((f) => f.en)]);
    expect(detectLegacyEncoding(en)).toBeNull();
    expect(detectLegacyEncoding([
      'Microsoft® Office 365', 'Copyright © 2024', '«Quoted»', 'Item · note', '2 × 3', 'Müller GmbH', 'Señor Núñez',
      'Straße', 'Café', 'naïve', 'Ørsted', 'Ålesund', '¡Hola!', '¿Qué?', '½ day', '25 µs',
    ])).toBeNull();
  });

  it('never decides on one word', () => {
    expect(detectLegacyEncoding(['Sè häc sinh'])).toBeNull();
    expect(detectLegacyEncoding(['Tr\u00adêng THPT Lª Lîi', 'STT', 'Name', 'Quantity'])).toBeNull();
  });

  it('a Unicode file with one legacy school name stays Unicode', () => {
    expect(detectLegacyEncoding([...ALL_LABELS, 'Tr\u00adêng THPT Lª Lîi'])).toBeNull();
  });

  it('a mostly legacy file with a few retyped Unicode labels is legacy', () => {
    expect(detectLegacyEncoding([...tcvn3Labels, 'Mã trường', 'Năm học'])).toBe('tcvn3');
  });

  it('is robust to random Latin-1 noise', () => {
    fc.assert(fc.property(
      fc.array(fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((n) => String.fromCharCode(n)), maxLength: 12 }), { maxLength: 20 }),
      (texts) => {
        const r = detectLegacyEncoding(texts);
        expect([null, 'tcvn3', 'vni']).toContain(r);
      },
    ));
    // noise of short random words from the legacy ranges almost never forms syllables
    let detected = 0;
    fc.assert(fc.property(
      fc.array(fc.string({ unit: fc.integer({ min: 0xa1, max: 0xfe }).map((n) => String.fromCharCode(n)), minLength: 2, maxLength: 6 }), { minLength: 5, maxLength: 20 }),
      (texts) => { if (detectLegacyEncoding(texts) !== null) detected++; },
    ), { numRuns: 200 });
    expect(detected).toBe(0);
  });

  it('converting the detected file gives back the labels', () => {
    const enc = detectLegacyEncoding(vniLabels)!;
    expect(vniLabels.map((t) => legacyToUnicode(t, enc))).toEqual(ALL_LABELS.map((t) => t.normalize('NFC')));
    const enc3 = detectLegacyEncoding(tcvn3Labels)!;
    // TCVN3 has no capitals with tones: the first letters that had one come back lower-case, which loose matching ignores
    const folded = (s: string) => s.toLowerCase();
    expect(tcvn3Labels.map((t) => folded(legacyToUnicode(t, enc3)))).toEqual(ALL_LABELS.map((t) => folded(t.normalize('NFC'))));
  });
});
