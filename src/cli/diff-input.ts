// The two sides of `audit diff`: what each path holds is told by its content, not its name — a folder of
// workbooks, a workbook (zip bytes), or JSON whose `schema` says audit-result/v1 (one object, or the array
// `audit a.xlsx b.xlsx --json` prints) or audit-batch/v1 (a batch summary). Workbooks are audited now with
// the single-school path of `audit` (commands/audit.ts), each with its own rubric unless --rubric is given.
// Old workbooks are then re-scored under the new side's rubric, so a diff can tell data from rubric changes.
import { readFile, stat } from 'node:fs/promises';
import { basename, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { InputError, RubricError, UsageError } from '../errors.js';
import { auditInventory } from '../engine/audit.js';
import { asBatchSummary, type BatchSummary } from '../engine/batch.js';
import {
  appliesBy, normalizeCode, rubricKey, schoolFromResult, sideFromBatch, sideFromResults, type ResultLike, type Side, type SideDistrict,
  type RubricRef, type SideKind, type SideSchool,
} from '../engine/diff.js';
import { evaluateDistrictCriterion } from '../engine/district.js';
import type { AuditResult, Waiver } from '../engine/types.js';
import type { Inventory } from '../inventory/types.js';
import { pick } from '../render/common.js';
import { toResultJson } from '../render/json.js';
import { builtinRegistry, isRubricPath } from '../rubric/registry.js';
import type { Rubric } from '../rubric/schema.js';
import type { Lang } from '../messages/format.js';
import type { CliIO, GlobalOptions } from './main.js';
import { auditWorkbook } from './commands/audit.js';
import { findWorkbooks } from './commands/batch.js';
import { errorLines } from './report-error.js';
import { TOOL } from './tool.js';
import '../messages/diff.js';

export interface SideOptions {
  /** `--rubric` (id, id@version or file) for the workbooks audited now. */
  rubric?: string;
  asOf?: string;
  /** `--mapping`: a district's own sheet and column names. */
  mapping?: string;
  waivers: Waiver[];
  /** Output folder: never read workbooks from it. */
  outDir?: string;
}

/** A workbook audited now: what re-scoring needs. */
export interface AuditedSchool { school: SideSchool; result: AuditResult; inventory: Inventory; rubric: Rubric }

export interface LoadedSide {
  side: Side;
  /** The workbooks audited now (none for JSON inputs). */
  audited: AuditedSchool[];
  /** Files read, so that no report is ever written over one. */
  inputs: string[];
  /** Workbooks of a folder that could not be audited (reported on stderr; the diff goes on, exit 3). */
  failed: number;
}

// ---------- reading JSON inputs ----------

const nullableString = z.string().nullable();
const status = z.enum(['pass', 'fail', 'missing', 'not_applicable', 'waived']);
// 'target' (a district's target, never a requirement) is read as well, so a diff never rejects a newer summary.
const severity = z.enum(['required', 'target', 'recommended']);
const resultSchema = z.object({
  schema: z.literal('audit-result/v1'),
  rubric: z.object({ id: z.string(), version: z.string(), title: z.string(), sha256: z.string() }),
  school: z.object({ code: nullableString, name: nullableString, district: nullableString, school_year: nullableString }),
  source: z.object({ file: z.string(), sha256: z.string() }),
  as_of: z.string(),
  score: z.number().nullable(),
  status: z.enum(['pass', 'fail']),
  band: nullableString,
  criteria: z.array(z.object({
    id: z.string(), clause: z.string(), title: z.string(), severity, weight: z.number(),
    status, points: z.number().nullable(), rule: z.string(), actual: nullableString, expected: nullableString,
    message: z.string(), gap: nullableString,
  })),
});

const batchSchema = z.object({
  lang: z.enum(['vi', 'en']),
  rubrics: z.array(z.object({
    id: z.string(), version: z.string(), sha256: z.string(), title: z.string(),
    bands: z.array(z.object({ id: z.string(), label: z.string() })),
    criteria: z.array(z.object({
      id: z.string(), clause: z.string(), title: z.string(), rule: z.string(), severity, weight: z.number(),
    })),
    district_criteria: z.array(z.object({ id: z.string(), title: z.string() })),
  })),
  entries: z.array(z.union([
    z.object({ file: z.string(), error: z.object({ code: z.string(), message: z.string() }) }),
    z.object({ file: z.string(), not_audited: z.object({ kind: z.string(), submission: z.boolean() }) }),
    z.object({
      file: z.string(), code: nullableString, name: nullableString, district: nullableString, school_year: nullableString,
      rubric: z.object({ id: z.string(), version: z.string() }), as_of: z.string(), source_sha256: z.string(),
      score: z.number().nullable(), status: z.enum(['pass', 'fail']), band: nullableString,
      criteria: z.array(z.object({ id: z.string(), status, points: z.number().nullable(), actual: nullableString })),
    }),
  ])),
  district_criteria: z.array(z.object({
    rubric: z.string(), id: z.string(), numerator: z.number(), denominator: z.number(), share: z.number().nullable(),
    min: z.number(), status: z.enum(['pass', 'fail', 'missing']),
  })),
});

function badInput(file: string, error: z.ZodError): never {
  const first = error.issues[0];
  const detail = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : '';
  throw new UsageError({ code: 'diff.bad_input', args: { file, detail } });
}

/**
 * What decides whether each criterion applies (the school year, the school's data, nothing), from the
 * rubric objects at hand: those the side's workbooks were audited with now, else the built-in rubric or
 * the --rubric file with the same id, version and contents. A rubric not at hand leaves it unknown.
 */
function describeApplicability(side: Side, rubrics: Iterable<Rubric>, opts: SideOptions): void {
  const byKey = new Map([...rubrics].map((r) => [rubricKey(r), r]));
  for (const r of side.rubrics) {
    const full = byKey.get(rubricKey(r)) ?? rubricAtHand(r, opts);
    if (!full) continue;
    const defs = new Map(full.criteria.map((c) => [c.id, c]));
    for (const c of r.criteria) {
      const def = defs.get(c.id);
      if (def) c.applies_by = appliesBy(def);
    }
  }
}

/** The built-in rubric, or the --rubric file, that is exactly this id, version and contents; null otherwise. */
function rubricAtHand(ref: RubricRef, opts: SideOptions): Rubric | null {
  const candidates: (() => Rubric)[] = [];
  if (opts.rubric !== undefined && isRubricPath(opts.rubric)) candidates.push(() => builtinRegistry().get(opts.rubric!));
  candidates.push(() => builtinRegistry().get(`${ref.id}@${ref.version}`));
  for (const load of candidates) {
    try {
      const r = load();
      if (rubricKey(r) === rubricKey(ref)) return r;
    } catch (err) {
      if (!(err instanceof UsageError || err instanceof RubricError)) throw err;
    }
  }
  return null;
}

/**
 * How the two sides are named to the reader: the file or folder name, with its parent folders when the
 * name alone says nothing (`summary.json`) or is the same on both sides (`2023/summary.json`).
 */
export function sideNames(oldPath: string, newPath: string): [string, string] {
  const parts = (p: string) => resolve(p).split(sep).filter((x) => x !== '');
  const [a, b] = [parts(oldPath), parts(newPath)];
  const tail = (xs: string[], n: number) => xs.slice(-n).join('/');
  const generic = (xs: string[]) => /^(summary|diff|junit)\.(json|xml)$/i.test(xs.at(-1) ?? '');
  let n = generic(a) || generic(b) ? 2 : 1;
  while (tail(a, n) === tail(b, n) && n < Math.max(a.length, b.length)) n += 1;
  return [tail(a, n) || oldPath, tail(b, n) || newPath];
}

/** JSON text → a side, by its `schema`. */
function sideFromJson(file: string, value: unknown, opts: SideOptions): Side {
  const side = sideOfJson(file, value);
  describeApplicability(side, [], opts);
  return side;
}

function sideOfJson(file: string, value: unknown): Side {
  const name = basename(file);
  const schemaOf = (v: unknown) => (v && typeof v === 'object' && 'schema' in v ? String((v as { schema: unknown }).schema) : '');
  if (Array.isArray(value)) {
    const results = value.map((v, i) => {
      const r = resultSchema.safeParse(v);
      if (!r.success) {
        if (schemaOf(v) !== 'audit-result/v1') throw new UsageError({ code: 'diff.unknown_schema', args: { file: `${file}[${i}]`, schema: schemaOf(v) } });
        badInput(`${file}[${i}]`, r.error);
      }
      return { file: r.data.source.file, result: r.data as ResultLike };
    });
    return sideFromResults('results', name, null, results);
  }
  const schema = schemaOf(value);
  if (schema === 'audit-result/v1') {
    const r = resultSchema.safeParse(value);
    if (!r.success) badInput(file, r.error);
    return sideFromResults('result', name, null, [{ file: r.data.source.file, result: r.data as ResultLike }]);
  }
  if (schema === 'audit-batch/v1') {
    const summary: BatchSummary = asBatchSummary(value, file);
    const r = batchSchema.safeParse(value);
    if (!r.success) badInput(file, r.error);
    return sideFromBatch(name, summary);
  }
  if (schema === 'audit-diff/v1') throw new UsageError({ code: 'diff.is_diff', args: { file } });
  throw new UsageError({ code: 'diff.unknown_schema', args: { file, schema: schema || '—' } });
}

// ---------- workbooks audited now ----------

const describeRubricBands = (side: Side, rubrics: Iterable<Rubric>, lang: Lang): void => {
  const byKey = new Map([...rubrics].map((r) => [rubricKey(r), r]));
  for (const r of side.rubrics) {
    const full = byKey.get(rubricKey(r));
    if (full) r.bands = (full.scoring.bands ?? []).map((b) => ({ id: b.id, label: pick(b.label, lang) }));
  }
};

/** District criteria over the workbooks audited now, per rubric (as `audit batch` computes them). */
function districtOf(audited: readonly AuditedSchool[], lang: Lang): SideDistrict[] {
  const groups = new Map<string, { rubric: Rubric; inventories: Inventory[] }>();
  for (const a of audited) {
    const key = rubricKey(a.rubric);
    const g = groups.get(key) ?? { rubric: a.rubric, inventories: [] };
    g.inventories.push(a.inventory);
    groups.set(key, g);
  }
  return [...groups.values()].flatMap(({ rubric, inventories }) => rubric.district_criteria.map((dc) => {
    const r = evaluateDistrictCriterion(dc, inventories);
    return {
      rubric_id: rubric.id, id: r.id, title: pick(r.title, lang), numerator: r.numerator, denominator: r.denominator,
      share: r.share, min: r.min, status: r.status,
    };
  }));
}

/** Per-file problems in a folder do not stop the diff; a problem with --rubric itself does. */
const isPerFileError = (err: unknown, opts: SideOptions): boolean =>
  err instanceof InputError || (opts.rubric === undefined && err instanceof UsageError);

async function auditedSide(
  kind: SideKind, path: string, files: { path: string; file: string }[], opts: SideOptions, g: GlobalOptions, io: CliIO,
): Promise<LoadedSide> {
  const done: (Omit<AuditedSchool, 'school'> & { file: string; json: ResultLike })[] = [];
  const errors: { file: string; message: string }[] = [];
  const auditOpts = {
    ...(opts.rubric !== undefined ? { rubric: opts.rubric } : {}),
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
    ...(opts.mapping !== undefined ? { mapping: opts.mapping } : {}),
  };
  for (const f of files) {
    try {
      const { result, inventory, rubric } = await auditWorkbook(f.path, auditOpts, opts.waivers, g, io);
      done.push({ file: f.file, result, inventory, rubric, json: toResultJson(result, g.lang) });
    } catch (err) {
      if (kind !== 'folder' || !isPerFileError(err, opts)) throw err;
      const lines = errorLines(err, g.lang, g.verbose);
      for (const line of lines) io.stderr(`${line}\n`);
      errors.push({ file: f.file, message: lines.join(' ') });
    }
  }
  const side = sideFromResults(kind, basename(resolve(path)), null, done.map((d) => ({ file: d.file, result: d.json })));
  side.errors = errors;
  describeRubricBands(side, done.map((d) => d.rubric), g.lang);
  describeApplicability(side, done.map((d) => d.rubric), opts);
  const audited = done.map((d, i): AuditedSchool => ({ school: side.schools[i]!, result: d.result, inventory: d.inventory, rubric: d.rubric }));
  if (kind === 'folder') side.district = districtOf(audited, g.lang);
  return { side, audited, inputs: files.map((f) => f.path), failed: errors.length };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Load one side of the diff from a path. Throws typed errors (a missing file: InputError, exit 3). */
export async function loadSide(path: string, opts: SideOptions, g: GlobalOptions, io: CliIO): Promise<LoadedSide> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch {
    throw new InputError({ code: 'cli.file_not_found', args: { file: path } }, path);
  }
  if (isDir) {
    const dir = resolve(path);
    const found = await findWorkbooks([dir], opts.outDir);
    if (found.length === 0) throw new UsageError({ code: 'diff.empty_folder', args: { file: path } });
    const files = found.map((f) => ({ path: f.path, file: relative(dir, f.path).split(sep).join('/') }));
    return auditedSide('folder', path, files, opts, g, io);
  }

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    throw new InputError({ code: 'cli.cannot_read', args: { file: path, reason: (err as NodeJS.ErrnoException).code ?? String(err) } }, path);
  }
  const text = startsWith(bytes, ZIP_MAGIC) ? null : jsonText(bytes);
  if (text === null) return auditedSide('workbook', path, [{ path, file: basename(path) }], opts, g, io);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError({ code: 'diff.bad_input', args: { file: path, detail: err instanceof Error ? err.message : String(err) } });
  }
  return { side: sideFromJson(path, value, opts), audited: [], inputs: [path], failed: 0 };
}

