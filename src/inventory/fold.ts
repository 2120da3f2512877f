// Loose comparison of names (inventory.md "Names are matched loosely"): NFC, lower-case, no diacritics
// (đ→d), punctuation and spaces folded; leading numbering and marks, and trailing ':' '.' '*' '★' and a final
// '(…)' dropped in any order and number ("18. Địa chỉ website (trang thông tin điện tử):" → "dia chi website").

const NUMBERING = /^\s*(?:\d+(?:\.\d+)+\s+|(?:\d+(?:\.\d+)*|[a-z]|[ivxlc]+)\s*[.)/-]\s*)+/i;
/** Bullets and required-field marks before a label: "* ", "★ ", "- ", "• ". */
const LEADING_MARKS = /^[\s*★☆•·+\-–—]+/u;
/** Any run of trailing ':' '.' '*' '★' (also full-width ':') and parenthesised remarks, in any order. */
const TRAILING = /(?:\s*(?:[:：.*★☆]|\([^()]*\)|（[^（）]*）))+\s*$/u;

/** The label itself: numbering, marks and trailing remarks peeled off until nothing changes. */
function bareLabel(s: string): string {
  let t = s;
  for (let i = 0; i < 8; i++) {
    const before = t;
    t = t.replace(TRAILING, '').replace(LEADING_MARKS, '').replace(NUMBERING, '');
    if (t === before) break;
  }
  return t;
}

/** Remove Vietnamese diacritics; đ/Đ → d. */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').normalize('NFC');
}

/** The loose form of a sheet name, label, header or vocabulary word. */
export function fold(s: string): string {
  let t = bareLabel(s.normalize('NFC').trim());
  t = stripDiacritics(t).toLowerCase();
  t = t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return t;
}
