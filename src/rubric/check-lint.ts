// Checks in a rubric: each validated by its own kind's schema (precise errors, no union noise),
// then its metric names and vocabulary values checked against the inventory format.
import { CHECK_KINDS, kindOf } from '../checks/index.js';
import type { Check, CheckKind } from '../checks/types.js';
import { isKnownMetric, knownMetrics } from '../engine/metric-names.js';
import { FUNCTIONS, infoField, LICENSES, VOCAB, type VocabName } from '../inventory/fields.js';
import { fold } from '../inventory/fold.js';
import { didYouMean, isPlainObject, keysOf, translateIssues, type PathFinding } from './zod-problems.js';
import type { PathSeg } from './yaml-source.js';

const CONTAINERS = new Set(['all', 'any']);

/** The kind a check object most likely meant: the registered one, else the one sharing most keys. */
function likelyKind(raw: Record<string, unknown>): CheckKind | undefined {
  const exact = kindOf(raw as Check);
  if (exact) return exact;
  let best: CheckKind | undefined;
  let bestOverlap = 0;
  for (const k of CHECK_KINDS) {
    const keys = keysOf(k.schema) ?? [];
    const overlap = Object.keys(raw).filter((key) => keys.includes(key)).length;
    if (overlap > bestOverlap) { best = k; bestOverlap = overlap; }
  }
  return best;
}

const allCheckKeys = (): string[] => [...new Set(CHECK_KINDS.flatMap((k) => keysOf(k.schema) ?? []))];
const kindNames = (): string[] => CHECK_KINDS.map((k) => (keysOf(k.schema) ?? [k.name]).filter((key) => !['connected', 'licensed', 'license'].includes(key)).join(' + '));

/** Structural problems of one check (paths relative to the check). */
export function validateCheck(raw: unknown): PathFinding[] {
  if (!isPlainObject(raw)) {
    return [{ path: [], message: { code: 'rubric.check.not_mapping', args: { kinds: kindNames() } } }];
  }
  const kind = likelyKind(raw);
  if (!kind) {
    const keys = Object.keys(raw);
    const hint = keys.map((k) => didYouMean(k, allCheckKeys())).find((h) => h !== null) ?? null;
    return [{ path: [], message: { code: 'rubric.check.unknown_kind', args: { keys, kinds: kindNames(), hint } } }];
  }
  const r = kind.schema.safeParse(raw);
  if (r.success) return [];
  return translateIssues(r.error.issues, {
    value: raw,
    schema: kind.schema,
    // A nested check (inside all/any) that fails its union: validate it by its own kind too.
    onUnion: (path, value) => (typeof path[path.length - 1] === 'number' && isPlainObject(value)
      ? validateCheck(value).map((f) => ({ ...f, path: [...path, ...f.path] }))
      : undefined),
  });
}

/** Metric names a (valid) check reads, with the path of each leaf check. */
interface Leaf { kind: CheckKind; params: Record<string, unknown>; path: PathSeg[] }

function leaves(raw: unknown, path: PathSeg[] = []): Leaf[] {
  if (!isPlainObject(raw)) return [];
  const kind = kindOf(raw as Check);
  if (!kind) return [];
  if (CONTAINERS.has(kind.name)) {
    const list = raw[kind.name];
    return Array.isArray(list) ? list.flatMap((c, i) => leaves(c, [...path, kind.name, i])) : [];
  }
  // A check with structural problems is still read for its names (its values are type-checked below).
  const parsed = kind.schema.safeParse(raw);
  return [{ kind, params: parsed.success ? (parsed.data as Record<string, unknown>) : raw, path }];
}

/** The metric names a leaf reads: what the kind says, plus the format's own `metric:`/`require:` keys. */
function metricNames(leaf: Leaf): { name: string; key: PathSeg[] }[] {
  const out: { name: string; key: PathSeg[] }[] = [];
  const p = leaf.params;
  if (typeof p.metric === 'string') out.push({ name: p.metric, key: ['metric'] });
  if (typeof p.require === 'string') out.push({ name: p.require, key: ['require'] });
  const graded = p.graded as { metric?: unknown } | undefined;
  if (isPlainObject(graded) && typeof graded.metric === 'string') out.push({ name: graded.metric, key: ['graded', 'metric'] });
  let declared: string[] = [];
  try {
    declared = leaf.kind.metrics(p);
  } catch {
    declared = [];
  }
  for (const name of declared) if (!out.some((o) => o.name === name)) out.push({ name, key: [] });
  return out;
}

