#!/usr/bin/env node
// Cost of refusing hostile workbooks: time and extra peak memory of readXlsx on each (measured in a
// fresh child process per file, after the file's bytes are loaded), then the whole command line on the
// bomb (wall time and peak memory of the process). Goal for every bomb: < 1 s and < 200 MB.
// The last line is a big but legal workbook part (150 MB of XML, no cells): not a bomb, shown for scale.
// Usage: node scripts/bench-hostile.mjs   (needs a build: npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { once } from 'node:events';
import { zipParts, workbookParts } from '../tests/hostile/lib/workbook.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;

// ---------- child: measure one file ----------
if (process.argv[2] === '--child') {
  const { readXlsx } = await import(pathToFileURL(join(ROOT, 'dist/inventory/xlsx.js')).href);
  const bytes = new Uint8Array(readFileSync(process.argv[3]));
  const rss0 = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  let outcome = 'read';
  try { readXlsx(bytes, 'bench.xlsx'); } catch (err) { outcome = err?.finding?.code ? `${err.finding.code}${err.finding.args?.limit ? ` (${err.finding.args.limit})` : err.finding.args?.reason ? ` (${err.finding.args.reason})` : ''}` : `CRASH ${err}`; }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ outcome, ms, mb: (process.resourceUsage().maxRSS - rss0) / 1024 }));
  process.exit(0);
}

// ---------- the hostile files ----------
const le = (n, bytes) => { const b = Buffer.alloc(bytes); for (let i = 0; i < bytes; i++) b[i] = Math.floor(n / 2 ** (8 * i)) & 0xff; return b; };
/** A zip written field by field: declared sizes may lie; `sameDataAs` points a record at an earlier local file. */
function craftZip(entries) {
  const locals = [], central = [], offsets = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = Buffer.from(e.name);
    let at = offset;
    if (e.sameDataAs !== undefined) at = offsets[e.sameDataAs];
    else {
      const local = Buffer.concat([le(0x04034b50, 4), le(20, 2), le(0x800, 2), le(8, 2), le(0, 8), le(e.data.length, 4), le(e.size, 4), le(name.length, 2), le(0, 2), name, e.data]);
      locals.push(local);
      offset += local.length;
    }
    offsets[i] = at;
    central.push(Buffer.concat([le(0x02014b50, 4), le(20, 2), le(20, 2), le(0x800, 2), le(8, 2), le(0, 8), le(e.data.length, 4), le(e.size, 4),
      le(name.length, 2), le(0, 8), le(0, 4), le(at, 4), name]));
  });
  const cd = Buffer.concat(central);
  return Buffer.concat([...locals, cd, le(0x06054b50, 4), le(0, 4), le(entries.length, 2), le(entries.length, 2), le(cd.length, 4), le(offset, 4), le(0, 2)]);
}
/** `size` bytes of one value, deflated 1 MB at a time (a 1 GB run is never held in memory). */
async function deflatedRun(size, byte = 0) {
  const z = createDeflateRaw({ level: 9 });
  const out = [];
  z.on('data', (c) => out.push(c));
  const chunk = Buffer.alloc(MB, byte);
  for (let done = 0; done < size; done += MB) {
    if (!z.write(chunk.subarray(0, Math.min(MB, size - done)))) await once(z, 'drain');
  }
  z.end();
  await once(z, 'end');
  return Buffer.concat(out);
}
const RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const rels = () => ({ name: '_rels/.rels', data: deflateRawSync(RELS), size: RELS.length });
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function withPart(part, text) {
  return zipParts(workbookParts([{ name: 'S', rows: [[{ t: 's', v: 'PLACEHOLDER' }]] }]).map(([n, d]) => [n, n === part ? Buffer.from(text) : d]));
}

