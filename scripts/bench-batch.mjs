#!/usr/bin/env node
// Benchmark of `audit batch` (run by `npm run bench`, after the build). For N typical workbooks
// (4 sheets, ~200 equipment rows, ~60 teachers, realistic Vietnamese text) it prints side by side:
//   - files/s of `audit batch <dir> --out <tmp>` (md + json per school, the summary files), whole command;
//   - files/s of a bare reader floor: unzip (fflate) + SAX parse (saxes) of the same files, no evaluation,
//     on the same number of worker threads;
//   - files/s of the script a district would write instead (when python3 has openpyxl): 12 lines that open
//     each workbook read-only and walk every cell of every sheet, on as many processes as worker threads;
//   - peak RSS of the batch process tree (/usr/bin/time -v when present, and /proc polling).
// Targets: batch ≥ 50% of the floor's files/s; peak RSS at the largest N ≤ 1.2 × that at the smallest.
//   node scripts/bench-batch.mjs [--n 1000,10000] [--jobs 2] [--repeat 1] [--fresh] [--no-openpyxl]
// The workbooks are generated once into .bench/batch/ (exceljs for a few base schools, then each copy gets
// its own school code and name by rewriting sharedStrings.xml with fflate) and reused by later runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATOR_VERSION = 1;

// ---------- the reader floor (worker side) ----------

async function floorWorker() {
  const { SaxesParser } = await import('saxes');
  let elements = 0;
  for (const file of workerData.files) {
    const entries = unzipSync(new Uint8Array(readFileSync(file)), { filter: (f) => f.name.endsWith('.xml') });
    for (const [name, bytes] of Object.entries(entries)) {
      if (!name.startsWith('xl/worksheets/') && name !== 'xl/sharedStrings.xml' && name !== 'xl/workbook.xml') continue;
      const parser = new SaxesParser();
      parser.on('opentag', () => { elements++; });
      parser.on('text', () => {});
      parser.write(strFromU8(bytes)).close();
    }
  }
  parentPort.postMessage({ elements });
}

// ---------- the yardstick a district would write: openpyxl, read-only, on N processes ----------

const OPENPYXL_SCRIPT = `
import sys, time
from multiprocessing import Pool
from openpyxl import load_workbook
def read(path):
    wb = load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    wb.close()
    return n
if __name__ == "__main__":
    files = sys.stdin.read().split("\\n")[:-1]
    with Pool(int(sys.argv[1])) as pool: cells = sum(pool.imap_unordered(read, files, chunksize=8))
    print(cells)
`;

/** A python3 that has openpyxl (Debian's python3-openpyxl is for the system python, not a pyenv one), or null. */
const findPython = () => ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0) ?? null;

async function runOpenpyxl(python, files, processes) {
  const start = performance.now();
  const child = spawn(python, ['-c', OPENPYXL_SCRIPT, String(processes)], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(files.map((f) => `${f}\n`).join(''));
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  const code = await new Promise((ok) => child.on('close', ok));
  if (code !== 0) throw new Error(`openpyxl script: exit ${code}`);
  const seconds = (performance.now() - start) / 1000;
  return { seconds, filesPerSec: files.length / seconds, cells: Number(out.trim()) };
}

// ---------- main ----------

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, def) => { const i = args.indexOf(name); return i < 0 ? def : args[i + 1]; };
  const ns = String(opt('--n', '1000,10000')).split(',').map(Number).filter((n) => n > 0);
  const jobs = Number(opt('--jobs', String(Math.min(2, availableParallelism()))));
  const fresh = args.includes('--fresh');
  // The machine may be shared: each measure is taken `repeat` times, alternating, and the median kept.
  const repeat = Number(opt('--repeat', '1'));
  const bin = join(ROOT, 'bin/audit.js');
  if (!existsSync(join(ROOT, 'dist/cli/commands/batch.js'))) throw new Error('build first: npm run build');

  const python = args.includes('--no-openpyxl') ? null : findPython();
  if (!python) console.log('(python3 with openpyxl not found: the openpyxl yardstick is skipped; apt-get install python3-openpyxl)');
  const rows = [];
  for (const n of ns) {
    const dir = await dataset(n, fresh);
    const files = listFiles(dir);
    // Each measure `repeat` times, the three alternating so that all see the same load; medians kept.
    const floors = [], batches = [], pys = [];
    for (let k = 0; k < repeat; k++) {
      floors.push(await runFloor(files, jobs));
      batches.push(await runBatch(bin, dir, jobs));
      if (python) pys.push(await runOpenpyxl(python, files, jobs));
    }
    const floor = medianBy(floors, (x) => x.filesPerSec);
    const batch = { ...medianBy(batches, (x) => x.filesPerSec), peakRss: Math.max(...batches.map((b) => b.peakRss)) };
    const py = python ? medianBy(pys, (x) => x.filesPerSec) : null;
    rows.push({ n, batch, floor, py });
    console.log(`N=${n}: batch ${batch.filesPerSec.toFixed(1)} files/s (${batch.seconds.toFixed(1)} s, exit ${batch.code}), ` +
      `floor ${floor.filesPerSec.toFixed(1)} files/s${py ? `, openpyxl ${py.filesPerSec.toFixed(1)} files/s` : ''}, peak RSS ${mb(batch.peakRss)}`);
  }

  console.log('\n| N | audit batch (files/s) | reader floor (files/s) | batch / floor | openpyxl script (files/s) | batch / openpyxl | CPU ms per file: batch / floor | peak RSS |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.n} | ${r.batch.filesPerSec.toFixed(1)} | ${r.floor.filesPerSec.toFixed(1)} | ${pct(r.batch.filesPerSec / r.floor.filesPerSec)} | ` +
      `${r.py ? r.py.filesPerSec.toFixed(1) : '–'} | ${r.py ? `${(r.batch.filesPerSec / r.py.filesPerSec).toFixed(1)}×` : '–'} | ` +
      `${r.batch.cpuMsPerFile.toFixed(1)} / ${r.floor.cpuMsPerFile.toFixed(1)} | ${mb(r.batch.peakRss)} |`);
  }
  const worst = Math.min(...rows.map((r) => r.batch.filesPerSec / r.floor.filesPerSec));
  console.log(`\nbatch ≥ 50% of the floor: ${worst >= 0.5 ? 'met' : 'MISSED'} (lowest ${pct(worst)})`);
  if (rows.length >= 2) {
    const small = rows[0];
    const large = rows[rows.length - 1];
    const ratio = large.batch.peakRss / small.batch.peakRss;
    console.log(`peak RSS at N=${large.n} / at N=${small.n}: ${ratio.toFixed(2)} (target ≤ 1.2: ${ratio <= 1.2 ? 'met' : 'MISSED'})`);
  }
  console.log(`(${jobs} worker thread(s) for both; ${availableParallelism()} CPU(s); node ${process.version})`);
}

