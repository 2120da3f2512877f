#!/usr/bin/env node
// Writes rubrics/rubric.schema.json from the zod schema of the rubric format (via the built dist/).
// Run after changing src/rubric/schema.ts or a check kind's schema:
//   npm run build && node scripts/gen-rubric-schema.mjs
// (or, without building: UPDATE_RUBRIC_SCHEMA=1 npx vitest run src/rubric/json-schema.test.ts)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { rubricJsonSchemaText } = await import('../dist/rubric/json-schema.js');
const out = fileURLToPath(new URL('../rubrics/rubric.schema.json', import.meta.url));
writeFileSync(out, rubricJsonSchemaText());
console.log(`wrote ${out}`);
