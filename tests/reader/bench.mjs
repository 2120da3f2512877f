#!/usr/bin/env node
// Speed of readXlsx on one workbook (default: files/typical.xlsx), on N worker threads, each reading the
// bytes again and again from memory (no disk): files/s of the reader alone. Also the CPU time per file,
// measured on the main thread (the wall-clock figure drops when other work shares the cores).
//   npm run build && node tests/reader/bench.mjs [file.xlsx] [--workers 2] [--seconds 3] [--module dist/inventory/xlsx.js]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const HERE = dirname(fileURLToPath(import.meta.url));

if (isMainThread) {
  const args = process.argv.slice(2);
  const opt = (name, def) => { const i = args.indexOf(name); return i < 0 ? def : args.splice(i, 2)[1]; };
  const workers = Number(opt('--workers', '2'));
  const seconds = Number(opt('--seconds', '3'));
  const module = resolve(opt('--module', join(HERE, '../../dist/inventory/xlsx.js')));
  const file = resolve(args[0] ?? join(HERE, 'files/typical.xlsx'));
  const results = await Promise.all(Array.from({ length: workers }, () => new Promise((ok, fail) => {
    const w = new Worker(fileURLToPath(import.meta.url), { workerData: { file, seconds, module: pathToFileURL(module).href } });
    w.once('message', ok);
    w.once('error', fail);
  })));
  const files = results.reduce((n, r) => n + r.files, 0);
  const cells = results[0].cells;
  console.log(`${file}: ${cells} cells; ${workers} worker(s) × ${seconds} s: ${files} reads, ${Math.round(files / seconds)} files/s ` +
    `(${(1000 * seconds * workers / files).toFixed(2)} ms per file per worker)`);
  // CPU time per file on this thread: the best of 5 one-second rounds
  const { readXlsx } = await import(pathToFileURL(module).href);
  const bytes = new Uint8Array(readFileSync(file));
  for (let i = 0; i < 100; i++) readXlsx(bytes, 'bench');
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t = performance.now(), c0 = process.cpuUsage();
    let n = 0;
    while (performance.now() - t < 1000) { readXlsx(bytes, 'bench'); n++; }
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000 / n);
  }
  console.log(`CPU ${best.toFixed(2)} ms per file: ${Math.round(1000 / best)} files/s per free core`);
} else {
  const { readXlsx } = await import(workerData.module);
  const bytes = new Uint8Array(readFileSync(workerData.file));
  let cells = 0;
  for (const s of readXlsx(bytes, 'bench').sheets) for (const r of s.rows) if (r) for (const c of r) if (c) cells++;
  for (let i = 0; i < 50; i++) readXlsx(bytes, 'bench'); // warm-up
  const end = performance.now() + workerData.seconds * 1000;
  let files = 0;
  while (performance.now() < end) { readXlsx(bytes, 'bench'); files++; }
  parentPort.postMessage({ files, cells });
}
