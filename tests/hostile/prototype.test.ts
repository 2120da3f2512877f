// `__proto__`, `constructor`, `prototype` (and other Object.prototype names) as sheet names, labels,
// headers, teacher groups, school codes, rubric keys or plain-form keys change nothing: no field appears
// from nowhere, no object's prototype is replaced, and groups are counted as the distinct words they are.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { normalizeWorkbook } from '../../src/inventory/normalize.js';
import { inventoryFromPlain } from '../../src/inventory/plain.js';
import type { Inventory, RawWorkbook } from '../../src/inventory/types.js';
import { metric } from '../../src/engine/metrics.js';
import { auditInventory } from '../../src/engine/audit.js';
import { loadRubric } from '../../src/rubric/registry.js';
import { loadRubricText } from '../../src/rubric/load.js';
import { parseWaivers } from '../../src/rubric/waivers.js';
import { audit, cloneWorkbook, exampleSchool, noStack, schoolXlsx, setInfo, sheetNamed, tempDir } from './helpers.js';

const NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'];
const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const PROTO_KEYS = protoKeys();

afterEach(() => {
  // nothing was added to (or replaced on) Object.prototype
  expect(protoKeys()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** An inventory without its cell references and issues, for comparing what was read. */
const values = (inv: Inventory) => JSON.parse(JSON.stringify({ ...inv, issues: [] }, (k, v) => (k === 'ref' ? undefined : v)));

function hostile(): RawWorkbook {
  const wb = cloneWorkbook(exampleSchool()) as RawWorkbook;
  const info = sheetNamed(wb, 'Thông tin chung');
  // labels, and "label: value" in one cell
  NAMES.forEach((n, i) => { info.rows.push([{ t: 'n', v: 100 + i }, { t: 's', v: n }, { t: 's', v: `{"polluted": ${i}}` }]); });
  info.rows.push([undefined, { t: 's', v: '__proto__: Có' }]);
  // unknown column headers in every table, with values
  for (const name of ['Thiết bị', 'Phần mềm', 'Giáo viên']) {
    const s = sheetNamed(wb, name);
    const width = s.rows[0]!.length;
    NAMES.forEach((n, i) => { s.rows[0]![width + i] = { t: 's', v: n }; });
    for (let r = 1; r < s.rows.length; r++) if (s.rows[r]) NAMES.forEach((_, i) => { s.rows[r]![width + i] = { t: 's', v: 'polluted' }; });
  }
  // sheets named like Object.prototype members, holding a label table
  for (const n of NAMES) wb.sheets.push({ name: n, hidden: false, merges: [], rows: [[{ t: 's', v: 'Mã trường' }, { t: 's', v: 'X' }], [{ t: 's', v: n }, { t: 's', v: 'Y' }]] });
  return wb;
}

describe('the normalizer', () => {
  test('labels, headers and sheet names that are Object.prototype members add nothing', () => {
    const base = normalizeWorkbook(exampleSchool());
    const inv = normalizeWorkbook(hostile());
    expect(Object.getPrototypeOf(inv.info)).toBe(Object.prototype);
    expect(Object.keys(inv.info).sort()).toEqual(Object.keys(base.info).sort());
    for (const n of NAMES) expect(Object.hasOwn(inv.info, n)).toBe(false);
    expect(values(inv)).toEqual(values(base));
    // they are reported, as any unknown label or column is
    expect(inv.issues.some((i) => i.code === 'labels.unknown' && String(i.args.labels).includes('__proto__'))).toBe(true);
    expect(inv.issues.some((i) => i.code === 'columns.unknown' && String(i.args.columns).includes('constructor'))).toBe(true);
  });

  test('teacher groups named __proto__, constructor, prototype, toString count as four more groups', () => {
    const base = normalizeWorkbook(exampleSchool());
    const wb = cloneWorkbook(exampleSchool()) as RawWorkbook;
    const teachers = sheetNamed(wb, 'Giáo viên');
    const groupCol = teachers.rows[0]!.findIndex((c) => c?.v === 'Tổ chuyên môn');
    // add four teachers rather than rename some (every existing group keeps its members)
    ['__proto__', 'constructor', 'prototype', 'toString'].forEach((g, i) => {
      const row = cloneWorkbook({ sheets: [{ rows: [teachers.rows[1]] }] }).sheets[0].rows[0];
      row[0] = { t: 'n', v: 900 + i };
      row[groupCol] = { t: 's', v: g };
      teachers.rows.push(row);
    });
    const inv = normalizeWorkbook(wb);
    const before = metric(base, 'groups.count');
    const after = metric(inv, 'groups.count');
    expect(before.state).toBe('value');
    expect(after.state).toBe('value');
    if (before.state === 'value' && after.state === 'value') expect(after.value).toBe((before.value as number) + 4);
  });

  test('an audit of the hostile workbook gives the same statuses as the plain one', () => {
    const rubric = loadRubric('ben-tre-2782');
    const opts = { asOf: '2025-05-31', source: { file: 'x.xlsx', sha256: '0' }, tool: { name: 'audit', version: 't' } };
    const a = auditInventory(normalizeWorkbook(exampleSchool()), rubric, opts);
    const b = auditInventory(normalizeWorkbook(hostile()), rubric, opts);
    expect(b.criteria.map((c) => [c.id, c.status, c.points])).toEqual(a.criteria.map((c) => [c.id, c.status, c.points]));
    expect(b.score).toBe(a.score);
  });
});

describe('plain forms and YAML', () => {
  test('inventoryFromPlain: a "__proto__" key (as JSON.parse makes it) is an unknown key, not a prototype', () => {
    const plain = JSON.parse('{"school_code": "1", "__proto__": {"wifi": true, "polluted": 1}, "constructor": {"x": 1}, "teachers": [{"__proto__": {"it_standard": true}}]}');
    expect(() => inventoryFromPlain(plain)).toThrow(/unknown key "__proto__".*unknown key "constructor"/);
  });

  test('a rubric or waivers file with __proto__ keys loads without touching any prototype', () => {
    const rubric = `${readFileSync(new URL('../../rubrics/ben-tre-2782/1.0.0.yaml', import.meta.url), 'utf8')}\n__proto__:\n  polluted: 1\n`;
    const r = loadRubricText(rubric, 'x.yaml');
    // an unknown top-level key is a problem, reported like any other
    expect(r.rubric).toBeNull();
    expect(r.problems.length).toBeGreaterThan(0);
    const w = parseWaivers('waivers:\n  - __proto__: {polluted: 1}\n    school: "1"\n    criterion: x\n    reason: y\n    until: 2030-01-01\n', 'w.yaml');
    expect(w.problems.length).toBeGreaterThan(0);
  });
});

describe('the command line', () => {
  const dir = tempDir('audit-hostile-proto-');
  test('a batch of schools coded __proto__, constructor, toString in district __proto__', () => {
    const folder = join(dir, 'lo');
    mkdirSync(folder);
    const codes = ['__proto__', 'constructor', 'toString'];
    codes.forEach((code, i) => writeFileSync(join(folder, `t${i}.xlsx`), schoolXlsx((wb) => {
      setInfo(wb, 'Mã trường', code);
      setInfo(wb, 'Quận/Huyện', '__proto__');
    })));
    const out = join(dir, 'out');
    const r = audit(['batch', folder, '--rubric', 'ben-tre-2782', '--out', out, '--jobs', '1']);
    noStack(r.stderr);
    expect([0, 1]).toContain(r.code);
    const summary = JSON.parse(readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.json'))!), 'utf8'));
    expect(summary.entries.map((e: { code: string }) => e.code).sort()).toEqual([...codes].sort());
    expect(summary.flags.filter((f: { code: string }) => f.code === 'duplicate_code')).toEqual([]);
    expect(summary.ranking.flatMap((r: { schools: { code: string }[] }) => r.schools.map((x) => x.code)).sort()).toEqual([...codes].sort());
  });
});
