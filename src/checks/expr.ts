import { z } from 'zod';
import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import { serialize } from '@marcbachmann/cel-js/serialize';
import type { CheckKind } from './types.js';
import type { CellRef } from '../inventory/types.js';
import type { CheckOutcome, Finding } from '../engine/types.js';
import { COMMON_MESSAGES, missingOutcome, showValue } from './common.js';
import { isKnownMetric, knownMetrics } from '../engine/metric-names.js';
import { metricType, uniqueCells } from '../engine/metrics.js';

// A CEL expression over metrics (rubric.md): every number is a double, yes/no a bool, a vocabulary value
// a string, `levels` a list of strings. Evaluated by @marcbachmann/cel-js, never by eval.

class ZeroDivisor extends Error {}

/** CEL type of each metric; dotted names become nested objects (`students.total`). */
function celType(name: string): string {
  const t = metricType(name);
  if (t === 'number' || t === 'share') return 'double';
  if (t === 'bool') return 'bool';
  if (typeof t === 'object' && t.multi) return 'list<string>';
  return 'string';
}

type Schema = { [k: string]: string | Schema };

let env: Environment | undefined;
function celEnv(): Environment {
  if (env) return env;
  const e = new Environment()
    // `/` is evaluated by this function (see divisionsChecked): a zero divisor is missing data, not infinity.
    .registerFunction('__div(double, double): double', (a: number, b: number) => { if (b === 0) throw new ZeroDivisor(); return a / b; })
    .registerFunction('__div(int, int): int', (a: bigint, b: bigint) => { if (b === 0n) throw new ZeroDivisor(); return a / b; });
  const roots: Schema = {};
  for (const name of knownMetrics()) {
    const parts = name.split('.');
    let node = roots;
    parts.slice(0, -1).forEach((p) => { node = (node[p] ??= {}) as Schema; });
    node[parts.at(-1)!] = celType(name);
  }
  for (const [name, t] of Object.entries(roots)) {
    if (typeof t === 'string') e.registerVariable(name, t);
    else e.registerVariable({ name, schema: t });
  }
  return (env = e);
}

interface Compiled {
  names: string[];
  /** Syntax or type error, in the CEL library's words (English). */
  error: string | null;
  run?: (ctx: Record<string, unknown>) => unknown;
}

const MACROS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);
const isNode = (x: unknown): x is ASTNode => typeof x === 'object' && x !== null && 'op' in x && 'args' in x;

/** Metric names an expression reads: identifiers and their dotted field chains, minus macro variables. */
function namesOf(ast: ASTNode): string[] {
  const out = new Set<string>();
  const chain = (n: ASTNode): string | null => {
    if (n.op === 'id') return n.args;
    if (n.op === '.') { const base = chain(n.args[0]); return base === null ? null : `${base}.${n.args[1]}`; }
    return null;
  };
  const visit = (x: unknown, bound: Set<string>): void => {
    if (Array.isArray(x)) { x.forEach((y) => visit(y, bound)); return; }
    if (!isNode(x)) return;
    const c = chain(x);
    if (c !== null) {
      if (!bound.has(c.split('.')[0]!)) out.add(c);
      return;
    }
    if (x.op === 'rcall' && MACROS.has(x.args[0]) && x.args[2][0]?.op === 'id') {
      visit(x.args[1], bound);
      visit(x.args[2].slice(1), new Set([...bound, x.args[2][0].args]));
      return;
    }
    visit(x.args, bound);
  };
  visit(ast, new Set());
  return [...out];
}

/** The same tree with every `a / b` replaced by `__div(a, b)`. */
function divisionsChecked(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(divisionsChecked);
  if (!isNode(x)) return x;
  if (x.op === '/') return { op: 'call', args: ['__div', x.args.map(divisionsChecked)] };
  return { op: x.op, args: divisionsChecked(x.args) };
}

const compiled = new Map<string, Compiled>();

