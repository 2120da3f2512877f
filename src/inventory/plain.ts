// The inventory as data (inventory.md "The inventory as data"): what rubric `examples` and tests write.
// Info fields by key at the top level, `equipment`, `software`, `teachers` lists with vocabulary keys;
// omitted = not declared; `null` = declared but unusable (a bad cell). The workbook's defaults apply
// the same way (status → hoat_dong, other kinds' purpose → khac, in_use → yes, the tick-box habit).
import {
  COMPUTER_KINDS, EQUIPMENT_COLUMNS, INFO_FIELDS, LEVELS, SOFTWARE_COLUMNS, TEACHER_COLUMNS, VOCAB,
  type FieldDef, type Level, type VocabName,
} from './fields.js';
import { canonicalProvince } from './provinces.js';
import { parseSchoolYearText } from './values.js';
import type { EquipmentRow, InfoValue, Inventory, SchoolIdentity, SoftwareRow, TeacherRow, Val } from './types.js';

const INFO_BY_KEY = new Map(INFO_FIELDS.map((f) => [f.key, f]));
const TABLES = ['equipment', 'software', 'teachers'] as const;
const VOCAB_KEYS = new Map<VocabName, Set<string>>(
  (Object.keys(VOCAB) as VocabName[]).map((v) => [v, new Set((VOCAB[v] as readonly { key: string }[]).map((e) => e.key))]),
);

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Date);
const show = (x: unknown): string => (typeof x === 'string' ? `"${x}"` : x instanceof Date ? x.toISOString().slice(0, 10) : JSON.stringify(x) ?? String(x));

/** One plain value → its normalized value, or a problem sentence. */
function convert(f: FieldDef, v: unknown): { value: InfoValue } | { problem: string } {
  const t = f.type;
  if (typeof t === 'object') {
    const keys = VOCAB_KEYS.get(t.vocab)!;
    const list = t.multi ? (Array.isArray(v) ? v : [v]) : [v];
    if (!t.multi && Array.isArray(v)) return { problem: `expects one value of ${t.vocab}, got a list` };
    const badOnes = list.filter((x) => typeof x !== 'string' || !keys.has(x));
    if (badOnes.length > 0) return { problem: `unknown ${t.vocab} ${badOnes.map(show).join(', ')} (expected one of ${[...keys].join(', ')})` };
    return { value: t.multi ? [...new Set(list as string[])] : (list[0] as string) };
  }
  switch (t) {
    case 'text': case 'url': case 'email':
      if (typeof v === 'string' || typeof v === 'number') return { value: String(v).normalize('NFC') };
      return { problem: `expects text, got ${show(v)}` };
    case 'province':
      if (typeof v !== 'string') return { problem: `expects a province name, got ${show(v)}` };
      return { value: canonicalProvince(v) ?? v.normalize('NFC') };
    case 'count':
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return { value: v };
      return { problem: `expects a whole number ≥ 0, got ${show(v)}` };
    case 'number': case 'year':
      if (typeof v === 'number' && Number.isFinite(v)) return { value: v };
      return { problem: `expects a number, got ${show(v)}` };
    case 'yesno':
      if (typeof v === 'boolean') return { value: v };
      return { problem: `expects true or false, got ${show(v)}` };
    case 'date': {
      if (v instanceof Date && !Number.isNaN(v.getTime())) return { value: v.toISOString().slice(0, 10) };
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))
        && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)) return { value: v };
      return { problem: `expects a date YYYY-MM-DD, got ${show(v)}` };
    }
    case 'school_year': {
      const y = typeof v === 'string' ? parseSchoolYearText(v) : null;
      return y === null ? { problem: `expects a school year like 2024-2025, got ${show(v)}` } : { value: y };
    }
  }
}

/** Plain fields of one object (a row or the top level) → Vals; unknown keys and bad values go to `problems`. */
function readFields(obj: Record<string, unknown>, fields: Map<string, FieldDef>, where: string, problems: string[],
  skip: readonly string[] = []): Record<string, Val<InfoValue>> {
  const out: Record<string, Val<InfoValue>> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (skip.includes(k) || v === undefined) continue;
    const f = fields.get(k);
    if (!f) { problems.push(`${where}unknown key "${k}"`); continue; }
    if (v === null) { out[k] = { ok: false }; continue; }
    const c = convert(f, v);
    if ('problem' in c) problems.push(`${where}${k}: ${c.problem}`);
    else out[k] = { ok: true, value: c.value };
  }
  return out;
}

