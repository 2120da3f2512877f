// Recognising files by their bytes, and refusing hostile ones cheaply: every InputError code of the reader.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { InputError } from '../errors.js';
import { format, hasMessage } from '../messages/format.js';
import type { Finding } from '../engine/types.js';
import { ole2StreamNames, sniffContainer, type InputCode } from './sniff.js';
import { DEFAULT_LIMITS, readXlsx, type ReadLimits } from './xlsx.js';
import { ole2, sheetXml, sstXml, xlsxPackage } from './test-package.js';

const FILES = new URL('../../tests/reader/files/', import.meta.url);
const file = (name: string) => new Uint8Array(readFileSync(new URL(name, FILES)));

/** The finding of the InputError that reading `bytes` throws (fails if it reads). */
function refusal(bytes: Uint8Array, limits?: Partial<ReadLimits>): Finding {
  try {
    readXlsx(bytes, 'truong.xlsx', limits);
  } catch (err) {
    if (err instanceof InputError) {
      expect(err.file).toBe('truong.xlsx');
      expect(err.finding.args?.file).toBe('truong.xlsx');
      return err.finding;
    }
    throw err;
  }
  throw new Error('expected an InputError, but the file was read');
}

/** Time and extra peak memory (max RSS) of refusing `bytes`. */
function cost(bytes: Uint8Array, limits?: Partial<ReadLimits>): { finding: Finding; ms: number; mb: number } {
  const rss0 = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const finding = refusal(bytes, limits);
  const ms = performance.now() - t0;
  const mb = (process.resourceUsage().maxRSS - rss0) / 1024;
  return { finding, ms, mb };
}

/** A zip written byte by byte, so that declared sizes can lie. `text` is deflated with its true size. */
function rawZip(items: ({ name: string; text: string } | { name: string; data: Uint8Array; method?: 0 | 8; size: number })[]): Uint8Array {
  const entries = items.map((e) => ('text' in e
    ? { name: e.name, data: new Uint8Array(deflateRawSync(e.text)), method: 8, size: Buffer.byteLength(e.text) }
    : { method: 8, ...e }));
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const le = (n: number, bytes: number) => { const b = new Uint8Array(bytes); for (let i = 0; i < bytes; i++) b[i] = Math.floor(n / 2 ** (8 * i)) & 0xff; return b; };
  const cat = (...xs: Uint8Array[]) => { const out = new Uint8Array(xs.reduce((n, x) => n + x.length, 0)); let p = 0; for (const x of xs) out.set(x, p), p += x.length; return out; };
  for (const e of entries) {
    const { method, size } = e;
    const name = strToU8(e.name);
    const zip64 = size >= 0xffffffff;
    const extra = zip64 ? cat(le(1, 2), le(8, 2), le(size, 8)) : new Uint8Array(0);
    const sizeField = zip64 ? 0xffffffff : size;
    const local = cat(le(0x04034b50, 4), le(zip64 ? 45 : 20, 2), le(0x800, 2), le(method, 2), le(0, 4), le(0, 4),
      le(e.data.length, 4), le(sizeField, 4), le(name.length, 2), le(extra.length, 2), name, extra, e.data);
    central.push(cat(le(0x02014b50, 4), le(45, 2), le(zip64 ? 45 : 20, 2), le(0x800, 2), le(method, 2), le(0, 4), le(0, 4),
      le(e.data.length, 4), le(sizeField, 4), le(name.length, 2), le(extra.length, 2), le(0, 2), le(0, 2), le(0, 2), le(0, 4),
      le(offset, 4), name, extra));
    parts.push(local);
    offset += local.length;
  }
  const cd = cat(...central);
  const eocd = cat(le(0x06054b50, 4), le(0, 2), le(0, 2), le(entries.length, 2), le(entries.length, 2), le(cd.length, 4), le(offset, 4), le(0, 2));
  return cat(...parts, cd, eocd);
}


const minimal = () => xlsxPackage({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] });

// ---------- what the bytes are ----------

