// A district's own names for the parts of the inventory format (`--mapping mapping.yaml`, or an
// `audit-mapping.yaml` in a workbook's folder): other sheet names, column headers, labels and value words.
//
//   sheets:  { equipment: ["TB CNTT"] }
//   columns: { equipment: { quantity: ["SL máy"] } }
//   labels:  { school_code: ["Mã số trường"] }
//   values:  { purpose: { phong_may: ["P. Tin"] } }
//
// Every key is checked against fields.ts (a misspelt key is an error with "did you mean"), every problem
// is reported at file:line:col like a rubric's, and the names are matched as loosely as the format's own.
import { z } from 'zod';
import { platform, utf8Length } from '../platform.js';
import '../messages/rubric.js';
import '../messages/mapping.js';
import { RubricError, type RubricProblem } from '../errors.js';
import type { Finding } from '../engine/types.js';
import { isPlainObject, translateIssues } from '../rubric/zod-problems.js';
import { parseYamlSource, problemAt, sortProblems, type YamlSource } from '../rubric/yaml-source.js';
import { INFO_FIELDS, SHEETS, VOCAB, type SheetKey, type VocabName } from './fields.js';
import { IGNORED, NameMatcher, buildColumnMatcher, buildLabelMatcher, buildSheetMatcher, type ColumnId } from './match.js';
import { fold } from './fold.js';
import { buildVocabMatcher, vocabMatcher } from './values.js';
import type { NormalizeOptions } from './normalize.js';

export type TableKey = Exclude<SheetKey, 'info'>;

/** A checked mapping file: plain data (it crosses to batch worker threads as it is). */
export interface Mapping {
  file: string;
  sheets: Partial<Record<SheetKey, string[]>>;
  columns: Partial<Record<TableKey, Record<string, string[]>>>;
  labels: Record<string, string[]>;
  values: Partial<Record<VocabName, Record<string, string[]>>>;
}

export { FOLDER_MAPPING_FILE, folderMappingFiles } from './mapping-files.js';
/** A mapping is a few lines written by hand: anything bigger is a mistake. */
export const MAX_MAPPING_BYTES = 64 * 1024;
const MAX_NAMES = 50;
const MAX_NAME_LENGTH = 200;
export const MAPPING_SCHEMA_ID = 'audit-mapping/v1';

// ---------- the schema, from fields.ts ----------

const name = z.string().min(1).max(MAX_NAME_LENGTH);
/** One name or a list of names. */
const names = z.union([name, z.array(name).min(1).max(MAX_NAMES)]);

const strictKeys = (keys: readonly string[], value: z.ZodType): z.ZodType =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, value.optional()])));

const TABLES = SHEETS.filter((s) => s.key !== 'info');
const VOCAB_NAMES = Object.keys(VOCAB) as VocabName[];

export const mappingSchema = z.strictObject({
  schema: z.literal(MAPPING_SCHEMA_ID).optional(),
  sheets: strictKeys(SHEETS.map((s) => s.key), names).optional(),
  columns: z.strictObject(Object.fromEntries(TABLES.map((s) => [s.key, strictKeys(s.fields.map((f) => f.key), names).optional()]))).optional(),
  labels: strictKeys(INFO_FIELDS.map((f) => f.key), names).optional(),
  values: z.strictObject(Object.fromEntries(VOCAB_NAMES.map((v) => [v, strictKeys(VOCAB[v].map((e) => e.key), names).optional()]))).optional(),
});

// ---------- checking ----------

const listOf = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The format's own names, to tell a mapping name that would take another field's name. */
const BUILTIN = {
  sheets: buildSheetMatcher(),
  columns: Object.fromEntries(TABLES.map((s) => [s.key, buildColumnMatcher(s)])) as Record<TableKey, NameMatcher<ColumnId>>,
  labels: buildLabelMatcher(INFO_FIELDS),
};

