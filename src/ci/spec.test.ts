import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { deadlineCrons, shellQuote } from './spec.js';

describe('deadlineCrons: daily in the 14 days up to the deadline, 08:17 Vietnam time', () => {
  test('within one month', () => {
    expect(deadlineCrons('2025-05-31')).toEqual(['17 1 18-31 5 *']);
  });
  test('across two months (and a leap February)', () => {
    expect(deadlineCrons('2025-06-05')).toEqual(['17 1 23-31 5 *', '17 1 1-5 6 *']);
    expect(deadlineCrons('2024-03-10')).toEqual(['17 1 26-31 2 *', '17 1 1-10 3 *']);
  });
});

describe('shellQuote', () => {
  test.each(['ho-so/', 'ben-tre-2782@1', 'hồ sơ/2024/', "l'an", 'a b$c`d"e', 'git+https://x/a.git#v1'])('%s reaches the program as itself', (word) => {
    const r = spawnSync('bash', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' });
    expect(r.stdout).toBe(word);
  });
  test('plain words stay plain', () => {
    expect(shellQuote('ho-so/')).toBe('ho-so/');
    expect(shellQuote('hồ sơ/')).toBe("'hồ sơ/'");
  });
});
