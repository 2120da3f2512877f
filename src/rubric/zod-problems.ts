// zod issues → plain sentences (Findings) at YAML paths. The rubric's readers are not programmers:
// "unknown key "severty" (did you mean "severity"?)", ""weight" must be a number", never union noise.
import type { z } from 'zod';
import type { Finding } from '../engine/types.js';
import { suggest } from './suggest.js';
import type { Path, PathSeg } from './yaml-source.js';

export interface PathFinding {
  path: PathSeg[];
  message: Finding;
  /** Point at the key rather than its value. */
  key?: boolean;
  /** From a check kind's own refinement: a semantic lint finding at or under the same path says it better. */
  custom?: boolean;
  /** A lint finding that repeats what a schema already says at the same place (e.g. an enum): dropped then. */
  fallback?: boolean;
}

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** The value at a path of a plain value. */
export function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathSeg, unknown>)[seg];
  }
  return v;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Strip wrappers (optional, default, lazy…) to reach the schema that decides the shape. */
function unwrap(s: AnySchema | undefined): AnySchema | undefined {
  for (let i = 0; s && i < 20; i++) {
    const def = s._zod.def as unknown as { type: string; innerType?: AnySchema; getter?: () => AnySchema; in?: AnySchema };
    if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) s = def.innerType;
    else if (def.type === 'lazy' && def.getter) s = def.getter();
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
  return s;
}

/** The schema that validates the value at `path` (undefined where a union makes it ambiguous). */
export function schemaAt(root: AnySchema, path: Path): AnySchema | undefined {
  let s: AnySchema | undefined = root;
  for (const seg of path) {
    s = unwrap(s);
    if (!s) return undefined;
    const def = s._zod.def as unknown as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema; valueType?: AnySchema };
    if (def.type === 'object') s = def.shape?.[String(seg)];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return undefined;
  }
  return unwrap(s);
}

/** The keys an object schema allows, if it is one. */
export function keysOf(s: AnySchema | undefined): string[] | undefined {
  const u = unwrap(s);
  const def = u?._zod.def as unknown as { type: string; shape?: Record<string, AnySchema> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

/** How a path is named in a sentence: `"weight"`, or `item 2 of "levels"`. */
export function fieldArg(path: Path): Finding {
  const last = path[path.length - 1];
  if (last === undefined) return { code: 'rubric.field.root' };
  if (typeof last === 'number') {
    const key = [...path].reverse().find((s): s is string => typeof s === 'string');
    return key === undefined ? { code: 'rubric.field.item_root', args: { n: last + 1 } } : { code: 'rubric.field.item', args: { key, n: last + 1 } };
  }
  return { code: 'rubric.field.key', args: { key: last } };
}

export const didYouMean = (word: string, candidates: Iterable<string>): Finding | null => {
  const s = suggest(word, candidates);
  return s === undefined || s === word ? null : { code: 'rubric.did_you_mean', args: { suggestion: s } };
};

const TYPE_WORDS: Record<string, string> = {
  string: 'rubric.type.string', number: 'rubric.type.number', int: 'rubric.type.number', boolean: 'rubric.type.boolean',
  array: 'rubric.type.array', tuple: 'rubric.type.array', object: 'rubric.type.object', record: 'rubric.type.object',
};

/** Regex patterns of schema.ts → what to say about them. */
const FORMATS: [RegExp, string][] = [
  [/\\d\{4\}-\\d\{2\}-\\d\{2\}/, 'rubric.format.date'],
  [/\\d\{4\}-\\d\{4\}/, 'rubric.format.school_year'],
  [/\\d\+\\\.\\d\+\\\.\\d\+/, 'rubric.format.semver'],
  [/\[a-z0-9\._-\]/, 'rubric.format.criterion_id'],
  [/\[a-z0-9-\]/, 'rubric.format.rubric_id'],
];

const shown = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));

export interface TranslateOptions {
  /** The plain value the issues' paths point into. */
  value: unknown;
  /** The schema the value was validated with (for the keys allowed at a place). */
  schema: AnySchema;
  /** Prefix added to every path (where `value` sits in the file). */
  base?: Path;
  /**
   * A union failed at `path` (relative): return precise findings for it (a check is validated by its own
   * kind), or undefined to say it in general words.
   */
  onUnion?: (path: PathSeg[], value: unknown) => PathFinding[] | undefined;
}

