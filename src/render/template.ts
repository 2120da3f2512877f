// The blank inventory workbook (`audit template`): the four sheets of inventory.md with their exact
// labels and headers, an instructions sheet that explains every field, dropdowns for every vocabulary
// (lists on a hidden sheet: an inline list is capped at 255 characters), number checks, and — for a
// chosen rubric — a ★ and a note on every field one of its criteria reads. exceljs is loaded on use.
import type { Workbook, DataValidation, Cell } from 'exceljs';
import {
  INFO_FIELDS, LEVELS, SHEETS, VOCAB,
  type FieldDef, type Level, type SheetDef, type SheetKey, type VocabName,
} from '../inventory/fields.js';
import { kindOf } from '../checks/index.js';
import type { Check } from '../checks/types.js';
import type { Rubric } from '../rubric/schema.js';
import { isKnownMetric } from '../engine/metric-names.js';
import { FIELD_EXAMPLES, templateLabel, type TemplateLabel } from '../messages/template.js';
import type { Lang } from '../messages/format.js';
import { newWorkbook, workbookBytes } from './xlsx.js';

export interface TemplateOptions {
  lang: Lang;
  /** Mark (★ and a note) the fields this rubric's criteria read. */
  rubric?: Rubric;
}

/** Rows of each table sheet that get dropdowns and number checks (the example row included). */
export const TABLE_ROWS = 500;
/** The example row's STT: the reader skips it (inventory.md). */
export const EXAMPLE_STT = 'Ví dụ';

// ---------- which fields a rubric reads ----------

/** A field of the format: `info.wifi`, `equipment.quantity`. */
export type FieldId = `${SheetKey}.${string}`;
export interface FieldUse { id: string; title: { vi: string; en?: string } }

const EQUIPMENT_COUNT: FieldId[] = ['equipment.kind', 'equipment.quantity', 'equipment.status'];

/**
 * The fields a metric is computed from (rubric.md "Metrics"). `levels` narrows students.total to the
 * rubric's levels, so a THPT rubric does not ask for preschool children.
 */
export function metricFields(metric: string, levels: readonly Level[] = LEVELS): FieldId[] {
  if (INFO_FIELDS.some((f) => f.key === metric)) return [`info.${metric}`];
  if (!isKnownMetric(metric)) return [];
  const [head, a, b] = metric.split('.') as [string, string, string | undefined];
  switch (head) {
    case 'students':
      return a === 'total' ? ['info.levels', ...levels.map((l): FieldId => `info.students_${l}`)] : [`info.students_${a}`];
    case 'computers':
      if (a === 'per_lab') return [...EQUIPMENT_COUNT, 'equipment.purpose', 'info.labs'];
      return a === 'all' ? EQUIPMENT_COUNT : [...EQUIPMENT_COUNT, 'equipment.purpose'];
    case 'equipment':
      return b === 'all' ? EQUIPMENT_COUNT : [...EQUIPMENT_COUNT, 'equipment.purpose'];
    case 'teachers': {
      const share: Record<string, FieldId> = {
        elearning_share: 'teachers.elearning_lessons', it_standard_share: 'teachers.it_standard',
        it_trained_share: 'teachers.it_trained', uses_it_share: 'teachers.uses_it',
      };
      return a === 'count' ? ['teachers.name'] : ['teachers.name', share[a]!];
    }
    case 'groups':
      return a === 'count' ? ['teachers.name', 'teachers.group'] : ['teachers.name', 'teachers.group', ...EQUIPMENT_COUNT, 'equipment.purpose'];
    case 'software':
      return a === 'unlicensed'
        ? ['software.name', 'software.in_use', 'software.license']
        : ['software.name', 'software.function', 'software.in_use'];
  }
  return [];
}

/** Fields a check reads: its kind's metrics, plus what a software check's options read. */
function checkFields(check: Check, levels: readonly Level[]): FieldId[] {
  const kind = kindOf(check);
  if (!kind) return [];
  if (kind.name === 'all' || kind.name === 'any') {
    return ((check[kind.name] as Check[] | undefined) ?? []).flatMap((c) => checkFields(c, levels));
  }
  const out = kind.metrics(check).flatMap((m) => metricFields(m, levels));
  if (kind.name === 'software') {
    if (check.connected !== undefined) out.push('software.csdl_connected');
    if (check.licensed !== undefined || check.license !== undefined) out.push('software.license');
  }
  return out;
}

