// dist/audit.html in a real browser: Debian's chromium driven by puppeteer-core (the system browser,
// nothing downloaded), one launch for the whole file. The page is opened from file:// as a teacher opens
// it, the example workbooks are set on its file input, and what it decides must be what the command line
// decides for the same files. Skipped, with the reason printed, when chromium is not installed.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { craftZip, schoolXlsx, setInfo } from '../hostile/helpers.js';
import { audit, ROOT, skipReason, tempDir } from '../cli/run.js';

const CHROMIUM = process.env.AUDIT_CHROMIUM ?? '/usr/bin/chromium';
const PAGE = join(ROOT, 'dist', 'audit.html');
/** Screenshots and downloads are kept here to be looked at after the run (git-ignored). */
const OUT = join(ROOT, 'test-output', 'web');
const FIXTURES = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.xlsx')).sort();
const fixturePath = (f: string) => join(ROOT, 'fixtures', f);

const have = existsSync(CHROMIUM);
if (!have) skipReason('the web page in a browser', `${CHROMIUM} not found (apt-get install chromium)`);

let browser: Browser;
let page: Page;
/** What the page did that it must not: requests to anything but the file itself, console errors, page errors. */
const requests: string[] = [];
const problems: string[] = [];
const downloads = join(OUT, 'downloads');
const dir = tempDir('audit-web-');

async function openPage(): Promise<void> {
  page = await browser.newPage();
  page.on('request', (r) => { if (!/^(file|blob|data):/.test(r.url())) requests.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn') problems.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${(e as Error).message}`));
  page.on('workercreated', (w) => w.on('console', (m) => { if (m.type() === 'error') problems.push(`worker console.error: ${m.text()}`); }));
  await page.setViewport({ width: 1200, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
  await page.goto(`file://${PAGE}`);
  await page.waitForFunction(() => document.body.dataset.state === 'idle', { timeout: 30_000 });
}

/** Choose files on the page's input and wait until every one is processed. */
async function choose(files: string[]): Promise<unknown[]> {
  await page.evaluate(() => { document.body.dataset.state = 'choosing'; });
  const input = await page.$('#files');
  await input!.uploadFile(...files);
  await page.waitForFunction(() => document.body.dataset.state === 'done', { timeout: 60_000 });
  return page.evaluate(() => window.auditResults);
}

async function download(selector: string, name: string): Promise<Uint8Array> {
  const file = join(downloads, name);
  rmSync(file, { force: true });
  await page.click(selector);
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 100)); // a download is renamed into place when complete
  return new Uint8Array(readFileSync(file));
}

/** Every cell's value of every sheet, to compare two workbooks. */
async function cells(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => { rows.push(JSON.parse(JSON.stringify(row.values)) as unknown[]); });
    out[ws.name] = rows;
  });
  return out;
}

