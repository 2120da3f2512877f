// Issue #12 "Done when": the district officer's folder (make-folder.ts officerFolder: 8 Bến Tre schools in
// 2 districts, a PDF, a CSV, a .txt, a school resent with the same code, a school on last year's form, two
// identical files, a lock file) through the built CLI: every file named, the duplicate counted once, flags
// naming the schools, shortages adding up per district, summary.xlsx laid out for print, and summary.html
// checked in a real browser (Debian's chromium through puppeteer-core; skipped with a reason without it).
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditAsync } from '../cli/run.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { officerFolder, tempDir, writeFolder } from './make-folder.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/audit.js');
const CHROMIUM = '/usr/bin/chromium';
/** Where the screenshot goes (git-ignored): look at it. */
const OUTPUT = join(ROOT, 'test-output');

const audit = auditAsync;

const FILES = [
  'ho-so/ba-tri/THCS Tân Xuân.pdf', 'ho-so/ba-tri/ban-sao-th-an-duc.xlsx', 'ho-so/ba-tri/th-an-duc.xlsx', 'ho-so/ba-tri/th-bao-thanh.xlsx',
  'ho-so/ba-tri/thcs-an-hoa-tay.xlsx', 'ho-so/ba-tri/thcs-tan-xuan.xlsx', 'ho-so/ghi-chu.txt', 'ho-so/mo-cay-nam/THCS Mỹ Hòa.csv',
  'ho-so/mo-cay-nam/gui-lai/th-dinh-thuy-bo-sung.xlsx', 'ho-so/mo-cay-nam/th-an-thanh.xlsx', 'ho-so/mo-cay-nam/th-dinh-thuy.xlsx',
  'ho-so/mo-cay-nam/thcs-my-hoa.xlsx', 'ho-so/mo-cay-nam/thcs-phuoc-hiep.xlsx',
];

