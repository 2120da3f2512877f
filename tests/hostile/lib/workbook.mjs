// Hostile-input support shared by tests/hostile and scripts/fuzz.mjs (plain JS: the fuzzer runs without
// a TypeScript step). Writes a workbook from RawWorkbook-shaped data (inline strings, so any text, sheet
// name or cell position can be planted), and zips entries in any order, duplicates included, which no
// spreadsheet library does on request.
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The text an xlsx can hold: characters XML 1.0 forbids and unpaired surrogates are dropped. */
export const storable = (s) => String(s)
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');

/**
 * XML text and attribute values: specials escaped, tab/LF/CR as character references (so a parser keeps
 * them as written). `_xHHHH_` is left alone: in a cell it stands for that character (OOXML's escape).
 */
export function xmlText(s) {
  return storable(s)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function columnName(c) {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One cell ({t,v,f?} as in RawCell) as SpreadsheetML. */
function cellXml(cell, r, c) {
  const ref = `${columnName(c)}${r + 1}`;
  const f = cell.f ? '<f>1</f>' : '';
  switch (cell.t) {
    case 'n': return `<c r="${ref}">${f}<v>${cell.v}</v></c>`;
    case 'b': return `<c r="${ref}" t="b">${f}<v>${cell.v ? 1 : 0}</v></c>`;
    case 'd': return `<c r="${ref}" t="d">${f}<v>${xmlText(cell.v)}</v></c>`;
    case 'e': return `<c r="${ref}" t="e">${f}<v>${xmlText(cell.v)}</v></c>`;
    default:
      return cell.f
        ? `<c r="${ref}" t="str"><f>1</f><v xml:space="preserve">${xmlText(cell.v)}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(cell.v)}</t></is></c>`;
  }
}

const rangeRef = (m) => `${columnName(m.c1)}${m.r1 + 1}:${columnName(m.c2)}${m.r2 + 1}`;

/** A worksheet part from rows[r][c] of cells (undefined = no cell) and merges. */
export function worksheetXml(rows, merges = []) {
  const body = [];
  rows.forEach((row, r) => {
    if (!row) return;
    const cells = [];
    row.forEach((cell, c) => { if (cell) cells.push(cellXml(cell, r, c)); });
    if (cells.length) body.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  const mergeXml = merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${body.join('')}</sheetData>${mergeXml}</worksheet>`;
}

/**
 * The parts of an xlsx for these sheets ({name, rows, merges?, hidden?}), in the order Excel writes them.
 * Returns [name, bytes] pairs, so a caller can reorder, duplicate or drop them before zipping.
 */
export function workbookParts(sheets) {
  const parts = [];
  const add = (name, text) => parts.push([name, strToU8(text)]);
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  add('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`);
  add('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheetEls = sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('');
  add('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><sheets>${sheetEls}</sheets></workbook>`);
  add('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`);
  sheets.forEach((s, i) => add(`xl/worksheets/sheet${i + 1}.xml`, worksheetXml(s.rows, s.merges ?? [])));
  return parts;
}

/** Zip [name, bytes] pairs in this order (duplicate names kept); `store` writes them uncompressed. */
export function zipParts(parts, { store = false, level = 6 } = {}) {
  const chunks = [];
  let failure;
  const zip = new Zip((err, chunk) => { if (err) failure = err; else chunks.push(chunk); });
  for (const [name, data] of parts) {
    const file = store ? new ZipPassThrough(name) : new ZipDeflate(name, { level });
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** An .xlsx file of these sheets. */
export const buildXlsx = (sheets, opts) => zipParts(workbookParts(sheets), opts);

/** A RawWorkbook deep copy whose cells can be edited without touching the original. */
export const cloneWorkbook = (wb) => JSON.parse(JSON.stringify(wb, (_, v) => (v === undefined ? null : v)), (_, v) => (v === null ? undefined : v));

/** Set a text cell (r, c 0-based) of a sheet. */
export function setText(sheet, r, c, text) {
  (sheet.rows[r] ??= [])[c] = { t: 's', v: text };
}

/** The row index of the first cell in column `c` whose text is `label`, or -1. */
export function findRow(sheet, c, label) {
  return sheet.rows.findIndex((row) => row && row[c] && row[c].t === 's' && row[c].v === label);
}
