// main() in-process: exit codes of errors nobody expected, and what is printed for them.
import { describe, expect, test } from 'vitest';
import { main, type CliIO } from './main.js';

function io(stdout: (t: string) => void = () => undefined) {
  const err: string[] = [];
  const value: CliIO = {
    stdout, stderr: (t) => { err.push(t); }, stdoutIsTTY: false, env: {}, now: () => new Date(2025, 0, 1),
  };
  return { value, err: () => err.join('') };
}

describe('unexpected errors', () => {
  test('one line "lỗi nội bộ / internal error", exit 3, no stack', async () => {
    const t = io(() => { throw new Error('disk on fire\nsecond line'); });
    expect(await main(['fixtures/thpt-dat-chuan.xlsx', '--json'], t.value)).toBe(3);
    expect(t.err().trim()).toBe('lỗi nội bộ / internal error: disk on fire');
  });
  test('--verbose adds the stack', async () => {
    const t = io(() => { throw new Error('disk on fire'); });
    expect(await main(['fixtures/thpt-dat-chuan.xlsx', '--json', '--verbose'], t.value)).toBe(3);
    expect(t.err()).toContain('lỗi nội bộ / internal error: disk on fire');
    expect(t.err()).toMatch(/\n\s+at /);
  });
});

test('usage errors are one line and exit 2, --help exits 0', async () => {
  const t = io();
  expect(await main(['x.xlsx', '--bogus'], t.value)).toBe(2);
  expect(t.err().trim().split('\n')).toHaveLength(1);
  const out: string[] = [];
  expect(await main(['--help'], io((s) => out.push(s)).value)).toBe(0);
  expect(out.join('')).toContain('--rubric');
});
