#!/usr/bin/env node
// Rewrites the generated fidelity tables of rubrics/COVERAGE.md from the built-in rubrics (after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

await import('../dist/node/platform.js'); // first: the core's file access on Node
const { RubricRegistry, BUILTIN_RUBRICS_DIR } = await import('../dist/rubric/registry.js');
const { rubricOrThrow } = await import('../dist/rubric/load.js');
const { coverageSection, withCoverageSection } = await import('../dist/rubric/coverage.js');

const file = fileURLToPath(new URL('../rubrics/COVERAGE.md', import.meta.url));
const registry = new RubricRegistry(BUILTIN_RUBRICS_DIR);
const rubrics = registry.entries().map((e) => rubricOrThrow(registry.loadEntry(e)));
writeFileSync(file, withCoverageSection(readFileSync(file, 'utf8'), coverageSection(rubrics)));
console.log(`wrote the fidelity tables of ${rubrics.length} rubric(s) into ${file}`);