const cases = [
  ['deflate bomb: 1 GB of zeros (~1 MB), honest size', true, async () => craftZip([rels(), { name: 'xl/worksheets/sheet1.xml', data: await deflatedRun(1024 * MB), size: 1024 * MB }])],
  ['deflate bomb: 150 MB of zeros (~150 KB), honest size, under the total cap', true, async () => craftZip([rels(), { name: 'xl/worksheets/sheet1.xml', data: await deflatedRun(150 * MB), size: 150 * MB }])],
  ['declares 10 GB in one entry', true, () => craftZip([rels(), { name: 'xl/workbook.xml', data: Buffer.alloc(2000, 0xaa), size: 10 * 1024 * MB }])],
  ['overlapping files: 300 records → one 1 MB run', true, async () => {
    const run = await deflatedRun(MB, 0x20);
    return craftZip([rels(), { name: 'xl/worksheets/s0.xml', data: run, size: MB },
      ...Array.from({ length: 299 }, (_, i) => ({ name: `xl/worksheets/s${i + 1}.xml`, data: run, size: MB, sameDataAs: 1 }))]);
  }],
  ['lying size: declares 1 KB, inflates to 1 GB', true, async () => craftZip([rels(), { name: 'xl/workbook.xml', data: await deflatedRun(1024 * MB, 0x20), size: 1024 }])],
  ['lying size: declares 1 KB, inflates to 16 MB (one-shot path)', true, async () => craftZip([rels(), { name: 'xl/workbook.xml', data: await deflatedRun(16 * MB, 0x20), size: 1024 }])],
  ['billion laughs in a worksheet', true, () => {
    let dtd = '<!ENTITY l0 "lol">';
    for (let i = 1; i <= 12; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
    return withPart('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><!DOCTYPE worksheet [${dtd}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l12;</t></is></c></row></sheetData></worksheet>`);
  }],
  ['100 sheets sharing one 5 MB part', true, () => {
    const big = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>${Array.from({ length: 300_000 }, (_, i) => `<x a="${(i * 7919).toString(36)}"/>`).join('')}</worksheet>`;
    const sheets = Array.from({ length: 100 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    const relsXml = Array.from({ length: 100 }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>`).join('');
    return zipParts(workbookParts([{ name: 'S', rows: [] }]).map(([n, d]) => {
      if (n === 'xl/workbook.xml') return [n, Buffer.from(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets>${sheets}</sheets></workbook>`)];
      if (n === 'xl/_rels/workbook.xml.rels') return [n, Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relsXml}</Relationships>`)];
      if (n === 'xl/worksheets/sheet1.xml') return [n, Buffer.from(big)];
      return [n, d];
    }));
  }],
  ['1001 zip entries', true, () => craftZip(Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}`, data: deflateRawSync(''), size: 0 })))],
  // Apache POI's poc-shared-strings.xlsx pattern: read (cut to 32 767 characters a cell), not refused.
  ['one 1 MB shared string in 30 000 cells (POI poc-shared-strings)', 'read', () => {
    let noise = '', x = 12345;
    while (noise.length < MB) { x = (Math.imul(x, 1103515245) + 12345) >>> 0; noise += `${(x >>> 8).toString(36)} `; }
    let rows = '';
    for (let r = 0; r < 3000; r++) {
      rows += `<row r="${r + 1}">`;
      for (let c = 0; c < 10; c++) rows += `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><v>0</v></c>`;
      rows += '</row>';
    }
    const M = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const parts = workbookParts([{ name: 'S', rows: [] }]).map(([n, d]) => {
      if (n === 'xl/worksheets/sheet1.xml') return [n, Buffer.from(`<worksheet xmlns="${M}"><sheetData>${rows}</sheetData></worksheet>`)];
      if (n === 'xl/_rels/workbook.xml.rels') return [n, Buffer.from(Buffer.from(d).toString().replace('</Relationships>', `<Relationship Id="rS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`))];
      return [n, d];
    });
    parts.push(['xl/sharedStrings.xml', Buffer.from(`<sst xmlns="${M}"><si><t>${noise}</t></si></sst>`)]);
    return zipParts(parts);
  }],
  ['(not a bomb) 150 MB of XML with no cell, ratio < 100', false, () => {
    const piece = Array.from({ length: 5000 }, (_, i) => `<x a="${((i * 2654435761) % 1000003).toString(36)}"/>`).join('');
    const body = piece.repeat(Math.ceil((150 * MB) / piece.length));
    return withPart('xl/worksheets/sheet1.xml', `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>${body}</worksheet>`);
  }],
];

// ---------- make the files in a child: a large parent would inflate its children's peak memory ----------
// (Linux carries a process's peak RSS across fork and exec, so measuring children must come from a small parent.)
if (process.argv[2] === '--make') {
  const dir = process.argv[3];
  const made = [];
  for (const [i, [name, bomb, make]] of cases.entries()) {
    const bytes = await make();
    writeFileSync(join(dir, `${i}.xlsx`), bytes);
    made.push({ name, bomb, file: join(dir, `${i}.xlsx`), size: bytes.length });
  }
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(made));
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'audit-bench-hostile-'));
const rows = [];
let failed = 0;
try {
  const mk = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--make', dir], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (mk.status !== 0) throw new Error('could not make the hostile files');
  const made = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8'));
  for (const { name, bomb, file, size } of made) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', maxBuffer: 1e6 });
    const m = r.status === 0 ? JSON.parse(r.stdout) : { outcome: `CHILD FAILED ${r.stderr.split('\n')[0]}`, ms: NaN, mb: NaN };
    // A bomb must be refused in < 1 s; a text bomb ('read') may be read, in < 2 s; both under 200 MB.
    const ok = !bomb || (bomb === 'read'
      ? m.ms < 2000 && m.mb < 200 && !m.outcome.startsWith('CRASH')
      : m.ms < 1000 && m.mb < 200 && !m.outcome.startsWith('CRASH') && m.outcome !== 'read');
    if (!ok) failed++;
    rows.push([name, `${(size / 1024).toFixed(0)} KB`, m.outcome, `${m.ms.toFixed(0)} ms`, `${m.mb.toFixed(1)} MB`, bomb ? (ok ? 'ok' : 'OVER GOAL') : '-']);
  }

  // The whole command on the bomb: wall time and the process's peak memory, against a normal workbook.
  const PROBE = 'data:text/javascript,import {writeSync} from "node:fs";process.on("exit",()=>writeSync(3,String(process.resourceUsage().maxRSS/1024)))';
  const cli = (file) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--import', PROBE, join(ROOT, 'bin/audit.js'), file, '--json'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    return { code: r.status, ms: performance.now() - t0, mb: Number(String(r.output[3])), stderr: String(r.stderr) };
  };
  const normal = cli(join(ROOT, 'fixtures/thpt-dat-chuan.xlsx'));
  const b = cli(made[0].file);
  const cliOk = b.code === 3 && b.ms < 1000 + normal.ms && b.mb < 200;
  if (!cliOk) failed++;

  const head = ['file', 'size', 'outcome', 'time', 'extra peak', 'goal'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log(`\ncommand line, whole process: ${made[0].name} → exit ${b.code} in ${b.ms.toFixed(0)} ms, peak ${b.mb.toFixed(0)} MB`
    + ` (a normal workbook: ${normal.ms.toFixed(0)} ms, peak ${normal.mb.toFixed(0)} MB) ${cliOk ? 'ok' : 'OVER GOAL'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed === 0 ? 0 : 1;
