#!/usr/bin/env node
// The command line, bundled into one file by `npm run build` (scripts/bundle-cli.mjs): one read and one
// compile at start-up instead of ~150 module files. dist/cli/main.js is the same code unbundled.
import { main } from '../dist/bundle/audit.js';

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