describe('files that are not .xlsx workbooks', () => {
  it('input.empty: 0 bytes', () => {
    expect(refusal(new Uint8Array(0)).code).toBe('input.empty');
  });

  it('input.xls_legacy: a real Excel 97-2003 file written by LibreOffice', () => {
    const xls = file('libreoffice.xls');
    expect(sniffContainer(xls)).toBe('ole2');
    expect(ole2StreamNames(xls)).toContain('Workbook');
    expect(refusal(xls).code).toBe('input.xls_legacy');
    expect(refusal(ole2(['Book'])).code).toBe('input.xls_legacy'); // Excel 5/95
  });

  it('input.encrypted: an OLE2 container with EncryptionInfo / EncryptedPackage (password-protected xlsx)', () => {
    expect(refusal(ole2(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces'])).code).toBe('input.encrypted');
    expect(refusal(ole2(['EncryptedPackage'])).code).toBe('input.encrypted');
  });

  it('other OLE2 documents are not spreadsheets', () => {
    expect(refusal(ole2(['WordDocument', '1Table'])).args?.detected).toBe('word');
    expect(refusal(ole2(['PowerPoint Document'])).args?.detected).toBe('powerpoint');
  });

  it('input.ods: a real ODS from LibreOffice, and any zip whose mimetype entry says so', () => {
    expect(refusal(file('libreoffice.ods')).code).toBe('input.ods');
    const ods = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') });
    expect(refusal(ods).code).toBe('input.ods');
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x/>') });
    expect(refusal(odt)).toMatchObject({ code: 'input.not_spreadsheet', args: { detected: 'opendocument' } });
  });

  it('input.csv: comma, semicolon and tab separated text, with or without a BOM or a title line', () => {
    expect(refusal(file('libreoffice.csv')).code).toBe('input.csv');
    expect(refusal(strToU8('STT;Loại thiết bị;Số lượng\n1;Máy in;2\n')).code).toBe('input.csv');
    expect(refusal(strToU8('\uFEFFBÁO CÁO KIỂM KÊ\nSTT,Tên,SL\n1,PC,20\n')).code).toBe('input.csv');
    const tabs = 'STT\tTên\n1\tPC\n';
    const utf16 = new Uint8Array(2 + tabs.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < tabs.length; i++) utf16[2 + 2 * i] = tabs.charCodeAt(i); // Excel's "Unicode text"
    expect(refusal(utf16).code).toBe('input.csv');
  });

  it.each([
    ['a real PDF', () => file('libreoffice.pdf'), 'pdf'],
    ['an HTML table saved as .xls', () => strToU8('<html><body><table><tr><td>STT</td></tr></table></body></html>'), 'html'],
    ['an XML Spreadsheet 2003', () => strToU8('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), 'xml'],
    ['plain text', () => strToU8('Kính gửi Phòng GD&ĐT\n'), 'text'],
    ['a PNG image', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'binary'],
    ['a .docx', () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }), 'word'],
    ['a .pptx', () => zipSync({ 'ppt/presentation.xml': strToU8('<p/>') }), 'powerpoint'],
    ['an .xlsb', () => zipSync({ 'xl/workbook.bin': new Uint8Array(8) }), 'xlsb'],
    ['a zip of photos', () => zipSync({ 'anh/1.jpg': new Uint8Array(16) }), 'zip'],
    ['an empty zip', () => zipSync({}), 'zip'],
  ])('input.not_spreadsheet: %s', (_, bytes, detected) => {
    expect(refusal(bytes())).toEqual({ code: 'input.not_spreadsheet', args: { file: 'truong.xlsx', detected, what: { code: `input.detected.${detected}` } } });
  });

  it('an officeDocument that is not a workbook (a docx renamed) is not a spreadsheet', () => {
    const docx = xlsxPackage({ sheets: [], parts: { 'xl/workbook.xml': '<w:document xmlns:w="urn:w"/>' } });
    expect(refusal(docx).code).toBe('input.not_spreadsheet');
  });
});

// ---------- damaged files ----------

describe('input.corrupt', () => {
  const good = file('exceljs-features.xlsx');

  it('a truncated download (half the file, or the end cut off)', () => {
    expect(refusal(good.subarray(0, good.length >> 1))).toMatchObject({ code: 'input.corrupt', args: { reason: 'no_central_directory' } });
    expect(refusal(good.subarray(0, good.length - 30)).code).toBe('input.corrupt');
  });

  it('damaged compressed data', () => {
    const bytes = rawZip([{ name: '_rels/.rels', text: '<x/>' }, { name: 'xl/workbook.xml', text: '<x/>' }]);
    expect(refusal(bytes).code).toBe('input.not_spreadsheet'); // sanity: this writer works
    const broken = rawZip([{ name: 'xl/workbook.xml', data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), size: 100 }]);
    expect(refusal(broken)).toMatchObject({ code: 'input.corrupt', args: { reason: 'bad_deflate_data' } });
  });

  it('an entry shorter than declared', () => {
    const bytes = rawZip([{ name: 'xl/workbook.xml', data: deflateRawSync('<workbook/>'), size: 500 }]);
    expect(refusal(bytes)).toMatchObject({ code: 'input.corrupt', args: { reason: 'bad_size' } });
  });

  it('XML that is not well-formed, and entities that are not declared', () => {
    const unclosed = xlsxPackage({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></row>') }] });
    expect(refusal(unclosed)).toMatchObject({ code: 'input.corrupt', args: { reason: 'xml', entry: 'xl/worksheets/sheet1.xml' } });
    const entity = xlsxPackage({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>') }] });
    expect(refusal(entity).code).toBe('input.corrupt');
  });
});

// ---------- hostile files: refused cheaply ----------

describe('hostile files cost < 1 s and < 200 MB', () => {
  const lol = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">' +
    '<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>';

  it.each([
    ['a worksheet', 'xl/worksheets/sheet1.xml'],
    ['the shared strings', 'xl/sharedStrings.xml'],
    ['the workbook', 'xl/workbook.xml'],
    ['the package relationships', '_rels/.rels'],
  ])('input.xml_dtd: billion laughs in %s is refused, never expanded', (_, part) => {
    const bytes = xlsxPackage({
      sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }],
      sharedStrings: sstXml(['<t>a</t>']),
    });
    // put the DOCTYPE in front of the part's root element
    const parts: Record<string, string> = {};
    const original = strFromU8(unzipSync(bytes)[part]!).replace(/^<\?xml[^>]*\?>\s*/, '');
    parts[part] = `<?xml version="1.0"?>${lol}${original.replace(/<t>a<\/t>|<v>0<\/v>/, (m) => m.replace(/a|0/, '&lol9;'))}`;
    const hostile = xlsxPackage({
      sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }],
      sharedStrings: sstXml(['<t>a</t>']),
      parts,
    });
    const { finding, ms, mb } = cost(hostile);
    expect(finding).toMatchObject({ code: 'input.xml_dtd', args: { entry: part } });
    expect(ms).toBeLessThan(1000);
    expect(mb).toBeLessThan(200);
  });

  it('input.xml_dtd: an external entity (XXE) is refused, the file it names is never read', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
      sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>').replace(/^<\?xml[^>]*\?>\s*/, '');
    const f = refusal(xlsxPackage({ sheets: [{ name: 'S', xml }] }));
    expect(f.code).toBe('input.xml_dtd');
  });

  it('input.zip_bomb: an entry declaring 10 GB is refused from the central directory, nothing inflated', () => {
    // The "compressed" data is garbage: had the reader tried to inflate it, it would say input.corrupt.
    const bomb = rawZip([
      { name: '_rels/.rels', text: '<Relationships/>' },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(1000).fill(0xaa), size: 10 * 1024 ** 3 },
    ]);
    expect(bomb.length).toBeLessThan(2000);
    const { finding, ms, mb } = cost(bomb);
    expect(finding).toMatchObject({
      code: 'input.zip_bomb',
      args: { limit: 'maxTotalUncompressed', value: 10 * 1024 ** 3 + 16, max: DEFAULT_LIMITS.maxTotalUncompressed, entry: 'xl/worksheets/sheet1.xml' },
    });
    expect(ms).toBeLessThan(50);
    expect(mb).toBeLessThan(20);
  });

  it('input.zip_bomb: many entries whose declared sizes add up past the cap', () => {
    // 250 entries of 1 MB each (small enough to escape the ratio check), 250 MB in all
    const entries = Array.from({ length: 250 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: new Uint8Array(10).fill(1), size: 1024 ** 2 }));
    expect(refusal(rawZip(entries))).toMatchObject({ code: 'input.zip_bomb', args: { limit: 'maxTotalUncompressed', entry: 'xl/media/image200.png' } });
  });

  it('input.zip_bomb: entries that overlap (several names for the same compressed bytes) are refused', () => {
    const data = deflateRawSync(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'));
    const once = rawZip([{ name: 'xl/worksheets/sheet1.xml', data, size: 0 }]);
    // a second central-directory record pointing at the first local header
    const cdStart = once.length - 22 - (46 + 'xl/worksheets/sheet1.xml'.length);
    const record = once.slice(cdStart, once.length - 22);
    const twice = new Uint8Array(once.length + record.length);
    twice.set(once.subarray(0, once.length - 22));
    twice.set(record, once.length - 22);
    twice.set(once.subarray(once.length - 22), once.length - 22 + record.length);
    const eocd = twice.length - 22;
    twice[eocd + 8] = 2; twice[eocd + 10] = 2; // two entries
    twice[eocd + 12] = record.length * 2; // central directory size (small here)
    expect(refusal(twice)).toMatchObject({ code: 'input.zip_bomb', args: { limit: 'overlappingEntries' } });
  });

  it('input.zip_bomb: a part compressed over 100:1 (and over 1 MB) is refused before inflating', () => {
    const zeros = new Uint8Array(5 * 1024 * 1024);
    const bytes = xlsxPackage({ sheets: [{ name: 'S', xml: sheetXml('') }], parts: { 'xl/worksheets/sheet1.xml': zeros } });
    const { finding, ms } = cost(bytes);
    expect(finding).toMatchObject({ code: 'input.zip_bomb', args: { limit: 'maxRatio', max: 100, entry: 'xl/worksheets/sheet1.xml' } });
    expect(finding.args?.value).toBeGreaterThan(100);
    expect(ms).toBeLessThan(50);
    // small parts compress well and are not held to the ratio: 900 KB of repeated XML reads
    const rows = '<row><c><v>1</v></c></row>'.repeat(36_000);
    expect(() => readXlsx(xlsxPackage({ sheets: [{ name: 'S', xml: sheetXml(rows) }] }), 'ok.xlsx')).not.toThrow();
  });

  const lyingWorkbook = (data: Buffer) => rawZip([
    { name: '_rels/.rels', text: '<Relationships xmlns="x"><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    { name: 'xl/workbook.xml', data, size: 1024 },
  ]);

  it('input.zip_bomb: a part that inflates past its declared size is stopped (one-shot path)', () => {
    // 16 MB of XML whitespace declared as 1 KB: inflated into a 1 KB + 1 byte buffer, the lie shows.
    const bomb = lyingWorkbook(deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 0x20)));
    const { finding, ms, mb } = cost(bomb);
    expect(finding).toMatchObject({ code: 'input.zip_bomb', args: { limit: 'declaredSize', max: 1024, entry: 'xl/workbook.xml' } });
    expect(ms).toBeLessThan(1000);
    expect(mb).toBeLessThan(200);
  });

  it('input.zip_bomb: a large lying part is streamed and stopped at the first step past its size', () => {
    // 64 MB of zeros (~64 KB compressed) declared as 1 KB: it could overrun by more than the one-shot
    // budget (32 MB), so it is streamed in 4 KB steps; the first step already outgrows the declared size.
    const data = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
    expect(data.length * 1032 - 1024).toBeGreaterThan(32 * 1024 * 1024); // really the streaming path
    const { finding, ms, mb } = cost(lyingWorkbook(data));
    expect(finding).toMatchObject({ code: 'input.zip_bomb', args: { limit: 'declaredSize', entry: 'xl/workbook.xml' } });
    expect(finding.args?.value).toBeLessThan(5 * 1024 * 1024); // stopped after one step
    expect(ms).toBeLessThan(1000);
    expect(mb).toBeLessThan(200);
  });
});

