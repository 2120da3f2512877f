// Loose comparison of names (inventory.md "Names are matched loosely"): NFC, lower-case, no diacritics
// (đ→d), punctuation and spaces folded, leading numbering and trailing ':' and '(…)' dropped.

const NUMBERING = /^\s*(?:(?:\d+(?:\.\d+)*|[a-z]|[ivxlc]+)\s*[.)/-]\s*)+/i;

/** Remove Vietnamese diacritics; đ/Đ → d. */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').normalize('NFC');
}

/** The loose form of a sheet name, label, header or vocabulary word. */
export function fold(s: string): string {
  let t = s.normalize('NFC').trim();
  t = t.replace(/\s*\([^()]*\)\s*$/, ''); // trailing "(chiếc)"
  t = t.replace(NUMBERING, '');
  t = stripDiacritics(t).toLowerCase();
  t = t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return t;
}
