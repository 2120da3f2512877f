import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderXlsx } from './xlsx.js';
import { STATUS_STYLE } from './common.js';
import { sampleResult } from './sample-result.js';

const tmp = mkdtempSync(join(tmpdir(), 'audit-render-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Every cell as [sheet, address, value] for comparing content. */
function cells(wb: ExcelJS.Workbook): [string, string, unknown][] {
  const out: [string, string, unknown][] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push([ws.name, c.address, c.value]))));
  return out;
}

const has = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

describe('Excel report', async () => {
  const vi = await renderXlsx(sampleResult(), { lang: 'vi', color: false });
  const en = await renderXlsx(sampleResult(), { lang: 'en', color: false });
  const file = join(tmp, 'sample.vi.xlsx');
  writeFileSync(file, vi);

  it('has the three sheets, named in the report language', async () => {
    expect((await load(vi)).worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Tiêu chí', 'Lỗi dữ liệu']);
    expect((await load(en)).worksheets.map((w) => w.name)).toEqual(['Summary', 'Criteria', 'Data issues']);
  });

  it('freezes the header row and filters every table', async () => {
    const wb = await load(vi);
    const expectedFilter: Record<string, string> = { 'Tổng hợp': 'A1:B', 'Tiêu chí': 'A1:O12', 'Lỗi dữ liệu': 'A1:E6' };
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(String(ws.autoFilter)).toContain(expectedFilter[ws.name]!);
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
      for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(8);
    }
  });

  it('puts a criterion per row with its status filled in its colour, and the directive quote', async () => {
    const ws = (await load(vi)).getWorksheet('Tiêu chí')!;
    const header = ws.getRow(1).values as unknown[];
    expect(header.slice(1, 8)).toEqual(['Mục', 'Mã tiêu chí', 'Tiêu chí', 'Mức độ', 'Trọng số', 'Điểm đạt', 'Trạng thái']);
    const r = sampleResult();
    r.criteria.forEach((c, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(2).value).toBe(c.id);
      expect(row.getCell(4).value).toBe(c.severity === 'required' ? 'Bắt buộc' : 'Khuyến khích');
      const status = row.getCell(7);
      expect((status.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${STATUS_STYLE[c.status].fill}`);
      expect(row.getCell(6).value).toBe(c.points ?? null);
      expect(row.getCell(12).value).toBe(c.quote ?? null);
    });
    expect(ws.getRow(2).getCell(7).value).toBe('Đạt');
    expect(ws.getRow(3).getCell(7).value).toBe('Thiếu dữ liệu');
    expect(ws.getRow(3).getCell(3).alignment?.wrapText).toBe(true);
  });

  it('says on the summary sheet why the school fails, its groups by title, and its band only when the rubric has bands', async () => {
    const rows = async (r: ReturnType<typeof sampleResult>, lang: 'vi' | 'en' = 'vi') => {
      const ws = (await load(await renderXlsx(r, { lang, color: false }))).getWorksheet(lang === 'vi' ? 'Tổng hợp' : 'Summary')!;
      const out: [string, unknown][] = [];
      ws.eachRow((row) => out.push([String(row.getCell(1).value), row.getCell(2).value]));
      return out;
    };
    const vi = await rows(sampleResult());
    const labels = vi.map(([k]) => k);
    expect(labels.indexOf('Lý do')).toBe(labels.indexOf('Kết quả') + 1);
    expect(vi).toContainEqual(['Lý do', 'Không đạt vì 2 tiêu chí bắt buộc chưa đạt, 1 thiếu dữ liệu và điểm 56.7 dưới mức đạt 60.']);
    expect(vi).toContainEqual(['Xếp loại', 'Trung bình']);
    expect(vi).toContainEqual(['Nhóm: Hạ tầng, thiết bị CNTT', '50.0 (Trung bình)']);
    expect(vi).toContainEqual(['Nhóm: day-hoc', '40.0 (Yếu)']);
    expect(await rows(sampleResult(), 'en')).toContainEqual(['Group: IT infrastructure and equipment', '50.0 (Average)']);
    const r = sampleResult();
    r.has_bands = false;
    r.band = null;
    const noBands = await rows(r);
    expect(noBands.map(([k]) => k)).not.toContain('Xếp loại');
    expect(noBands).toContainEqual(['Nhóm: Hạ tầng, thiết bị CNTT', '50.0']);
  });

  it('keeps every text as text: no formula anywhere, even for "=HYPERLINK(…)"', async () => {
    const wb = await load(vi);
    const all = cells(wb);
    const strings = all.filter(([, , v]) => typeof v === 'string');
    expect(all.every(([, , v]) => typeof v === 'string' || typeof v === 'number')).toBe(true);
    expect(strings.some(([, , v]) => (v as string).includes('=HYPERLINK('))).toBe(true);
    // a cell whose whole text starts with = + - @
    const issues = wb.getWorksheet('Lỗi dữ liệu')!;
    expect(issues.getRow(5).getCell(5).value).toMatch(/^Ô "Số lượng" phải là số, đang ghi "=HYPERLINK/);
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => {
      expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
      if (typeof c.value === 'string') expect(c.numFmt, `${ws.name}!${c.address}`).toBe('@');
    }));
    const zip = unzipSync(vi);
    const xml = Object.entries(zip).filter(([n]) => n.endsWith('.xml'));
    expect(xml.length).toBeGreaterThan(5);
    for (const [name, data] of xml) expect(strFromU8(data), name).not.toMatch(/<f[\s>]/);
  });

  it('turns a value that is only a formula into text', async () => {
    const r = sampleResult();
    r.school.name = '=HYPERLINK("http://evil.example","x")';
    r.school.district = '@SUM(1+1)';
    r.school.province = '+1';
    r.school.school_year = '-1';
    const ws = (await load(await renderXlsx(r, { lang: 'vi', color: false }))).getWorksheet('Tổng hợp')!;
    const values = [1, 2, 3, 4, 5].map((i) => ws.getRow(i + 1).getCell(2));
    expect(values.map((c) => c.value)).toEqual(['=HYPERLINK("http://evil.example","x")', '83000123', '+1', '@SUM(1+1)', '-1']);
    for (const c of values) expect([c.type, c.numFmt]).toEqual([ExcelJS.ValueType.String, '@']);
  });

  it('has fixed document properties and gives the same bytes twice', async () => {
    const again = await renderXlsx(sampleResult(), { lang: 'vi', color: false });
    expect(Buffer.from(again).equals(Buffer.from(vi))).toBe(true);
    const wb = await load(vi);
    expect(wb.creator).toBe('audit');
    expect(wb.created.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    const stamped = await load(await renderXlsx(sampleResult(), { lang: 'vi', color: false, generatedAt: '2016-11-01T08:00:00.000Z' }));
    expect(stamped.modified.toISOString()).toBe('2016-11-01T08:00:00.000Z');
    expect(cells(stamped).filter(([s]) => s === 'Tiêu chí')).toEqual(cells(wb).filter(([s]) => s === 'Tiêu chí'));
  });

  it('survives control characters in the data (Excel rejects them in XML)', async () => {
    const wb = await load(vi);
    const text = cells(wb).map(([, , v]) => String(v)).join('\n');
    expect(text).toContain('12\uFFFD bộ\uFFFD[31m');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  const soffice = has('soffice', ['--version']);
  it.runIf(soffice)('opens in LibreOffice, which reads the formula-like text as text', { timeout: 180_000 }, () => {
    const out = join(tmp, 'csv');
    const profile = join(tmp, 'lo-profile');
    // csv filter options: comma, quote, UTF-8, …, sheet -1 = every sheet to its own file
    const res = spawnSync('soffice', [
      `-env:UserInstallation=file://${profile}`, '--headless', '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file,
    ], { encoding: 'utf8', timeout: 170_000 });
    expect(res.status, res.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(3);
    const all = files.map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    expect(all).toContain('83000123');
    expect(all).toContain('Thiếu dữ liệu');
    // evaluated, HYPERLINK would have left only its label; as text the whole formula is there
    expect(all).toContain('=HYPERLINK(""http://evil.example/x"",""Bấm vào đây"")');
  });
  if (!soffice) {
    console.warn('xlsx: LibreOffice check skipped: `soffice` is not installed');
    it.skip('opens in LibreOffice — skipped: `soffice` is not installed', () => {});
  }

  // the first python that has openpyxl (a pyenv python3 may shadow the system one that has it)
  const python = ['python3', '/usr/bin/python3'].find((p) => has(p, ['-c', 'import openpyxl']));
  const openpyxl = python !== undefined;
  it.runIf(openpyxl)('opens in openpyxl, with the same sheets and no formula', { timeout: 60_000 }, () => {
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'print(json.dumps({"sheets": wb.sheetnames, "formulas": sum(1 for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"),',
      '  "freeze": [ws.freeze_panes for ws in wb], "filter": [ws.auto_filter.ref for ws in wb]}))',
    ].join('\n');
    const res = spawnSync(python!, ['-c', script, file], { encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    const info = JSON.parse(res.stdout);
    expect(info.sheets).toEqual(['Tổng hợp', 'Tiêu chí', 'Lỗi dữ liệu']);
    expect(info.formulas).toBe(0);
    expect(info.freeze).toEqual(['A2', 'A2', 'A2']);
    expect(info.filter[1]).toBe('A1:O12');
  });
  if (!openpyxl) {
    console.warn('xlsx: openpyxl check skipped: python3 cannot import openpyxl');
    it.skip('opens in openpyxl — skipped: python3 cannot import openpyxl', () => {});
  }
});
