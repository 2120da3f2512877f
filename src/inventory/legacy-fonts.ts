// Text typed with the pre-Unicode Vietnamese fonts. TCVN3 (ABC; .VnTime, .VnArial…) and VNI-Windows
// (VNI-Times…) draw Vietnamese letters on top of Latin-1 code points, so a workbook made with them stores
// "Sè häc sinh" (TCVN3) or "Soá hoïc sinh" (VNI) for "Số học sinh". No maintained npm converter exists
// (the ones published get VNI ỷ/ỹ or TCVN3 capitals wrong), so the tables are written here and tested.

export type LegacyEncoding = 'tcvn3' | 'vni';

// ---------- TCVN3 (TCVN 5712:1993 VN3) ----------

/**
 * Code points of each letter with its five tones, in the order unmarked, grave (huyền), hook (hỏi),
 * tilde (ngã), acute (sắc), dot below (nặng). 0 = the letter is plain ASCII.
 */
const TCVN3_ROWS: [string, number[]][] = [
  ['aàảãáạ', [0, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ăằẳẵắặ', [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['âầẩẫấậ', [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['eèẻẽéẹ', [0, 0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['êềểễếệ', [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['iìỉĩíị', [0, 0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['oòỏõóọ', [0, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ôồổỗốộ', [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ơờởỡớợ', [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['uùủũúụ', [0, 0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ưừửữứự', [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['yỳỷỹýỵ', [0, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];
/** VN3 has only seven capitals; capitals with a tone are the lower-case codes drawn by the `…H` fonts (.VnTimeH). */
const TCVN3_SINGLES: [string, number][] = [
  ['đ', 0xae], ['Ă', 0xa1], ['Â', 0xa2], ['Ê', 0xa3], ['Ô', 0xa4], ['Ơ', 0xa5], ['Ư', 0xa6], ['Đ', 0xa7],
];

const TCVN3_DECODE = new Map<string, string>();
for (const [letters, codes] of TCVN3_ROWS) {
  [...letters].forEach((ch, i) => { if (codes[i]) TCVN3_DECODE.set(String.fromCharCode(codes[i]!), ch); });
}
for (const [ch, code] of TCVN3_SINGLES) TCVN3_DECODE.set(String.fromCharCode(code), ch);

const TCVN3_ENCODE = new Map<string, string>([...TCVN3_DECODE].map(([k, v]) => [v, k]));

// ---------- VNI-Windows ----------

const TONE_MARK = { sac: '\u0301', huyen: '\u0300', hoi: '\u0309', nga: '\u0303', nang: '\u0323' } as const;
type Tone = keyof typeof TONE_MARK;
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031b';

/** A VNI letter is a base letter followed by one modifier character (lower-case forms; capitals are the same +0x20 off). */
const VNI_TONE: Record<string, Tone> = { 'ù': 'sac', 'ø': 'huyen', 'û': 'hoi', 'õ': 'nga', 'ï': 'nang' };
const VNI_HAT: Record<string, Tone | ''> = { 'â': '', 'á': 'sac', 'à': 'huyen', 'å': 'hoi', 'ã': 'nga', 'ä': 'nang' };
const VNI_BREVE: Record<string, Tone | ''> = { 'ê': '', 'é': 'sac', 'è': 'huyen', 'ú': 'hoi', 'ü': 'nga', 'ë': 'nang' };
/** Letters that are one character in VNI (lower-case; capitals likewise). */
const VNI_SINGLE: Record<string, string> = {
  'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'î': 'ỵ', 'ñ': 'đ', 'ô': 'ơ', 'ö': 'ư',
};

/** The modifiers a VNI base letter takes: 'ô' and 'ö' are ơ and ư, which take tones. */
function vniCombine(base: string, mod: string): string | null {
  const b = base.toLowerCase();
  const m = mod.toLowerCase();
  let letter: string;
  let marks = '';
  if (b === 'ô' || b === 'ö') {
    letter = b === 'ô' ? 'o' : 'u';
    const tone = VNI_TONE[m];
    if (!tone) return null;
    marks = HORN + TONE_MARK[tone];
  } else if ('aeouy'.includes(b)) {
    letter = b;
    const tone = VNI_TONE[m];
    const hat = 'aeo'.includes(b) ? VNI_HAT[m] : undefined;
    const breve = b === 'a' ? VNI_BREVE[m] : undefined;
    if (tone) marks = TONE_MARK[tone];
    else if (hat !== undefined) marks = CIRCUMFLEX + (hat ? TONE_MARK[hat] : '');
    else if (breve !== undefined) marks = BREVE + (breve ? TONE_MARK[breve] : '');
    else return null;
  } else return null;
  const out = (letter + marks).normalize('NFC');
  return base === b ? out : out.toUpperCase();
}

function vniDecode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (next !== undefined) {
      const combined = vniCombine(c, next);
      if (combined) { out += combined; i++; continue; }
    }
    const lower = c.toLowerCase();
    const single = VNI_SINGLE[lower];
    out += single === undefined ? c : c === lower ? single : single.toUpperCase();
  }
  return out;
}

/** Unicode → VNI (for tests and fixtures). */
function vniEncode(text: string): string {
  const TONES: [string, Tone][] = Object.entries(TONE_MARK).map(([k, v]) => [v, k as Tone]);
  const toneChar = (t: Tone, table: Record<string, Tone | ''>) => Object.keys(table).find((k) => table[k] === t)!;
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const upper = ch !== ch.toLowerCase();
    const low = ch.toLowerCase();
    const single = Object.keys(VNI_SINGLE).find((k) => VNI_SINGLE[k] === low && k !== 'í' && k !== 'ì');
    if (single) { out += upper ? single.toUpperCase() : single; continue; }
    const d = low.normalize('NFD');
    const base = d[0]!;
    if (!'aeiouy'.includes(base) || d.length === 1) { out += ch; continue; }
    const marks = d.slice(1);
    const tone = TONES.find(([m]) => marks.includes(m))?.[1];
    let enc: string;
    if (marks.includes(HORN)) enc = (base === 'o' ? 'ô' : 'ö') + (tone ? toneChar(tone, VNI_TONE) : '');
    else if (marks.includes(CIRCUMFLEX)) enc = base + (tone ? toneChar(tone, VNI_HAT) : 'â');
    else if (marks.includes(BREVE)) enc = base + (tone ? toneChar(tone, VNI_BREVE) : 'ê');
    else if (base === 'i') enc = tone ? Object.keys(VNI_SINGLE).find((k) => VNI_SINGLE[k] === low)! : 'i';
    else if (base === 'y' && tone === 'nang') enc = 'î';
    else enc = base + (tone ? toneChar(tone, VNI_TONE) : '');
    out += upper ? enc.toUpperCase() : enc;
  }
  return out;
}

// ---------- Unicode evidence ----------

/** Letters legacy text can never hold: ă đ ơ ư, the Latin Extended Additional block, combining marks. */
const UNICODE_VIETNAMESE = /[ĂăĐđƠơƯư\u1ea0-\u1ef9\u0300-\u0303\u0306\u0309\u031b\u0323]/u;

/** True when the text is evidently Unicode Vietnamese (so it must not be converted). */
export const isUnicodeVietnamese = (text: string): boolean => UNICODE_VIETNAMESE.test(text);

// ---------- conversion ----------

/**
 * A TCVN3 string typed with a capitals font (.VnTimeH) has upper-case ASCII and lower-case-coded
 * accented letters ("CéNG HßA X· HéI"): when no ASCII letter is lower-case and some word with an
 * accented letter has at least two ASCII letters, the whole string is capitals.
 */
function isTcvn3Capitals(text: string): boolean {
  if (/[a-z]/.test(text)) return false;
  return text.split(/\s+/).some((w) => [...w].some((c) => TCVN3_DECODE.has(c)) && (w.match(/[A-Z]/g)?.length ?? 0) >= 2);
}

/**
 * Convert legacy-font text to Unicode (NFC). Text that already holds Unicode Vietnamese letters is
 * returned as it is (NFC): a file may mix cells typed before and after the switch to Unicode.
 */
export function legacyToUnicode(text: string, enc: LegacyEncoding): string {
  if (isUnicodeVietnamese(text)) return text.normalize('NFC');
  if (enc === 'vni') return vniDecode(text).normalize('NFC');
  let out = '';
  for (const c of text) out += TCVN3_DECODE.get(c) ?? c;
  if (isTcvn3Capitals(text)) out = out.toUpperCase();
  return out.normalize('NFC');
}

/** Unicode → legacy encoding (TCVN3 capitals with tones become the lower-case codes, as .VnTimeH expects). For tests and fixtures. */
export function unicodeToLegacy(text: string, enc: LegacyEncoding): string {
  if (enc === 'vni') return vniEncode(text);
  let out = '';
  for (const ch of text.normalize('NFC')) out += TCVN3_ENCODE.get(ch) ?? TCVN3_ENCODE.get(ch.toLowerCase()) ?? ch;
  return out;
}

// ---------- Vietnamese syllables (to judge whether a decoding makes sense) ----------

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
/** Nucleus → allowed codas ('' = open syllable). 'k' after ă/a/ô/ơ/ư is for place names (Đắk Lắk, Bắk). */
const RHYMES: Record<string, string[]> = {
  a: ['', 'i', 'o', 'u', 'y', 'm', 'n', 'ng', 'nh', 'p', 't', 'c', 'ch', 'k'],
  ă: ['m', 'n', 'ng', 'p', 't', 'c', 'k'],
  â: ['m', 'n', 'ng', 'p', 't', 'c', 'u', 'y'],
  e: ['', 'm', 'n', 'ng', 'p', 't', 'c', 'o'],
  ê: ['', 'm', 'n', 'nh', 'p', 't', 'ch', 'u'],
  i: ['', 'a', 'm', 'n', 'nh', 'p', 't', 'ch', 'u'],
  iê: ['m', 'n', 'ng', 'p', 't', 'c', 'u'],
  o: ['', 'i', 'm', 'n', 'ng', 'p', 't', 'c'],
  oo: ['ng', 'c'],
  ô: ['', 'i', 'm', 'n', 'ng', 'p', 't', 'c', 'k'],
  ơ: ['', 'i', 'm', 'n', 'p', 't'],
  u: ['', 'a', 'i', 'm', 'n', 'ng', 'p', 't', 'c', 'y'],
  uô: ['i', 'm', 'n', 'ng', 't', 'c'],
  ư: ['', 'a', 'i', 'u', 'm', 'n', 'ng', 't', 'c', 'k'],
  ươ: ['i', 'u', 'm', 'n', 'ng', 'p', 't', 'c'],
  y: [''],
  yê: ['m', 'n', 'ng', 't', 'u'],
  oa: ['', 'i', 'y', 'o', 'm', 'n', 'ng', 'nh', 'p', 't', 'c', 'ch'],
  oă: ['m', 'n', 'ng', 't', 'c'],
  oe: ['', 'n', 't', 'o'],
  uâ: ['n', 't', 'ng', 'y'],
  uê: ['', 'n', 'nh', 'ch', 'u'],
  uy: ['', 'a', 'n', 'nh', 't', 'ch', 'u', 'p'],
  uyê: ['n', 't'],
  uơ: [''],
};
const RHYME = Object.entries(RHYMES)
  .flatMap(([nucleus, codas]) => codas.map((c) => nucleus + c))
  .sort((a, b) => b.length - a.length)
  .join('|');
const SYLLABLE = new RegExp(`^${ONSET}(?:${RHYME})$`, 'u');
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Is this one word (letters only) a well-formed Vietnamese syllable with at most one tone? */
export function isVietnameseSyllable(word: string): boolean {
  const d = word.toLowerCase().normalize('NFD');
  if ((d.match(TONE_MARKS)?.length ?? 0) > 1) return false;
  const bare = d.replace(TONE_MARKS, '').normalize('NFC');
  return SYLLABLE.test(bare);
}

// ---------- detection ----------

const VIETNAMESE_LATIN1 = new Set([...'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ']);
/** Characters of each encoding that a Unicode Vietnamese or English text would not hold. */
const FOREIGN: Record<LegacyEncoding, Set<string>> = {
  tcvn3: new Set([...TCVN3_DECODE.keys()].filter((c) => !VIETNAMESE_LATIN1.has(c))),
  vni: new Set([...'øïûåäëüæîñöØÏÛÅÄËÜÆÎÑÖ']),
};
const ENCODINGS: LegacyEncoding[] = ['tcvn3', 'vni'];

interface Evidence { texts: number; valid: number; invalid: number }

/** Judge one text under one encoding: every word that holds a foreign character must decode into a syllable. */
function judge(text: string, enc: LegacyEncoding, ev: Evidence): void {
  const foreign = FOREIGN[enc];
  const words = text.split(/\s+/).filter((w) => [...w].some((c) => foreign.has(c)));
  if (words.length === 0) return;
  ev.texts++;
  for (const w of words) {
    const decoded = legacyToUnicode(w, enc);
    const parts = decoded.match(/\p{L}+/gu) ?? [];
    const ok = parts.length > 0 && parts.every((p) => /^[a-z]+$/i.test(p) || isVietnameseSyllable(p))
      && ![...decoded].some((c) => foreign.has(c));
    if (ok) ev.valid++; else ev.invalid++;
  }
}

/**
 * Which legacy encoding a file's texts (sheet names, labels, headers) are in, or null for Unicode or
 * plain text. Decided over the whole list: the legacy reading must turn several texts into well-formed
 * Vietnamese words, hardly any into nonsense, and outnumber the texts that are plainly Unicode
 * Vietnamese. One odd word (a ® or a German name) never decides it.
 */
export function detectLegacyEncoding(texts: string[]): LegacyEncoding | null {
  let unicodeTexts = 0;
  const evidence: Record<LegacyEncoding, Evidence> = { tcvn3: { texts: 0, valid: 0, invalid: 0 }, vni: { texts: 0, valid: 0, invalid: 0 } };
  for (const raw of texts) {
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const text = raw.normalize('NFC');
    if (isUnicodeVietnamese(raw)) { unicodeTexts++; continue; }
    for (const enc of ENCODINGS) judge(text, enc, evidence[enc]);
  }
  const qualifies = (e: Evidence) => e.texts >= 2 && e.valid >= 3 && e.invalid * 5 <= e.valid && e.texts > unicodeTexts;
  const score = (e: Evidence) => e.valid - 2 * e.invalid;
  const candidates = ENCODINGS.filter((enc) => qualifies(evidence[enc]))
    .sort((a, b) => score(evidence[b]) - score(evidence[a]));
  return candidates[0] ?? null;
}