/** The text of a JSON file (UTF-8, BOM allowed), or null when the bytes do not start like JSON. */
function jsonText(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  return /^\s*[{[]/.test(text) ? text : null;
}

// ---------- re-scoring the old data under the new rubric ----------

/** The new side's rubric as an object: the one it was audited with now, else the --rubric file or the built-in of that id@version and hash. */
function newRubricFor(school: SideSchool, newSide: LoadedSide, opts: SideOptions): Rubric | null {
  const key = rubricKey(school.rubric);
  const audited = newSide.audited.find((a) => rubricKey(a.rubric) === key);
  return audited ? audited.rubric : rubricAtHand(school.rubric, opts);
}

/**
 * For each old workbook audited now whose school is on the new side under a different rubric: its data
 * judged by the new rubric (same as_of and waivers as the old audit), by normalized school code.
 */
export function rescoreOld(oldSide: LoadedSide, newSide: LoadedSide, opts: SideOptions, lang: Lang): Map<string, SideSchool> {
  const out = new Map<string, SideSchool>();
  if (oldSide.audited.length === 0) return out;
  // The first school of a code by file, as the diff matches them.
  const firstByCode = (schools: readonly SideSchool[]) => {
    const m = new Map<string, SideSchool>();
    for (const s of [...schools].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
      const c = normalizeCode(s.code);
      if (c !== null && !m.has(c)) m.set(c, s);
    }
    return m;
  };
  const newByCode = firstByCode(newSide.side.schools);
  const oldByCode = firstByCode(oldSide.side.schools);
  for (const [code, oldSchool] of oldByCode) {
    const a = oldSide.audited.find((x) => x.school === oldSchool);
    const n = newByCode.get(code);
    if (!a || !n || rubricKey(a.rubric) === rubricKey(n.rubric)) continue;
    const rubric = newRubricFor(n, newSide, opts);
    if (!rubric) continue;
    const result = auditInventory(a.inventory, rubric, {
      asOf: a.result.as_of,
      waivers: opts.waivers,
      source: a.result.source,
      tool: TOOL,
    });
    out.set(code, schoolFromResult(oldSchool.file, toResultJson(result, lang)));
  }
  return out;
}
