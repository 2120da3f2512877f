import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RubricError, UsageError } from '../errors.js';
import { format } from '../messages/format.js';
import { loadRubricText } from './load.js';
import { BUILTIN_RUBRICS_DIR } from '../node/platform.js';
import { builtinRegistry, compareVersions, readHeader, RubricRegistry, type RubricEntry } from './registry.js';

const DIR = 'tests/rubrics/registry';
const reg = () => new RubricRegistry(DIR);
const entry = (r: RubricRegistry, ref: string): RubricEntry => {
  const f = r.find(ref);
  if ('error' in f) throw new Error(ref);
  return f.entry;
};

describe('RubricRegistry: finding rubrics', () => {
  it('lists ids and versions from the folder layout, newest first', () => {
    const r = reg();
    expect(r.ids()).toEqual(['child-rubric', 'cycle-a', 'cycle-b', 'district-rubric', 'parent-rubric', 'wrong-name']);
    expect(r.versions('parent-rubric')).toEqual(['2.0.0', '1.1.0', '1.0.0']);
  });

  it.each([
    ['parent-rubric', '2.0.0'], ['parent-rubric@1', '1.1.0'], ['parent-rubric@1.0', '1.0.0'],
    ['parent-rubric@1.0.0', '1.0.0'], ['parent-rubric@2', '2.0.0'],
  ])('%s → %s', (ref, version) => {
    const found = reg().find(ref);
    expect('entry' in found && found.entry.version).toBe(version);
  });

  it('an unknown id or version says which exist', () => {
    const r = reg();
    const e1 = r.find('parent');
    expect('error' in e1 && e1.error.code).toBe('rubric.unknown');
    const e2 = r.find('parent-rubric@3');
    expect('error' in e2 && format(e2.error, 'en')).toBe('Rubric "parent-rubric" has no version "3". Its versions are: 2.0.0, 1.1.0, 1.0.0');
    expect(() => r.get('parent')).toThrow(UsageError);
  });

  it('compares versions numerically', () => {
    expect(['1.10.0', '1.9.0', '1.2.3', '10.0.0'].sort(compareVersions)).toEqual(['1.2.3', '1.9.0', '1.10.0', '10.0.0']);
  });

  it('a missing folder is an empty registry', () => {
    expect(new RubricRegistry(join(DIR, 'nope')).entries()).toEqual([]);
  });
});