/** For each field the rubric reads, the criteria that read it (in rubric order, each once). */
export function rubricFieldUses(rubric: Rubric): Map<FieldId, FieldUse[]> {
  const levels = (rubric.applies_to.levels?.filter((l): l is Level => (LEVELS as readonly string[]).includes(l))) ?? [...LEVELS];
  const uses = new Map<FieldId, FieldUse[]>();
  const add = (fields: FieldId[], use: FieldUse) => {
    for (const f of new Set(fields)) {
      const list = uses.get(f) ?? [];
      if (!list.some((u) => u.id === use.id)) list.push(use);
      uses.set(f, list);
    }
  };
  for (const c of rubric.criteria) {
    const crLevels = c.applies_to?.levels ?? levels;
    const fields = [
      ...checkFields(c.check as Check, crLevels),
      ...(c.applies_if ? checkFields(c.applies_if as Check, crLevels) : []),
      ...(c.applies_to ? (['info.levels'] as FieldId[]) : []),
    ];
    add(fields, { id: c.id, title: c.title });
  }
  for (const d of rubric.district_criteria) {
    add([...checkFields(d.share as Check, d.of_schools.levels ?? levels), 'info.levels'], { id: d.id, title: d.title });
  }
  return uses;
}

// ---------- lists ----------

type ListName = VocabName | 'yesno';
const LIST_ORDER: ListName[] = ['levels', 'school_type', 'internet_type', 'kind', 'purpose', 'status', 'function', 'license', 'yesno'];
/** Example values of each list (keys), shown in the instructions and the example rows. */
const LIST_EXAMPLE: Record<ListName, string[]> = {
  levels: ['tieu_hoc', 'thcs'], school_type: ['cong_lap'], internet_type: ['cap_quang'], kind: ['may_tinh_de_ban'],
  purpose: ['phong_may'], status: ['hoat_dong'], function: ['so_diem_dien_tu', 'hoc_ba_dien_tu'], license: ['ban_quyen'], yesno: ['yes'],
};

function listValues(list: ListName, lang: Lang): string[] {
  if (list === 'yesno') return lang === 'vi' ? ['Có', 'Không'] : ['Yes', 'No'];
  return VOCAB[list].map((e) => e[lang]);
}
function listValue(list: ListName, key: string, lang: Lang): string {
  if (list === 'yesno') return listValues('yesno', lang)[key === 'yes' ? 0 : 1]!;
  return VOCAB[list].find((e) => e.key === key)?.[lang] ?? key;
}
const listOf = (f: FieldDef): ListName | null => (f.type === 'yesno' ? 'yesno' : typeof f.type === 'object' ? f.type.vocab : null);
const isMulti = (f: FieldDef): boolean => typeof f.type === 'object' && f.type.multi === true;
const definedName = (list: ListName): string => `list_${list}`;

function exampleOf(sheet: SheetKey, f: FieldDef, lang: Lang): string | number | null {
  const list = listOf(f);
  if (list) return LIST_EXAMPLE[list].map((k) => listValue(list, k, lang)).join(', ');
  const e = FIELD_EXAMPLES[sheet][f.key];
  if (e === undefined) return null;
  return typeof e === 'object' ? e[lang] : e;
}

// ---------- words ----------

const label = (f: { vi: string; en: string }, lang: Lang): string => f[lang];
const sheetName = (s: SheetDef, lang: Lang): string => s[lang];
const t = (key: TemplateLabel, lang: Lang, args?: Record<string, string | number>) => templateLabel(key, lang, args);

function typeText(f: FieldDef, lang: Lang): string {
  if (typeof f.type === 'object') return t(f.type.multi ? 'template.type.vocab_multi' : 'template.type.vocab', lang);
  return t(`template.type.${f.type}` as TemplateLabel, lang);
}

function allowedText(f: FieldDef, lang: Lang): string {
  const list = listOf(f);
  if (list) return listValues(list, lang).join(', ');
  switch (f.type) {
    case 'count': return t('template.allowed.count', lang);
    case 'year': return t('template.allowed.year', lang);
    case 'school_year': return t('template.allowed.school_year', lang);
    case 'province': return t('template.allowed.province', lang);
    default: return '';
  }
}

/** The header or label text: ★ in front, so that loose matching (which drops symbols) still sees the label. */
const marked = (text: string, needed: boolean): string => (needed ? `★ ${text}` : text);

const useText = (u: FieldUse, lang: Lang): string => `${u.id} (${lang === 'en' ? u.title.en ?? u.title.vi : u.title.vi})`;