export function translateIssues(issues: readonly Issue[], opts: TranslateOptions): PathFinding[] {
  const out: PathFinding[] = [];
  const base = opts.base ?? [];
  for (const issue of issues) {
    const rel = issue.path.filter((s): s is PathSeg => typeof s === 'string' || typeof s === 'number');
    const path = [...base, ...rel];
    const here = valueAt(opts.value, rel);
    const field = fieldArg(path);
    const push = (code: string, args: Finding['args'] = {}, key = false) => out.push({ path, message: { code, args: { field, ...args } }, key });

    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = keysOf(schemaAt(opts.schema, rel)) ?? [];
        for (const key of issue.keys) {
          const hint = didYouMean(key, allowed);
          out.push({
            path: [...path, key], key: true,
            message: hint ? { code: 'rubric.unknown_key', args: { key, hint } } : { code: 'rubric.unknown_key_allowed', args: { key, allowed } },
          });
        }
        break;
      }
      case 'invalid_type': {
        if (here === undefined) push('rubric.missing_key', {}, true);
        else if (here === null) push('rubric.empty_value', {}, true);
        else if (issue.expected === 'string') push('rubric.expected_text', { found: shown(here) });
        else if (TYPE_WORDS[issue.expected]) push('rubric.expected', { type: { code: TYPE_WORDS[issue.expected]! } });
        else push('rubric.value_invalid', { detail: issue.message });
        break;
      }
      case 'invalid_value': {
        if (here === undefined) { push('rubric.missing_key', {}, true); break; }
        const values = issue.values.map(shown);
        if (values.length === 1) push('rubric.must_be', { value: values[0]! });
        else push('rubric.bad_choice', { value: shown(here), allowed: values, hint: typeof here === 'string' ? didYouMean(here, values) : null });
        break;
      }
      case 'invalid_format': {
        const pattern = 'pattern' in issue && typeof issue.pattern === 'string' ? issue.pattern : '';
        const code = FORMATS.find(([re]) => re.test(pattern))?.[1];
        if (code) push(code, { value: shown(here) });
        else push('rubric.value_invalid', { detail: issue.message });
        break;
      }
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') push('rubric.empty_text');
        else if (issue.origin === 'array' || issue.origin === 'set') push('rubric.too_few', { min });
        else push(issue.inclusive ? 'rubric.at_least' : 'rubric.more_than', { min });
        break;
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        if (issue.origin === 'string') push('rubric.text_too_long', { max });
        else if (issue.origin === 'array' || issue.origin === 'set') push('rubric.too_many', { max });
        else push(issue.inclusive ? 'rubric.at_most' : 'rubric.less_than', { max });
        break;
      }
      case 'invalid_union': {
        const precise = opts.onUnion?.(rel, here);
        if (precise) { out.push(...precise.map((f) => ({ ...f, path: [...base, ...f.path] }))); break; }
        // A union of plain types (number | yes/no | text): name them.
        const types = [...new Set(issue.errors.flatMap((alt) => alt.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => (i as { expected: string }).expected)))]
          .filter((t) => TYPE_WORDS[t]).map((t) => ({ code: TYPE_WORDS[t]! }));
        if (here === undefined) push('rubric.missing_key', {}, true);
        else if (types.length > 0 && types.length === issue.errors.length) push('rubric.expected_one_of', { types });
        else push('rubric.value_invalid', { detail: issue.message });
        break;
      }
      case 'custom': {
        // A kind may attach its sentence as data: `params: { code, args }`.
        const params = issue.params as { code?: unknown; args?: Finding['args'] } | undefined;
        const message: Finding = typeof params?.code === 'string'
          ? { code: params.code, args: { field, ...(params.args ?? {}) } }
          : { code: 'rubric.value_invalid', args: { field, detail: issue.message } };
        out.push({ path, message, custom: true });
        break;
      }
      default:
        push('rubric.value_invalid', { detail: issue.message });
    }
  }
  return out;
}