function compile(src: string): Compiled {
  const hit = compiled.get(src);
  if (hit) return hit;
  let c: Compiled;
  try {
    const e = celEnv();
    const parsed = e.parse(src);
    const names = namesOf(parsed.ast);
    c = { names, error: null };
    if (names.every(isKnownMetric)) {
      const t = e.check(src);
      if (!t.valid) c.error = firstLine(t.error?.message);
      else if (t.type !== 'bool') c.error = `the expression gives a ${t.type}, not a yes/no (bool)`;
      else c.run = e.parse(serialize(divisionsChecked(parsed.ast) as ASTNode));
    }
  } catch (err) {
    c = { names: [], error: firstLine((err as Error).message) };
  }
  compiled.set(src, c);
  return c;
}

const firstLine = (s: string | undefined): string => (s ?? 'invalid expression').split('\n')[0]!.trim();

/** Metric names an expression uses (the rubric linter reports unknown ones). */
export const exprMetrics = (src: string): string[] => compile(src).names;

/** A syntax or type error of the expression, or null (unknown names are left to the linter). */
export const exprError = (src: string): string | null => compile(src).error;

const schema = z.strictObject({
  expr: z.string().min(1).superRefine((src, ctx) => {
    const error = exprError(src);
    if (error) ctx.addIssue({ code: 'custom', message: `CEL: ${error}` });
  }),
});

type Params = z.output<typeof schema>;

/** Nested context object from dotted names. */
function context(values: [string, unknown][]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, v] of values) {
    const parts = name.split('.');
    let node = root;
    parts.slice(0, -1).forEach((p) => { node = (node[p] ??= {}) as Record<string, unknown>; });
    node[parts.at(-1)!] = v;
  }
  return root;
}

const hasZeroDivisor = (err: unknown): boolean => {
  for (let e: unknown = err, i = 0; e instanceof Error && i < 5; e = e.cause, i++) if (e instanceof ZeroDivisor) return true;
  return false;
};

const messages = {
  ...COMMON_MESSAGES,
  'expr.value': { vi: '{name} = {value}', en: '{name} = {value}' },
  'expr.actual': { vi: '{values}', en: '{values}' },
  'expr.expected': { vi: '{expr}', en: '{expr}' },
  'expr.gap': { vi: 'chưa thỏa điều kiện {expr} ({values})', en: 'condition not met: {expr} ({values})' },
  'expr.zero_denominator': { vi: 'không tính được {expr}: có phép chia cho 0 ({values})', en: '{expr} cannot be computed: a division by 0 ({values})' },
};

export const exprCheck: CheckKind<Params> = {
  name: 'expr',
  is: (raw) => 'expr' in raw,
  schema,
  evaluate({ expr }, ctx): CheckOutcome {
    const c = compile(expr);
    if (!c.run) throw new Error(`expr cannot be evaluated: ${c.error ?? `unknown metric in ${expr}`}`);
    const expected: Finding = { code: 'expr.expected', args: { expr } };
    const values: [string, number | boolean | string | string[]][] = [];
    const cells: CellRef[] = [];
    for (const name of c.names) {
      const m = ctx.metric(name);
      if (m.state === 'missing') return missingOutcome(name, m, expected);
      values.push([name, m.value]);
      cells.push(...m.cells);
    }
    const shown: Finding[] = values.map(([name, v]) => ({ code: 'expr.value', args: { name, value: showValue(name, v) } }));
    const actual: Finding = { code: 'expr.actual', args: { values: shown } };
    let result: unknown;
    try {
      result = c.run(context(values));
    } catch (err) {
      if (!hasZeroDivisor(err)) throw err;
      return { status: 'missing', actual, expected, gap: { code: 'expr.zero_denominator', args: { expr, values: shown } }, cells: uniqueCells(cells) };
    }
    const pass = result === true;
    return {
      status: pass ? 'pass' : 'fail',
      actual,
      expected,
      gap: pass ? null : { code: 'expr.gap', args: { expr, values: shown } },
      cells: uniqueCells(cells),
    };
  },
  rule: ({ expr }) => expr,
  metrics: ({ expr }) => exprMetrics(expr),
  messages,
};