/** The run whose `key` is the median (the lower middle one for an even count). */
const medianBy = (runs, key) => [...runs].sort((a, b) => key(a) - key(b))[(runs.length - 1) >> 1];
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
const pct = (x) => `${(x * 100).toFixed(0)}%`;

function listFiles(dir) {
  const out = [];
  for (const sub of readdirSync(dir).sort()) {
    const p = join(dir, sub);
    if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) out.push(join(p, f));
  }
  return out;
}

// ---------- measuring ----------

async function runFloor(files, workers) {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const shares = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  await Promise.all(shares.map((share) => new Promise((ok, fail) => {
    const w = new Worker(fileURLToPath(import.meta.url), { workerData: { files: share } });
    w.once('message', ok);
    w.once('error', fail);
  })));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { seconds, filesPerSec: files.length / seconds, cpuMsPerFile: (cpu.user + cpu.system) / 1000 / files.length };
}

/** Sum of VmRSS over a process and its descendants (Linux /proc), in bytes; 0 elsewhere. */
function treeRss(pid) {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      if (m) total += Number(m[1]) * 1024;
      for (const t of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim();
        if (kids) stack.push(...kids.split(/\s+/).map(Number));
      }
    } catch { /* gone */ }
  }
  return total;
}

async function runBatch(bin, dir, jobs) {
  const out = await mkdtemp(join(tmpdir(), 'audit-bench-out-'));
  const useTime = existsSync('/usr/bin/time') && process.platform === 'linux';
  const cmd = [process.execPath, bin, 'batch', dir, '--out', out, '--jobs', String(jobs), '-q'];
  const start = performance.now();
  const child = useTime ? spawn('/usr/bin/time', ['-v', ...cmd], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  let polled = 0;
  const timer = setInterval(() => { polled = Math.max(polled, treeRss(child.pid)); }, 50);
  const code = await new Promise((ok) => child.on('close', ok));
  clearInterval(timer);
  const seconds = (performance.now() - start) / 1000;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const timed = m ? Number(m[1]) * 1024 : 0;
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const files = listFiles(dir).length;
  await rm(out, { recursive: true, force: true });
  const cpuMsPerFile = user && sys ? ((Number(user[1]) + Number(sys[1])) * 1000) / files : NaN;
  return { seconds, filesPerSec: files / seconds, cpuMsPerFile, peakRss: Math.max(timed, polled), code };
}

// ---------- the workbooks ----------

/** N workbooks in sub-folders of 500, generated once per N (and generator version). */
async function dataset(n, fresh) {
  const dir = join(ROOT, '.bench', 'batch', `n${n}-v${GENERATOR_VERSION}`);
  const marker = join(dir, '.complete');
  if (!fresh && existsSync(marker)) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  process.stdout.write(`generating ${n} workbooks in ${dir} … `);
  const t = performance.now();
  const bases = await baseWorkbooks();
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `p${String(Math.floor(i / 500)).padStart(3, '0')}`);
    if (i % 500 === 0) await mkdir(sub, { recursive: true });
    const base = bases[i % bases.length];
    const code = `83${String(100000 + i).padStart(6, '0')}`;
    const ss = strFromU8(base.files['xl/sharedStrings.xml'])
      .replace('MA_TRUONG_CODE', code)
      .replace('TEN_TRUONG_NAME', `${base.prefix} số ${i + 1}`);
    const files = { ...base.files, 'xl/sharedStrings.xml': strToU8(ss) };
    await writeFile(join(sub, `${code}.xlsx`), zipSync(files, { level: 6, mtime: new Date(Date.UTC(2024, 9, 1)) }));
  }
  await writeFile(marker, `${n}\n`);
  console.log(`${((performance.now() - t) / 1000).toFixed(0)} s`);
  return dir;
}