// ---------- size limits ----------

describe('input.too_large', () => {
  it('more zip entries than maxEntries (counted from the end record, before anything else)', () => {
    const many = rawZip(Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(0), method: 0 as const, size: 0 })));
    expect(refusal(many)).toMatchObject({ code: 'input.too_large', args: { limit: 'maxEntries', value: 1001, max: 1000 } });
    expect(refusal(minimal(), { maxEntries: 3 })).toMatchObject({ code: 'input.too_large', args: { limit: 'maxEntries', max: 3 } });
  });

  it('data past maxRows or maxCols, named with its sheet', () => {
    const deep = xlsxPackage({ sheets: [{ name: 'Thiết bị', xml: sheetXml('<row r="100001"><c r="A100001"><v>1</v></c></row>') }] });
    expect(refusal(deep)).toMatchObject({ code: 'input.too_large', args: { limit: 'maxRows', value: 100_001, max: 100_000, sheet: 'Thiết bị' } });
    const wide = xlsxPackage({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="ALM1"><v>1</v></c></row>') }] });
    expect(refusal(wide)).toMatchObject({ code: 'input.too_large', args: { limit: 'maxCols', value: 1001, max: 1000 } });
    expect(refusal(minimal(), { maxRows: 0 })).toMatchObject({ args: { limit: 'maxRows' } });
  });

  it('formatting without values does not count (a styled cell at XFD1048576, an empty last row)', () => {
    const styled = xlsxPackage({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="1"/></row><row r="1048576" ht="20" customHeight="1"><c r="XFD1048576" s="2"/></row>') }] });
    expect(readXlsx(styled, 'x').sheets[0]!.rows).toEqual([[{ t: 'n', v: 1 }]]);
  });

  it('more sheets than maxSheets; more cells or shared strings than maxCells', () => {
    const sheets = Array.from({ length: 101 }, (_, i) => ({ name: `S${i}`, xml: sheetXml('') }));
    expect(refusal(xlsxPackage({ sheets }))).toMatchObject({ code: 'input.too_large', args: { limit: 'maxSheets', value: 101, max: 100 } });
    const cells = xlsxPackage({ sheets: [{ name: 'S', xml: sheetXml('<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>') }] });
    expect(refusal(cells, { maxCells: 2 })).toMatchObject({ code: 'input.too_large', args: { limit: 'maxCells', max: 2 } });
    const sst = xlsxPackage({ sheets: [{ name: 'S', xml: sheetXml('') }], sharedStrings: sstXml(['<t>a</t>', '<t>b</t>', '<t>c</t>']) });
    expect(refusal(sst, { maxCells: 2 })).toMatchObject({ code: 'input.too_large', args: { limit: 'maxCells' } });
  });

  it('a table of 100 000 rows is within the limits', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `<row r="${i * 100 + 1}"><c r="A${i * 100 + 1}"><v>${i}</v></c></row>`).join('');
    const last = '<row r="100000"><c r="ALL100000"><v>1</v></c></row>'; // column 1000
    expect(readXlsx(xlsxPackage({ sheets: [{ name: 'S', xml: sheetXml(rows + last) }] }), 'x').sheets[0]!.rows.length).toBe(100_000);
  });
});

