// The built-in rubrics (rubrics/<id>/<version>.yaml) and rubric files given by path.
// Nothing is parsed until asked for: choosing a rubric reads only the files' headers, an audit
// fully loads only the rubric it uses (and its parents), and every load is cached.
import { platform, type FileAccess } from '../platform.js';
import { UsageError, type RubricProblem } from '../errors.js';
import type { Finding } from '../engine/types.js';
import { EXTENDS_REF, loadRubricFile, mergeOverride, rubricOrThrow, type LoadResult, type ResolveParent } from './load.js';
import type { Rubric } from './schema.js';
import { isPlainObject } from './zod-problems.js';
import { MAX_YAML_BYTES, yaml } from './yaml-source.js';

/** One file of the built-in folder, known from its path alone. */
export interface RubricEntry { id: string; version: string; file: string }

/** What choosing and listing need, read from a rubric's header (parents' scope merged in). */
export interface RubricHeader {
  id: string;
  version: string;
  title: { vi: string; en?: string } | null;
  issuer: string | null;
  document: { number: string | null; date: string | null };
  applies_to: Rubric['applies_to'];
  extends: string | null;
  file: string;
}

/** A line of `audit rubric list`. */
export interface RubricSummary {
  id: string;
  version: string;
  title: { vi: string; en?: string } | null;
  issuer: string | null;
  document: { number: string | null; date: string | null };
  school_years: { from?: string; to?: string };
  applies_to: Rubric['applies_to'];
  /** Criteria after `extends` (null when the rubric does not load). */
  criteria: number | null;
  file: string;
  /** Present when the rubric has problems. */
  problems?: RubricProblem[];
}

const VERSION_FILE = /^(\d+)\.(\d+)\.(\d+)\.ya?ml$/;

/** Compare x.y.z versions numerically (newest last). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A reference given on the command line or in `extends` that names a file rather than an id. */
export const isRubricPath = (ref: string): boolean => /\.ya?ml$/i.test(ref) || ref.includes('/') || ref.includes('\\');

/**
 * Built-ins resolved ahead of time (`npm run build` writes dist/rubrics.compiled.json): an audit then
 * needs no YAML parsing or validation. An entry is used only while the YAML files it came from (its own
 * and its parents') are byte for byte the same and `extends` still resolves to the same parent.
 */
export interface CompiledRubrics {
  format: typeof COMPILED_FORMAT;
  rubrics: CompiledRubric[];
}
export interface CompiledRubric {
  /** `<id>/<version>.yaml`, relative to the rubrics folder. */
  file: string;
  /** sha256 of the YAML text. */
  source_sha256: string;
  header: RubricHeader;
  rubric: Rubric;
}
export const COMPILED_FORMAT = 'audit-rubrics-compiled/1';

const sha256 = (text: string): string => platform().sha256Hex(text);

export class RubricRegistry {
  private byId?: Map<string, RubricEntry[]>;
  private loaded = new Map<string, LoadResult>();
  private headers = new Map<string, RubricHeader | null>();
  private compiledByFile?: Map<string, CompiledRubric>;
  private compiledOk = new Map<string, boolean>();
  private shas = new Map<string, string | null>();

  /** The platform's files (the disk on Node, the page's built-in rubrics in a browser). */
  private readonly fs: FileAccess = platform().files;

  /** `compiled`: path of a compiled-rubrics file to use when it is current (absent is fine). */
  constructor(readonly dir: string, private readonly compiledPath?: string) {}

  /** id → its versions, newest first. */
  private index(): Map<string, RubricEntry[]> {
    if (this.byId) return this.byId;
    const byId = new Map<string, RubricEntry[]>();
    let dirs: string[] = [];
    try {
      dirs = this.fs.listDir(this.dir).filter((d) => d.isDirectory).map((d) => d.name);
    } catch {
      dirs = []; // no built-in folder: only files given by path
    }
    for (const id of dirs.sort()) {
      const entries: RubricEntry[] = [];
      for (const { name } of this.fs.listDir(this.fs.join(this.dir, id))) {
        const m = VERSION_FILE.exec(name);
        if (m) entries.push({ id, version: `${m[1]}.${m[2]}.${m[3]}`, file: this.fs.join(this.dir, id, name) });
      }
      if (entries.length > 0) byId.set(id, entries.sort((a, b) => compareVersions(b.version, a.version)));
    }
    this.byId = byId;
    return byId;
  }

  ids(): string[] {
    return [...this.index().keys()];
  }

  /** Every built-in file, by id then newest version first. */
  entries(): RubricEntry[] {
    return [...this.index().values()].flat();
  }

  versions(id: string): string[] {
    return (this.index().get(id) ?? []).map((e) => e.version);
  }

