import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rubricJsonSchema, rubricJsonSchemaText } from './json-schema.js';

const FILE = fileURLToPath(new URL('../../rubrics/rubric.schema.json', import.meta.url));

describe('rubric JSON Schema', () => {
  it('rubrics/rubric.schema.json is the generated schema', () => {
    const want = rubricJsonSchemaText();
    if (process.env.UPDATE_RUBRIC_SCHEMA === '1') writeFileSync(FILE, want);
    let have = '';
    try { have = readFileSync(FILE, 'utf8'); } catch { have = ''; }
    expect(have === want, 'rubrics/rubric.schema.json is stale: run `npm run build && node scripts/gen-rubric-schema.mjs` '
      + '(or `UPDATE_RUBRIC_SCHEMA=1 npx vitest run src/rubric/json-schema.test.ts`) and commit it').toBe(true);
  });

  it('describes the format for editors: strict keys, required fields, every check kind, overrides in children', () => {
    const s = rubricJsonSchema() as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean; $defs: Record<string, { anyOf?: unknown[]; required?: string[] }>; then: unknown };
    expect(s.required).toEqual(['schema', 'id', 'version', 'title', 'issuer', 'document']);
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.properties)).toContain('district_criteria');
    expect(s.$defs.check!.anyOf).toHaveLength(9);
    expect(s.$defs.criterion!.required).toEqual(['id', 'clause', 'title', 'check']);
    expect(s.$defs.criterion_override!.required).toEqual(['id']);
    expect(JSON.stringify(s.then)).toContain('criterion_override');
    // Dates are strings with a pattern (io: input), never "format: date-time".
    expect(JSON.stringify(s)).not.toContain('date-time');
  });
});