describe.skipIf(!have)('dist/audit.html in chromium, from file://', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    expect(existsSync(PAGE), 'dist/audit.html is built by npm run build').toBe(true);
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(downloads, { recursive: true });
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    await openPage();
  }, 60_000);
  afterAll(async () => { await browser?.close(); });

  test('forbids the network in its Content-Security-Policy and says nothing is uploaded', async () => {
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'));
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/connect-src 'none'/);
    expect(csp).toMatch(/worker-src blob:/);
    expect(await page.$eval('.private', (e) => e.textContent)).toMatch(/không được tải lên/);
    expect(await page.$eval('input#files', (e) => (e as HTMLInputElement).multiple)).toBe(true);
  });

  test('one workbook: the same result as `audit --json`, verdict first, and its .xlsx report opens', async () => {
    const file = fixturePath('thpt-chua-dat.xlsx');
    const [result] = await choose([file]);
    const cli = audit([file, '--json']);
    expect(cli.code).toBe(1);
    expect(result).toEqual(JSON.parse(cli.stdout));
    // The page leads with the verdict and what to fix.
    const verdict = await page.$eval('.school .verdict', (e) => e.textContent);
    expect(verdict).toMatch(/^CHƯA ĐẠT/);
    expect(await page.$$eval('table.fix tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'one-school.png'), fullPage: true });

    // The downloaded report holds what the command line's holds, cell for cell.
    const stem = (result as { school: { code: string } }).school.code;
    const xlsx = await download('.dl-xlsx', `${stem}.audit.xlsx`);
    audit([file, '--out', dir, '-f', 'xlsx,md', '-q']);
    expect(await cells(xlsx)).toEqual(await cells(new Uint8Array(readFileSync(join(dir, `${stem}.audit.xlsx`)))));
    const md = await download('.dl-md', `${stem}.audit.md`);
    expect(new TextDecoder().decode(md)).toBe(readFileSync(join(dir, `${stem}.audit.md`), 'utf8'));
  });

  test('every example workbook at once: each result as `audit --json` gives it, and the batch summary as `audit batch`', async () => {
    const results = await choose(FIXTURES.map(fixturePath));
    const cli = audit([...FIXTURES.map(fixturePath), '--json']);
    expect(results).toEqual(JSON.parse(cli.stdout));
    // The batch summary: the same summary.json as `audit batch` run in a folder of the same files (same names).
    const folder = join(dir, 'ecoles');
    mkdirSync(folder, { recursive: true });
    for (const f of FIXTURES) copyFileSync(fixturePath(f), join(folder, f));
    const batch = audit(['batch', '.', '--json', '-j', '1', '-q'], { cwd: folder });
    const summary = JSON.parse(new TextDecoder().decode(await download('.dl-summary-json', 'summary.json')));
    writeFileSync(join(OUT, 'summary.cli.json'), batch.stdout);
    expect(summary).toEqual(JSON.parse(batch.stdout));
    const rows = await page.$$eval('table.ranking tbody tr', (trs) => trs.length);
    // One row per school ranked (a second copy of a school's workbook is superseded, as in `audit batch`).
    expect(rows).toBe((summary as { ranking: { schools: unknown[] }[] }).ranking.flatMap((r) => r.schools).length);
    expect(rows).toBeGreaterThan(3);
    const xlsx = await download('.dl-summary-xlsx', 'summary.xlsx');
    expect(Object.keys(await cells(xlsx)).length).toBeGreaterThan(1);
    await page.screenshot({ path: join(OUT, 'batch.png'), fullPage: true });
  });

  test('a zip bomb and files that are not workbooks: one line each, as the command line says it; the page stays responsive', async () => {
    const MB = 1024 * 1024;
    const RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>';
    const rels = { name: '_rels/.rels', data: deflateRawSync(RELS), size: RELS.length };
    const files: Record<string, Uint8Array> = {
      // 64 MB of zeros in 64 KB, declared honestly: refused from the directory.
      'bom.xlsx': craftZip([rels, { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(new Uint8Array(64 * MB)), size: 64 * MB }]),
      // A part that lies about its size: stopped while inflating (the browser's streaming path).
      'noi-doi.xlsx': craftZip([rels, { name: 'xl/workbook.xml', data: deflateRawSync(new Uint8Array(8 * MB)), size: 1024 }]),
      'bang.csv': new TextEncoder().encode('a,b\n1,2\n'),
      'cu.xls': new Uint8Array(readFileSync(join(ROOT, 'tests', 'convert', 'sample.xls'))),
    };
    const paths = Object.entries(files).map(([name, bytes]) => { const p = join(dir, name); writeFileSync(p, bytes); return p; });
    const started = Date.now();
    const results = await choose(paths) as { file: string; error: string }[];
    expect(Date.now() - started).toBeLessThan(20_000);
    // Responsive: the main thread answers at once after it all.
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    expect(Date.now() - t0).toBeLessThan(1000);
    for (const [i, r] of results.entries()) {
      expect(r.file).toBe(Object.keys(files)[i]);
      expect(r.error).not.toMatch(/\n|internal error|lỗi nội bộ/);
      // The reader's own sentence, as `audit` prints it (an .xls without LibreOffice says to save it as .xlsx).
      const cli = audit([paths[i]!], { env: { AUDIT_SOFFICE: 'off' } });
      expect(cli.code).toBe(3);
      if (!r.file.endsWith('.xls')) expect(cli.stderr.trim()).toBe(`${paths[i]}: ${r.error.slice(r.file.length + 2)}`);
    }
    expect(results[0]!.error).toMatch(/tệp nén bất thường/);
    expect(results[1]!.error).toMatch(/tệp nén bất thường/);
    expect(results[3]!.error).toMatch(/lưu lại dưới dạng \.xlsx/);
    await page.screenshot({ path: join(OUT, 'errors.png'), fullPage: true });
  });

  test('a workbook that does not say its province: the page asks for a rubric, then audits as `--rubric` does', async () => {
    const file = join(dir, 'khong-tinh.xlsx');
    writeFileSync(file, schoolXlsx((wb) => setInfo(wb, 'Tỉnh/Thành phố', '')));
    const [first] = await choose([file]) as { file: string; error: string }[];
    const cli = audit([file]);
    expect(cli.code).toBe(2);
    expect(first!.error).toBe(cli.stderr.trim());
    expect(await page.$eval('.school .hint', (e) => e.textContent)).toMatch(/chọn bộ tiêu chí/);
    // Choosing a rubric audits the file again with it.
    await page.evaluate(() => { document.body.dataset.state = 'choosing'; });
    await page.select('#rubric', 'ben-tre-2782@1.0.0');
    await page.waitForFunction(() => document.body.dataset.state === 'done', { timeout: 60_000 });
    const [result] = await page.evaluate(() => window.auditResults);
    expect(result).toEqual(JSON.parse(audit([file, '--rubric', 'ben-tre-2782@1.0.0', '--json']).stdout));
    await page.select('#rubric', '');
  });

  test('the blank inventory form downloads and is the one `audit template` writes', async () => {
    const bytes = await download('#template', 'mau-kiem-ke.xlsx');
    const target = join(dir, 'mau.xlsx');
    audit(['template', '-o', target, '-q']);
    expect(await cells(bytes)).toEqual(await cells(new Uint8Array(readFileSync(target))));
  });

  test('made no network request and logged no error', () => {
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  });
});

