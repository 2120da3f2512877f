// Property tests of the engine: any inventory in its plain form (any declared, unusable or absent
// field, any rows) audited against every built-in rubric, on any day, with any waivers, gives a result
// that keeps the contract: each criterion one of the five statuses, points within 0..weight (null
// exactly when not applicable or waived), a summary that adds up, a score in range, the same result
// twice, and reports that render.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INFO_FIELDS, VOCAB, type FieldDef, type VocabName } from '../inventory/fields.js';
import { inventoryFromPlain } from '../inventory/plain.js';
import { builtinRegistry, loadRubric } from '../rubric/registry.js';
import type { Rubric } from '../rubric/schema.js';
import { renderMarkdownText } from '../render/markdown.js';
import { stringifyJson, toResultJson } from '../render/json.js';
import { junitSuite } from '../render/junit.js';
import { auditInventory } from './audit.js';
import type { Waiver } from './types.js';

const RUBRICS: Rubric[] = builtinRegistry().entries().map((e) => loadRubric(`${e.id}@${e.version}`));
const STATUSES = ['pass', 'fail', 'missing', 'not_applicable', 'waived'];
const keysOf = (v: VocabName) => (VOCAB[v] as readonly { key: string }[]).map((e) => e.key);

const isoDate = fc.date({ min: new Date(Date.UTC(2010, 0, 1)), max: new Date(Date.UTC(2035, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const count = fc.oneof(fc.nat(5), fc.nat(2000), fc.constantFrom(0, 1, 10_000_000));

/** A plain value of a field's type; `null` = declared but unusable. */
function valueOf(f: FieldDef): fc.Arbitrary<unknown> {
  const t = f.type;
  let v: fc.Arbitrary<unknown>;
  if (typeof t === 'object') {
    const keys = keysOf(t.vocab);
    v = t.multi ? fc.uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: keys.length }) : fc.constantFrom(...keys);
  } else {
    switch (t) {
      case 'count': v = count; break;
      case 'number': v = fc.oneof(fc.double({ min: 0, max: 10_000, noNaN: true }), fc.constantFrom(0, 1e9)); break;
      case 'year': v = fc.integer({ min: 1990, max: 2030 }); break;
      case 'yesno': v = fc.boolean(); break;
      case 'date': v = isoDate; break;
      case 'school_year': v = fc.integer({ min: 2014, max: 2030 }).map((y) => `${y}-${y + 1}`); break;
      case 'province': v = fc.constantFrom('Bến Tre', 'Cao Bằng', 'Bắc Giang', 'TP.HCM', 'Quảng Ninh', 'Atlantis'); break;
      case 'url': v = fc.constantFrom('https://thpt.edu.vn', 'http://x', 'not a url'); break;
      case 'email': v = fc.constantFrom('a@b.edu.vn', 'x@y'); break;
      default: v = fc.oneof(fc.constantFrom('83000715', 'Uông Bí', 'Giồng Trôm', '', '__proto__'), fc.string({ maxLength: 8 }));
    }
  }
  return fc.oneof({ weight: 8, arbitrary: v }, { weight: 1, arbitrary: fc.constant(null) });
}

/** A plain row: each field present (maybe unusable) or absent. */
const row = (fields: [string, fc.Arbitrary<unknown>][]) => fc.record(Object.fromEntries(fields), { requiredKeys: [] });

const equipment = row([
  ['kind', fc.oneof(fc.constantFrom('may_tinh_de_ban', 'may_tinh_xach_tay'), fc.constantFrom(...keysOf('kind')), fc.constant(null))],
  ['purpose', fc.oneof(fc.constantFrom(...keysOf('purpose')), fc.constant(null))],
  ['quantity', fc.oneof(count, fc.constant(null))],
  ['status', fc.oneof(fc.constantFrom(...keysOf('status')), fc.constant(null))],
  ['group', fc.string({ maxLength: 6 })],
  ['year', fc.integer({ min: 1990, max: 2030 })],
]);
const software = row([
  ['name', fc.constantFrom('vnEdu', 'SMAS', 'CSDL ngành', 'x')],
  ['function', fc.oneof(fc.uniqueArray(fc.constantFrom(...keysOf('function')), { minLength: 1, maxLength: 4 }), fc.constant(null))],
  ['in_use', fc.oneof(fc.boolean(), fc.constant(null))],
  ['license', fc.constantFrom(...keysOf('license'))],
  ['csdl_connected', fc.boolean()],
]);
const teachers = row([
  ['group', fc.oneof(fc.constantFrom('Toán', 'Ngữ văn', 'Tin học', '__proto__', 'constructor'), fc.constant(null))],
  ['elearning_lessons', fc.oneof(count, fc.constant(null))],
  ['it_standard', fc.oneof(fc.boolean(), fc.constant(null))],
  ['it_trained', fc.boolean()],
  ['uses_it', fc.boolean()],
]);

const plainInventory = fc.record({
  info: fc.record(Object.fromEntries(INFO_FIELDS.map((f) => [f.key, valueOf(f)])), { requiredKeys: [] }),
  equipment: fc.option(fc.array(equipment, { maxLength: 12 }), { nil: undefined }),
  software: fc.option(fc.array(software, { maxLength: 8 }), { nil: undefined }),
  teachers: fc.option(fc.array(teachers, { maxLength: 15 }), { nil: undefined }),
}).map(({ info, ...lists }) => {
  const plain: Record<string, unknown> = { ...info };
  for (const [k, v] of Object.entries(lists)) if (v !== undefined) plain[k] = v;
  return plain;
});

const waiversFor = (rubric: Rubric) => fc.subarray(rubric.criteria.map((c) => c.id), { maxLength: Math.min(3, rubric.criteria.length) }).chain((ids) =>
  fc.tuple(...ids.map((id) => fc.record({
    school: fc.constantFrom('83000715', '*'),
    criterion: fc.constant(id),
    reason: fc.constant('fuzz'),
    expires: isoDate,
  })))) as fc.Arbitrary<Waiver[]>;

/** A rubric by its position (a counterexample prints a number, not the whole rubric) and waivers for it. */
const rubricAndWaivers = fc.nat(RUBRICS.length - 1).chain((i) => fc.tuple(fc.constant(i), waiversFor(RUBRICS[i]!)));

describe('auditInventory on any inventory, rubric, day and waivers', () => {
  it('keeps the result contract', () => {
    fc.assert(fc.property(plainInventory, rubricAndWaivers, isoDate, (plain, [which, waivers], asOf) => {
      const rubric = RUBRICS[which]!;
      const inv = inventoryFromPlain(plain);
      const opts = { asOf, waivers, source: { file: 'x.xlsx', sha256: '0' }, tool: { name: 'audit', version: 'fuzz' } };
      const r = auditInventory(inv, rubric, opts);
      expect(r.criteria.map((c) => c.id)).toEqual(rubric.criteria.map((c) => c.id));
      for (const c of r.criteria) {
        expect(STATUSES).toContain(c.status);
        if (c.status === 'not_applicable' || c.status === 'waived') expect(c.points).toBeNull();
        else {
          expect(c.points).not.toBeNull();
          expect(c.points!).toBeGreaterThanOrEqual(0);
          expect(c.points!).toBeLessThanOrEqual(c.weight + 1e-9);
        }
      }
      const s = r.summary;
      expect(s.pass + s.fail + s.missing + s.not_applicable + s.waived).toBe(r.criteria.length);
      if (r.score !== null) {
        expect(r.score).toBeGreaterThanOrEqual(0);
        const max = (rubric.scoring.scale ?? 'percent') === 'percent' ? 100 : rubric.criteria.reduce((n, c) => n + c.weight, 0);
        expect(r.score).toBeLessThanOrEqual(max + 1e-9);
      }
      expect(['pass', 'fail']).toContain(r.status);
      // pure: the same inputs give the same result
      expect(auditInventory(inventoryFromPlain(plain), rubric, opts)).toEqual(r);
      for (const lang of ['vi', 'en'] as const) {
        expect(renderMarkdownText(r, { lang, color: false })).not.toContain('undefined');
        JSON.parse(stringifyJson(toResultJson(r, lang)));
        junitSuite(r, lang);
      }
    }), { numRuns: 300 });
  });
});
