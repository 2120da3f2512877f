// Test support: hand-built xlsx packages (fflate zipSync), for the dialects and hostile files that no
// library writes on request: `x:`-prefixed elements (.NET OpenXML SDK), Strict OOXML namespaces, cells
// and rows without `r`, absolute relationship targets, DOCTYPEs, odd sizes.
//   xlsxPackage({ sheets: [{ name: 'A', xml: sheetXml('<row><c><v>1</v></c></row>') }] })
import { zipSync, strToU8, type Zippable } from 'fflate';

export const TRANSITIONAL = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
export const STRICT = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The part's XML; `sheetXml()` wraps a sheetData body. */
  xml: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Relationship type (last segment): worksheet by default. */
  type?: 'worksheet' | 'chartsheet' | 'dialogsheet';
}

export interface PackageSpec {
  sheets: SheetSpec[];
  sharedStrings?: string;
  styles?: string;
  /** Attributes of <workbookPr>, e.g. 'date1904="1"'. */
  workbookPr?: string;
  /** Write every SpreadsheetML element with this prefix (e.g. 'x', as the .NET OpenXML SDK does). */
  prefix?: string;
  strict?: boolean;
  /** Where the workbook part lives (found through _rels/.rels). */
  workbookPath?: string;
  /** Relationship targets as absolute part names ('/xl/worksheets/sheet1.xml'). */
  absoluteTargets?: boolean;
  /** Parts added or replaced, by name; `null` removes one. */
  parts?: Record<string, string | Uint8Array | null>;
}

/** A sheet part around a sheetData body; `after` goes after </sheetData> (e.g. <mergeCells>). */
export function sheetXml(body: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${TRANSITIONAL.main}" xmlns:r="${TRANSITIONAL.rel}"><sheetData>${body}</sheetData>${after}</worksheet>`;
}

/** A shared-strings part from `<si>` bodies. */
export function sstXml(items: string[]): string {
  return `<sst xmlns="${TRANSITIONAL.main}" count="${items.length}" uniqueCount="${items.length}">${items.map((i) => `<si>${i}</si>`).join('')}</sst>`;
}

/** A styles part: custom number formats and the numFmtId of each cell style (cellXfs). */
export function stylesXml(numFmts: Record<number, string>, xfNumFmtIds: number[]): string {
  const fmts = Object.entries(numFmts).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`).join('');
  return `<styleSheet xmlns="${TRANSITIONAL.main}"><numFmts count="${Object.keys(numFmts).length}">${fmts}</numFmts>` +
    `<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` + // cell *style* formats: must not be read as cellXfs
    `<cellXfs count="${xfNumFmtIds.length}">${xfNumFmtIds.map((id) => `<xf numFmtId="${id}" xfId="0"><alignment/></xf>`).join('')}</cellXfs></styleSheet>`;
}

/** Put every element of a SpreadsheetML part in prefix `p:` (and Strict's namespace if asked). */
function dialect(xml: string, spec: PackageSpec): string {
  let out = xml;
  if (spec.strict) out = out.split(TRANSITIONAL.main).join(STRICT.main).split(TRANSITIONAL.rel).join(STRICT.rel);
  if (spec.prefix) {
    const p = spec.prefix;
    out = out.replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, `<$1${p}:$2`).replace(/ xmlns="/g, ` xmlns:${p}="`);
  }
  return out;
}

export function xlsxPackage(spec: PackageSpec): Uint8Array {
  const ns = spec.strict ? STRICT : TRANSITIONAL;
  const wbPath = spec.workbookPath ?? 'xl/workbook.xml';
  const wbDir = wbPath.slice(0, wbPath.lastIndexOf('/') + 1);
  const target = (rel: string) => (spec.absoluteTargets ? `/${wbDir}${rel}` : rel);
  const files: Record<string, string | Uint8Array> = {};

  files['[Content_Types].xml'] = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  files['_rels/.rels'] = `<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${ns.rel}/officeDocument" Target="${spec.absoluteTargets ? '/' : ''}${wbPath}"/></Relationships>`;

  const rels: string[] = [];
  const sheetEls: string[] = [];
  spec.sheets.forEach((s, i) => {
    const type = s.type ?? 'worksheet';
    const folder = { worksheet: 'worksheets', chartsheet: 'chartsheets', dialogsheet: 'dialogsheets' }[type];
    const part = `${folder}/sheet${i + 1}.xml`;
    files[wbDir + part] = dialect(s.xml, spec);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${ns.rel}/${type}" Target="${target(part)}"/>`);
    sheetEls.push(`<sheet name="${s.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`);
  });
  if (spec.sharedStrings !== undefined) {
    files[`${wbDir}sharedStrings.xml`] = dialect(spec.sharedStrings, spec);
    rels.push(`<Relationship Id="rIdS" Type="${ns.rel}/sharedStrings" Target="${target('sharedStrings.xml')}"/>`);
  }
  if (spec.styles !== undefined) {
    files[`${wbDir}styles.xml`] = dialect(spec.styles, spec);
    rels.push(`<Relationship Id="rIdT" Type="${ns.rel}/styles" Target="${target('styles.xml')}"/>`);
  }
  files[`${wbDir}_rels/${wbPath.slice(wbDir.length)}.rels`] = `<Relationships xmlns="${PKG_RELS}">${rels.join('')}</Relationships>`;
  files[wbPath] = dialect(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${TRANSITIONAL.main}" xmlns:r="${TRANSITIONAL.rel}">` +
    `<workbookPr ${spec.workbookPr ?? ''}/><sheets>${sheetEls.join('')}</sheets></workbook>`, spec);

  for (const [name, content] of Object.entries(spec.parts ?? {})) {
    if (content === null) delete files[name];
    else files[name] = content;
  }
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(zippable);
}

/** A compound file (OLE2) whose directory holds these stream names. */
export function ole2(names: string[]): Uint8Array {
  const bytes = new Uint8Array(512 + 512);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  ['Root Entry', ...names].forEach((name, i) => {
    const o = 512 + i * 128;
    for (let k = 0; k < name.length; k++) bytes[o + 2 * k] = name.charCodeAt(k);
    bytes[o + 64] = (name.length + 1) * 2;
    bytes[o + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}
