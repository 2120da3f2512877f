// Nothing lost: reports are written to a temp file and renamed; an input is never overwritten, even when
// --out is the input folder and a report name collides with it; an interrupted run (Ctrl+C) leaves only
// complete files and no temp file, and running again overwrites cleanly; YAML files (rubric, waivers,
// mapping) are bounded in size and alias expansion.
import { spawn } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { audit, BIN, fixture, noStack, ROOT, tempDir } from './helpers.js';

const dir = tempDir('audit-hostile-lost-');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const TEMP = /\.tmp$/;
const EPOCH = { SOURCE_DATE_EPOCH: '1748649600' };

/** Every file under `root` (relative paths). */
function listAll(root: string, base = ''): string[] {
  const out: string[] = [];
  for (const n of readdirSync(join(root, base))) {
    const rel = base ? `${base}/${n}` : n;
    if (statSync(join(root, rel)).isDirectory()) out.push(...listAll(root, rel)); else out.push(rel);
  }
  return out.sort();
}

/** Each report is whole: JSON parses, xlsx unzips, Markdown and XML end as they should. */
function assertComplete(root: string): void {
  for (const f of listAll(root)) {
    expect(f, 'a temp file was left').not.toMatch(TEMP);
    const p = join(root, f);
    if (f.endsWith('.json')) expect(() => JSON.parse(readFileSync(p, 'utf8')), f).not.toThrow();
    else if (f.endsWith('.xlsx')) expect(() => unzipSync(new Uint8Array(readFileSync(p))), f).not.toThrow();
    else if (f.endsWith('.xml')) expect(readFileSync(p, 'utf8').trimEnd(), f).toMatch(/<\/testsuites>$/);
    else if (f.endsWith('.md')) expect(readFileSync(p, 'utf8').length, f).toBeGreaterThan(100);
  }
}

/** Start a command; SIGINT it once `ready(stderr, dir)` says so; resolves when it has ended. */
function interrupt(
  args: string[], ready: (stderr: string) => boolean, watch?: string,
  // When to fire on the watched folder's names (default: while a temp file exists).
  fireOn: (names: string[]) => boolean = (names) => names.some((n) => TEMP.test(n)),
): Promise<{ code: number | null; signal: string | null; stderr: string; interrupted: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, NO_COLOR: '1', ...EPOCH }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let interrupted = false;
    const fire = () => { if (!interrupted) { interrupted = true; child.kill('SIGINT'); } };
    child.stderr.on('data', (d) => { stderr += d; if (ready(stderr)) fire(); });
    // Poll for a temp file, to interrupt while one exists.
    const poll = watch ? setInterval(() => {
      try { if (fireOn(readdirSync(watch))) fire(); } catch { /* not yet created */ }
    }, 2) : undefined;
    child.on('close', (code, signal) => { if (poll) clearInterval(poll); resolve({ code, signal, stderr, interrupted }); });
  });
}

describe('an input is never overwritten', () => {
  test('--out is the input folder and the input is named like the report (83000715.audit.xlsx)', () => {
    const folder = join(dir, 'cung-thu-muc');
    mkdirSync(folder);
    const input = join(folder, '83000715.audit.xlsx');
    copyFileSync(fixture('thpt-dat-chuan.xlsx'), input);
    const before = sha(input);
    const r = audit([input, '--out', folder, '--format', 'md,xlsx,json']);
    noStack(r.stderr);
    expect(r.code, r.stderr).toBe(0);
    expect(sha(input)).toBe(before);
    // the reports are written, under a name that does not collide
    expect(readdirSync(folder).sort()).toEqual(['83000715-2.audit.json', '83000715-2.audit.md', '83000715-2.audit.xlsx', '83000715.audit.xlsx']);
  });

  test('a report name that is a symlink or a hard link to an input: the input keeps its bytes', () => {
    const folder = join(dir, 'lien-ket');
    const out = join(folder, 'out');
    mkdirSync(out, { recursive: true });
    const input = join(folder, 'truong.xlsx');
    copyFileSync(fixture('thpt-dat-chuan.xlsx'), input);
    const before = sha(input);
    symlinkSync(input, join(out, '83000715.audit.xlsx'));
    linkSync(input, join(out, '83000715.audit.md'));
    const r = audit([input, '--out', out, '--format', 'md,xlsx,json']);
    noStack(r.stderr);
    expect(sha(input)).toBe(before);
    expect(r.stderr).toMatch(/ghi đè lên tệp đầu vào|overwrite an input/); // the symlink is refused, with a clear line
  });

  test('batch with --out inside the input folder: inputs untouched', () => {
    const folder = join(dir, 'lo-cung');
    mkdirSync(folder);
    const input = join(folder, '83000715.audit.xlsx');
    copyFileSync(fixture('thpt-dat-chuan.xlsx'), input);
    copyFileSync(fixture('thpt-chua-dat.xlsx'), join(folder, 'b.xlsx'));
    const before = sha(input);
    const r = audit(['batch', folder, '--out', folder, '--format', 'md,xlsx,json', '--jobs', '1']);
    noStack(r.stderr);
    expect(sha(input)).toBe(before);
    assertComplete(folder);
  });
});

