#!/usr/bin/env node
// Resolves every built-in rubric once and writes dist/rubrics.compiled.json, so that an audit reads one
// JSON file instead of parsing and validating YAML. The registry uses an entry only while its YAML (and
// its parents') is unchanged; otherwise it reads the YAML as usual.
// `npm run build` runs `--clean` before tsc (a failed build must not leave a file made by older code)
// and the compile after it.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

if (process.argv.includes('--clean')) {
  rmSync(fileURLToPath(new URL('../dist/rubrics.compiled.json', import.meta.url)), { force: true });
  process.exit(0);
}

const { BUILTIN_RUBRICS_DIR, COMPILED_RUBRICS_FILE } = await import('../dist/node/platform.js');
const { RubricRegistry } = await import('../dist/rubric/registry.js');
const { format } = await import('../dist/messages/format.js');

const registry = new RubricRegistry(BUILTIN_RUBRICS_DIR);
const compiled = registry.compileAll();
for (const s of registry.list()) {
  for (const p of s.problems ?? []) console.error(`${p.file}:${p.line}:${p.col}: ${format(p.message, 'en')}`);
}
writeFileSync(COMPILED_RUBRICS_FILE, `${JSON.stringify(compiled)}\n`);
console.log(`compiled ${compiled.rubrics.length} rubric(s) into ${COMPILED_RUBRICS_FILE}`);
