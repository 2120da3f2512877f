// Mutations of workbook files for the fuzzer (scripts/fuzz.mjs): byte-level damage, zip-level damage
// (entries shuffled, duplicated, deleted, renamed), and edits of the XML inside entries (tags cut or
// repeated, attributes and values replaced by huge numbers or hostile strings). Deterministic from a seed.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipParts } from './workbook.mjs';

/** mulberry32: a small seeded PRNG, enough for reproducible mutants. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

/** Strings that have hurt parsers, renderers and file systems. */
export const WEIRD_STRINGS = [
  '', ' ', '\u00a0', '-', '…', '0', '-0', '1e308', '-1e308', '1e-324', 'NaN', 'Infinity', '-Infinity', '9'.repeat(400),
  '1.250', '12.500.000', '1,5', '1.5', '25 máy', '31/02/2024', '00/00/0000', '9999-99-99', '2024-2025', '2025-2024', '1900-01-00',
  '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '|a|b|', '`code`', '<script>alert(1)</script>',
  '<!--', ']]>', '&amp;', '&#0;', '%s%n', '{0}', '{file}', '${x}', '__proto__', 'constructor', 'prototype', 'hasOwnProperty',
  'toString', 'valueOf', '../../../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', 'CON', 'NUL', 'aux.txt', 'COM1', 'LPT9',
  '\u202eexe.xlsx', '\u200b', '\ufeff', '\u0301', 'Đ', 'Tổng', 'Cộng', 'Ví dụ', 'VD', 'STT', 'Mã trường', 'Thiết bị', 'Số lượng',
  'Có', 'Không', 'x', '✓', 'Máy tính để bàn', 'Phòng máy', 'THPT, THCS', 'Mầm non; Tiểu học', 'Bến Tre', 'TP.HCM', 'a'.repeat(40_000),
  '😀'.repeat(100), 'Tống Văn A', 'null', 'undefined', 'true', 'false', '[object Object]', '\r\n\r\n', '\t', 'x'.repeat(300) + '.xlsx',
];

const HUGE_NUMBERS = ['1e308', '-1e308', '1.7976931348623157e308', '4294967296', '9007199254740993', '-1', '-0', '0.1e-320', '2958466', '1e21',
  '99999999999999999999999', 'NaN', 'Infinity', '0x10', ' 12 ', ''];
const HUGE_REFS = ['A1', 'XFD1048576', 'A1048577', 'ZZZZ1', 'A0', '$A$1', 'a1', 'A', '1', '', 'AAAAAAAAAAAAAAA99999999999999', 'B-2', 'ALM1', 'A100001'];
const CELL_TYPES = ['s', 'n', 'b', 'e', 'str', 'inlineStr', 'd', 'x', ''];

const utf8 = (b) => strFromU8(b);