  /** `id` (newest), `id@1` (newest 1.x), `id@1.2` (newest 1.2.x), `id@1.0.2` (exactly). */
  find(ref: string): { entry: RubricEntry } | { error: Finding } {
    const [id, want] = ref.split('@', 2) as [string, string | undefined];
    const entries = this.index().get(id);
    if (!entries) return { error: { code: 'rubric.unknown', args: { ref, available: this.available() } } };
    if (want === undefined || want === '') return { entry: entries[0]! };
    const entry = entries.find((e) => e.version === want || e.version.startsWith(`${want}.`));
    return entry ? { entry } : { error: { code: 'rubric.unknown_version', args: { id, version: want, versions: entries.map((e) => e.version) } } };
  }

  /** `id@version` of every built-in, newest first within an id (for messages). */
  available(): string[] {
    return this.entries().map((e) => `${e.id}@${e.version}`);
  }

  /** What `extends: id@1` resolves through: a built-in, loaded (cycles reported). */
  readonly resolveParent: ResolveParent = (ref, chain): ReturnType<ResolveParent> => {
    const m = EXTENDS_REF.exec(ref);
    const found = this.find(ref);
    if ('error' in found) {
      const error: Finding = found.error.code === 'rubric.unknown'
        ? { code: 'rubric.extends_unknown', args: { ref, available: this.available() } }
        : { code: 'rubric.extends_no_version', args: { id: m?.[1] ?? ref, ref, versions: this.versions(m?.[1] ?? ref) } };
      return { error };
    }
    const { entry } = found;
    const file = this.fs.resolve(entry.file);
    if (chain.map((f) => this.fs.resolve(f)).includes(file)) {
      const names = [...chain, file].map((f) => this.nameOf(f));
      return { error: { code: 'rubric.extends_cycle', args: { chain: names.join(' → ') } } };
    }
    const r = this.loadEntry(entry, chain);
    if (r.rubric) return { rubric: r.rubric };
    return { error: { code: 'rubric.parent_invalid', args: { ref: `${entry.id}@${entry.version}` } }, problems: r.problems };
  };

  private nameOf(file: string): string {
    const abs = this.fs.resolve(file);
    const e = this.entries().find((x) => this.fs.resolve(x.file) === abs);
    return e ? `${e.id}@${e.version}` : this.fs.basename(file);
  }

  /** Load a built-in (cached; from the compiled file when it is current). */
  loadEntry(entry: RubricEntry, chain: readonly string[] = []): LoadResult {
    const cached = this.loaded.get(entry.file);
    if (cached) return cached;
    const compiled = this.current(entry);
    const r: LoadResult = compiled
      ? { rubric: { ...compiled.rubric, file: entry.file }, problems: [] }
      : loadRubricFile(entry.file, { resolveParent: this.resolveParent, chain, expect: { id: entry.id, version: entry.version } });
    this.loaded.set(entry.file, r);
    return r;
  }

  private compiled(): Map<string, CompiledRubric> {
    if (this.compiledByFile) return this.compiledByFile;
    const map = new Map<string, CompiledRubric>();
    if (this.compiledPath) {
      try {
        const data = JSON.parse(this.fs.readText(this.compiledPath)) as CompiledRubrics;
        if (data.format === COMPILED_FORMAT) for (const c of data.rubrics) map.set(this.fs.resolve(this.dir, c.file), c);
      } catch {
        // No compiled file (running from src/, or not built): every rubric is read from its YAML.
      }
    }
    this.compiledByFile = map;
    return map;
  }

  private fileSha(file: string): string | null {
    if (!this.shas.has(file)) {
      let h: string | null = null;
      try { h = sha256(this.fs.readText(file)); } catch { h = null; }
      this.shas.set(file, h);
    }
    return this.shas.get(file)!;
  }

  /** The compiled form of a built-in, if its YAML and its parents' are unchanged. */
  private current(entry: RubricEntry, depth = 0): CompiledRubric | undefined {
    const file = this.fs.resolve(entry.file);
    const c = this.compiled().get(file);
    if (!c) return undefined;
    let ok = this.compiledOk.get(file);
    if (ok === undefined) {
      ok = depth < 16 && this.fileSha(entry.file) === c.source_sha256;
      if (ok && c.header.extends) {
        const p = this.find(c.header.extends);
        ok = 'entry' in p && `${p.entry.id}@${p.entry.version}` === c.rubric.parents[0] && this.current(p.entry, depth + 1) !== undefined;
      }
      this.compiledOk.set(file, ok);
    }
    return ok ? c : undefined;
  }

  /** Every built-in that loads, resolved, for the compiled file (written at build time). */
  compileAll(): CompiledRubrics {
    const rubrics: CompiledRubric[] = [];
    for (const e of this.entries()) {
      const r = this.loadEntry(e);
      const h = this.header(e);
      const text = this.fs.readText(e.file);
      if (!r.rubric || !h) continue;
      const rel = this.fs.relative(this.dir, e.file).split('\\').join('/');
      rubrics.push({ file: rel, source_sha256: sha256(text), header: { ...h, file: rel }, rubric: { ...r.rubric, file: rel } });
    }
    return { format: COMPILED_FORMAT, rubrics };
  }

  /** Load a rubric file given by path; it may extend a built-in. */
  loadFile(file: string, opts: { strictBinding?: boolean } = {}): LoadResult {
    return loadRubricFile(file, { resolveParent: this.resolveParent, chain: [], ...opts });
  }

