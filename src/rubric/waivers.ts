// A waivers file (rubric.md "Waivers") → Waiver[], every problem at file:line:col like a rubric's.
import { z } from 'zod';
import { platform } from '../platform.js';
import '../messages/rubric.js';
import { RubricError, type RubricProblem } from '../errors.js';
import type { Waiver } from '../engine/types.js';
import { isPlainObject, translateIssues, type PathFinding } from './zod-problems.js';
import { MAX_YAML_BYTES, parseYamlSource, problemAt, sortProblems } from './yaml-source.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date yyyy-mm-dd');

export const waiverSchema = z.strictObject({
  /** A school code as a quoted string (leading zeros), or "*" for every school. */
  school: z.string().min(1),
  criterion: z.string().min(1),
  reason: z.string().min(1),
  approved_by: z.string().min(1).optional(),
  /** The last day the waiver holds. */
  expires: isoDate,
});

export const waiversFileSchema = z.strictObject({ waivers: z.array(waiverSchema) });

export interface WaiversResult { waivers: Waiver[]; problems: RubricProblem[] }

const isRealDate = (s: string): boolean => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/** Parse a waivers file's text; problems instead of waivers when anything is wrong. */
export function parseWaivers(text: string, file: string): WaiversResult {
  const src = parseYamlSource(text, file);
  if (src.fatal) return { waivers: [], problems: sortProblems(src.problems) };
  const raw = src.value;
  if (!isPlainObject(raw)) {
    const code = raw === undefined || raw === null ? 'rubric.empty_file' : 'waivers.not_a_mapping';
    return { waivers: [], problems: [problemAt(src, [], { code })] };
  }

  const findings: PathFinding[] = [];
  // A school code written as a bare number has already lost its leading zeros: say how to write it.
  const list = Array.isArray(raw.waivers) ? raw.waivers : [];
  const numberSchools = new Set<number>();
  list.forEach((w, i) => {
    if (isPlainObject(w) && typeof w.school === 'number') {
      const node = src.nodeAt(['waivers', i, 'school']);
      const written = node?.range ? text.slice(node.range[0], node.range[1]).trim() : String(w.school);
      findings.push({ path: ['waivers', i, 'school'], message: { code: 'waivers.school_number', args: { value: written } } });
      numberSchools.add(i);
    }
  });

  const r = waiversFileSchema.safeParse(raw);
  if (!r.success) {
    for (const f of translateIssues(r.error.issues, { value: raw, schema: waiversFileSchema })) {
      if (f.path[0] === 'waivers' && numberSchools.has(f.path[1] as number) && f.path[2] === 'school' && f.path.length === 3) continue;
      findings.push(f);
    }
  }
  list.forEach((w, i) => {
    if (isPlainObject(w) && typeof w.expires === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(w.expires) && !isRealDate(w.expires)) {
      findings.push({ path: ['waivers', i, 'expires'], message: { code: 'rubric.not_a_real_date', args: { value: w.expires } } });
    }
  });

  const problems = sortProblems([...src.problems, ...findings.map((f) => problemAt(src, f.path, f.message, { key: f.key }))]);
  if (problems.length > 0 || !r.success) return { waivers: [], problems };
  return {
    waivers: r.data.waivers.map((w) => ({
      school: w.school, criterion: w.criterion, reason: w.reason, expires: w.expires,
      ...(w.approved_by !== undefined ? { approved_by: w.approved_by } : {}),
    })),
    problems: [],
  };
}

/** Read and check a waivers file: its waivers, or RubricError ('waivers.invalid') with every problem. */
export async function loadWaivers(file: string): Promise<Waiver[]> {
  let text: string;
  try {
    const { files } = platform();
    if (files.stat(file).size > MAX_YAML_BYTES) {
      throw new RubricError([{ file, line: 0, col: 0, message: { code: 'rubric.yaml.too_large', args: { max_kb: MAX_YAML_BYTES / 1024 } } }], 'waivers.invalid');
    }
    text = files.readText(file);
  } catch (err) {
    if (err instanceof RubricError) throw err;
    const code = (err as { code?: string }).code === 'ENOENT' ? 'rubric.file_not_found' : 'rubric.file_unreadable';
    throw new RubricError([{ file, line: 0, col: 0, message: { code, args: { file, detail: String((err as Error).message) } } }], 'waivers.invalid');
  }
  const r = parseWaivers(text, file);
  if (r.problems.length > 0) throw new RubricError(r.problems, 'waivers.invalid');
  return r.waivers;
}