function noteText(f: FieldDef, uses: FieldUse[] | undefined, rubric: Rubric | undefined, lang: Lang): string | null {
  const parts: string[] = [];
  if (f.required) parts.push(t('template.note.required', lang));
  if (uses && uses.length > 0 && rubric) {
    const shown = uses.slice(0, 8).map((u) => useText(u, lang));
    if (uses.length > 8) shown.push(t('template.note.more', lang, { count: uses.length - 8 }));
    parts.push(t('template.note.used_by', lang, { rubric: `${rubric.id}@${rubric.version}`, criteria: shown.map((x) => `\n• ${x}`).join('') }));
  }
  return parts.length > 0 ? parts.join('\n') : null;
}

// ---------- styles ----------

const fill = (argb: string) => ({ type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: `FF${argb}` }, bgColor: { argb: `FF${argb}` } });
const HEADER_FILL = fill('D9E1F2');
const NEEDED_FILL = fill('FCE4D6');
/** A named font on every styled cell: without a name LibreOffice falls back to a serif face. */
const FONT = { name: 'Calibri', size: 11, family: 2 } as const;
const EXAMPLE_FONT = { ...FONT, italic: true, color: { argb: 'FF7F7F7F' } };
const THIN = { style: 'thin' as const, color: { argb: 'FFB4B4B4' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function styleHeader(cell: Cell, needed: boolean): void {
  cell.font = { ...FONT, bold: true };
  cell.fill = needed ? NEEDED_FILL : HEADER_FILL;
  cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  cell.border = BORDER;
}

/** Printed on A4 landscape, as wide as the page (a school may print the form to fill by hand). */
const PAGE_SETUP = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;

/** Excel and LibreOffice do not grow a row to fit wrapped text written by a program: estimate the lines. */
function fitRow(row: { height: number }, texts: { text: string; width: number }[]): void {
  const lines = Math.max(1, ...texts.map(({ text, width }) => text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil((l.length * 1.1) / width)), 0)));
  if (lines > 1) row.height = lines * 15 + 2;
}

/** Excel's limits: prompt and error 255 characters, titles 32. */
const clip = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

// ---------- data validation ----------

/** exceljs writes type 'any' (an input message without a rule) too; its typings omit it and the range API. */
type Validation = Omit<DataValidation, 'type'> & { type: DataValidation['type'] | 'any' };
interface RangeValidations { dataValidations: { add(range: string, v: Validation): void } }

function validationFor(f: FieldDef, lang: Lang, hint: string): Validation | null {
  const lists = t('template.sheet.lists', lang);
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: hint !== '', prompt: clip(hint, 255) };
  const list = listOf(f);
  if (list) {
    const multi = isMulti(f);
    return {
      ...common, type: 'list', formulae: [definedName(list)],
      errorStyle: multi ? 'warning' : 'stop',
      errorTitle: clip(t(multi ? 'template.dv.multi.title' : 'template.dv.list.title', lang), 32),
      error: clip(multi
        ? t('template.dv.multi.error', lang, { example: exampleOf('info', f, lang) as string })
        : t('template.dv.list.error', lang, { lists }), 255),
    };
  }
  switch (f.type) {
    case 'count':
      return { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], errorStyle: 'stop', errorTitle: t('template.dv.count.title', lang), error: t('template.dv.count.error', lang) };
    case 'number':
      return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], errorStyle: 'stop', errorTitle: t('template.dv.number.title', lang), error: t('template.dv.number.error', lang) };
    case 'year':
      return { ...common, type: 'whole', operator: 'between', formulae: [1980, 2100], errorStyle: 'stop', errorTitle: t('template.dv.year.title', lang), error: t('template.dv.year.error', lang) };
    case 'date':
      return {
        ...common, type: 'date', operator: 'between', formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        errorStyle: 'stop', errorTitle: t('template.dv.date.title', lang), error: t('template.dv.date.error', lang),
      };
    default:
      return hint !== '' ? { ...common, type: 'any', formulae: [], showErrorMessage: false } : null;
  }
}

/** Number format of a value cell: text fields stay text (leading zeros of codes and phones), dates dd/mm/yyyy. */
function numFmtFor(f: FieldDef): string | undefined {
  switch (f.type) {
    case 'date': return 'dd/mm/yyyy';
    case 'count': case 'year': return '0';
    case 'number': return 'General';
    default: return '@';
  }
}

function hintText(sheet: SheetKey, f: FieldDef, lang: Lang): string {
  const ex = exampleOf(sheet, f, lang);
  const exText = ex === null ? '' : ` — ${t('template.guide.example', lang)}: ${ex}`;
  return `${typeText(f, lang)}${exText}`;
}

// ---------- sheets ----------