describe('RubricRegistry: extends', () => {
  it('a child gets its parent\'s criteria, merged overrides, removals, scoring and sources', () => {
    const child = reg().get('child-rubric');
    expect(child.parents).toEqual(['parent-rubric@1.1.0']); // @1 = newest 1.x, recorded exactly
    expect(child.criteria.map((c) => c.id)).toEqual(['1.plan', '1.computers', '2.wifi', '3.website']);
    const computers = child.criteria.find((c) => c.id === '1.computers')!;
    expect(computers).toMatchObject({ weight: 3, clause: '1', check: { metric: 'computers.quan_ly', op: '>=', value: 3 }, hint: { vi: 'Mua máy' } });
    expect(child.scoring.pass).toEqual({ min_score: 70, all_required: true });
    expect(child.scoring.bands?.map((b) => b.id)).toEqual(['tot', 'yeu']);
    expect(child.sources.map((s) => s.id)).toEqual(['tt03']);
    // Scope: the child's province over the parent's levels and years.
    expect(child.applies_to).toEqual({ provinces: ['Tỉnh Bến Tre'], levels: ['tieu_hoc', 'thcs', 'thpt'], school_years: { from: '2018-2019', to: '2021-2022' } });
  });

  it('a user file may extend a built-in, exactly; another kind of check replaces the parent\'s', () => {
    const r = reg().loadFile('tests/rubrics/child-file.yaml');
    expect(r.problems).toEqual([]);
    expect(r.rubric!.parents).toEqual(['parent-rubric@1.0.0']);
    const c = r.rubric!.criteria.find((x) => x.id === '1.computers')!;
    expect(c.check).toEqual({ require: 'lan' });
    expect(c.hint).toEqual({ vi: 'Mua máy', en: 'Build a LAN' });
    expect(c.weight).toBe(2);
  });

  it('a child\'s school_years is its own range, not merged with the parent\'s', () => {
    const r = reg().loadFile('tests/rubrics/child-years.yaml');
    expect(r.problems).toEqual([]);
    expect(r.rubric!.applies_to).toEqual({ levels: ['tieu_hoc', 'thcs', 'thpt'], school_years: { from: '2022-2023' } });
  });

  it('the child\'s sha256 changes when the parent it resolves to changes', () => {
    const text = readFileSync('tests/rubrics/child-file.yaml', 'utf8');
    const r = reg();
    const a = loadRubricText(text, 'c.yaml', { resolveParent: r.resolveParent }).rubric!;
    const b = loadRubricText(text.replace('parent-rubric@1.0.0', 'parent-rubric@1.1.0'), 'c.yaml', { resolveParent: r.resolveParent }).rubric!;
    expect(b.parents).toEqual(['parent-rubric@1.1.0']);
    expect(b.sha256).not.toBe(a.sha256);
  });

  it('reports a cycle at the extends line', () => {
    const r = reg();
    const res = r.loadEntry(entry(r, 'cycle-a'));
    expect(res.rubric).toBeNull();
    const lines = res.problems.map((p) => `${p.file.split('/').slice(-2).join('/')}:${p.line}: ${format(p.message, 'en')}`);
    expect(lines).toEqual([
      'cycle-a/1.0.0.yaml:8: The rubric it extends (cycle-b@1.0.0) has problems (listed with its file name)',
      'cycle-b/1.0.0.yaml:8: "extends" goes round in a loop: cycle-a@1.0.0 → cycle-b@1.0.0 → cycle-a@1.0.0',
    ]);
    expect(() => r.get('cycle-a')).toThrow(RubricError);
  });

  it('a built-in\'s id and version must match its folder and file name', () => {
    const r = reg();
    const res = r.loadEntry(entry(r, 'wrong-name'));
    expect(res.problems.map((p) => [p.line, p.message.code])).toEqual([[2, 'rubric.id_mismatch'], [3, 'rubric.version_mismatch']]);
  });

  it('unknown parents and versions are reported at the extends line', () => {
    const base = 'schema: audit-rubric/v1\nid: x\nversion: 1.0.0\ntitle: { vi: "X" }\nissuer: "I"\ndocument: { number: "1", date: 2020-01-01 }\n';
    const r1 = loadRubricText(`${base}extends: nobody@1\n`, 'x.yaml', { resolveParent: reg().resolveParent });
    expect(r1.problems.map((p) => [p.line, p.message.code])).toEqual([[7, 'rubric.extends_unknown']]);
    const r2 = loadRubricText(`${base}extends: parent-rubric@7\n`, 'x.yaml', { resolveParent: reg().resolveParent });
    expect(format(r2.problems[0]!.message, 'en')).toBe('Rubric parent-rubric has no version matching "parent-rubric@7"; its versions are: 2.0.0, 1.1.0, 1.0.0');
    const r3 = loadRubricText(`${base}extends: parent-rubric@1\nremove: [1.plann]\ncriteria:\n  - { id: 1.plan, weight: -1 }\n`, 'x.yaml', { resolveParent: reg().resolveParent });
    expect(r3.problems.map((p) => [p.line, format(p.message, 'en')])).toEqual([
      [8, '"remove" names "1.plann", which parent-rubric@1.1.0 does not have (did you mean "1.plan"?)'],
      [10, '"weight" must be greater than 0, not -1'],
    ]);
  });

  it('caches loads: the same object comes back', () => {
    const r = reg();
    expect(r.get('parent-rubric@1')).toBe(r.get('parent-rubric@1.1.0'));
  });
});

describe('RubricRegistry: headers and list', () => {
  it('reads a header without the criteria, with the parent\'s scope merged in', () => {
    const r = reg();
    const h = r.header(entry(r, 'child-rubric'))!;
    expect(h).toMatchObject({ id: 'child-rubric', issuer: 'Sở GD&ĐT Bến Tre', extends: 'parent-rubric@1', document: { number: '2/C', date: '2019-10-01' } });
    expect(h.applies_to.school_years).toEqual({ from: '2018-2019', to: '2021-2022' });
  });

  it('cuts criteria written as a column-0 list too', () => {
    const text = 'schema: audit-rubric/v1\nid: a\ncriteria:\n- id: x\n  check: { require: lan }\nexamples:\n- name: e\napplies_to: { provinces: [Huế] }\n';
    expect(readHeader(text, { id: 'a', version: '1.0.0', file: 'a.yaml' })!.applies_to).toEqual({ provinces: ['Huế'] });
  });

  it('lists every built-in with its facts, and the problems of broken ones', () => {
    const list = reg().list();
    const parent = list.find((s) => s.id === 'parent-rubric' && s.version === '1.1.0')!;
    expect(parent).toMatchObject({ issuer: 'Bộ GD&ĐT', document: { number: '1/P', date: '2018-12-21' }, school_years: { from: '2018-2019', to: '2021-2022' }, criteria: 4 });
    expect(parent.problems).toBeUndefined();
    const child = list.find((s) => s.id === 'child-rubric')!;
    expect(child.criteria).toBe(4);
    const broken = list.find((s) => s.id === 'cycle-a')!;
    expect(broken.criteria).toBeNull();
    expect(broken.problems!.length).toBeGreaterThan(0);
  });
});

