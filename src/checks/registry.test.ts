// The registry's contract: every kind has its doc and test beside it, and every finding code a kind
// emits has vi and en text with the same placeholders.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECK_KINDS, checkSchema } from './index.js';
import { findingCodes } from './common.js';
import { hasMessage } from '../messages/format.js';
import { BAD, runCheck, type PlainInventory } from '../engine/test-inventory.js';

const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));
const CONTAINERS = new Set(['all', 'any']);
const base = (kind: string): string => kind.replace(/_/g, '-');

/** Checks of every kind, to be run against every inventory below (covers pass, fail, missing, n/a). */
const SAMPLES: Record<string, Record<string, unknown>[]> = {
  require: [{ require: 'wifi' }, { require: 'it_leader' }, { require: 'labs' }, { require: 'levels' }],
  compare: [
    { metric: 'computers.quan_ly', op: '>=', value: 2 }, { metric: 'labs', op: '>', value: 0 }, { metric: 'software.unlicensed', op: '<=', value: 0 },
    { metric: 'teachers.elearning_share', op: '>=', value: 1 }, { metric: 'internet_type', op: '==', value: 'cap_quang' },
    { metric: 'computers.per_lab', op: '>=', value: 20 }, { metric: 'wifi', op: '!=', value: false },
  ],
  in: [{ metric: 'internet_type', in: ['cap_quang'] }, { metric: 'levels', in: ['thpt'] }],
  students_per_computer: [
    { students_per_computer: { purpose: 'phong_may', max: { tieu_hoc: 24, thcs: 16 } } },
    { students_per_computer: { max: { thpt: 12 } } },
    { students_per_computer: { max: { mam_non: 30 } } },
  ],
  software: [
    { software: 'so_diem_dien_tu' }, { software: 'quan_ly_truong_hoc', connected: true, licensed: true },
    { software: 'van_phong', license: ['ma_nguon_mo'] },
  ],
  expr: [{ expr: 'labs >= (students.total >= 800.0 ? 2.0 : 1.0)' }, { expr: 'computers.phong_may / labs >= 20.0' }, { expr: 'wifi && it_leader != ""' }],
  all: [{ all: [{ require: 'wifi' }, { require: 'lan' }] }, { all: [{ students_per_computer: { max: { mam_non: 30 } } }] }],
  any: [{ any: [{ require: 'wifi' }, { require: 'lan' }] }, { any: [{ students_per_computer: { max: { mam_non: 30 } } }] }],
  graded: [{ graded: { metric: 'teachers.elearning_share', bands: [{ min: 0.8, points: 7 }, { min: 0.5, points: 4 }] } }, { graded: { metric: 'labs', bands: [{ min: 3, points: 2 }] } }],
};

const INVENTORIES: PlainInventory[] = [
  {},
  {
    levels: ['tieu_hoc', 'thcs'], students_tieu_hoc: 490, students_thcs: 322, labs: 2, wifi: true, lan: true, it_leader: 'Tên',
    internet_type: 'cap_quang',
    equipment: [{ kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: 50 }, { kind: 'may_tinh_de_ban', purpose: 'quan_ly', quantity: 2 }],
    software: [{ name: 'SMAS', function: ['so_diem_dien_tu', 'quan_ly_truong_hoc'], csdl_connected: true, license: 'ban_quyen' }, { name: 'LibreOffice', function: 'van_phong', license: 'ma_nguon_mo' }],
    teachers: [{ elearning_lessons: 1 }, { elearning_lessons: 2 }],
  },
  {
    levels: ['thpt'], students_thpt: 900, labs: 0, wifi: false, lan: false, it_leader: '', internet_type: 'adsl',
    equipment: [{ kind: 'may_tinh_de_ban', purpose: 'phong_may', quantity: 30 }, { kind: 'may_tinh_de_ban', purpose: 'quan_ly', quantity: 1 }],
    software: [{ name: 'Old', function: 'quan_ly_truong_hoc', csdl_connected: false, license: 'khong' }, { name: 'Office', function: 'van_phong', license: 'ban_quyen' }],
    teachers: [{ elearning_lessons: 0 }, { elearning_lessons: 1 }],
  },
  {
    levels: ['thcs'], students_thcs: BAD, labs: BAD, wifi: BAD,
    equipment: [{ kind: 'may_tinh_de_ban', quantity: 5 }, { kind: 'may_tinh_de_ban', purpose: 'quan_ly', quantity: BAD }],
    software: [{ name: 'X', function: BAD }, { name: 'Y', function: 'quan_ly_truong_hoc', csdl_connected: true }],
    teachers: [],
  },
];

describe('check registry', () => {
  it('every kind has a doc and a test beside it, and samples here', () => {
    for (const k of CHECK_KINDS) {
      expect(existsSync(here(`./${base(k.name)}.md`)), `${base(k.name)}.md`).toBe(true);
      expect(existsSync(here(`./${base(k.name)}.test.ts`)), `${base(k.name)}.test.ts`).toBe(true);
      expect(SAMPLES[k.name]?.length ?? 0, `samples for ${k.name}`).toBeGreaterThan(0);
    }
  });

  it('every message has vi and en with the same placeholders', () => {
    const slots = (t: string): string[] => [...t.matchAll(/\{(\w+)(?:\|[\w:]+)?\}/g)].map((m) => m[1]!).sort();
    for (const k of CHECK_KINDS) {
      for (const [code, t] of Object.entries(k.messages)) {
        expect(t.vi.trim(), `${k.name} ${code} vi`).not.toBe('');
        expect(t.en.trim(), `${k.name} ${code} en`).not.toBe('');
        expect(slots(t.en), `${k.name} ${code} placeholders`).toEqual(slots(t.vi));
      }
    }
  });

  it('every code a kind emits is in its messages (nested labels registered), on every status', async () => {
    const statuses = new Set<string>();
    for (const k of CHECK_KINDS) {
      for (const check of SAMPLES[k.name]!) {
        expect(checkSchema.safeParse(check).success, JSON.stringify(check)).toBe(true);
        for (const plain of INVENTORIES) {
          const o = await runCheck(check, plain, 7);
          statuses.add(o.status);
          for (const f of [o.actual, o.expected, o.gap]) {
            const [top, ...nested] = findingCodes(f);
            if (top === undefined) continue;
            // all/any pass on their parts' findings: those belong to the parts' kinds.
            if (CONTAINERS.has(k.name)) expect(hasMessage(top), `${k.name} emits ${top} without a message`).toBe(true);
            else expect(Object.hasOwn(k.messages, top), `${k.name} emits ${top} without a message`).toBe(true);
            for (const c of nested) expect(hasMessage(c), `${k.name} emits nested ${c} without a message`).toBe(true);
          }
          if (o.status === 'fail') expect(o.gap, `${k.name} fail without a gap`).not.toBeNull();
          if (o.status === 'missing') expect(o.gap, `${k.name} missing without a gap`).not.toBeNull();
        }
      }
    }
    expect([...statuses].sort()).toEqual(['fail', 'missing', 'not_applicable', 'pass']);
  });
});
