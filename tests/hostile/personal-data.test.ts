// Personal data: teachers' names and the IT contacts' names, phones and e-mails never appear in batch
// or diff outputs (files, stdout, stderr). Only a school's own report may show its focal contact, where
// the directive asks for it; teachers' names appear nowhere at all. Unique names and numbers are planted
// in workbooks, then every output file (xlsx unzipped) is searched for them.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { RawWorkbook } from '../../src/inventory/types.js';
import { audit, noStack, schoolXlsx, setInfo, sheetNamed, tempDir } from './helpers.js';

const dir = tempDir('audit-hostile-pii-');

// unique enough never to occur by chance; phones also searched for without their spaces
const TEACHERS = ['Canaryteacher Qwxzy Một', 'Canaryteacher Qwxzy Hai', 'Canaryteacher Qwxzy Ba'];
const CONTACT = {
  'Lãnh đạo phụ trách CNTT (họ tên)': 'Canaryleader Zzqxv',
  'Điện thoại lãnh đạo phụ trách CNTT': '0977 315 642',
  'Email lãnh đạo phụ trách CNTT': 'canaryleader.zzqxv@example.edu.vn',
  'Cán bộ, giáo viên đầu mối CNTT (họ tên)': 'Canarystaff Vvkqj',
  'Điện thoại cán bộ đầu mối CNTT': '0966 204 719',
  'Email cán bộ đầu mối CNTT': 'canarystaff.vvkqj@example.edu.vn',
};
const BAD_EMAIL = 'canarystaff vvkqj at example';
const CONTACT_VALUES = [...Object.values(CONTACT), BAD_EMAIL];
const needles = (values: string[]) => values.flatMap((v) => (/^[\d ]+$/.test(v) ? [v, v.replace(/ /g, '')] : [v]));

function plant(wb: RawWorkbook, variant: number): void {
  for (const [label, value] of Object.entries(CONTACT)) setInfo(wb, label, value);
  const teachers = sheetNamed(wb, 'Giáo viên');
  TEACHERS.forEach((name, i) => { teachers.rows[1 + i]![1] = { t: 's', v: name }; });
  // the second year differs, so that a diff has something to say; its bad e-mail becomes a data problem quoting it
  if (variant === 1) {
    teachers.rows[4]![4] = { t: 's', v: 'Không' };
    setInfo(wb, 'Email cán bộ đầu mối CNTT', BAD_EMAIL);
  }
}

/** The text of every file under `root` (xlsx parts unzipped), by path. */
function texts(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) { walk(p); continue; }
      const bytes = new Uint8Array(readFileSync(p));
      if (n.endsWith('.xlsx')) out.set(p, Object.values(unzipSync(bytes)).map((b) => strFromU8(b)).join('\n'));
      else out.set(p, strFromU8(bytes));
    }
  };
  walk(root);
  return out;
}

const leaks = (text: string, values: string[]) => needles(values).filter((v) => text.includes(v));

describe('names, phones and e-mails stay out of batch and diff outputs', () => {
  const years = [0, 1].map((variant) => {
    const folder = join(dir, `nam-${variant}`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'truong.xlsx'), schoolXlsx((wb) => plant(wb, variant)));
    return folder;
  });

  test('the search finds what was planted; the school\'s own report quotes the bad e-mail, never a teacher', () => {
    const input = [...texts(years[1]!).values()].join('\n');
    const planted = [...TEACHERS, ...CONTACT_VALUES].filter((v) => v !== CONTACT['Email cán bộ đầu mối CNTT']);
    expect(leaks(input, planted)).toEqual(needles(planted).filter((v) => !/^\d+$/.test(v)));
    const out = join(dir, 'rieng');
    const r = audit([join(years[1]!, 'truong.xlsx'), '--rubric', 'ben-tre-2782', '--out', out, '--format', 'md,json']);
    noStack(r.stderr);
    const own = [...texts(out).values()].join('\n');
    expect(leaks(own, TEACHERS)).toEqual([]);
    // the data problem of its own cell names the value: the same search would catch it anywhere else
    expect(leaks(own, [BAD_EMAIL])).toEqual([BAD_EMAIL]);
  });

  test('batch: summary files, terminal and JSON output', () => {
    const out = join(dir, 'lo-out');
    const r = audit(['batch', years[1]!, '--rubric', 'ben-tre-2782', '--out', out, '--format', 'md,xlsx,json,junit', '--jobs', '1']);
    noStack(r.stderr);
    expect([0, 1]).toContain(r.code);
    const files = texts(out);
    expect(files.size).toBeGreaterThan(3);
    for (const [path, text] of files) {
      const own = path.includes(`${join(out, 'schools')}/`);
      // per-school reports are the school's own: focal contact allowed there, teachers never
      expect(leaks(text, own ? TEACHERS : [...TEACHERS, ...CONTACT_VALUES]), path).toEqual([]);
    }
    expect(leaks(r.stdout + r.stderr, [...TEACHERS, ...CONTACT_VALUES])).toEqual([]);
    const json = audit(['batch', years[1]!, '--rubric', 'ben-tre-2782', '--json', '--jobs', '1']);
    expect(JSON.parse(json.stdout).entries).toHaveLength(1);
    expect(leaks(json.stdout + json.stderr, [...TEACHERS, ...CONTACT_VALUES])).toEqual([]);
  });

  test('diff of two years: workbooks, folders and batch summaries', () => {
    const sums = years.map((folder, i) => {
      const out = join(dir, `tong-${i}`);
      audit(['batch', folder, '--rubric', 'ben-tre-2782', '--out', out, '--jobs', '1']);
      return join(out, readdirSync(out).find((f) => f.endsWith('.json'))!);
    });
    const pairs: [string, string][] = [
      [join(years[0]!, 'truong.xlsx'), join(years[1]!, 'truong.xlsx')],
      [years[0]!, years[1]!],
      [sums[0]!, sums[1]!],
    ];
    pairs.forEach(([a, b], i) => {
      const out = join(dir, `diff-${i}`);
      for (const args of [[a, b, '--rubric', 'ben-tre-2782', '--out', out], [a, b, '--rubric', 'ben-tre-2782', '--json']]) {
        const r = audit(['diff', ...args]);
        noStack(r.stderr);
        expect(r.code, r.stderr).toBe(0);
        expect(leaks(r.stdout + r.stderr, [...TEACHERS, ...CONTACT_VALUES])).toEqual([]);
      }
      const files = texts(out);
      expect(files.size).toBeGreaterThan(0);
      for (const [path, text] of files) expect(leaks(text, [...TEACHERS, ...CONTACT_VALUES]), path).toEqual([]);
    });
  });
});