/** A few typical schools written with exceljs (via fixtures/generate.mjs), with placeholders for code and name. */
async function baseWorkbooks() {
  const { buildWorkbook } = await import(pathToFileURL(join(ROOT, 'fixtures/generate.mjs')).href);
  const { thptDatChuan, thptChuaDat, lienCapThThcs, roster } = await import(pathToFileURL(join(ROOT, 'fixtures/schools.mjs')).href);
  const variants = [
    { school: thptDatChuan, prefix: 'Trường THPT', groups: { 'Toán': 10, 'Ngữ văn': 9, 'Ngoại ngữ': 8, 'Vật lý - Công nghệ': 7, 'Hóa - Sinh': 8, 'Sử - Địa - GDKT&PL': 8, 'Tin học': 4, 'Thể dục - GDQP': 6 } },
    { school: thptChuaDat, prefix: 'Trường THPT', groups: { 'Toán': 9, 'Ngữ văn': 9, 'Ngoại ngữ': 8, 'Vật lý - Công nghệ': 8, 'Hóa - Sinh': 8, 'Sử - Địa - GDKT&PL': 8, 'Tin học': 3, 'Thể dục - GDQP': 7 } },
    { school: lienCapThThcs, prefix: 'Trường TH-THCS', groups: { 'Tổ 1-2': 12, 'Tổ 3': 6, 'Tổ 4-5': 12, 'Tổ Toán - Tin': 9, 'Tổ Ngữ văn - Sử - Địa': 10, 'Tổ Ngoại ngữ': 5, 'Tổ KHTN': 6 } },
  ];
  const out = [];
  for (const [k, v] of variants.entries()) {
    const s = v.school;
    const info = s.info.map(([label, value]) => [label,
      label === 'Mã trường' ? 'MA_TRUONG_CODE' : label === 'Tên trường' ? 'TEN_TRUONG_NAME' : value]);
    const school = {
      ...s,
      info,
      equipment: typicalEquipment(s.equipment, 200, k),
      teachers: roster(v.groups, {
        'Số bài giảng e-Learning': 2, 'Đạt chuẩn kỹ năng sử dụng CNTT': 'Có',
        'Được bồi dưỡng CNTT trong năm': 'Có', 'Sử dụng CNTT trong công tác, giảng dạy': 'Có',
      }, { seed: k + 3, except: Object.fromEntries([2, 9, 17, 23, 31, 44, 52].map((i) => [i, { 'Số bài giảng e-Learning': 0, 'Được bồi dưỡng CNTT trong năm': 'Không' }])) }),
    };
    const bytes = new Uint8Array(await buildWorkbook(school).xlsx.writeBuffer());
    out.push({ files: unzipSync(bytes), prefix: v.prefix });
  }
  return out;
}

/** ~`rows` equipment rows: the school's own list, then classroom and office devices room by room. */
function typicalEquipment(own, rows, seed) {
  const kinds = [
    ['Máy chiếu', 'Lớp học'], ['Tivi thông minh', 'Lớp học'], ['Máy tính xách tay', 'Tổ chuyên môn'], ['Máy tính để bàn', 'Thư viện'],
    ['Máy in', 'Quản lý'], ['Bộ phát Wi-Fi', 'Khác'], ['Camera giám sát', 'Khác'], ['Loa, âm thanh', 'Lớp học'], ['Bảng tương tác', 'Lớp học'],
  ];
  const status = ['Tốt', 'Tốt', 'Tốt', 'Cần sửa chữa', 'Xuống cấp', 'Hỏng'];
  const notes = ['', '', 'Được tài trợ bởi Hội cha mẹ học sinh', 'Bóng đèn yếu, cần thay', 'Bàn giao theo dự án năm 2019', 'Chờ thanh lý', 'Lắp tại phòng học bộ môn'];
  const list = [...own];
  for (let i = 0; list.length < rows; i++) {
    const [kind, purpose] = kinds[(i + seed) % kinds.length];
    list.push({
      'Loại thiết bị': kind, 'Mục đích sử dụng': purpose, 'Số lượng': 1 + ((i * 7 + seed) % 3),
      'Tình trạng': status[(i * 5 + seed) % status.length], 'Tổ chuyên môn': `Phòng ${(i % 40) + 101}`,
      'Năm đưa vào sử dụng': 2012 + ((i * 3 + seed) % 12), 'Ghi chú': notes[(i + seed) % notes.length] || undefined,
    });
  }
  return list;
}

if (!isMainThread) await floorWorker();
else await main();
