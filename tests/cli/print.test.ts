// The school's Excel report as the principal gets it on paper: converted to PDF by LibreOffice (as a
// printer would lay it out), its pages read back with pdftotext. The first sheet ("Báo cáo") must print
// on at most 3 legible A4 pages, page 1 holding the verdict and the first criterion not met.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, findProgram, fixture, skipReason, tempDir } from './run.js';

const soffice = findProgram('soffice', ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice']);
const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0 ? 'pdftotext' : null;
const why = !soffice ? '`soffice` (LibreOffice) is not installed' : !pdftotext ? '`pdftotext` (poppler-utils) is not installed' : null;
if (why) skipReason('printed Excel report', why);

/** Text of each page, and the heights of its words (points) from pdftotext's bounding boxes. */
function pages(pdf: string): { text: string; heights: number[] }[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  return html.split('<page ').slice(1).map((page) => {
    const words = [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)];
    return { text: words.map((w) => w[3]).join(' '), heights: words.map((w) => Number(w[2]) - Number(w[1])) };
  });
}

describe.runIf(!why)('the printed school report', () => {
  it('prints the principal\'s sheet of a failing school on at most 3 legible A4 pages, the verdict and first failure on page 1', { timeout: 240_000 }, () => {
    const dir = tempDir('audit-print-');
    const r = audit([fixture('thpt-chua-dat.xlsx'), '--out', dir, '-f', 'xlsx,json', '-q']);
    expect(r.code).toBe(1);
    const result = JSON.parse(readFileSync(join(dir, '83000742.audit.json'), 'utf8'));
    const firstOpen = result.criteria.find((c: { status: string; severity: string }) => c.severity === 'required' && (c.status === 'fail' || c.status === 'missing'));
    const conv = spawnSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, '83000742.audit.xlsx')],
      { encoding: 'utf8', timeout: 200_000 });
    expect(conv.status, conv.stderr).toBe(0);
    const all = pages(join(dir, '83000742.audit.pdf'));
    // the "Chi tiết" sheet (for the screen: every technical column) starts on its own page, with its header
    const details = all.findIndex((p) => p.text.includes('Mã tiêu chí') && p.text.includes('Quy tắc'));
    expect(details).toBeGreaterThan(0);
    const report = all.slice(0, details);
    console.log(`printed report: ${report.length} page(s) for the principal's sheet, ${all.length} in the whole workbook`);
    expect(report.length).toBeLessThanOrEqual(3);
    const words = (s: string) => s.replace(/\s+/g, ' ');
    expect(words(report[0]!.text)).toContain('KHÔNG ĐẠT');
    expect(words(report[0]!.text)).toMatch(/Không đạt vì \d+ tiêu chí bắt buộc chưa đạt/);
    expect(words(report[0]!.text)).toContain(words(firstOpen.title));
    expect(words(report[0]!.text)).toContain('Trang 1/');
    // legible: the words of the principal's pages are printed at least 8 points tall (the old report: 3.8)
    const heights = report.flatMap((p) => p.heights).sort((a, b) => a - b);
    expect(heights[Math.floor(heights.length / 2)]).toBeGreaterThanOrEqual(8);
    // every criterion is on those pages, none cut off by a row too short
    for (const c of result.criteria) expect(words(report.map((p) => p.text).join(' ')), c.id).toContain(words(c.title).split(' ').slice(0, 4).join(' '));
  });
});
