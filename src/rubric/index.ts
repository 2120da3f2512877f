// The rubric library: load and lint rubric files, the built-in registry, choosing a rubric for a
// workbook, the JSON Schema, waivers files and rubric self-tests.
export { loadRubricFile, loadRubricText, rubricOrThrow, rubricSha256, canonicalJson, mergeOverride, type LoadOptions, type LoadResult, type ResolveParent } from './load.js';
export {
  builtinRegistry, loadRubric, compareVersions, isRubricPath, RubricRegistry,
  type RubricEntry, type RubricHeader, type RubricSummary,
} from './registry.js';
export { chooseRubric, sameProvince, sameDistrict, specificity, yearsContain, yearsFinding, type RubricChoice, type SchoolScope } from './select.js';
export { rubricJsonSchema, rubricJsonSchemaText } from './json-schema.js';
export { loadWaivers, parseWaivers, waiverSchema, waiversFileSchema, type WaiversResult } from './waivers.js';
export { runExamples, runExample, type ExampleOutcome, type ExampleOptions } from './examples.js';
export { rubricSchema, criterionSchema, criterionOverrideSchema, type Rubric, type Criterion, type DistrictCriterion, type RubricExample, type RubricFile, type Scoring } from './schema.js';