/** How a field or value is named in a sentence: its key and its Vietnamese/English label. */
function labelOf(section: string, group: string | undefined, key: string): { vi: string; en: string } {
  if (section === 'sheets' || key.startsWith('$')) {
    const s = SHEETS.find((x) => x.key === key);
    if (s) return { vi: s.vi, en: s.en };
    return { vi: key === '$stt' ? 'STT' : key, en: key === '$stt' ? 'No.' : key };
  }
  if (section === 'labels') {
    const f = INFO_FIELDS.find((x) => x.key === key);
    return { vi: f?.vi ?? key, en: f?.en ?? key };
  }
  if (section === 'columns') {
    const f = SHEETS.find((s) => s.key === group)?.fields.find((x) => x.key === key);
    return { vi: f?.vi ?? key, en: f?.en ?? key };
  }
  const e = (VOCAB[group as VocabName] ?? []).find((x) => x.key === key);
  return { vi: e?.vi ?? key, en: e?.en ?? key };
}

/** The keys a section (or a table's columns, a vocabulary's values) may use. */
function keysOf(section: string, group: string | undefined): string[] {
  if (section === 'sheets') return SHEETS.map((x) => x.key);
  if (section === 'labels') return INFO_FIELDS.map((f) => f.key);
  if (section === 'columns') return SHEETS.find((x) => x.key === group)?.fields.map((f) => f.key) ?? [];
  return (VOCAB[group as VocabName] ?? []).map((e) => e.key);
}

/**
 * Names that cannot work: one that folds to nothing, one given twice for different things, one that is
 * already the format's name for something else (it would silently change what the format means).
 */
function checkNames(value: Record<string, unknown>, src: YamlSource): RubricProblem[] {
  const problems: RubricProblem[] = [];
  const group = (section: 'sheets' | 'labels' | 'columns' | 'values', groupKey: string | undefined, entries: Record<string, unknown>, builtin: NameMatcher<string>) => {
    const seen = new Map<string, { key: string; name: string }>();
    const known = new Set<string>(keysOf(section, groupKey));
    for (const [key, raw] of Object.entries(entries)) {
      if (!known.has(key)) continue; // an unknown key: the schema says so
      const list = listOf(raw);
      list.forEach((n, i) => {
        const path = [section, ...(groupKey ? [groupKey] : []), key, ...(typeof raw === 'string' ? [] : [i])];
        const at = (message: Finding) => problems.push(problemAt(src, path, message));
        const folded = fold(n);
        if (folded === '') { at({ code: 'mapping.empty_name', args: { name: n } }); return; }
        const prev = seen.get(folded);
        if (prev && prev.key !== key) {
          const other = labelOf(section, groupKey, prev.key);
          at({ code: 'mapping.name_twice', args: { name: n, other: prev.key, other_vi: other.vi, other_en: other.en } });
          return;
        }
        seen.set(folded, { key, name: n });
        const taken = builtin.get(folded);
        if (taken !== undefined && taken !== key && taken !== IGNORED) {
          const other = labelOf(section, groupKey, taken);
          at({ code: 'mapping.name_taken', args: { name: n, other: taken, other_vi: other.vi, other_en: other.en } });
        }
      });
    }
  };
  if (isPlainObject(value.sheets)) group('sheets', undefined, value.sheets, BUILTIN.sheets);
  if (isPlainObject(value.labels)) group('labels', undefined, value.labels, BUILTIN.labels);
  if (isPlainObject(value.columns)) {
    for (const [t, entries] of Object.entries(value.columns)) {
      if (isPlainObject(entries) && t in BUILTIN.columns) group('columns', t, entries, BUILTIN.columns[t as TableKey]);
    }
  }
  if (isPlainObject(value.values)) {
    for (const [v, entries] of Object.entries(value.values)) {
      if (isPlainObject(entries) && (VOCAB_NAMES as string[]).includes(v)) group('values', v, entries, vocabMatcher(v as VocabName));
    }
  }
  return problems;
}

const asLists = (o: unknown): Record<string, string[]> =>
  isPlainObject(o) ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, listOf(v)])) : {};

