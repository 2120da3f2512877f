// summary.html as text: self-contained (a CSP forbidding the network, nothing fetched), school text
// never markup, report links encoded. The page in a real browser: tests/batch/officer.test.ts.
import { describe, expect, it } from 'vitest';
import { digestBatch, type BatchEntry, type BatchRubric } from '../engine/batch.js';
import { renderBatchHtml } from './batch-html.js';

const rubric: BatchRubric = {
  id: 'r', version: '1.0.0', title: 'R', sha256: 'x', issuer: 'Sở', document: { number: '1', date: '2024-01-01' }, scale: 'percent', bands: [],
  criteria: [{ id: '1.a', clause: '1', title: 'Tiêu chí <b>A</b>', rule: 'r', severity: 'required', weight: 2 }],
  district_criteria: [],
};
const school = (i: number, name: string, over: Record<string, unknown> = {}): BatchEntry => ({
  file: `Ba Tri/trường ${i}.xlsx`, code: `83${i}`, name, province: 'Bến Tre', district: 'Ba Tri', school_year: '2024-2025', levels: ['thcs'],
  rubric: { id: 'r', version: '1.0.0' }, as_of: '2024-10-01', source_sha256: `s${i}`, score: 50 + i, status: 'fail', band: null, rank: null,
  summary: { pass: 0, fail: 1, missing: 0, not_applicable: 0, waived: 0 }, criteria: [{ id: '1.a', status: 'fail', points: 0, actual: null }],
  shortages: [{ criterion: '1.a', unit: 'computers.phong_may', need: 27, have: 20, missing: 7 }],
  district_criteria: [], data_issues: { errors: 0, warnings: 0 }, outside: [], ...over,
}) as BatchEntry;

describe('summary.html', () => {
  const { digest } = digestBatch({
    tool: { name: 'audit', version: '0' }, lang: 'vi', run: { rubric: null, as_of: null, fail_under: null, waivers: null }, shard: null,
    ignored: { lock: 0, hidden: 0 }, rubrics: [rubric],
    entries: [school(1, '<script>alert(1)</script> "x" & y'), school(2, 'Trường THCS Tân Xuân'), { file: 'THCS X.pdf', not_audited: { kind: 'pdf', submission: true } }],
  });
  const html = renderBatchHtml(digest, { lang: 'vi', color: false, reports: new Map([['Ba Tri/trường 2.xlsx', ['schools/83 2.audit.md']]]) });

  it('forbids the network and loads nothing', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('escapes every text from the workbooks and the rubric', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; &amp; y');
    expect(html).toContain('Tiêu chí &lt;b&gt;A&lt;/b&gt;');
    expect(html.match(/<script>/g)).toHaveLength(1); // the page's own script only
  });

  it('shows the shortage, the file not audited, and links each school to its report', () => {
    expect(html).toContain('Cần bổ sung 14 máy tính phòng máy');
    expect(html).toContain('THCS X.pdf');
    expect(html).toContain('<a href="schools/83%202.audit.md">md</a>');
    expect(html.match(/<tr data-file=/g)).toHaveLength(2);
  });
});
