// The rubric format (audit-rubric/v1) as one zod schema: the loader validates with it and
// `audit rubric schema` prints the JSON Schema generated from it.
import { z } from 'zod';
import { LEVELS } from '../inventory/fields.js';
import { checkSchema } from '../checks/index.js';

/** Highest first: a required criterion decides pass/fail; a target is measured and scored, never decisive. */
export const SEVERITIES = ['required', 'target', 'recommended'] as const;

const i18n = z.strictObject({ vi: z.string().min(1), en: z.string().min(1).optional() });
/** YAML turns 2016-10-26 into a Date unless the loader keeps dates as strings; we keep strings. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date yyyy-mm-dd');
const schoolYear = z.string().regex(/^\d{4}-\d{4}$/, 'a school year like 2016-2017');
const level = z.enum(LEVELS);
const criterionId = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, . _ -');
/** The directive's words that say how binding the clause is (e.g. "cần có ít nhất", "phấn đấu"); see binding.ts. */
const binding = z.string().min(1);

export const criterionSchema = z.strictObject({
  id: criterionId,
  clause: z.string(),
  source: z.string().optional(),
  title: i18n,
  quote: z.string().optional(),
  /** What a related source says, in our words, when only a summary of it is known (`sources[].text: summary`). */
  summary: z.string().optional(),
  binding: binding.optional(),
  note: i18n.optional(),
  severity: z.enum(SEVERITIES).default('required'),
  weight: z.number().default(1),
  applies_to: z.strictObject({ levels: z.array(level).min(1) }).optional(),
  applies_if: checkSchema.optional(),
  check: checkSchema,
  hint: i18n.optional(),
});

/** In a child rubric a criterion that repeats a parent id may give only the fields it overrides. */
export const criterionOverrideSchema = criterionSchema.partial().required({ id: true });

export const districtCriterionSchema = z.strictObject({
  id: criterionId,
  clause: z.string(),
  source: z.string().optional(),
  title: i18n,
  quote: z.string().optional(),
  summary: z.string().optional(),
  binding: binding.optional(),
  of_schools: z.strictObject({ levels: z.array(level).min(1).optional() }),
  share: checkSchema,
  min: z.number().min(0).max(1),
});

export const bandSchema = z.strictObject({ id: z.string(), min: z.number(), label: i18n });

export const scoringSchema = z.strictObject({
  scale: z.enum(['percent', 'points']).default('percent'),
  pass: z.strictObject({
    min_score: z.number().optional(), all_required: z.boolean().default(true),
    /** Where the pass line comes from, when the document sets none (shown on every report). */
    note: i18n.optional(),
  }).default({ all_required: true }),
  bands: z.array(bandSchema).optional(),
  groups: z.array(z.strictObject({ id: z.string(), title: i18n.optional(), criteria_prefix: z.string() })).optional(),
  band_from: z.enum(['score', 'weakest_group']).optional(),
});

export const sourceSchema = z.strictObject({
  id: z.string(),
  number: z.string(),
  date: isoDate.optional(),
  title: i18n,
  note: i18n.optional(),
  /** `summary`: only a summary of this document is known; criteria citing it give `summary`, never `quote`. */
  text: z.enum(['verbatim', 'summary']).optional(),
});

export const exampleSchema = z.strictObject({
  name: z.string(),
  inventory: z.record(z.string(), z.unknown()),
  as_of: isoDate.optional(),
  expect: z.record(z.string(), z.enum(['pass', 'fail', 'missing', 'not_applicable'])),
  expect_status: z.enum(['pass', 'fail']).optional(),
  expect_score: z.number().nullable().optional(),
});

export const rubricSchema = z.strictObject({
  schema: z.literal('audit-rubric/v1'),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semver x.y.z'),
  title: i18n,
  issuer: z.string(),
  document: z.strictObject({ number: z.string(), date: isoDate, url: z.string().optional() }),
  note: i18n.optional(),
  sources: z.array(sourceSchema).optional(),
  applies_to: z.strictObject({
    provinces: z.array(z.string()).optional(),
    districts: z.array(z.string()).optional(),
    levels: z.array(level).optional(),
    school_years: z.strictObject({
      from: schoolYear.optional(), to: schoolYear.optional(),
      /** `warn`: a later school year may still be judged by it while no newer rubric applies, with a warning. */
      later: z.literal('warn').optional(),
      /** Said with that warning: e.g. which newer guidance is known but not encoded. */
      later_note: i18n.optional(),
    }).optional(),
  }).optional(),
  extends: z.string().optional(),
  remove: z.array(z.string()).optional(),
  deadlines: z.array(z.strictObject({ id: z.string(), date: isoDate, title: i18n })).optional(),
  scoring: scoringSchema.optional(),
  criteria: z.array(criterionSchema).default([]),
  district_criteria: z.array(districtCriterionSchema).optional(),
  examples: z.array(exampleSchema).optional(),
});

export type RubricFile = z.input<typeof rubricSchema>;
export type Criterion = z.output<typeof criterionSchema>;
export type DistrictCriterion = z.output<typeof districtCriterionSchema>;
export type Scoring = z.output<typeof scoringSchema>;
export type RubricExample = z.output<typeof exampleSchema>;

/** A rubric after `extends` is resolved: what the engine evaluates. */
export interface Rubric {
  id: string;
  version: string;
  title: { vi: string; en?: string };
  issuer: string;
  document: { number: string; date: string; url?: string };
  note?: { vi: string; en?: string };
  sources: z.output<typeof sourceSchema>[];
  applies_to: {
    provinces?: string[]; districts?: string[]; levels?: string[];
    school_years?: { from?: string; to?: string; later?: 'warn'; later_note?: { vi: string; en?: string } };
  };
  deadlines: { id: string; date: string; title: { vi: string; en?: string } }[];
  scoring: Scoring;
  criteria: Criterion[];
  district_criteria: DistrictCriterion[];
  examples: RubricExample[];
  /** sha256 of the resolved rubric (canonical JSON), recorded in every result. */
  sha256: string;
  /** Where it was loaded from (built-in path or user file). */
  file: string;
  /** The chain of rubrics it extends, `id@version`, nearest first. */
  parents: string[];
}