describe('the district officer\'s folder', () => {
  let dir: string;
  let out: string;
  let run: Awaited<ReturnType<typeof audit>>;
  let s: any;

  beforeAll(async () => {
    dir = await tempDir('officer');
    await writeFolder(join(dir, 'ho-so'), officerFolder());
    out = join(dir, 'tong-hop');
    run = await audit(['batch', 'ho-so', '--out', 'tong-hop', '-j', '2'], dir);
    s = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
  }, 120_000);
  afterAll(async () => { if (!process.env.AUDIT_KEEP_TEMP) await rm(dir, { recursive: true, force: true }); else console.log(dir); });

  it('names every file (the lock file counted, not listed); a PDF and a CSV named like schools make exit 3', async () => {
    expect(run.code, run.stderr).toBe(3);
    expect(s.entries.map((e: any) => e.file)).toEqual(FILES);
    expect(s.totals).toMatchObject({ files: 13, schools: 8, superseded: 2, errors: 0, not_audited: 3, submissions: 2, ignored: { lock: 1, hidden: 0 } });
    const na = Object.fromEntries(s.entries.filter((e: any) => e.not_audited).map((e: any) => [e.file, e.not_audited]));
    expect(na).toEqual({
      'ho-so/ba-tri/THCS Tân Xuân.pdf': { kind: 'pdf', submission: true },
      'ho-so/ghi-chu.txt': { kind: 'txt', submission: false },
      'ho-so/mo-cay-nam/THCS Mỹ Hòa.csv': { kind: 'csv', submission: true },
    });
    const md = await readFile(join(out, 'summary.md'), 'utf8');
    const html = await readFile(join(out, 'summary.html'), 'utf8');
    const xlsx = await sheetTexts(join(out, 'summary.xlsx'));
    for (const f of FILES) {
      expect(md).toContain(f);
      expect(xlsx.get('Tệp')).toContain(f);
    }
    expect(md).toContain('có vẻ là hồ sơ của một trường');
    expect(run.stdout).toContain('THCS Tân Xuân.pdf');
    for (const f of ['THCS Tân Xuân.pdf', 'THCS Mỹ Hòa.csv', 'ghi-chu.txt']) expect(html).toContain(f);
  });

  it('counts and ranks a duplicated school once: the later report, then the later path', () => {
    const ranked = s.ranking.flatMap((g: any) => g.schools);
    expect(ranked).toHaveLength(8);
    expect(new Set(ranked.map((r: any) => r.code)).size).toBe(8);
    const byFile = Object.fromEntries(s.entries.filter((e: any) => e.rubric).map((e: any) => [e.file, e]));
    // resent with a later Ngày lập báo cáo: the resend counts
    expect(byFile['ho-so/mo-cay-nam/th-dinh-thuy.xlsx']).toMatchObject({ superseded_by: 'ho-so/mo-cay-nam/gui-lai/th-dinh-thuy-bo-sung.xlsx', rank: null });
    expect(byFile['ho-so/mo-cay-nam/gui-lai/th-dinh-thuy-bo-sung.xlsx'].superseded_by).toBeNull();
    // two identical copies, same date: the later path counts
    expect(byFile['ho-so/ba-tri/ban-sao-th-an-duc.xlsx'].superseded_by).toBe('ho-so/ba-tri/th-an-duc.xlsx');
    expect(ranked.map((r: any) => r.file)).not.toContain('ho-so/ba-tri/ban-sao-th-an-duc.xlsx');
  });

  it('flags name the schools: duplicate codes, identical files, last year\'s form', async () => {
    const codes = s.flags.map((f: any) => f.code);
    expect(codes).toEqual(['duplicate_code', 'duplicate_code', 'identical_files', 'school_year_differs']);
    expect(s.flags[2].schools.map((x: any) => x.name)).toEqual(['Trường Tiểu học An Đức', 'Trường Tiểu học An Đức']);
    expect(s.flags[3]).toMatchObject({ school: { code: '83000104', name: 'Trường THCS An Hòa Tây' }, value: '2023-2024', majority: '2024-2025' });
    const md = await readFile(join(out, 'summary.md'), 'utf8');
    expect(md).toContain('Trường THCS An Hòa Tây (mã 83000104, tệp ho-so/ba-tri/thcs-an-hoa-tay.xlsx): năm học 2023-2024');
    expect(md).toContain('Các tệp giống hệt nhau từng byte: Trường Tiểu học An Đức (mã 83000101, tệp ho-so/ba-tri/ban-sao-th-an-duc.xlsx)');
  });

  it('shortages per school add up per district and for the batch', async () => {
    const counted = s.entries.filter((e: any) => e.rubric && e.superseded_by === null);
    const sums = new Map<string, number>();
    for (const e of counted) {
      const perUnit = new Map<string, number>();
      for (const x of e.shortages) {
        expect(x.missing).toBe(x.need - x.have);
        perUnit.set(x.unit, Math.max(perUnit.get(x.unit) ?? 0, x.missing));
      }
      for (const [u, n] of perUnit) sums.set(`${e.district}|${u}`, (sums.get(`${e.district}|${u}`) ?? 0) + n);
    }
    for (const d of s.districts) for (const x of d.shortages) expect(x.missing).toBe(sums.get(`${d.district}|${x.unit}`));
    const total = (unit: string) => s.districts.reduce((n: number, d: any) => n + (d.shortages.find((x: any) => x.unit === unit)?.missing ?? 0), 0);
    for (const x of s.shortages) expect(x.missing).toBe(total(x.unit));
    // Ba Tri: Bảo Thạnh 18 − 12, Tân Xuân 27 − 20; Mỏ Cày Nam: Mỹ Hòa 27 − 15 (Định Thủy's resend has 18 of 18)
    expect(s.districts.map((d: any) => [d.district, d.shortages.find((x: any) => x.unit === 'computers.phong_may')?.missing])).toEqual([['Ba Tri', 13], ['Mỏ Cày Nam', 12]]);
    expect(s.shortages.find((x: any) => x.unit === 'computers.phong_may')).toEqual({ unit: 'computers.phong_may', missing: 25, schools: 3 });
    expect(s.shortages.find((x: any) => x.unit === 'equipment.webcam.all')).toEqual({ unit: 'equipment.webcam.all', missing: 4, schools: 4 });
    const md = await readFile(join(out, 'summary.md'), 'utf8');
    expect(md).toContain('Cần bổ sung 25 máy tính phòng máy, 16 máy tính cho tổ chuyên môn, 4 webcam');
  });

  it('two shards merged give the same summary.json and summary.md, every file included', async () => {
    for (const i of [1, 2]) expect((await audit(['batch', 'ho-so', '--shard', `${i}/2`, '--out', `phan-${i}`, '-f', 'json', '-q'], dir)).code).toBe(3);
    expect((await audit(['batch', '--merge', 'phan-2/summary.json', 'phan-1/summary.json', '--out', 'gop', '-q'], dir)).code).toBe(3);
    for (const f of ['summary.json', 'summary.md']) expect(await readFile(join(dir, 'gop', f), 'utf8')).toBe(await readFile(join(out, f), 'utf8'));
  }, 120_000);

  it('summary.xlsx: overview first, then ranking, pass rates, shortages, flags, files; each laid out for print, no formula', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await readFile(join(out, 'summary.xlsx')) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng quan', 'Xếp hạng', 'Tỷ lệ đạt', 'Thiếu hụt', 'Cần kiểm tra', 'Tệp']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
      expect(ws.headerFooter.oddHeader).toContain('&A');
      expect(ws.headerFooter.oddFooter).toContain('&P');
      ws.eachRow((row) => row.eachCell((c) => expect(c.formula ?? null).toBeNull()));
    }
    const overview = wb.getWorksheet('Tổng quan')!;
    const values = new Map<string, unknown>();
    overview.eachRow((r, i) => { if (i > 1) values.set(String(r.getCell(1).value), r.getCell(2).value); });
    expect(values.get('Số trường đã chấm')).toBe(8);
    expect(values.get('Tệp không phải sổ bảng tính (không chấm)')).toBe(3);
    expect(values.get('Cần bổ sung: máy tính phòng máy')).toBe(25);
    expect(values.get('Ba Tri: trường đạt / số trường')).toMatch(/^0\/4/);
    const ranking = wb.getWorksheet('Xếp hạng')!;
    expect(ranking.getRow(2).getCell(9).value).toContain('Có kết nối Internet'); // titles, ids in the next column
    expect(String(ranking.getRow(2).getCell(10).value)).toMatch(/^\d/);
  });

  it('summary.html in chromium: no console error, no network request, the numbers of summary.json', async (ctx) => {
    if (!existsSync(CHROMIUM)) {
      console.log(`skipped: ${CHROMIUM} not found (apt-get install chromium; .ci/run installs it)`);
      ctx.skip();
    }
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1300, height: 900 });
      const problems: string[] = [];
      const requests: string[] = [];
      const url = pathToFileURL(join(out, 'summary.html')).href;
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn') problems.push(m.text()); });
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
      await page.goto(url, { waitUntil: 'load' });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);

      const cards = await page.$$eval('.card', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-k'), Number(e.querySelector('b')!.textContent)])));
      expect(cards).toEqual({
        files: s.totals.files, schools: s.totals.schools, pass: s.totals.pass, fail: s.totals.fail, errors: s.totals.errors,
        not_audited: s.totals.not_audited, superseded: s.totals.superseded, flags: s.totals.flags,
      });
      const rows = await page.$$eval('#schools tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-file')));
      expect(rows).toEqual(s.ranking.flatMap((g: any) => g.schools.map((r: any) => r.file)));
      const bins = await page.$$eval('#chart-scores text[data-bin]', (ts) => ts.reduce((n, t) => n + Number(t.textContent), 0));
      expect(bins).toBe(s.ranking.flatMap((g: any) => g.schools).filter((r: any) => r.score !== null).length);
      const shortage = await page.$eval('.shortage', (e) => e.textContent);
      expect(shortage).toContain('25 máy tính phòng máy');
      const flags = await page.$$eval('[data-flag]', (ls) => ls.length);
      expect(flags).toBe(s.flags.length);
      // each school links to its own report, which exists
      const links = await page.$$eval('#schools tbody a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(links.length).toBe(16);
      for (const l of links) expect(existsSync(new URL(l))).toBe(true);

      // filter, then sort by score
      await page.type('#filter', 'mỏ cày');
      expect(await page.$$eval('#schools tbody tr', (trs) => trs.filter((t) => !(t as HTMLElement).hidden).length)).toBe(4);
      expect(await page.$eval('#shown', (e) => e.textContent)).toBe('Đang hiện 4/8 trường');
      await page.$$eval('#filter', (e) => { (e[0] as HTMLInputElement).value = ''; e[0]!.dispatchEvent(new Event('input')); });
      const scoreCol = await page.$$eval('#schools thead th', (ths) => ths.findIndex((t) => t.textContent === 'Điểm'));
      await page.click(`#schools thead th:nth-child(${scoreCol + 1})`);
      const scores = await page.$$eval('#schools tbody tr', (trs, col) => trs.map((t) => Number((t as HTMLTableRowElement).cells[col as number]!.getAttribute('data-v'))), scoreCol);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);

      await mkdir(OUTPUT, { recursive: true });
      await page.goto(url, { waitUntil: 'load' });
      await page.screenshot({ path: join(OUTPUT, 'summary-html.png') as `${string}.png`, fullPage: true });
      console.log(`screenshot: ${join(OUTPUT, 'summary-html.png')}`);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

/** Every text of each sheet, joined. */
async function sheetTexts(path: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await readFile(path) as never);
  const out = new Map<string, string>();
  wb.eachSheet((ws) => {
    const parts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { parts.push(String(c.value)); }));
    out.set(ws.name, parts.join('\n'));
  });
  return out;
}
