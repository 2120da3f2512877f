// Derived metrics (rubric.md "Metrics") computed from an Inventory, lazily and once per inventory.
// Missing semantics: an absent sheet, an unusable cell in a row the metric aggregates, a column that
// was never declared, or a zero denominator all give `missing` (with why), never a guessed number.
import {
  COMPUTER_KINDS, FUNCTIONS, INFO_FIELDS, KINDS, LEVELS, PURPOSES,
  type Kind, type Level, type SheetKey,
} from '../inventory/fields.js';
import type { CellRef, EquipmentRow, Inventory, TeacherRow, Val } from '../inventory/types.js';
import type { MetricValue } from '../checks/types.js';
import { isKnownMetric } from './metric-names.js';

type Missing = Extract<MetricValue, { state: 'missing' }>;

const value = (v: number | boolean | string | string[], cells: CellRef[]): MetricValue => ({ state: 'value', value: v, cells });
const missing = (reason: Missing['reason'], cells: CellRef[] = [], extra: { sheet?: SheetKey; denominator?: string } = {}): Missing =>
  ({ state: 'missing', reason, cells, ...extra });

const refs = (...vals: ({ ref?: CellRef } | undefined)[]): CellRef[] =>
  vals.flatMap((v) => (v?.ref ? [v.ref] : []));