// ---------- messages ----------

describe('messages', () => {
  const codes: InputCode[] = ['input.empty', 'input.xls_legacy', 'input.encrypted', 'input.ods', 'input.csv', 'input.not_spreadsheet',
    'input.corrupt', 'input.zip_bomb', 'input.too_large', 'input.xml_dtd'];
  const nested = ['pdf', 'html', 'xml', 'text', 'binary', 'word', 'powerpoint', 'opendocument', 'zip', 'xlsb'].map((d) => `input.detected.${d}`)
    .concat(['maxEntries', 'maxTotalUncompressed', 'maxRatio', 'declaredSize', 'overlappingEntries', 'maxSheets', 'maxRows', 'maxCols', 'maxCells'].map((l) => `input.limit.${l}`));

  it('every code and nested code has vi and en text', () => {
    for (const c of [...codes, ...nested]) expect(hasMessage(c), c).toBe(true);
  });

  it('each refusal reads as a plain sentence that says what to do', () => {
    const findings = [
      refusal(file('libreoffice.xls')), refusal(file('libreoffice.pdf')),
      refusal(xlsxPackage({ sheets: [{ name: 'Thiết bị', xml: sheetXml('<row r="100001"><c r="A100001"><v>1</v></c></row>') }] })),
      refusal(rawZip([{ name: 'a', data: new Uint8Array(10), size: 10 * 1024 ** 3 }])),
    ];
    for (const f of findings) {
      for (const lang of ['vi', 'en'] as const) {
        const text = format(f, lang);
        expect(text).not.toMatch(/[{}]|input\./);
        expect(text).toContain('—'); // what it is — what to do
      }
    }
    expect(format(findings[0]!, 'vi')).toContain('.xlsx');
    expect(format(findings[1]!, 'en')).toContain('PDF');
    expect(format(findings[2]!, 'vi')).toContain('trang "Thiết bị" có dữ liệu đến dòng 100.001, vượt giới hạn 100.000 dòng');
    expect(format(findings[3]!, 'en')).toContain('10240 MB');
  });
});
