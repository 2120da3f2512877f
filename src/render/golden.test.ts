// Golden files: the md, json, junit and (colourless) terminal output of the sample result, vi and en,
// compared byte for byte. Regenerate after an intended change with:
//   UPDATE_GOLDEN=1 npx vitest run src/render
// and review the diff of tests/golden/ before committing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderJunit, renderTerminal, renderers, type RenderOptions } from './index.js';
import { minimalResult, sampleResult } from './sample-result.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '../../tests/golden');

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run src/render`);
  expect(actual, `${name} differs from tests/golden/${name}`).toBe(readFileSync(file, 'utf8'));
}

describe.each(['vi', 'en'] as const)('golden reports (%s)', (lang) => {
  const opts: RenderOptions = { lang, color: false };

  it('markdown', async () => golden(`sample.${lang}.md`, (await renderers.md(sampleResult(), opts)) as string));
  it('json', async () => golden(`sample.${lang}.json`, (await renderers.json(sampleResult(), opts)) as string));
  it('junit', () => golden(`sample.${lang}.junit.xml`, renderJunit([sampleResult(), minimalResult()], lang)));
  it('terminal', () => golden(`sample.${lang}.terminal.txt`, renderTerminal([sampleResult()], opts)));
  it('markdown and json of a result with nothing known', async () => {
    golden(`minimal.${lang}.md`, (await renderers.md(minimalResult(), opts)) as string);
    golden(`minimal.${lang}.json`, (await renderers.json(minimalResult(), opts)) as string);
  });
});

describe('determinism', () => {
  it('renders md, json and junit byte-identically twice, whatever the input order of the lists', async () => {
    const a = sampleResult();
    const b = sampleResult();
    b.data_issues.reverse();
    b.warnings.reverse();
    b.deadlines.reverse();
    for (const c of b.criteria) c.cells.reverse();
    for (const fmt of ['md', 'json', 'junit'] as const) {
      for (const lang of ['vi', 'en'] as const) {
        expect(await renderers[fmt](b, { lang, color: false })).toBe(await renderers[fmt](a, { lang, color: false }));
      }
    }
  });

  it('shows the generation time only when given (SOURCE_DATE_EPOCH)', async () => {
    const plain = (await renderers.md(sampleResult(), { lang: 'vi', color: false })) as string;
    const stamped = (await renderers.md(sampleResult(), { lang: 'vi', color: false, generatedAt: '2016-11-01T08:00:00.000Z' })) as string;
    expect(plain).not.toContain('2016-11-01T08:00:00');
    expect(stamped).toContain('2016-11-01T08:00:00.000Z');
    expect(await renderers.json(sampleResult(), { lang: 'vi', color: false, generatedAt: '2016-11-01T08:00:00.000Z' }))
      .toBe(await renderers.json(sampleResult(), { lang: 'vi', color: false }));
  });
});