const EQUIPMENT_FIELDS = new Map(EQUIPMENT_COLUMNS.map((f) => [f.key, f]));
const SOFTWARE_FIELDS = new Map([...SOFTWARE_COLUMNS.map((f) => [f.key, f] as const), ['functions', SOFTWARE_COLUMNS.find((f) => f.key === 'function')!] as const]);
const TEACHER_FIELDS = new Map(TEACHER_COLUMNS.map((f) => [f.key, f]));

function rowsOf(obj: Record<string, unknown>, key: string, problems: string[]): Record<string, unknown>[] | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) { problems.push(`${key}: expects a list`); return undefined; }
  const rows: Record<string, unknown>[] = [];
  v.forEach((r, i) => {
    if (isRecord(r)) rows.push(r);
    else problems.push(`${key}[${i}]: expects a mapping, got ${show(r)}`);
  });
  return rows;
}

/** Build an Inventory from its plain form. Throws an Error naming every unknown key and bad value. */
export function inventoryFromPlain(obj: unknown): Inventory {
  if (!isRecord(obj)) throw new Error(`inventory: expects a mapping of fields, got ${show(obj)}`);
  const problems: string[] = [];
  const inv: Inventory = { info: readFields(obj, INFO_BY_KEY, '', problems, TABLES), issues: [] };

  const equipment = rowsOf(obj, 'equipment', problems);
  if (equipment) {
    inv.equipment = equipment.map((r, i): EquipmentRow => {
      const v = readFields(r, EQUIPMENT_FIELDS, `equipment[${i}].`, problems, ['note']);
      const row = v as EquipmentRow;
      row.status ??= { ok: true, value: 'hoat_dong' };
      if (row.purpose === undefined && row.kind?.ok && !COMPUTER_KINDS.includes(row.kind.value)) row.purpose = { ok: true, value: 'khac' };
      return row;
    });
  }

  const software = rowsOf(obj, 'software', problems);
  if (software) {
    inv.software = software.map((r, i): SoftwareRow => {
      const v = readFields(r, SOFTWARE_FIELDS, `software[${i}].`, problems, ['note']);
      const { function: fn, functions, name, in_use, license, csdl_connected } = v;
      const row: SoftwareRow = { in_use: (in_use as Val<boolean> | undefined) ?? { ok: true, value: true } };
      if (name) row.name = name as Val<string>;
      const fns = functions ?? fn;
      if (fns) row.functions = fns as SoftwareRow['functions'];
      if (license) row.license = license as SoftwareRow['license'];
      if (csdl_connected) row.csdl_connected = csdl_connected as Val<boolean>;
      return row;
    });
    tickBox(inv.software, ['csdl_connected']);
  }

  const teachers = rowsOf(obj, 'teachers', problems);
  if (teachers) {
    inv.teachers = teachers.map((r, i): TeacherRow => {
      const v = readFields(r, TEACHER_FIELDS, `teachers[${i}].`, problems, ['name']);
      return v as TeacherRow;
    });
    tickBox(inv.teachers, ['it_standard', 'it_trained', 'uses_it'], false);
    tickBox(inv.teachers, ['elearning_lessons'], 0);
  }

  if (problems.length > 0) throw new Error(`inventory: ${problems.join('; ')}`);
  return inv;
}

/** The tick-box habit: once some row declares a column, a row that leaves it out has the empty value. */
function tickBox<R extends object>(rows: R[], keys: string[], empty: boolean | number = false): void {
  for (const k of keys) {
    if (!rows.some((r) => (r as Record<string, unknown>)[k] !== undefined)) continue;
    for (const r of rows) (r as Record<string, unknown>)[k] ??= { ok: true, value: empty };
  }
}

const text = (v: Val<InfoValue> | undefined): string | null => (v?.ok && typeof v.value === 'string' && v.value !== '' ? v.value : null);

/** Who the school is, from its declared values (null where not declared or unusable). */
export function schoolIdentity(inv: Inventory): SchoolIdentity {
  const levels = inv.info.levels;
  return {
    code: text(inv.info.school_code),
    name: text(inv.info.school_name),
    province: text(inv.info.province),
    district: text(inv.info.district),
    school_year: text(inv.info.school_year),
    levels: levels?.ok && Array.isArray(levels.value)
      ? levels.value.filter((l): l is Level => (LEVELS as readonly string[]).includes(l)) : [],
  };
}
