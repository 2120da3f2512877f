#!/usr/bin/env node
// Writes tests/issue6/files/thpt-dat-chuan.xls and .ods: the compliant example school
// (fixtures/thpt-dat-chuan.xlsx) saved by LibreOffice as Excel 97-2003 and as OpenDocument, the way a
// school that still uses the old format sends it. Run once from the repository root (needs `soffice`):
//   node tests/issue6/make-xls.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, '../../fixtures/thpt-dat-chuan.xlsx');
const work = mkdtempSync(join(tmpdir(), 'audit-xls-'));
try {
  const profile = pathToFileURL(join(work, 'profile')).href;
  for (const [ext, filter] of [['xls', 'xls:MS Excel 97'], ['ods', 'ods']]) {
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', work, source], { stdio: 'ignore' });
    const out = join(here, 'files', `thpt-dat-chuan.${ext}`);
    copyFileSync(join(work, `thpt-dat-chuan.${ext}`), out);
    console.log(`wrote ${out}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