interface Ctx {
  wb: Workbook;
  lang: Lang;
  rubric: Rubric | undefined;
  uses: Map<FieldId, FieldUse[]>;
}

const isNeeded = (ctx: Ctx, sheet: SheetKey, f: FieldDef): boolean => f.required === true || ctx.uses.has(`${sheet}.${f.key}`);

function setNote(cell: Cell, text: string | null): void {
  if (text) cell.note = { texts: [{ text }], editAs: 'absolute' } as Cell['note'];
}

function listsSheet(ctx: Ctx): void {
  const ws = ctx.wb.addWorksheet(t('template.sheet.lists', ctx.lang), { state: 'hidden' });
  const quoted = `'${ws.name.replace(/'/g, "''")}'`;
  LIST_ORDER.forEach((list, i) => {
    const col = i + 1;
    const field = list === 'yesno' ? null : [...SHEETS.flatMap((s) => s.fields)].find((f) => listOf(f) === list);
    const head = ws.getCell(1, col);
    head.value = field ? label(field, ctx.lang) : t('template.lists.yesno', ctx.lang);
    styleHeader(head, false);
    const values = listValues(list, ctx.lang);
    values.forEach((v, r) => { ws.getCell(r + 2, col).value = v; });
    ws.getColumn(col).width = Math.max(14, ...values.map((v) => v.length + 2));
    const letter = ws.getColumn(col).letter;
    ctx.wb.definedNames.add(`${quoted}!$${letter}$2:$${letter}$${values.length + 1}`, definedName(list));
  });
}

function infoSheet(ctx: Ctx, def: SheetDef): void {
  const { lang } = ctx;
  const ws = ctx.wb.addWorksheet(sheetName(def, lang), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'B2' }], pageSetup: PAGE_SETUP });
  const widths = [58, 34, 70];
  ws.columns = widths.map((width) => ({ width }));
  const header = ws.getRow(1);
  header.values = [t('template.info.header.label', lang), t('template.info.header.value', lang), t('template.info.header.hint', lang)];
  header.eachCell((c) => styleHeader(c, false));
  def.fields.forEach((f, i) => {
    const r = i + 2;
    const needed = isNeeded(ctx, def.key, f);
    const labelCell = ws.getCell(r, 1);
    labelCell.value = marked(label(f, lang), needed);
    labelCell.alignment = { vertical: 'top', wrapText: true };
    labelCell.border = BORDER;
    if (needed) { labelCell.font = { ...FONT, bold: true }; labelCell.fill = NEEDED_FILL; }
    setNote(labelCell, noteText(f, ctx.uses.get(`info.${f.key}`), ctx.rubric, lang));
    const valueCell = ws.getCell(r, 2);
    const fmt = numFmtFor(f);
    if (fmt) valueCell.numFmt = fmt;
    valueCell.border = BORDER;
    valueCell.alignment = { vertical: 'top', horizontal: 'left' };
    const hint = hintText('info', f, lang);
    const dv = validationFor(f, lang, hint);
    if (dv) valueCell.dataValidation = dv as DataValidation;
    const hintCell = ws.getCell(r, 3);
    hintCell.value = hint;
    hintCell.font = { ...FONT, color: { argb: 'FF595959' } };
    hintCell.alignment = { vertical: 'top', wrapText: true };
    fitRow(ws.getRow(r), [{ text: labelCell.value as string, width: widths[0]! }, { text: hint, width: widths[2]! }]);
  });
}

