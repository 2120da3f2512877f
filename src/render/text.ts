// Making untrusted text (school names, software names, waiver reasons, cell values) harmless in each
// output: Markdown, XML (JUnit, xlsx) and the terminal. Shared by every renderer.

/** Unpaired UTF-16 surrogates: not representable in UTF-8 files. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Characters XML 1.0 forbids even as references (all C0 controls but tab, LF, CR; U+FFFE/FFFF). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** C0/C1 controls (ANSI escapes start with ESC) and bidi overrides, which could rewrite a terminal or hide text. */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export const REPLACEMENT = '\uFFFD';

/** Text that can go into any XML document (and thus an xlsx): forbidden characters become U+FFFD. */
export const xmlSafe = (s: string): string => s.replace(LONE_SURROGATE, REPLACEMENT).replace(XML_FORBIDDEN, REPLACEMENT);

const XML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Anything escapeXml would change: markup characters, tab/LF/CR, forbidden characters, surrogates. */
const XML_NEEDS_WORK = /[&<>"'\u0000-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Escape for XML text and attribute values; in attributes tab/LF/CR are kept as references. */
export function escapeXml(s: string): string {
  if (!XML_NEEDS_WORK.test(s)) return s; // nothing to replace: one scan instead of four
  return xmlSafe(s).replace(/[&<>"']/g, (c) => XML_ENTITY[c]!).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text content of an element: line breaks stay as they are. */
export const escapeXmlText = (s: string): string =>
  xmlSafe(s).replace(/[&<>]/g, (c) => XML_ENTITY[c]!).replace(/\r/g, '&#13;');

/** For a terminal: controls and bidi overrides become U+FFFD, line breaks and tabs a space. */
export const terminalSafe = (s: string): string =>
  s.replace(LONE_SURROGATE, REPLACEMENT).replace(/\r\n|[\r\n\t]/g, ' ').replace(TERMINAL_UNSAFE, REPLACEMENT);

/** For HTML text and attribute values: controls and bidi overrides become U+FFFD, markup characters entities. */
export const escapeHtml = (s: string): string =>
  s.replace(LONE_SURROGATE, REPLACEMENT).replace(TERMINAL_UNSAFE, REPLACEMENT)
    .replace(/[&<>"']/g, (c) => (c === "'" ? '&#39;' : XML_ENTITY[c]!));

/** Anything escapeMd would change: controls, surrogates, Markdown/HTML marks, runs of spaces, edge spaces, a leading = + - @ #. */
const MD_NEEDS_WORK = /[\\`*[\]|~_&<>\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]| {2}|^[\s=+\-@#]|\s$/;

/**
 * Inline Markdown: shown literally, on one line, never a link, HTML, code span, table cell break or
 * emphasis. `&` is escaped only where it would start an entity, so "Sở GD&ĐT" stays readable in the
 * raw file. A leading = + - @ # (a list marker, heading or spreadsheet formula) is backslash-escaped;
 * with `blockStart` (text that begins a list item or quote line) so is a leading "1." or "1)".
 */
export function escapeMd(s: string, blockStart = false): string {
  // Most texts (names, numbers, plain words) have nothing to escape: one scan decides, the same text comes back.
  if (!MD_NEEDS_WORK.test(s) && !(blockStart && /^\d+[.)]/.test(s))) return s;
  const oneLine = terminalSafe(s).replace(/ {2,}/g, ' ').trim();
  let escaped = oneLine
    .replace(/[\\`*[\]|~]/g, (c) => `\\${c}`)
    // `_` emphasises only at a word boundary; inside words (ma_nguon_mo) it is left alone
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  if (blockStart) escaped = escaped.replace(/^(\d+)([.)])/, '$1\\$2');
  return /^[=+\-@#]/.test(escaped) ? `\\${escaped}` : escaped;
}

/** A Markdown table: every cell escaped; header and rows must have the same width. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [...mdTableLines(header, rows)].join('');
}

/** mdTable, a line at a time (rows may be made as they are read). */
export function* mdTableLines(header: readonly string[], rows: Iterable<readonly string[]>): Generator<string> {
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => escapeMd(c) || ' ').join(' | ')} |`;
  yield `${line(header)}\n|${header.map(() => '---').join('|')}|`;
  for (const r of rows) yield `\n${line(r)}`;
}

/** A blockquote of possibly multi-line text, each line escaped. */
export const mdQuote = (s: string): string =>
  s.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '').map((l) => `> ${escapeMd(l, true)}`).join('\n>\n');

/**
 * Hard line breaks inside words longer than `width` code points, so a table that wraps on word
 * boundaries (cli-table3) breaks them instead of cutting them off.
 */
export const breakLongWords = (s: string, width: number): string =>
  s.split(/(\s+)/).map((tok) => {
    const cps = [...tok];
    if (cps.length <= width || /\s/.test(tok)) return tok;
    const parts: string[] = [];
    for (let i = 0; i < cps.length; i += width) parts.push(cps.slice(i, i + width).join(''));
    return parts.join('\n');
  }).join('');

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** East Asian wide and fullwidth characters, and emoji: two columns each. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
/** Combining marks and zero-width characters: no column (decomposed Vietnamese, joiners). */
const ZERO = /[\p{Mn}\p{Me}\u200B-\u200F\uFEFF]/u;

/** Columns a line takes on a terminal (ANSI colours ignored). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) w += ZERO.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return w;
}

/**
 * Wrap plain text to `width` columns: the first line starts with `first`, the others with `rest`
 * (a hanging indent). Breaks at spaces; a word longer than a line is cut into pieces.
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const room = () => width - displayWidth(line);
  const push = () => { lines.push(line.replace(/\s+$/, '')); line = rest; empty = true; };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = displayWidth(word);
    if (!empty && w + 1 > room()) push();
    if (w > room()) {
      // longer than a whole line: fill this line, then the next ones, piece by piece
      let piece = '';
      for (const ch of word) {
        if (piece !== '' && displayWidth(piece + ch) > room() - (empty ? 0 : 1)) {
          line += (empty ? '' : ' ') + piece;
          push();
          piece = '';
        }
        piece += ch;
      }
      line += (empty ? '' : ' ') + piece;
      empty = false;
      continue;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line.replace(/\s+$/, ''));
  return lines;
}