describe('RubricRegistry: compiled rubrics', () => {
  const setup = () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-rubrics-'));
    cpSync(DIR, dir, { recursive: true });
    const compiled = new RubricRegistry(dir).compileAll();
    // Mark every compiled rubric, so a test can tell where a rubric came from.
    for (const c of compiled.rubrics) c.rubric.title = { vi: `compiled ${c.rubric.title.vi}` };
    const file = join(dir, 'compiled.json');
    writeFileSync(file, JSON.stringify(compiled));
    return { dir, file, compiled, done: () => rmSync(dir, { recursive: true, force: true }) };
  };

  it('holds every built-in that loads, resolved, with relative paths', () => {
    const { compiled, done } = setup();
    expect(compiled.rubrics.map((c) => c.file).sort()).toEqual([
      'child-rubric/1.0.0.yaml', 'district-rubric/1.0.0.yaml', 'parent-rubric/1.0.0.yaml', 'parent-rubric/1.1.0.yaml', 'parent-rubric/2.0.0.yaml',
    ]);
    done();
  });

  it('is used while the YAML is unchanged, and gives the same rubric as reading the YAML', () => {
    const { dir, file, done } = setup();
    const fast = new RubricRegistry(dir, file).get('child-rubric');
    const live = new RubricRegistry(dir).get('child-rubric');
    expect(fast.title.vi).toBe('compiled Bộ con Bến Tre');
    expect({ ...fast, title: live.title }).toEqual(live);
    expect(new RubricRegistry(dir, file).header(entry(new RubricRegistry(dir), 'child-rubric'))).toEqual(new RubricRegistry(dir).header(entry(new RubricRegistry(dir), 'child-rubric')));
    done();
  });

  it('is not used when the file, a parent, or the parent `extends` resolves to has changed', () => {
    const a = setup();
    appendFileSync(join(a.dir, 'child-rubric/1.0.0.yaml'), '# edited\n');
    expect(new RubricRegistry(a.dir, a.file).get('child-rubric').title.vi).toBe('Bộ con Bến Tre');
    expect(new RubricRegistry(a.dir, a.file).get('parent-rubric@1.0.0').title.vi).toBe('compiled Bộ cha 1.0');
    a.done();

    const b = setup();
    appendFileSync(join(b.dir, 'parent-rubric/1.1.0.yaml'), '# edited\n');
    expect(new RubricRegistry(b.dir, b.file).get('child-rubric').title.vi).toBe('Bộ con Bến Tre');
    b.done();

    const c = setup();
    cpSync(join(c.dir, 'parent-rubric/1.1.0.yaml'), join(c.dir, 'parent-rubric/1.2.0.yaml'));
    writeFileSync(join(c.dir, 'parent-rubric/1.2.0.yaml'), readFileSync(join(c.dir, 'parent-rubric/1.2.0.yaml'), 'utf8').replace('version: 1.1.0', 'version: 1.2.0'));
    const child = new RubricRegistry(c.dir, c.file).get('child-rubric');
    expect(child.title.vi).toBe('Bộ con Bến Tre');
    expect(child.parents).toEqual(['parent-rubric@1.2.0']);
    c.done();
  });

  it('a missing or foreign compiled file is ignored', () => {
    expect(new RubricRegistry(DIR, join(DIR, 'none.json')).get('child-rubric').title.vi).toBe('Bộ con Bến Tre');
  });
});

describe('built-in rubrics', () => {
  it('the built-in folder is the package\'s rubrics/ folder', () => {
    expect(BUILTIN_RUBRICS_DIR.replace(/\\/g, '/')).toMatch(/\/rubrics\/$/);
  });

  it('every built-in rubric loads without problems', () => {
    const problems = builtinRegistry().list().flatMap((s) => (s.problems ?? []).map((p) => `${p.file}:${p.line}:${p.col}: ${format(p.message, 'en')}`));
    expect(problems).toEqual([]);
  });
});
