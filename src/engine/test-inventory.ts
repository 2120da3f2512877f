// Test support: a small Inventory builder for engine and check tests (independent of the
// workbook normalizer). Every value gets a synthetic cell ref; `BAD` stands for an unusable cell.
import { INFO_FIELDS } from '../inventory/fields.js';
import type { CellRef, EquipmentRow, Inventory, SoftwareRow, TeacherRow, Val } from '../inventory/types.js';

export const BAD = Symbol('unusable cell');
type In<T> = T | typeof BAD;

export interface PlainInventory {
  [info: string]: unknown;
  equipment?: { kind?: In<string>; purpose?: In<string>; quantity?: In<number>; status?: In<string>; group?: In<string> }[];
  software?: { name?: In<string>; function?: In<string | string[]>; in_use?: In<boolean>; license?: In<string>; csdl_connected?: In<boolean> }[];
  teachers?: { group?: In<string>; elearning_lessons?: In<number>; it_standard?: In<boolean>; it_trained?: In<boolean>; uses_it?: In<boolean> }[];
}

const col = (i: number): string => String.fromCharCode(65 + i);

function val<T>(v: unknown, ref: CellRef): Val<T> | undefined {
  if (v === undefined) return undefined;
  if (v === BAD) return { ok: false, ref };
  return { ok: true, value: v as T, ref };
}

/** Build an Inventory from the plain form of inventory.md ("The inventory as data"). */
export function inventory(plain: PlainInventory): Inventory {
  const info: Inventory['info'] = {};
  INFO_FIELDS.forEach((f, i) => {
    const v = val<never>(plain[f.key], { sheet: 'Thông tin chung', cell: `C${i + 2}` });
    if (v) info[f.key] = v;
  });
  const inv: Inventory = { info, issues: [] };
  if (plain.equipment) {
    inv.equipment = plain.equipment.map((r, i): EquipmentRow => {
      const at = (c: number): CellRef => ({ sheet: 'Thiết bị', cell: `${col(c)}${i + 2}` });
      const row: EquipmentRow = { ref: at(0) };
      const set = <K extends keyof EquipmentRow>(k: K, v: unknown, c: number): void => {
        const x = val(v, at(c));
        if (x) row[k] = x as EquipmentRow[K];
      };
      set('kind', r.kind, 1); set('purpose', r.purpose, 2); set('quantity', r.quantity, 3); set('status', r.status, 4); set('group', r.group, 5);
      return row;
    });
  }
  if (plain.software) {
    inv.software = plain.software.map((r, i): SoftwareRow => {
      const at = (c: number): CellRef => ({ sheet: 'Phần mềm', cell: `${col(c)}${i + 2}` });
      const row: SoftwareRow = { ref: at(0) };
      const set = <K extends keyof SoftwareRow>(k: K, v: unknown, c: number): void => {
        const x = val(v, at(c));
        if (x) row[k] = x as SoftwareRow[K];
      };
      const fn = typeof r.function === 'string' ? [r.function] : r.function;
      set('name', r.name, 1); set('functions', fn, 2); set('in_use', r.in_use, 3); set('license', r.license, 4); set('csdl_connected', r.csdl_connected, 5);
      return row;
    });
  }
  if (plain.teachers) {
    inv.teachers = plain.teachers.map((r, i): TeacherRow => {
      const at = (c: number): CellRef => ({ sheet: 'Giáo viên', cell: `${col(c)}${i + 2}` });
      const row: TeacherRow = { ref: at(0) };
      const set = <K extends keyof TeacherRow>(k: K, v: unknown, c: number): void => {
        const x = val(v, at(c));
        if (x) row[k] = x as TeacherRow[K];
      };
      set('group', r.group, 2); set('elearning_lessons', r.elearning_lessons, 3); set('it_standard', r.it_standard, 4);
      set('it_trained', r.it_trained, 5); set('uses_it', r.uses_it, 6);
      return row;
    });
  }
  return inv;
}

/** n teachers with the same fields. */
export const teachers = (n: number, row: NonNullable<PlainInventory['teachers']>[number] = {}): NonNullable<PlainInventory['teachers']> =>
  Array.from({ length: n }, () => ({ ...row }));

/** Evaluate one check (validated by its kind's schema first) against a plain inventory. */
export async function runCheck(check: Record<string, unknown>, plain: PlainInventory, weight?: number) {
  const { kindOf } = await import('../checks/index.js');
  const { evalContext } = await import('./evaluate.js');
  const kind = kindOf(check);
  if (!kind) throw new Error(`no kind for ${JSON.stringify(check)}`);
  const params = kind.schema.parse(check);
  return kind.evaluate(params, evalContext(inventory(plain), weight));
}

/** A resolved Rubric for tests: the file form validated by `rubricSchema`, with the loader's bookkeeping filled. */
export async function testRubric(file: Record<string, unknown>) {
  const { rubricSchema } = await import('../rubric/schema.js');
  const r = rubricSchema.parse({
    schema: 'audit-rubric/v1', id: 'test', version: '1.0.0', title: { vi: 'Thử' }, issuer: 'Sở GD&ĐT Thử',
    document: { number: '1/SGD', date: '2024-09-01' }, ...file,
  });
  const rubric: import('../rubric/schema.js').Rubric = {
    id: r.id, version: r.version, title: r.title, issuer: r.issuer, document: r.document,
    ...(r.note ? { note: r.note } : {}),
    sources: r.sources ?? [], applies_to: r.applies_to ?? {}, deadlines: r.deadlines ?? [],
    scoring: r.scoring ?? { scale: 'percent', pass: { all_required: true } },
    criteria: r.criteria, district_criteria: r.district_criteria ?? [], examples: r.examples ?? [],
    sha256: '0'.repeat(64), file: 'test.yaml', parents: [],
  };
  return rubric;
}