/** Parse a mapping file's text: the mapping, or every problem at file:line:col. */
export function parseMapping(text: string, file: string): { mapping?: Mapping; problems: RubricProblem[] } {
  if (utf8Length(text) > MAX_MAPPING_BYTES) {
    return { problems: [{ file, line: 0, col: 0, message: { code: 'mapping.too_large', args: { max_kb: MAX_MAPPING_BYTES / 1024 } } }] };
  }
  const src = parseYamlSource(text, file);
  if (src.fatal) return { problems: sortProblems(src.problems) };
  const raw = src.value;
  if (!isPlainObject(raw)) {
    const code = raw === undefined || raw === null ? 'rubric.empty_file' : 'mapping.not_a_mapping';
    return { problems: [problemAt(src, [], { code })] };
  }
  const r = mappingSchema.safeParse(raw);
  const shape = r.success ? [] : translateIssues(r.error.issues, { value: raw, schema: mappingSchema })
    .map((f) => problemAt(src, f.path, f.message, { key: f.key ?? false }));
  const problems = sortProblems([...src.problems, ...shape, ...checkNames(raw, src)]);
  if (problems.length > 0) return { problems };
  const columns: Mapping['columns'] = {};
  for (const [t, v] of Object.entries(isPlainObject(raw.columns) ? raw.columns : {})) columns[t as TableKey] = asLists(v);
  const values: Mapping['values'] = {};
  for (const [v, o] of Object.entries(isPlainObject(raw.values) ? raw.values : {})) values[v as VocabName] = asLists(o);
  return {
    mapping: { file, sheets: asLists(raw.sheets), columns, labels: asLists(raw.labels), values },
    problems: [],
  };
}

const cache = new Map<string, { stamp: string; mapping: Mapping }>();

/** Read and check a mapping file (remembered while the file is unchanged); RubricError 'mapping.invalid' otherwise. */
export async function loadMapping(file: string): Promise<Mapping> {
  const fail = (message: Finding): never => {
    throw new RubricError([{ file, line: 0, col: 0, message }], 'mapping.invalid');
  };
  let text: string;
  let stamp: string;
  try {
    const { files } = platform();
    const st = files.stat(file);
    if (st.isDirectory) fail({ code: 'mapping.is_directory', args: { file } });
    if (st.size > MAX_MAPPING_BYTES) fail({ code: 'mapping.too_large', args: { max_kb: MAX_MAPPING_BYTES / 1024 } });
    stamp = `${st.size}:${st.mtimeMs}`;
    const hit = cache.get(files.resolve(file));
    if (hit && hit.stamp === stamp) return { ...hit.mapping, file };
    text = files.readText(file);
  } catch (err) {
    if (err instanceof RubricError) throw err;
    const code = (err as { code?: string }).code === 'ENOENT' ? 'rubric.file_not_found' : 'rubric.file_unreadable';
    return fail({ code, args: { file, detail: String((err as Error).message) } });
  }
  const r = parseMapping(text, file);
  if (!r.mapping) throw new RubricError(r.problems, 'mapping.invalid');
  cache.set(platform().files.resolve(file), { stamp, mapping: r.mapping });
  return r.mapping;
}

// ---------- into the reader's matchers ----------

const optionsCache = new Map<string, NormalizeOptions>();

/** The reader's options for these mappings (earlier ones first where they name the same thing). Built once per set. */
export function mappingOptions(mappings: readonly Mapping[]): NormalizeOptions {
  if (mappings.length === 0) return {};
  const id = JSON.stringify(mappings.map((m) => [m.sheets, m.columns, m.labels, m.values]));
  const hit = optionsCache.get(id);
  if (hit) return hit;
  const merge = (lists: (Record<string, string[]> | undefined)[]): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const l of lists) for (const [k, v] of Object.entries(l ?? {})) (out[k] ??= []).push(...v);
    return out;
  };
  const opts: NormalizeOptions = {
    sheets: buildSheetMatcher(SHEETS, merge(mappings.map((m) => m.sheets as Record<string, string[]>))),
    labels: buildLabelMatcher(INFO_FIELDS, merge(mappings.map((m) => m.labels))),
    columns: Object.fromEntries(TABLES.map((s) => [s.key, buildColumnMatcher(s, merge(mappings.map((m) => m.columns[s.key as TableKey])))])),
    vocab: Object.fromEntries(VOCAB_NAMES
      .filter((v) => mappings.some((m) => m.values[v] !== undefined))
      .map((v) => [v, buildVocabMatcher(v, merge(mappings.map((m) => m.values[v])))])),
  };
  if (optionsCache.size > 100) optionsCache.clear();
  optionsCache.set(id, opts);
  return opts;
}
