#!/usr/bin/env node
// The command line, bundled into one CommonJS file by `npm run build` (scripts/bundle-cli.mjs) and loaded
// with V8's code cache (src/node/code-cache.ts): start-up reads two files and deserializes bytecode
// instead of resolving ~150 modules and compiling them. dist/cli/main.js is the same code unbundled.
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../dist/node/code-cache.js';

const cli = loadBundle(fileURLToPath(new URL('../dist/bundle/audit.cjs', import.meta.url)));
cli.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  cli.save();
});
