#!/usr/bin/env node
// Start-up cost of the command line: wall time of `node bin/audit.js <example> --json` against a bare
// `node -e ''`, run alternately in the same session so both see the same machine load.
// Wall time depends on what else the machine is doing; the CPU time each run used (user + system, read
// inside the child at exit) much less, so both are shown.
// Usage: node scripts/bench-startup.mjs [--runs N]   (needs a build: npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(10, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 15 : 15);
const example = 'fixtures/thpt-dat-chuan.xlsx';
const outDir = mkdtempSync(join(tmpdir(), 'audit-bench-'));

const cases = [
  { name: "node -e ''", args: ['-e', ''] },
  { name: 'audit --version', args: ['bin/audit.js', '--version'] },
  { name: `audit ${example} --json`, args: ['bin/audit.js', example, '--json'] },
  { name: `audit ${example} --out <tmp> (md,xlsx,json)`, args: ['bin/audit.js', example, '--out', outDir, '--quiet'] },
];

const env = { ...process.env, NO_COLOR: '1' };
// Reports the child's own CPU time on file descriptor 3 when it exits.
const CPU_PROBE = 'data:text/javascript,import {writeSync} from "node:fs";'
  + 'process.on("exit",()=>{const u=process.cpuUsage();writeSync(3,String((u.user+u.system)/1000))})';
const times = cases.map(() => []);
const cpu = cases.map(() => []);
// One warm-up round (file cache), then alternate the cases run by run.
for (let round = -1; round < RUNS; round++) {
  cases.forEach((c, i) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', CPU_PROBE, ...c.args], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) {
      console.error(`${c.name}: exit ${r.status}\n${r.stderr}`);
      process.exit(1);
    }
    if (round >= 0) {
      times[i].push(ms);
      cpu[i].push(Number(r.output[3]?.toString() ?? NaN));
    }
  });
}
rmSync(outDir, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const base = median(times[0]);
const rows = cases.map((c, i) => ({
  command: c.name,
  median: median(times[i]),
  min: Math.min(...times[i]),
  max: Math.max(...times[i]),
  cpu: median(cpu[i]),
}));
const baseCpu = rows[0].cpu;
const w = Math.max(...rows.map((r) => r.command.length));
const num = (n) => n.toFixed(0).padStart(7);
console.log(`start-up, ${RUNS} runs each, median unless said (node ${process.version}, ${process.platform}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}); ms`);
const x = (n) => `${n.toFixed(2)}×`.padStart(7);
console.log(`${'command'.padEnd(w)}  ${'wall'.padStart(7)}  ${'min'.padStart(7)}  ${'max'.padStart(7)}  ${'+node'.padStart(7)}  ${'/node'.padStart(7)}  ${'cpu'.padStart(7)}  ${'+node'.padStart(7)}  ${'/node'.padStart(7)}`);
for (const r of rows) {
  console.log(`${r.command.padEnd(w)}  ${num(r.median)}  ${num(r.min)}  ${num(r.max)}  ${num(r.median - base)}  ${x(r.median / base)}  ${num(r.cpu)}  ${num(r.cpu - baseCpu)}  ${x(r.cpu / baseCpu)}`);
}
// The target: a single audit printing JSON within 3× a bare Node start (wall, pairwise medians).
const json = rows[2];
console.log(`\naudit --json / node -e '': ${(json.median / base).toFixed(2)}× wall, ${(json.cpu / baseCpu).toFixed(2)}× CPU (target ≤ 3×: ${json.median / base <= 3 ? 'met' : 'MISSED'})`);
