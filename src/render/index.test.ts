import { describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ exceljsLoaded: false }));
vi.mock('exceljs', async (importOriginal) => {
  state.exceljsLoaded = true;
  return importOriginal();
});

const { FORMATS, REPORT_SUFFIX, isFormat, renderers } = await import('./index.js');
const { sampleResult } = await import('./sample-result.js');

describe('renderer registry', () => {
  it('does not load exceljs until an xlsx is rendered', async () => {
    await renderers.md(sampleResult(), { lang: 'vi', color: false });
    await renderers.json(sampleResult(), { lang: 'vi', color: false });
    await renderers.junit(sampleResult(), { lang: 'vi', color: false });
    expect(state.exceljsLoaded).toBe(false);
    const bytes = await renderers.xlsx(sampleResult(), { lang: 'vi', color: false });
    expect(state.exceljsLoaded).toBe(true);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes as Uint8Array).subarray(0, 2).toString()).toBe('PK');
  });

  it('has a renderer and a file suffix for every format', async () => {
    expect(FORMATS).toEqual(['md', 'xlsx', 'json', 'junit']);
    for (const f of FORMATS) {
      expect(typeof renderers[f]).toBe('function');
      expect(REPORT_SUFFIX[f]).toMatch(/^\.audit\./);
    }
    for (const f of ['md', 'json', 'junit'] as const) expect(typeof await renderers[f](sampleResult(), { lang: 'en', color: false })).toBe('string');
    expect(isFormat('md')).toBe(true);
    expect(isFormat('pdf')).toBe(false);
  });
});
