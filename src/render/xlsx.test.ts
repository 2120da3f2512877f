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

  /** The first sheet's rows as the texts of their non-empty cells. */
  const reportRows = async (r: ReturnType<typeof sampleResult>, lang: 'vi' | 'en' = 'vi') => {
    const ws = (await load(await renderXlsx(r, { lang, color: false }))).worksheets[0]!;
    const out: string[][] = [];
    ws.eachRow((row) => { const cs: string[] = []; row.eachCell((c) => { if (!c.isMerged || c.address === c.master.address) cs.push(String(c.value)); }); out.push(cs); });
    return out;
  };

  it('has the report, the details and the data problems, named in the report language; no empty sheet', async () => {
    expect((await load(vi)).worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Chi tiết', 'Dữ liệu cần xem lại']);
    expect((await load(en)).worksheets.map((w) => w.name)).toEqual(['Report', 'Details', 'Data to check']);
    const clean = sampleResult();
    clean.data_issues = [];
    expect((await load(await renderXlsx(clean, { lang: 'vi', color: false }))).worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Chi tiết']);
  });

  it('prints the first sheet for the principal: A4 landscape fit to width, header row repeated, school and page numbers', async () => {
    const ws = (await load(vi)).worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.columnCount).toBe(5);
    const header = Number(/^(\d+):\1$/.exec(String(ws.pageSetup.printTitlesRow))![1]);
    expect((ws.getRow(header).values as unknown[]).slice(1)).toEqual(['Mục', 'Tiêu chí', 'Kết quả', 'Thực tế / Yêu cầu', 'Cần khắc phục — lời văn bản']);
    expect(ws.headerFooter.oddHeader).toContain('Trường THPT Mỏ Cày <Nam> && "Bắc" (mã 83000123)');
    expect(ws.headerFooter.oddFooter).toContain('Trang &P/&N');
    // every wrapped row has a height for its lines (LibreOffice does not grow rows by itself)
    let tall = 0;
    ws.eachRow((row) => { if (row.height && row.height > 20) tall++; });
    expect(tall).toBeGreaterThan(3);
  });

  it('says who, against what, the verdict and why, then the criteria not met (required first) with what to fix and the directive\'s words', async () => {
    const rows = await reportRows(sampleResult());
    const flat = rows.map((r) => r.join(' | '));
    expect(flat[0]).toBe('BÁO CÁO ĐÁNH GIÁ ỨNG DỤNG CNTT');
    expect(flat[1]).toBe('Trường THPT Mỏ Cày <Nam> & "Bắc" (mã 83000123) — Mỏ Cày Nam, Bến Tre, 2016-2017');
    expect(flat).toContain('Kết quả: KHÔNG ĐẠT — điểm 56,7/100 — xếp loại Trung bình');
    expect(flat).toContain('Không đạt vì 2 tiêu chí bắt buộc chưa đạt, 1 thiếu dữ liệu và điểm 56,7 dưới mức đạt 60.');
    expect(flat).toContain('Nhóm: Hạ tầng, thiết bị CNTT: 50,0 (Trung bình)');
    const open = flat.indexOf('Tiêu chí chưa đạt (4) — cần khắc phục');
    const met = flat.indexOf('Tiêu chí đạt (5)');
    expect(open).toBeGreaterThan(flat.findIndex((l) => l.startsWith('Kết quả')));
    expect(met).toBeGreaterThan(open);
    const mgmt = rows.find((r) => r[1] === 'Ít nhất 02 bộ máy tính phục vụ quản lý, điều hành')!;
    expect(mgmt[2]).toBe('Không đạt\nBắt buộc');
    expect(mgmt[4]).toMatch(/^thiếu 1 máy tính Quản lý\n“.+”$/s);
    // required before recommended among those not met
    const idx = (title: string) => rows.findIndex((r) => r[1] === title);
    expect(idx('Không sử dụng phần mềm không bản quyền')).toBeGreaterThan(idx('Ít nhất 02 bộ máy tính phục vụ quản lý, điều hành'));
    expect(idx('Không sử dụng phần mềm không bản quyền')).toBeLessThan(met);
    // no technical column or checksum on the principal's sheet
    const text = flat.join('\n');
    expect(text).not.toContain(sampleResult().rubric.sha256);
    expect(text).not.toContain('2.management-computers');
  });

  it('shows the band only when the rubric has bands', async () => {
    const r = sampleResult();
    r.has_bands = false;
    r.band = null;
    const flat = (await reportRows(r)).map((x) => x.join(' | '));
    expect(flat).toContain('Kết quả: KHÔNG ĐẠT — điểm 56,7/100');
    expect(flat).toContain('Nhóm: Hạ tầng, thiết bị CNTT: 50,0');
    expect((await reportRows(sampleResult(), 'en')).map((x) => x.join(' | '))).toContain('Group: IT infrastructure and equipment: 50.0 (Average)');
  });

  it('keeps every technical column, the identity and the checksums on "Chi tiết"', async () => {
    const ws = (await load(vi)).getWorksheet('Chi tiết')!;
    const header = ws.getRow(1).values as unknown[];
    expect(header.slice(1, 8)).toEqual(['Mục', 'Mã tiêu chí', 'Tiêu chí', 'Mức độ', 'Trọng số', 'Điểm đạt', 'Trạng thái']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(String(ws.autoFilter)).toContain('A1:O12');
    const r = sampleResult();
    r.criteria.forEach((c, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(2).value).toBe(c.id);
      const status = row.getCell(7);
      expect((status.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${STATUS_STYLE[c.status].fill}`);
      expect(row.getCell(6).value).toBe(c.points ?? null);
      expect(row.getCell(12).value).toBe(c.quote ?? null);
    });
    const facts: unknown[] = [];
    ws.eachRow((row) => facts.push(row.getCell(3).value));
    expect(facts).toContain(r.rubric.sha256);
    expect(facts).toContain(r.source.sha256);
  });

  it('keeps every text as text: no formula anywhere, even for "=HYPERLINK(…)"', async () => {
    const wb = await load(vi);
    const all = cells(wb);
    const strings = all.filter(([, , v]) => typeof v === 'string');
    expect(all.every(([, , v]) => typeof v === 'string' || typeof v === 'number')).toBe(true);
    expect(strings.some(([, , v]) => (v as string).includes('=HYPERLINK('))).toBe(true);
    // a cell whose whole text starts with = + - @
    const issues = wb.getWorksheet('Dữ liệu cần xem lại')!;
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
    const wb = await load(await renderXlsx(r, { lang: 'vi', color: false }));
    const ws = wb.getWorksheet('Chi tiết')!;
    const found: ExcelJS.Cell[] = [];
    ws.eachRow((row) => { const c = row.getCell(3); if (c.value === r.school.name || c.value === r.school.district) found.push(c); });
    expect(found).toHaveLength(2);
    for (const c of found) expect([c.type, c.numFmt]).toEqual([ExcelJS.ValueType.String, '@']);
  });

  it('has fixed document properties and gives the same bytes twice', async () => {
    const again = await renderXlsx(sampleResult(), { lang: 'vi', color: false });
    expect(Buffer.from(again).equals(Buffer.from(vi))).toBe(true);
    const wb = await load(vi);
    expect(wb.creator).toBe('audit');
    expect(wb.created.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    const stamped = await load(await renderXlsx(sampleResult(), { lang: 'vi', color: false, generatedAt: '2016-11-01T08:00:00.000Z' }));
    expect(stamped.modified.toISOString()).toBe('2016-11-01T08:00:00.000Z');
    expect(cells(stamped).filter(([s]) => s === 'Báo cáo')).toEqual(cells(wb).filter(([s]) => s === 'Báo cáo'));
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
    expect(info.sheets).toEqual(['Báo cáo', 'Chi tiết', 'Dữ liệu cần xem lại']);
    expect(info.formulas).toBe(0);
    expect(info.freeze.slice(1)).toEqual(['A2', 'A2']);
    expect(info.filter[1]).toBe('A1:O12');
  });
  if (!openpyxl) {
    console.warn('xlsx: openpyxl check skipped: python3 cannot import openpyxl');
    it.skip('opens in openpyxl — skipped: python3 cannot import openpyxl', () => {});
  }
});
