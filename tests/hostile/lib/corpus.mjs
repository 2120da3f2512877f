// The fuzzer's corpus and mutants (scripts/fuzz.mjs), shared with the regression tests: the example
// workbooks, the reader's test files, and generated workbooks of hostile strings; mutant `index` of
// run `seed` is always the same bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { mutate, prng, WEIRD_STRINGS } from './mutate.mjs';
import { buildXlsx } from './workbook.mjs';

export function corpusFiles(root) {
  const dirs = [join(root, 'fixtures'), join(root, 'tests/reader/files')];
  const files = [];
  for (const d of dirs) {
    for (const f of readdirSync(d).sort()) if (/\.(xlsx|xls|ods|csv|pdf)$/i.test(f)) files.push(join(d, f));
  }
  return files.map((f) => ({ name: basename(f), bytes: new Uint8Array(readFileSync(f)) }));
}

/** A workbook of random sheets made of the words the reader looks for and hostile strings. */
export function generatedWorkbook(rng) {
  const SHEETS = ['Thông tin chung', 'Thiết bị', 'Phần mềm', 'Giáo viên', 'Sheet1', '__proto__', 'constructor', 'Thiet bi', 'CSVC', ''];
  const sheets = [];
  const count = rng.int(5) + 1;
  for (let s = 0; s < count; s++) {
    const rows = [];
    const nRows = rng.int(40);
    for (let r = 0; r < nRows; r++) {
      const row = [];
      const nCols = rng.int(9);
      for (let c = 0; c < nCols; c++) {
        const k = rng.int(10);
        if (k < 5) row[c] = { t: 's', v: rng.pick(WEIRD_STRINGS) };
        else if (k < 7) row[c] = { t: 'n', v: rng.pick([0, 1, -1, 2.5, 1e308, -1e308, 45000, 2958465, 2024, 0.1]) };
        else if (k < 8) row[c] = { t: 'b', v: rng.chance(0.5) };
        else if (k < 9) row[c] = { t: 'd', v: rng.pick(['2024-10-12', '2024-10-12T08:00:00', '0000-01-01', 'x']) };
        else row[c] = { t: 'e', v: rng.pick(['#REF!', '#N/A', '#DIV/0!']) };
      }
      rows.push(row);
    }
    const name = (rng.pick(SHEETS) + (s > 0 && rng.chance(0.5) ? ` ${s}` : '')).slice(0, 31);
    sheets.push({ name, rows, hidden: rng.chance(0.1) });
  }
  return buildXlsx(sheets);
}

/** Mutant `index` of run `seed`: deterministic, so a crash can be made again from the two numbers. */
export function makeMutant(corpus, seed, index) {
  const rng = prng((Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index, 0xc2b2ae35)) >>> 0);
  if (rng.chance(0.1)) {
    const base = generatedWorkbook(rng);
    return rng.chance(0.5) ? { base: 'generated', ops: ['generated'], bytes: base } : { base: 'generated', ...mutate(rng, base) };
  }
  // Files that are not .xlsx stop at the first check: a few are enough.
  const xlsx = corpus.filter((f) => /\.xlsx$/i.test(f.name));
  const base = rng.chance(0.05) ? rng.pick(corpus) : rng.pick(xlsx);
  return { base: base.name, ...mutate(rng, base.bytes) };
}