function tableSheet(ctx: Ctx, def: SheetDef): void {
  const { lang } = ctx;
  const ws = ctx.wb.addWorksheet(sheetName(def, lang), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'B2' }], pageSetup: PAGE_SETUP });
  const stt = t('template.stt', lang);
  ws.getColumn(1).width = 8;
  const headCell = ws.getCell(1, 1);
  headCell.value = stt;
  styleHeader(headCell, false);
  const example = ws.getCell(2, 1);
  example.value = EXAMPLE_STT;
  example.font = EXAMPLE_FONT;
  ws.getRow(1).height = 32;
  const last = TABLE_ROWS + 1;
  def.fields.forEach((f, i) => {
    const col = i + 2;
    const needed = isNeeded(ctx, def.key, f);
    const head = ws.getCell(1, col);
    head.value = marked(label(f, lang), needed);
    styleHeader(head, needed);
    setNote(head, noteText(f, ctx.uses.get(`${def.key}.${f.key}`), ctx.rubric, lang));
    const column = ws.getColumn(col);
    const exValue = f.key === 'note' ? t('template.example_note', lang) : exampleOf(def.key, f, lang);
    column.width = Math.min(40, Math.max(12, label(f, lang).length * 0.9 + 4, String(exValue ?? '').length + 2));
    const fmt = numFmtFor(f);
    const letter = column.letter;
    if (fmt) for (let r = 2; r <= last; r++) ws.getCell(r, col).numFmt = fmt;
    const dv = validationFor(f, lang, hintText(def.key, f, lang));
    if (dv) (ws as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${last}`, dv);
    if (exValue !== null && exValue !== '') {
      const cell = ws.getCell(2, col);
      cell.value = exValue;
      cell.font = EXAMPLE_FONT;
    }
  });
}

function instructionsSheet(ctx: Ctx): void {
  const { lang, rubric } = ctx;
  const ws = ctx.wb.addWorksheet(t('template.sheet.instructions', lang), { pageSetup: PAGE_SETUP });
  const widths = [18, 46, 11, 26, 48, 30, 60];
  ws.columns = widths.map((width) => ({ width }));
  const total = widths.reduce((a, b) => a + b, 0);
  let r = 1;
  const paragraph = (text: string, font?: Cell['font']) => {
    ws.mergeCells(r, 1, r, widths.length);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.alignment = { vertical: 'top', wrapText: true };
    if (font) cell.font = font;
    // Excel does not grow merged rows to fit: estimate the lines
    fitRow(ws.getRow(r), [{ text, width: total }]);
    r++;
  };
  paragraph(t('template.title', lang), { ...FONT, bold: true, size: 14 });
  if (rubric) {
    paragraph(t('template.for_rubric', lang, {
      title: lang === 'en' ? rubric.title.en ?? rubric.title.vi : rubric.title.vi,
      document: rubric.document.number, issuer: rubric.issuer, id: rubric.id, version: rubric.version,
    }), { ...FONT, italic: true });
  }
  const names = Object.fromEntries(SHEETS.map((s) => [s.key, sheetName(s, lang)]));
  const levels = INFO_FIELDS.find((f) => f.key === 'levels')!;
  const fn = SHEETS.find((s) => s.key === 'software')!.fields.find((f) => f.key === 'function')!;
  for (const key of ['template.intro.1', 'template.intro.2', 'template.intro.3', 'template.intro.4', 'template.intro.5', 'template.intro.6'] as const) {
    paragraph(t(key, lang, { ...names, levels: label(levels, lang), function: label(fn, lang) }));
  }
  r++;
  const headerRow = r;
  const heads = (['sheet', 'field', 'needed', 'type', 'allowed', 'example', 'used_by'] as const).map((k) => t(`template.guide.${k}`, lang));
  heads.forEach((h, i) => {
    const cell = ws.getCell(r, i + 1);
    cell.value = h;
    styleHeader(cell, false);
  });
  r++;
  for (const def of SHEETS) {
    for (const f of def.fields) {
      const uses = ctx.uses.get(`${def.key}.${f.key}`) ?? [];
      const needed = f.required ? `★ ${t('template.guide.required', lang)}` : uses.length > 0 ? '★' : '';
      const ex = f.key === 'note' ? '' : exampleOf(def.key, f, lang);
      const row = [
        sheetName(def, lang), label(f, lang), needed,
        typeText(f, lang), allowedText(f, lang), ex === null ? '' : String(ex),
        uses.map((u) => useText(u, lang)).join('\n'),
      ];
      row.forEach((v, i) => {
        const cell = ws.getCell(r, i + 1);
        cell.value = v;
        cell.alignment = { vertical: 'top', wrapText: true };
        cell.border = BORDER;
      });
      fitRow(ws.getRow(r), row.map((text, i) => ({ text, width: widths[i]! })));
      r++;
    }
  }
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: r - 1, column: widths.length } };
}

/** The blank inventory workbook, in `lang`, marked for `rubric` when given. Same options → same bytes. */
export async function renderTemplate(opts: TemplateOptions): Promise<Uint8Array> {
  const wb = await newWorkbook(undefined);
  const ctx: Ctx = { wb, lang: opts.lang, rubric: opts.rubric, uses: opts.rubric ? rubricFieldUses(opts.rubric) : new Map() };
  instructionsSheet(ctx);
  for (const def of SHEETS) {
    if (def.key === 'info') infoSheet(ctx, def);
    else tableSheet(ctx, def);
  }
  listsSheet(ctx);
  return workbookBytes(wb, undefined);
}

/** Exported for tests: the lists the dropdowns use, and their defined names. */
export const TEMPLATE_LISTS: readonly { list: ListName; name: string }[] = LIST_ORDER.map((list) => ({ list, name: definedName(list) }));
