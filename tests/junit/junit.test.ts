// JUnit XML as a CI dashboard reads it: junit.xml of a batch and a school's .audit.junit.xml parsed by
// test-results-parser (the JUnit parser of the testbeats reporting tools, suites and cases read as a
// dashboard reads them). A school that passes must be a passing suite even when it misses a target (or
// recommended) criterion; only a required criterion not met is a failure; not applicable is skipped.
// Schools of Bến Tre (ben-tre-2782) from tests/diff/make-schools.ts.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type ITestResult, type ITestSuite } from 'test-results-parser';
import { tempDir, writeYear, type YearSchool } from '../diff/make-schools.js';
import { audit, batch } from '../diff/run.js';

const temps: string[] = [];
afterAll(async () => { for (const d of temps) await rm(d, { recursive: true, force: true }); });

/** An upper-secondary school doing everything ben-tre-2782 asks. */
const GOOD: YearSchool = { file: 'tot.xlsx', code: '83000401', name: 'Trường THPT Đồng Khởi', year: '2024-2025' };
/** Passes, but 48 lab computers for 840 students: the target 2.students-per-computer ("phấn đấu") is not met. */
const TARGET_ONLY: YearSchool = { file: 'phan-dau.xlsx', code: '83000402', name: 'Trường THPT Bến Tre', year: '2024-2025', labComputers: 48 };
/** No Wi-Fi for teachers: the required 2.wifi fails, so the school fails. */
const FAILS: YearSchool = { file: 'khong-dat.xlsx', code: '83000403', name: 'Trường THPT Chợ Lách', year: '2024-2025', wifi: false };

const suiteOf = (r: ITestResult, code: string): ITestSuite => {
  const s = r.suites.find((x) => x.name.startsWith(`${code} `));
  if (!s) throw new Error(`no suite for ${code} in ${r.suites.map((x) => x.name).join(', ')}`);
  return s;
};
const caseOf = (s: ITestSuite, id: string) => s.cases.find((c) => c.name.startsWith(`${id} `))!;
const tally = (s: ITestSuite, status: string) => s.cases.filter((c) => c.status === status).length;

/** The suite's own counts (what a dashboard's header shows) agree with its cases (what it lists). */
function expectConsistent(s: ITestSuite): void {
  expect(s.failed + s.errors, `${s.name}: failures`).toBe(tally(s, 'FAIL'));
  expect(s.skipped, `${s.name}: skipped`).toBe(tally(s, 'SKIP'));
  expect(s.passed, `${s.name}: passed`).toBe(tally(s, 'PASS'));
}

describe('junit.xml of a batch, read by a JUnit parser', () => {
  let result: ITestResult;
  let xml: string;
  let summary: any;

  beforeAll(async () => {
    const dir = await tempDir('junit');
    temps.push(dir);
    // FAILS sent twice: the batch counts the school once, but both files are audited and have a suite
    await writeYear(join(dir, 'ho-so'), [GOOD, TARGET_ONLY, FAILS, { ...FAILS, file: 'khong-dat (gui lai).xlsx' }]);
    await writeFile(join(dir, 'ho-so', 'hong.xlsx'), 'Đây không phải là sổ Excel\n');
    await batch(join(dir, 'ho-so'), join(dir, 'tong-hop'));
    xml = await readFile(join(dir, 'tong-hop', 'junit.xml'), 'utf8');
    summary = JSON.parse(await readFile(join(dir, 'tong-hop', 'summary.json'), 'utf8'));
    result = parse({ type: 'junit', files: [join(dir, 'tong-hop', 'junit.xml')] });
  }, 120_000);

  it('the schools are as the fixtures say: two pass, one fails', () => {
    const status = (code: string) => summary.entries.find((e: any) => e.code === code)?.status;
    expect([status(GOOD.code!), status(TARGET_ONLY.code!), status(FAILS.code!)]).toEqual(['pass', 'pass', 'fail']);
  });

  it('a passing school that misses a target criterion is a passing suite; the miss is in system-out', () => {
    const s = suiteOf(result, TARGET_ONLY.code!);
    expect(s.status).toBe('PASS');
    expect(s.failed).toBe(0);
    expect(caseOf(s, '2.students-per-computer').status).toBe('PASS');
    const element = xml.slice(xml.indexOf('<testcase classname="ben-tre-2782" name="2.students-per-computer', xml.indexOf(TARGET_ONLY.code)));
    expect(element.slice(0, element.indexOf('</testcase>')))
      .toMatch(/<system-out>Chỉ tiêu phấn đấu — Không đạt: thiếu 22 máy tính phòng máy.*\(không làm trường không đạt\)/);
  });

  it('a failing school is a failing suite, its failures exactly the required criteria not met', () => {
    const s = suiteOf(result, FAILS.code!);
    expect(s.status).toBe('FAIL');
    expect(caseOf(s, '2.wifi').status).toBe('FAIL');
    const entry = summary.entries.find((e: any) => e.code === FAILS.code);
    const severity = new Map(summary.rubrics[0].criteria.map((c: any) => [c.id, c.severity]));
    const requiredNotMet = entry.criteria.filter((c: any) => severity.get(c.id) === 'required' && (c.status === 'fail' || c.status === 'missing'));
    expect(s.cases.filter((c) => c.status === 'FAIL').map((c) => c.name.split(' ')[0])).toEqual(requiredNotMet.map((c: any) => c.id));
  });

  it('not applicable criteria are skipped', () => {
    const s = suiteOf(result, GOOD.code!);
    const entry = summary.entries.find((e: any) => e.code === GOOD.code);
    const na = entry.criteria.filter((c: any) => c.status === 'not_applicable').map((c: any) => c.id);
    expect(s.cases.filter((c) => c.status === 'SKIP').map((c) => c.name.split(' ')[0])).toEqual(na);
    expect(s.status).toBe('PASS');
  });

  it('every suite\'s counts agree with its cases, and the document\'s totals with its suites', () => {
    expect(result.suites.length).toBeGreaterThanOrEqual(4); // 3 schools, the unreadable file, the district criteria
    for (const s of result.suites) expectConsistent(s);
    const root = /<testsuites name="audit" tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)">/.exec(xml)!;
    const sum = (k: 'total' | 'failed' | 'errors' | 'skipped') => result.suites.reduce((n, s) => n + s[k], 0);
    expect(Number(root[1])).toBe(result.suites.reduce((n, s) => n + s.cases.length, 0));
    expect(Number(root[2])).toBe(sum('failed'));
    expect(Number(root[3])).toBe(sum('errors'));
    expect(Number(root[4])).toBe(sum('skipped'));
    expect(result.suites.find((x) => x.name.endsWith('hong.xlsx'))?.errors).toBe(1);
  });
});

describe('a school\'s .audit.junit.xml, read by a JUnit parser', () => {
  it('passes for a school that passes with a target criterion not met', async () => {
    const dir = await tempDir('junit-one');
    temps.push(dir);
    await writeYear(dir, [TARGET_ONLY]);
    const r = await audit([join(dir, TARGET_ONLY.file), '--out', join(dir, 'out'), '-f', 'junit', '-q']);
    expect(r.code).toBe(0);
    const path = join(dir, 'out', `${TARGET_ONLY.code}.audit.junit.xml`);
    const parsed = parse({ type: 'junit', files: [path] });
    expect(parsed.status).toBe('PASS');
    expect(parsed.suites).toHaveLength(1);
    expectConsistent(parsed.suites[0]!);
    expect(caseOf(parsed.suites[0]!, '2.students-per-computer').status).toBe('PASS');
  }, 60_000);
});