const vocabOf = (metric: string): VocabName | undefined => {
  const t = infoField(metric)?.type;
  return typeof t === 'object' ? t.vocab : undefined;
};

/** A vocabulary value written as its label or alias ("Cáp quang") → the key to write instead. */
function vocabHint(value: string, vocab: VocabName): ReturnType<typeof didYouMean> {
  const f = fold(value);
  const entry = (VOCAB[vocab] as { key: string; vi: string; en: string; aliases: string[] }[])
    .find((e) => [e.key, e.vi, e.en, ...e.aliases].some((n) => fold(n) === f));
  if (entry) return { code: 'rubric.did_you_mean', args: { suggestion: entry.key } };
  return didYouMean(value, VOCAB[vocab].map((e) => e.key));
}

/** Semantic problems of a structurally valid check: unknown metrics and vocabulary values. */
export function lintCheckSemantics(raw: unknown): PathFinding[] {
  const out: PathFinding[] = [];
  for (const leaf of leaves(raw)) {
    const p = leaf.params;
    if (leaf.kind.name === 'software') {
      const fn = p.software;
      if (typeof fn === 'string' && !(FUNCTIONS as readonly string[]).includes(fn)) {
        out.push({ path: [...leaf.path, 'software'], fallback: true, message: { code: 'rubric.unknown_function', args: { value: fn, allowed: [...FUNCTIONS], hint: vocabHint(fn, 'function') } } });
      }
      const lic = p.license;
      if (Array.isArray(lic)) {
        lic.forEach((v, i) => {
          if (typeof v === 'string' && !(LICENSES as readonly string[]).includes(v)) {
            out.push({ path: [...leaf.path, 'license', i], fallback: true, message: { code: 'rubric.unknown_license', args: { value: v, allowed: [...LICENSES], hint: vocabHint(v, 'license') } } });
          }
        });
      }
      continue; // its metric (software.<function>) is the function just checked
    }
    for (const m of metricNames(leaf)) {
      if (!isKnownMetric(m.name)) {
        out.push({ path: [...leaf.path, ...m.key], message: { code: 'rubric.unknown_metric', args: { metric: m.name, hint: didYouMean(m.name, knownMetrics()) } } });
      }
    }
    if (leaf.kind.name === 'in' && typeof p.metric === 'string' && Array.isArray(p.in)) {
      const vocab = vocabOf(p.metric);
      if (vocab) {
        const keys = VOCAB[vocab].map((e) => e.key);
        p.in.forEach((v, i) => {
          if (typeof v === 'string' && !keys.includes(v)) {
            out.push({ path: [...leaf.path, 'in', i], fallback: true, message: { code: 'rubric.unknown_vocab_value', args: { value: v, metric: p.metric as string, allowed: keys, hint: vocabHint(v, vocab) } } });
          }
        });
      } else if (isKnownMetric(p.metric)) {
        out.push({ path: [...leaf.path, 'metric'], message: { code: 'rubric.in_without_vocab', args: { metric: p.metric } } });
      }
    }
  }
  return out;
}

/** Graded checks: band points against the criterion's weight (pass means points = weight). */
export function gradedProblems(raw: unknown, weight: number): PathFinding[] {
  const out: PathFinding[] = [];
  for (const leaf of leaves(raw)) {
    if (leaf.kind.name !== 'graded') continue;
    const g = leaf.params.graded;
    const bands = (isPlainObject(g) && Array.isArray(g.bands) ? (g.bands as unknown[]) : [])
      .map((b, i) => ({ b, i }))
      .filter((x): x is { b: { min: number; points: number }; i: number } => isPlainObject(x.b) && typeof x.b.min === 'number' && typeof x.b.points === 'number');
    if (bands.length === 0) continue;
    const at = (i: number, k: string): PathSeg[] => [...leaf.path, 'graded', 'bands', i, k];
    bands.forEach(({ b, i }, k) => {
      if (b.points > weight) out.push({ path: at(i, 'points'), message: { code: 'rubric.graded_points_over_weight', args: { points: b.points, weight } } });
      const prev = bands[k - 1]?.b;
      if (prev && b.min >= prev.min) out.push({ path: at(i, 'min'), message: { code: 'rubric.graded_bands_not_descending', args: { min: b.min, prev_min: prev.min } } });
    });
    const top = Math.max(...bands.map((x) => x.b.points));
    if (top < weight) out.push({ path: [...leaf.path, 'graded', 'bands'], message: { code: 'rubric.graded_never_full', args: { points: top, weight } } });
  }
  return out;
}
