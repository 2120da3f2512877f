// A rubric's examples (self-tests): each builds an inventory from its plain form, is audited with the
// rubric, and must get the statuses (and overall status / score) it names. Mismatches are data.
import '../messages/rubric.js';
import type { Finding } from '../engine/types.js';
import { auditInventory } from '../engine/audit.js';
import { inventoryFromPlain } from '../inventory/plain.js';
import { builtinRegistry, type RubricRegistry } from './registry.js';
import type { Rubric, RubricExample } from './schema.js';

export interface ExampleOutcome {
  /** `id@version` of the rubric. */
  rubric: string;
  /** The example's name. */
  name: string;
  ok: boolean;
  /** What differed (or why it could not run), as sentences. */
  mismatches: Finding[];
}

export interface ExampleOptions {
  registry?: RubricRegistry;
  tool?: { name: string; version: string };
}

/**
 * Run examples: of one rubric, of a rubric by `id[@version]` or file path, or (no argument) of every
 * built-in rubric. A rubric that does not load throws (RubricError / UsageError).
 */
export function runExamples(target?: Rubric | string, opts: ExampleOptions = {}): ExampleOutcome[] {
  const registry = opts.registry ?? builtinRegistry();
  if (target === undefined) {
    return registry.entries().flatMap((e) => runExamples(registry.get(`${e.id}@${e.version}`), opts));
  }
  const rubric = typeof target === 'string' ? registry.get(target) : target;
  return rubric.examples.map((ex) => runExample(rubric, ex, opts.tool ?? { name: 'audit', version: 'examples' }));
}

export function runExample(rubric: Rubric, example: RubricExample, tool: { name: string; version: string }): ExampleOutcome {
  const ref = `${rubric.id}@${rubric.version}`;
  const outcome = (mismatches: Finding[]): ExampleOutcome => ({ rubric: ref, name: example.name, ok: mismatches.length === 0, mismatches });
  let result;
  try {
    const inv = inventoryFromPlain(example.inventory);
    result = auditInventory(inv, rubric, {
      asOf: example.as_of ?? rubric.document.date,
      source: { file: 'example', sha256: '' },
      tool,
    });
  } catch (err) {
    return outcome([{ code: 'rubric.example.error', args: { detail: String((err as Error).message ?? err) } }]);
  }

  const mismatches: Finding[] = [];
  for (const [id, expected] of Object.entries(example.expect)) {
    const got = result.criteria.find((c) => c.id === id);
    if (!got) mismatches.push({ code: 'rubric.example.criterion_absent', args: { id } });
    else if (got.status !== expected) mismatches.push({ code: 'rubric.example.criterion_mismatch', args: { id, expected, actual: got.status } });
  }
  if (example.expect_status !== undefined && result.status !== example.expect_status) {
    mismatches.push({ code: 'rubric.example.status_mismatch', args: { expected: example.expect_status, actual: result.status } });
  }
  if (example.expect_score !== undefined && result.score !== example.expect_score) {
    mismatches.push({ code: 'rubric.example.score_mismatch', args: { expected: example.expect_score, actual: result.score } });
  }
  return outcome(mismatches);
}
