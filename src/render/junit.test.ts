import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { describe, expect, it } from 'vitest';
import { renderJunit } from './junit.js';
import { renderers } from './index.js';
import { minimalResult, sampleResult } from './sample-result.js';

interface El { name: string; attrs: Record<string, string>; children: El[]; text: string }

/** A small element tree; throws on any well-formedness error. */
function parse(xml: string): El {
  const p = new SaxesParser();
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  p.on('error', (e) => { throw e; });
  p.on('opentag', (t: SaxesTagPlain) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: '' };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  p.on('closetag', () => { stack.pop(); });
  p.on('text', (t) => { stack.at(-1)!.text += t; });
  p.write(xml).close();
  return root.children[0]!;
}

describe('JUnit XML', () => {
  const r = sampleResult();
  const doc = parse(renderJunit([r, minimalResult()], 'vi'));

  it('has a suite per school and a case per criterion, with correct totals', () => {
    expect(doc.name).toBe('testsuites');
    expect(doc.children.map((s) => s.name)).toEqual(['testsuite', 'testsuite']);
    const [suite, minimal] = doc.children as [El, El];
    expect(suite.attrs.name).toBe('83000123 Trường THPT Mỏ Cày <Nam> & "Bắc"');
    expect(minimal.attrs.name).toBe('khong-ten.xlsx');
    const cases = suite.children.filter((c) => c.name === 'testcase');
    expect(cases).toHaveLength(r.criteria.length);
    expect(cases.map((c) => c.attrs.classname)).toEqual(r.criteria.map(() => 'ben-tre-2782'));
    expect(cases[0]!.attrs.name).toBe('1.it-leader Phân công lãnh đạo, cán bộ phụ trách CNTT');
    // 3 required criteria not met (2 fail, 1 missing); the recommended 3.3.unlicensed-software is not a failure
    expect(suite.attrs).toMatchObject({ tests: '11', failures: '3', errors: '0', skipped: '2' });
    expect(minimal.attrs).toMatchObject({ tests: '2', failures: '0', errors: '0', skipped: '2' });
    expect(doc.attrs).toMatchObject({ tests: '13', failures: '3', errors: '0', skipped: '4' });
    // the totals agree with what the cases contain
    const count = (s: El, tag: string) => s.children.filter((c) => c.children.some((x) => x.name === tag)).length;
    expect(count(suite, 'failure')).toBe(3);
    expect(count(suite, 'skipped')).toBe(2);
  });

  it('a required criterion failing or missing data is a failure that says which, with the gap', () => {
    const cases = doc.children[0]!.children.filter((c) => c.name === 'testcase');
    const byId = (id: string) => cases.find((c) => c.attrs.name!.startsWith(`${id} `))!;
    const missing = byId('1.it-staff').children[0]!;
    expect(missing.name).toBe('failure');
    expect(missing.attrs.type).toBe('missing');
    expect(missing.attrs.message).toBe('Thiếu dữ liệu: khai báo ô "Cán bộ, giáo viên đầu mối CNTT (họ tên)" ở trang Thông tin chung');
    const fail = byId('2.management-computers').children[0]!;
    expect(fail.attrs.type).toBe('fail');
    expect(fail.attrs.message).toBe('Không đạt: thiếu 1 máy tính Quản lý');
    expect(fail.text).toContain('Thiết bị!D5, Thiết bị!D9');
    expect(byId('1.it-leader').children).toEqual([]);
  });

  it('a recommended criterion not met is a passing case that says what it lacks in system-out', () => {
    const cases = doc.children[0]!.children.filter((c) => c.name === 'testcase');
    const rec = cases.find((c) => c.attrs.name!.startsWith('3.3.unlicensed-software '))!;
    expect(rec.children.map((c) => c.name)).toEqual(['system-out']);
    expect(rec.children[0]!.text.split('\n')[0]).toMatch(/^Khuyến khích — Không đạt: .+ \(không làm trường không đạt\)$/);
  });

  it('a school failing only by the pass rule (score) gets one failing pass-rule case, so its suite is red too', () => {
    const m = minimalResult();
    m.status = 'fail';
    m.score = 72;
    const el = parse(renderJunit([m], 'en')).children[0]!;
    expect(el.attrs).toMatchObject({ tests: '3', failures: '1', skipped: '2' });
    const last = el.children.at(-1)!;
    expect(last.attrs.name).toBe("pass-rule The school's overall result");
    expect(last.children[0]!.attrs.message).toBe("Fails the rubric's pass rule (score 72.0) although every required criterion is met");
    // a passing school gets no such case
    expect(parse(renderJunit([minimalResult()], 'en')).children[0]!.attrs.tests).toBe('2');
  });

  it('not applicable and waived are skipped with the reason', () => {
    const cases = doc.children[0]!.children.filter((c) => c.name === 'testcase');
    const skipped = (id: string) => cases.find((c) => c.attrs.name!.startsWith(`${id} `))!.children[0]!;
    expect(skipped('2.students-per-computer')).toMatchObject({
      name: 'skipped', attrs: { message: 'Phòng máy đang cải tạo | chờ `dự án` <script>alert(1)</script>' },
    });
    expect(skipped('4.informatics-primary').attrs.message).toBe('Chỉ áp dụng cho cấp Tiểu học.');
  });

  it('stays well-formed with control characters and markup in any text', () => {
    const bad = sampleResult();
    bad.school.name = 'A\u0001B\u001b[31m<x>&"\'\uD800';
    bad.criteria[0]!.title = { vi: ']]><!-- \u0000 -->' };
    const el = parse(renderJunit([bad], 'vi'));
    expect(el.children[0]!.attrs.name).toBe('83000123 A\uFFFDB\uFFFD[31m<x>&"\'\uFFFD');
    expect(el.children[0]!.children[1]!.attrs.name).toBe('1.it-leader ]]><!-- \uFFFD -->');
  });

  it('is the registry\'s junit format for one school', async () => {
    expect(await renderers.junit(r, { lang: 'en', color: false })).toBe(renderJunit([r], 'en'));
  });
});
