#!/usr/bin/env node
// `npm run bench`: runs every scripts/bench-*.mjs in turn (each prints its own table).
// `npm run bench -- startup reader` runs only bench-startup.mjs and bench-reader.mjs; options
// (arguments starting with -) are passed on to each script. Add a benchmark by adding a file.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('-'));
const names = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);
const all = readdirSync(here).filter((f) => /^bench-.+\.mjs$/.test(f)).sort();
const scripts = names.length === 0 ? all : all.filter((f) => names.includes(f.slice('bench-'.length, -'.mjs'.length)));
if (scripts.length === 0) {
  console.error(`no benchmark named ${names.join(', ')}; there are: ${all.map((f) => f.slice(6, -4)).join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const script of scripts) {
  console.log(`\n## ${script}`);
  const r = spawnSync(process.execPath, [join(here, script), ...options], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