/** Unique cells, in reading order. */
export function uniqueCells(cells: CellRef[]): CellRef[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const k = `${c.sheet}!${c.cell}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const cache = new WeakMap<Inventory, Map<string, MetricValue>>();

/** The value of a metric for this inventory (computed once, then cached). Unknown names throw: lint rejects them. */
export function metric(inv: Inventory, name: string): MetricValue {
  let m = cache.get(inv);
  if (!m) cache.set(inv, (m = new Map()));
  const hit = m.get(name);
  if (hit) return hit;
  const v = compute(inv, name);
  m.set(name, v);
  return v;
}

/** The school's levels as declared (empty when absent or unusable). */
export function schoolLevels(inv: Inventory): Level[] {
  const v = inv.info.levels;
  if (!v?.ok || !Array.isArray(v.value)) return [];
  return v.value.filter((l): l is Level => (LEVELS as readonly string[]).includes(l));
}

const INFO_KEYS = new Set(INFO_FIELDS.map((f) => f.key));

function compute(inv: Inventory, name: string): MetricValue {
  if (!isKnownMetric(name)) throw new Error(`unknown metric: ${name}`);
  if (INFO_KEYS.has(name)) return infoMetric(inv, name);
  const [head, a, b] = name.split('.') as [string, string, string | undefined];
  switch (head) {
    case 'students': return a === 'total' ? studentsTotal(inv) : infoMetric(inv, `students_${a}`);
    case 'computers':
      if (a === 'per_lab') return ratio(metric(inv, 'computers.phong_may'), metric(inv, 'labs'), 'labs');
      return devices(inv, COMPUTER_KINDS, a === 'all' ? null : a);
    case 'equipment': return devices(inv, [a as Kind], b === 'all' || b === undefined ? null : b);
    case 'teachers': return a === 'count' ? teacherCount(inv) : teacherShare(inv, a);
    case 'groups':
      if (a === 'count') return groupCount(inv);
      return ratio(metric(inv, 'computers.giao_vien'), metric(inv, 'groups.count'), 'groups.count');
    case 'software': return a === 'unlicensed' ? unlicensed(inv) : softwareFunction(inv, a);
  }
  throw new Error(`metric without a definition: ${name}`);
}

function infoMetric(inv: Inventory, key: string): MetricValue {
  const v = inv.info[key];
  if (!v) return missing('not_declared', [], { sheet: 'info' });
  if (!v.ok) return missing('invalid', refs(v), { sheet: 'info' });
  return value(v.value, refs(v));
}

/** Σ students over the school's levels; without declared levels, over the declared student fields. */
function studentsTotal(inv: Inventory): MetricValue {
  const levels = schoolLevels(inv);
  const keys = levels.length > 0
    ? levels.map((l) => `students_${l}`)
    : LEVELS.map((l) => `students_${l}`).filter((k) => inv.info[k] !== undefined);
  if (keys.length === 0) return missing('not_declared', refs(inv.info.levels), { sheet: 'info' });
  let total = 0;
  const cells: CellRef[] = [];
  for (const k of keys) {
    const m = infoMetric(inv, k);
    if (m.state === 'missing') return m;
    total += m.value as number;
    cells.push(...m.cells);
  }
  return value(total, cells);
}

const isWorking = (row: EquipmentRow): boolean | 'invalid' =>
  row.status === undefined ? true : row.status.ok ? row.status.value === 'hoat_dong' : 'invalid';

/**
 * Working devices of some kinds, all or of one purpose. On a computer row an undeclared purpose makes
 * the purpose-specific count missing; on other kinds an undeclared purpose is `khac` (inventory.md).
 */
function devices(inv: Inventory, kinds: readonly Kind[], purpose: string | null): MetricValue {
  if (!KINDS.includes(kinds[0]!)) throw new Error(`unknown kind: ${kinds[0]}`);
  if (purpose !== null && !(PURPOSES as readonly string[]).includes(purpose)) throw new Error(`unknown purpose: ${purpose}`);
  const rows = inv.equipment;
  if (!rows) return missing('sheet_missing', [], { sheet: 'equipment' });
  let total = 0;
  const cells: CellRef[] = [];
  for (const row of rows) {
    if (row.kind === undefined) continue; // a row that declares no device counts as nothing
    if (!row.kind.ok) return missing('invalid', refs(row.kind, row), { sheet: 'equipment' });
    if (!kinds.includes(row.kind.value)) continue;
    const working = isWorking(row);
    if (working === 'invalid') return missing('invalid', refs(row.status, row).slice(0, 1), { sheet: 'equipment' });
    if (!working) continue;
    if (purpose !== null) {
      if (row.purpose === undefined) {
        if (COMPUTER_KINDS.includes(row.kind.value)) return missing('not_declared', refs(row).slice(0, 1), { sheet: 'equipment' });
        if (purpose !== 'khac') continue;
      } else if (!row.purpose.ok) {
        return missing('invalid', refs(row.purpose, row).slice(0, 1), { sheet: 'equipment' });
      } else if (row.purpose.value !== purpose) continue;
    }
    if (row.quantity === undefined) return missing('not_declared', refs(row).slice(0, 1), { sheet: 'equipment' });
    if (!row.quantity.ok) return missing('invalid', refs(row.quantity, row).slice(0, 1), { sheet: 'equipment' });
    total += row.quantity.value;
    cells.push(...refs(row.quantity.ref ? row.quantity : row));
  }
  return value(total, cells);
}

function ratio(num: MetricValue, den: MetricValue, denominator: string): MetricValue {
  if (num.state === 'missing') return num;
  if (den.state === 'missing') return den;
  const cells = uniqueCells([...num.cells, ...den.cells]);
  if (den.value === 0) return missing('zero_denominator', cells, { denominator });
  return value((num.value as number) / (den.value as number), cells);
}

function teacherCount(inv: Inventory): MetricValue {
  const rows = inv.teachers;
  if (!rows) return missing('sheet_missing', [], { sheet: 'teachers' });
  return value(rows.length, refs(...rows));
}

const SHARE_FIELDS: Record<string, keyof TeacherRow> = {
  elearning_share: 'elearning_lessons',
  it_standard_share: 'it_standard',
  it_trained_share: 'it_trained',
  uses_it_share: 'uses_it',
};

/**
 * Share (0–1) of teachers with a flag. A yes/no column that no row declares is not declared (missing);
 * once some row declares it, an empty cell is "no" (the tick-box habit); an empty e-learning count is 0.
 */
function teacherShare(inv: Inventory, which: string): MetricValue {
  const field = SHARE_FIELDS[which];
  if (!field) throw new Error(`unknown teacher share: ${which}`);
  const rows = inv.teachers;
  if (!rows) return missing('sheet_missing', [], { sheet: 'teachers' });
  const vals = rows.map((r) => r[field] as Val<number | boolean> | undefined);
  if (field !== 'elearning_lessons' && vals.every((v) => v === undefined)) return missing('not_declared', [], { sheet: 'teachers' });
  let yes = 0;
  const cells: CellRef[] = [];
  for (const [i, v] of vals.entries()) {
    if (v === undefined) continue;
    if (!v.ok) return missing('invalid', refs(v, rows[i]).slice(0, 1), { sheet: 'teachers' });
    if (field === 'elearning_lessons' ? (v.value as number) >= 1 : v.value === true) yes += 1;
    cells.push(...refs(v));
  }
  if (rows.length === 0) return missing('zero_denominator', [], { sheet: 'teachers', denominator: 'teachers.count' });
  return value(yes / rows.length, cells);
}

/** Distinct subject groups among teachers (compared trimmed, case- and space-insensitively). */
function groupCount(inv: Inventory): MetricValue {
  const rows = inv.teachers;
  if (!rows) return missing('sheet_missing', [], { sheet: 'teachers' });
  if (rows.length > 0 && rows.every((r) => r.group === undefined)) return missing('not_declared', [], { sheet: 'teachers' });
  const groups = new Set<string>();
  const cells: CellRef[] = [];
  // The same few group names repeat on every row: fold each distinct one once (locale lowercasing is slow).
  const keys = new Map<string, string>();
  for (const r of rows) {
    if (r.group === undefined) continue;
    if (!r.group.ok) return missing('invalid', refs(r.group, r).slice(0, 1), { sheet: 'teachers' });
    const written = r.group.value;
    let key = keys.get(written);
    if (key === undefined) keys.set(written, (key = written.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi')));
    if (key === '') continue;
    groups.add(key);
    cells.push(...refs(r.group));
  }
  return value(groups.size, cells);
}

const inUse = (v: Val<boolean> | undefined): boolean | 'invalid' => (v === undefined ? true : v.ok ? v.value : 'invalid');

/** Yes when an in-use system has the function; unusable cells that could decide it make it missing. */
function softwareFunction(inv: Inventory, fn: string): MetricValue {
  if (!(FUNCTIONS as readonly string[]).includes(fn)) throw new Error(`unknown function: ${fn}`);
  const rows = inv.software;
  if (!rows) return missing('sheet_missing', [], { sheet: 'software' });
  let unsure: CellRef[] | null = null;
  const read: CellRef[] = [];
  for (const row of rows) {
    if (row.functions === undefined) continue;
    if (!row.functions.ok) { unsure ??= refs(row.functions, row).slice(0, 1); continue; }
    read.push(...refs(row.functions));
    if (!(row.functions.value as string[]).includes(fn)) continue;
    const use = inUse(row.in_use);
    if (use === 'invalid') { unsure ??= refs(row.in_use, row).slice(0, 1); continue; }
    if (use) return value(true, refs(row.functions, row.in_use));
  }
  if (unsure) return missing('invalid', unsure, { sheet: 'software' });
  return value(false, read);
}

/** In-use systems whose license is `khong`; missing when no row declares a license. */
function unlicensed(inv: Inventory): MetricValue {
  const rows = inv.software;
  if (!rows) return missing('sheet_missing', [], { sheet: 'software' });
  if (rows.length > 0 && rows.every((r) => r.license === undefined)) return missing('not_declared', [], { sheet: 'software' });
  let n = 0;
  const cells: CellRef[] = [];
  for (const row of rows) {
    if (row.license === undefined) continue;
    if (!row.license.ok) return missing('invalid', refs(row.license, row).slice(0, 1), { sheet: 'software' });
    if (row.license.value !== 'khong') continue;
    const use = inUse(row.in_use);
    if (use === 'invalid') return missing('invalid', refs(row.in_use, row).slice(0, 1), { sheet: 'software' });
    if (!use) continue;
    n += 1;
    cells.push(...refs(row.license));
  }
  return value(n, cells);
}

/** The value type of a metric, for CEL typing and for how checks show it. */
export type MetricType = 'number' | 'share' | 'bool' | 'text' | 'date' | { vocab: string; multi: boolean };

export function metricType(name: string): MetricType {
  const f = INFO_FIELDS.find((d) => d.key === name);
  if (f) {
    const t = f.type;
    if (typeof t === 'object') return { vocab: t.vocab, multi: t.multi === true };
    if (t === 'count' || t === 'number' || t === 'year') return 'number';
    if (t === 'yesno') return 'bool';
    if (t === 'date') return 'date';
    return 'text';
  }
  if (name.endsWith('_share')) return 'share';
  if (name.startsWith('software.') && name !== 'software.unlicensed') return 'bool';
  return 'number';
}
