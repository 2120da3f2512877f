// The JSON Schema of the rubric format, generated from the zod schema (never kept by hand), for
// editors: `# yaml-language-server: $schema=../rubric.schema.json` gives completion and checks.
// rubrics/rubric.schema.json is this output; json-schema.test.ts fails when that file is stale.
import { z } from 'zod';
import { CHECK_KINDS, checkSchema } from '../checks/index.js';
import { bandSchema, criterionSchema, districtCriterionSchema, exampleSchema, rubricSchema, scoringSchema, sourceSchema } from './schema.js';

type Json = Record<string, unknown>;

/** Names for shared parts and short help shown by editors (the schema objects themselves are not touched). */
function metadata(): z.core.$ZodRegistry<Record<string, unknown>> {
  const reg = z.registry<Record<string, unknown>>();
  const c = criterionSchema.shape;
  const r = rubricSchema.shape;
  const d = (s: z.ZodType, description: string, extra: Json = {}) => reg.add(s, { description, ...extra });

  d(checkSchema, 'One check: require, metric + op + value, metric + in, students_per_computer, software, expr, all, any or graded (rubric.md "Checks")', { id: 'check' });
  for (const k of CHECK_KINDS) if (!reg.has(k.schema)) reg.add(k.schema, { id: `check_${k.name}`, title: k.name });
  d(c.title, 'Human text: { vi: "...", en: "..." }; vi is required', { id: 'text' });
  d(criterionSchema, 'A criterion: one requirement of the directive, with the clause it comes from', { id: 'criterion' });
  d(districtCriterionSchema, 'A district criterion, judged over a batch: the share of schools passing `share` must reach `min`', { id: 'district_criterion' });
  d(sourceSchema, 'Another document a criterion cites', { id: 'source' });
  d(bandSchema, 'A named level of the score, e.g. { id: tot, min: 80, label: { vi: "Tốt" } }', { id: 'band' });
  d(exampleSchema, 'A self-test run by `audit rubric test`: an inventory and the statuses it must get', { id: 'example' });
  d(scoringSchema, 'How the score, pass status and bands are computed');
  d(c.id, 'Stable id (waivers and diffs key on it): lower-case letters, digits and . _ -');
  d(c.clause, 'Where in the document: mục, khoản, tiêu chí (e.g. "2" or "III.3")');
  d(c.severity, 'From the clause\'s own words: required (binding: "phải", "cần có ít nhất", a dated duty), target ("phấn đấu", "từng bước": measured and scored, never fails a school) or recommended ("khuyến khích", "có thể", "đẩy mạnh" without a number)');
  d(c.binding, 'The directive\'s words that say how binding the clause is, copied from the quote (e.g. "cần có ít nhất", "phấn đấu")');
  d(c.summary, 'Instead of quote, for a source known only as a summary (sources[].text: summary): what it says, in our words');
  d(c.weight, 'Points of this criterion (default 1)');
  d(c.applies_if, 'A check; when it does not pass, the criterion is not applicable');
  d(c.quote, 'The directive\'s own words, verbatim');
  d(r.id, 'Stable rubric id: lower-case letters, digits and -');
  d(r.version, 'Version of this encoding, x.y.z; old versions stay available');
  d(r.extends, 'Start from another rubric: id@MAJOR or id@x.y.z');
  d(r.remove, 'Criterion ids of the parent to leave out (with extends)');
  d(r.applies_to, 'Where and when the rubric applies: provinces (omitted = national), districts, levels, school_years');
  return reg;
}

/** The JSON Schema (draft 2020-12) of a rubric file. */
export function rubricJsonSchema(): Json {
  const generated = z.toJSONSchema(rubricSchema, { io: 'input', metadata: metadata(), unrepresentable: 'any' }) as Json;
  const { $schema, ...rest } = generated;
  const schema: Json = {
    $schema,
    title: 'audit rubric (audit-rubric/v1)',
    description: 'A directive encoded as checkable criteria. Generated from src/rubric/schema.ts by scripts/gen-rubric-schema.mjs; do not edit.',
    ...rest,
  };
  return withOverrides(schema);
}

/**
 * In a rubric with `extends`, a criterion that repeats a parent id may give only the fields it
 * changes (criterionOverrideSchema: all optional but id). JSON Schema cannot relax a rule in a
 * `then`, so criteria items are chosen by a condition on `extends`.
 */
function withOverrides(schema: Json): Json {
  const props = schema.properties as Json;
  const criteria = props.criteria as Json;
  const defs = (schema.$defs ?? {}) as Json;
  const item = criteria.items as Json;
  const full = item.$ref ? defs[String(item.$ref).replace('#/$defs/', '')] as Json : item;
  const partialCheck = { type: 'object', description: 'A check, or only the fields of the parent criterion\'s check that change' };
  defs.criterion_override = {
    ...full,
    properties: { ...(full.properties as Json), check: partialCheck, applies_if: partialCheck },
    description: 'In a rubric with extends: a new criterion, or a parent criterion (same id) with only the fields that change',
    required: ['id'],
  };
  const { items: _items, ...criteriaRest } = criteria;
  props.criteria = criteriaRest;
  return {
    ...schema,
    $defs: defs,
    if: { required: ['extends'] },
    then: { properties: { criteria: { items: { $ref: '#/$defs/criterion_override' } } } },
    else: { properties: { criteria: { items: item } } },
  };
}

/** The file's text: stable key order, two-space indent, final newline. */
export function rubricJsonSchemaText(): string {
  return `${JSON.stringify(rubricJsonSchema(), null, 2)}\n`;
}