  /** A built-in by reference, or a file by path: the rubric, or UsageError / RubricError. */
  get(ref: string): Rubric {
    if (isRubricPath(ref)) return rubricOrThrow(this.loadFile(ref));
    const found = this.find(ref);
    if ('error' in found) throw new UsageError(found.error);
    return rubricOrThrow(this.loadEntry(found.entry));
  }

  /** Fully load every built-in (for `rubric list`, `rubric test` and the test suite). */
  list(): RubricSummary[] {
    return this.entries().map((e) => {
      const r = this.loadEntry(e);
      const h = r.rubric ?? this.header(e);
      const base = {
        id: e.id, version: e.version,
        title: h?.title ?? null, issuer: h?.issuer ?? null,
        document: { number: h?.document.number ?? null, date: h?.document.date ?? null },
        school_years: h?.applies_to.school_years ?? {},
        applies_to: h?.applies_to ?? {},
        criteria: r.rubric ? r.rubric.criteria.length : null,
        file: e.file,
      };
      return r.rubric ? base : { ...base, problems: r.problems };
    });
  }

  /**
   * A built-in's header, read without the (long) criteria: enough to choose a rubric. Scope fields a
   * child leaves out come from its parent, as they will when it is loaded. null when unreadable.
   */
  header(entry: RubricEntry, seen: readonly string[] = []): RubricHeader | null {
    if (this.headers.has(entry.file)) return this.headers.get(entry.file)!;
    const compiled = this.current(entry);
    if (compiled) {
      const h = { ...compiled.header, file: entry.file };
      this.headers.set(entry.file, h);
      return h;
    }
    let h: RubricHeader | null = null;
    try {
      if (this.fs.stat(entry.file).size <= MAX_YAML_BYTES) h = readHeader(this.fs.readText(entry.file), entry);
    } catch {
      h = null;
    }
    if (h?.extends && !seen.includes(entry.file)) {
      const p = this.find(h.extends);
      const ph = 'entry' in p ? this.header(p.entry, [...seen, entry.file]) : null;
      if (ph) h = { ...h, applies_to: mergeOverride(ph.applies_to, h.applies_to) as Rubric['applies_to'] };
    }
    this.headers.set(entry.file, h);
    return h;
  }
}

/** Top-level keys that hold the bulk of a rubric and say nothing about its scope. */
const BULK_KEYS = new Set(['criteria', 'district_criteria', 'examples']);

/**
 * Parse only the top-level blocks that are not criteria/examples: a top-level key starts at column 0,
 * so cutting the text at those lines leaves valid YAML of the other keys.
 */
export function readHeader(text: string, entry: RubricEntry): RubricHeader | null {
  const { isMap, isPair, isScalar, parseDocument } = yaml();
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const kept: string[] = [];
  let skipping = false;
  for (const line of lines) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (key) skipping = BULK_KEYS.has(key[1]!);
    else if (/^(?:---|\.\.\.)(?:\s|$)/.test(line)) skipping = false;
    // Indented lines, comments and `- item` lines at column 0 belong to the block being read.
    if (!skipping) kept.push(line);
  }
  const doc = parseDocument(kept.join('\n'), { schema: 'core', version: '1.2', uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  // Only what a header needs; aliases are not expanded here.
  const keys = new Set(doc.contents.items.filter(isPair).map((p) => (isScalar(p.key) ? String(p.key.value) : '')));
  if (!keys.has('id')) return null;
  const v = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  const doc_ = isPlainObject(v.document) ? v.document : {};
  const title = isPlainObject(v.title) && typeof v.title.vi === 'string' ? (v.title as RubricHeader['title']) : null;
  return {
    id: entry.id,
    version: entry.version,
    title,
    issuer: str(v.issuer),
    document: { number: str(doc_.number), date: str(doc_.date) },
    applies_to: (isPlainObject(v.applies_to) ? v.applies_to : {}) as Rubric['applies_to'],
    extends: str(v.extends),
    file: entry.file,
  };
}

/**
 * The built-in rubrics' folder and compiled file, as the platform says (on Node: the package's rubrics/ and
 * dist/rubrics.compiled.json). The platform must be installed before this module is imported — every entry
 * point imports src/node/platform.js (or src/web/platform.js) first.
 */
export const BUILTIN_RUBRICS_DIR: string = platform().builtinRubrics.dir;
export const COMPILED_RUBRICS_FILE: string = platform().builtinRubrics.compiled;

let builtin: RubricRegistry | undefined;

/** The registry of the package's own rubrics (one per process; where they are is the platform's business). */
export function builtinRegistry(): RubricRegistry {
  const { dir, compiled } = platform().builtinRubrics;
  builtin ??= new RubricRegistry(dir, compiled);
  return builtin;
}

/** A rubric by `id[@version]` or file path, from the built-ins: throws UsageError or RubricError. */
export function loadRubric(ref: string, registry: RubricRegistry = builtinRegistry()): Rubric {
  return registry.get(ref);
}
