import { describe, expect, it } from 'vitest';
import { digestBatch, type BatchEntry, type BatchRubric } from '../engine/batch.js';
import { renderBatchMarkdown } from './batch-md.js';
import { renderBatchTerminal } from './batch-terminal.js';
import { junitDistrictSuites, junitErrorSuite, junitHead } from './batch-junit.js';

const rubric: BatchRubric = {
  id: 'uong-bi-466', version: '1.0.0', title: 'Uông Bí 466', sha256: 'x', issuer: 'Phòng GD&ĐT Uông Bí', document: { number: '466/PGD&ĐT', date: '2016-05-13' },
  scale: 'percent', bands: [{ id: 'tot', min: 80, label: 'Tốt' }],
  criteria: [
    { id: '1.licensed', clause: '1', title: 'Bản quyền', rule: 'r', severity: 'required', weight: 2 },
    { id: '2.office', clause: '2', title: 'Văn phòng', rule: 'r', severity: 'recommended', weight: 1 },
  ],
  district_criteria: [{ id: '3.primary', clause: '3', title: '60% tiểu học', levels: ['tieu_hoc'], rule: 'teaches_informatics', min: 0.6 }],
};

const school = (i: number, name: string, over: Record<string, unknown> = {}): BatchEntry => ({
  file: `f${i}.xlsx`, code: `2201000${i}`, name, province: 'Quảng Ninh', district: 'Uông Bí', school_year: '2016-2017', levels: ['tieu_hoc'],
  rubric: { id: 'uong-bi-466', version: '1.0.0' }, as_of: '2016-12-01', source_sha256: `s${i}`, score: 100 - i * 10, status: i === 2 ? 'fail' : 'pass',
  band: i === 0 ? 'tot' : null, rank: null, summary: { pass: 1, fail: i === 2 ? 1 : 0, missing: 0, not_applicable: 0, waived: 0 },
  criteria: [
    { id: '1.licensed', status: i === 2 ? 'fail' : 'pass', points: i === 2 ? 0 : 2, actual: '0' },
    { id: '2.office', status: 'pass', points: 1, actual: 'có' },
  ],
  district_criteria: [{ id: '3.primary', status: i < 1 ? 'pass' : 'fail' }], data_issues: { errors: 0, warnings: 0 }, outside: [], ...over,
}) as BatchEntry;

const digest = () => digestBatch({
  tool: { name: 'audit', version: '0.1.0' }, lang: 'vi', run: { rubric: null, as_of: null, fail_under: null, waivers: null }, shard: null, ignored: { lock: 0, hidden: 0 }, rubrics: [rubric],
  entries: [
    school(0, 'Trường Tiểu học Quang Trung'),
    school(1, '[bấm vào đây](http://x.example) | <img src=x> =HYPERLINK("a")'),
    school(2, 'Trường Tiểu học Nam Khê'),
    { file: 'hong.xlsx', error: { code: 'input.corrupt', message: 'tệp hỏng <script>' } },
  ],
}).digest;

describe('summary.md', () => {
  it('shows the district criterion with numerator/denominator, the ranking and the failing required criteria', () => {
    const md = renderBatchMarkdown(digest(), { lang: 'vi', color: false });
    expect(md).toContain('| 3 | 60% tiểu học | trường Tiểu học | 1/3 trường (33,3%) | 60% | Không đạt |');
    expect(md).toMatch(/\| 1 \| 22010000 \| Trường Tiểu học Quang Trung \| [^|]+ \| 100,0 \| Tốt \| Đạt \|/);
    expect(md).toMatch(/\| 3 \| 22010002 \| Trường Tiểu học Nam Khê \| [^|]+ \| 80,0 \| — \| Không đạt \| Bản quyền \|/); // the title, not the id
    expect(md).toContain('| hong.xlsx | input.corrupt | tệp hỏng &lt;script&gt; |');
  });

  it('a school name cannot make a link, HTML, a table cell or a formula', () => {
    const md = renderBatchMarkdown(digest(), { lang: 'vi', color: false });
    const row = md.split('\n').find((l) => l.includes('22010001'))!;
    expect(row).toContain('\\[bấm vào đây\\](http://x.example) \\| &lt;img src=x&gt; =HYPERLINK("a")');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(10); // 8 columns, no cell added by the name
  });

  it('can leave the ranking out (GitHub step summary limit) and says so', () => {
    const md = renderBatchMarkdown(digest(), { lang: 'en', color: false, ranking: false });
    expect(md).not.toContain('Trường Tiểu học Quang Trung');
    expect(md).toContain('too long for the GitHub step summary');
    expect(md).toContain('1/3 schools (33.3%)');
  });
});

describe('terminal and JUnit pieces', () => {
  it('terminal: totals, district criterion and outcome, no colour when asked', () => {
    const t = renderBatchTerminal(digest(), { lang: 'en', color: false });
    expect(t).toContain('4 files: 2 schools pass, 1 fail, 1 files not scored');
    expect(t).toContain('District criterion 3.primary: 1/3 schools (33.3%), target 60% — Fail');
    expect(t).not.toContain('\u001b[');
  });

  it('junit: totals count school criteria, unreadable files and district criteria', () => {
    const d = digest();
    expect(junitHead(d)).toContain('<testsuites name="audit" tests="8" failures="2" errors="1" skipped="0">');
    expect(junitErrorSuite(d.errors[0]!, 'vi')).toContain('<error message="tệp hỏng &lt;script&gt;" type="input.corrupt"/>');
    expect(junitDistrictSuites(d, 'vi')).toContain('<failure message="Không đạt: 1/3 trường (33,3%), chỉ tiêu 60%" type="fail"/>');
  });
});