describe('an interrupted run leaves complete files only', () => {
  test('Ctrl+C while a report is being written removes its temp file', async () => {
    const out = join(dir, 'ngat');
    mkdirSync(out);
    // A writer of big files, so that the signal lands while a temp file exists.
    const script = join(dir, 'ghi.mjs');
    writeFileSync(script, `import { ReportWriter } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/cli/output.js')).href)};
const w = new ReportWriter(${JSON.stringify(out)}, []);
const data = new Uint8Array(32 * 1024 * 1024).fill(120);
for (let i = 0; i < 200; i++) await w.write('r' + i + '.audit.json', data);
`);
    const r = await interrupt([script], () => false, out);
    expect(r.interrupted).toBe(true);
    expect(r.signal).toBe('SIGINT'); // ended as Ctrl+C ends a program
    const names = readdirSync(out);
    expect(names.filter((n) => TEMP.test(n))).toEqual([]);
    for (const n of names) expect(statSync(join(out, n)).size).toBe(32 * 1024 * 1024);
  });

  test('audit of many files, interrupted after the first report, then run again', async () => {
    const folder = join(dir, 'nhieu');
    mkdirSync(folder);
    const files = Array.from({ length: 12 }, (_, i) => {
      const f = join(folder, `t${String(i).padStart(2, '0')}.xlsx`);
      copyFileSync(fixture(i % 2 ? 'thpt-chua-dat.xlsx' : 'thpt-dat-chuan.xlsx'), f);
      return f;
    });
    const out = join(dir, 'nhieu-out');
    const args = [BIN, ...files, '--out', out, '--format', 'md,xlsx,json,junit'];
    const r = await interrupt(args, (stderr) => /đã ghi|wrote/i.test(stderr), out);
    expect(r.interrupted).toBe(true);
    assertComplete(out);
    // again, to the end: same names as a clean run, same bytes for md and json
    const again = audit([...files, '--out', out, '--format', 'md,xlsx,json,junit'], { env: EPOCH });
    expect([0, 1]).toContain(again.code);
    const clean = join(dir, 'nhieu-sach');
    audit([...files, '--out', clean, '--format', 'md,xlsx,json,junit'], { env: EPOCH });
    expect(listAll(out)).toEqual(listAll(clean));
    for (const f of listAll(clean).filter((n) => /\.(md|json)$/.test(n))) expect(sha(join(out, f)), f).toBe(sha(join(clean, f)));
    assertComplete(out);
  });

  test('batch interrupted while it writes, then run again', async () => {
    const folder = join(dir, 'lo-ngat');
    mkdirSync(folder);
    for (let i = 0; i < 40; i++) copyFileSync(fixture(i % 2 ? 'thpt-chua-dat.xlsx' : 'lien-cap-th-thcs.xlsx'), join(folder, `t${String(i).padStart(2, '0')}.xlsx`));
    const out = join(dir, 'lo-ngat-out');
    // Workers write each report in a blink, so a temp file is rarely seen: fire once the first reports exist.
    const r = await interrupt([BIN, 'batch', folder, '--out', out, '--format', 'md,xlsx,json', '--jobs', '2'], () => false, join(out, 'schools'), (names) => names.length > 0);
    expect(r.interrupted).toBe(true);
    // whatever was left is complete and visible; no temp or provisional (hidden) report remains
    assertComplete(out);
    expect(listAll(out).filter((f) => f.split('/').pop()!.startsWith('.'))).toEqual([]);
    const again = audit(['batch', folder, '--out', out, '--format', 'md,xlsx,json', '--jobs', '2'], { env: EPOCH });
    noStack(again.stderr);
    expect([0, 1]).toContain(again.code);
    assertComplete(out);
    expect(listAll(out).filter((f) => f.startsWith('schools/') && f.endsWith('.json'))).toHaveLength(40);
  });
});

describe('YAML files are bounded: size and alias expansion', () => {
  const lol = () => {
    let s = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) s += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    return s;
  };
  const yamls: [string, () => string, RegExp][] = [
    ['billion laughs (10^10 nodes through aliases)', lol, /bí danh|aliases/],
    ['a file over the size limit', () => `id: x\n# ${'x'.repeat(2 * 1024 * 1024)}\n`, /lớn hơn|larger than/],
    ['nesting 30 000 deep', () => `id: ${'['.repeat(30_000)}${']'.repeat(30_000)}\n`, /./],
  ];
  const run = (args: string[]) => {
    const t0 = performance.now();
    const r = audit(args);
    return { ...r, ms: performance.now() - t0 };
  };
  test.each(yamls)('%s: rubric, waivers and mapping files are refused in seconds, exit 2', (name, text, words) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
    writeFileSync(file, text());
    for (const args of [
      ['rubric', 'lint', file],
      [fixture('thpt-dat-chuan.xlsx'), '--rubric', file],
      [fixture('thpt-dat-chuan.xlsx'), '--waivers', file],
      [fixture('thpt-dat-chuan.xlsx'), '--mapping', file],
    ]) {
      const r = run(args);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stdout + r.stderr).toMatch(words); // rubric lint lists problems on stdout
      noStack(r.stderr);
      expect(r.ms).toBeLessThan(5000);
    }
  });
});