/** Apply one random XML edit to the text of a part. */
function editXml(rng, xml) {
  const tags = [...xml.matchAll(/<[^<>]+>/g)];
  const tag = tags.length ? rng.pick(tags) : null;
  const at = tag ? tag.index : rng.int(xml.length + 1);
  const ops = [
    () => ['xml.delete_tag', tag ? xml.slice(0, at) + xml.slice(at + tag[0].length) : xml],
    () => ['xml.duplicate_tag', tag ? xml.slice(0, at) + tag[0] + xml.slice(at) : xml],
    () => { // repeat a stretch of the document many times
      const len = rng.int(400) + 1, times = rng.int(200) + 2;
      return ['xml.repeat', xml.slice(0, at) + xml.slice(at, at + len).repeat(times) + xml.slice(at)];
    },
    () => ['xml.cut', xml.slice(0, rng.int(xml.length + 1))],
    () => ['xml.insert_string', xml.slice(0, at) + rng.pick(WEIRD_STRINGS) + xml.slice(at)],
    () => ['xml.value', xml.replace(/<v>[^<]*<\/v>/g, (m) => (rng.chance(0.2) ? `<v>${rng.pick(HUGE_NUMBERS)}</v>` : m))],
    () => ['xml.text', xml.replace(/<t( [^>]*)?>[^<]*<\/t>/g, (m, a = '') => (rng.chance(0.2)
      ? `<t${a}>${rng.pick(WEIRD_STRINGS).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')}</t>` : m))],
    () => ['xml.ref', xml.replace(/ r="[^"]*"/g, (m) => (rng.chance(0.1) ? ` r="${rng.pick(HUGE_REFS)}"` : m))],
    () => ['xml.type', xml.replace(/<c ([^>]*?)t="[^"]*"/g, (m, pre) => (rng.chance(0.2) ? `<c ${pre}t="${rng.pick(CELL_TYPES)}"` : m))],
    () => ['xml.attr', xml.replace(/(\w+)="([^"]*)"/g, (m, k) => (rng.chance(0.05) ? `${k}="${rng.pick([...HUGE_NUMBERS, ...HUGE_REFS, '__proto__', '../x.xml', '/xl/workbook.xml'])}"` : m))],
    () => ['xml.doctype', xml.replace(/^(<\?xml[^>]*\?>)?/, (m) => `${m}<!DOCTYPE x [<!ENTITY e "${'a'.repeat(10)}">]>`)],
    () => ['xml.entity', xml.slice(0, at) + rng.pick(['&e;', '&amp;', '&#x0;', '&#xD800;', '&#1114112;', '&lt;', '&#65;', '&nbsp;']) + xml.slice(at)],
    () => ['xml.unclose', xml.replace(/<\/[^>]+>/, '')],
    () => ['xml.merge', xml.replace(/<\/worksheet>/, `<mergeCells><mergeCell ref="${rng.pick(HUGE_REFS)}:${rng.pick(HUGE_REFS)}"/></mergeCells></worksheet>`)],
    () => ['xml.shared_index', xml.replace(/(<c [^>]*t="s"[^>]*>(?:<f>[^<]*<\/f>)?<v>)\d+(<\/v>)/g, (m, a, b) => (rng.chance(0.2) ? `${a}${rng.pick(['-1', '999999', '1.5', 'x', '4294967296'])}${b}` : m))],
  ];
  return rng.pick(ops)();
}

/** Damage the zip's list of entries (when it can be unzipped at all). */
function editEntries(rng, bytes) {
  let files;
  // A damaged directory can declare huge entries, which fflate would inflate: leave those to byte-level damage.
  try { files = Object.entries(unzipSync(bytes, { filter: (f) => f.originalSize <= 8 * 1024 * 1024 && f.size <= 8 * 1024 * 1024 })); } catch { return null; }
  if (files.length === 0) return null;
  const i = rng.int(files.length);
  const ops = [
    () => { for (let k = files.length - 1; k > 0; k--) { const j = rng.int(k + 1); [files[k], files[j]] = [files[j], files[k]]; } return 'zip.shuffle'; },
    () => { files.splice(rng.int(files.length + 1), 0, files[i]); return 'zip.duplicate'; },
    () => { files.splice(i, 1); return 'zip.delete'; },
    () => { files[i] = [rng.pick(['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', '_rels/.rels', 'mimetype', 'XL/WORKBOOK.XML', '../evil.xml', '/abs.xml', 'a\\b.xml', '']), files[i][1]]; return 'zip.rename'; },
    () => { files[i] = [files[i][0], new Uint8Array(0)]; return 'zip.empty_entry'; },
    () => { files.push(['mimetype', strToU8('application/vnd.oasis.opendocument.spreadsheet')]); return 'zip.add_mimetype'; },
    () => { // edit the XML of one entry
      const xmlFiles = files.map((f, k) => [f, k]).filter(([[n]]) => /\.(xml|rels)$/i.test(n));
      if (!xmlFiles.length) return 'zip.none';
      const [[name, data], k] = rng.pick(xmlFiles);
      const [op, xml] = editXml(rng, utf8(data));
      files[k] = [name, strToU8(xml)];
      return `${op}@${name}`;
    },
  ];
  // XML edits reach the normalizer and the engine; the other damage mostly stops at the reader.
  const op = (rng.chance(0.6) ? ops[ops.length - 1] : rng.pick(ops.slice(0, -1)))();
  const store = rng.chance(0.2);
  try {
    return { op, bytes: zipParts(files, { store }) };
  } catch {
    return null; // names fflate will not write (a damaged directory read back): damage the bytes instead
  }
}

/** Byte-level damage. */
function editBytes(rng, bytes) {
  const out = new Uint8Array(bytes);
  const ops = [
    () => { const n = rng.int(8) + 1; for (let k = 0; k < n; k++) out[rng.int(out.length)] ^= 1 << rng.int(8); return ['bytes.bitflip', out]; },
    () => { const n = rng.int(4) + 1; for (let k = 0; k < n; k++) out[rng.int(out.length)] = rng.int(256); return ['bytes.random', out]; },
    () => ['bytes.truncate', bytes.subarray(0, rng.int(bytes.length))],
    () => ['bytes.tail', bytes.subarray(rng.int(bytes.length))],
    () => { // overwrite a 4-byte little-endian field with a huge or zero value (sizes, offsets, counts)
      const at = rng.int(Math.max(1, out.length - 4));
      const v = rng.pick([0, 0xffffffff, 0x7fffffff, 0x10000, 1]);
      out[at] = v & 0xff; out[at + 1] = (v >>> 8) & 0xff; out[at + 2] = (v >>> 16) & 0xff; out[at + 3] = (v >>> 24) & 0xff;
      return ['bytes.u32', out];
    },
    () => { // repeat a stretch
      const at = rng.int(bytes.length), len = rng.int(2000) + 1;
      const piece = bytes.subarray(at, at + len);
      const joined = new Uint8Array(bytes.length + piece.length);
      joined.set(bytes.subarray(0, at)); joined.set(piece, at); joined.set(bytes.subarray(at), at + piece.length);
      return ['bytes.repeat', joined];
    },
  ];
  return rng.pick(ops)();
}

/** One mutant of `bytes`: 1 to 3 stacked mutations. Returns the bytes and the names of the operations. */
export function mutate(rng, bytes) {
  let cur = bytes;
  const ops = [];
  const roll = rng.next();
  const rounds = roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3;
  for (let k = 0; k < rounds; k++) {
    const zipLevel = rng.chance(0.6) ? editEntries(rng, cur) : null;
    if (zipLevel) { cur = zipLevel.bytes; ops.push(zipLevel.op); continue; }
    const [op, b] = editBytes(rng, cur);
    cur = b;
    ops.push(op);
  }
  return { bytes: cur, ops };
}
