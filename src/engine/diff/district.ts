// The district view of a diff: what changed in the rubrics, pass rates per criterion over the schools
// present on both sides (a school that left or joined does not move a rate), schools per band, and the
// district criteria (shares of the whole of each side, as the rubric defines them).
import type { Severity } from '../types.js';
import type { Side, SideDistrict, SideRubric, SideSchool } from './side.js';
import { rubricKey } from './side.js';
import { ruleFields } from './criterion.js';
import type {
  BandMove, CriterionRateDiff, DiffReport, DistrictCount, DistrictDiff, RateCount, RubricChange, SchoolDiff, SideSummary,
} from './types.js';
import { byText, isFailing, round } from './util.js';

/** Each rubric id used on both sides with a different version or contents: criteria added, removed, changed. */
export function rubricChanges(
  oldSide: SideSummary, newSide: SideSummary, oldRubrics: Map<string, SideRubric>, newRubrics: Map<string, SideRubric>,
): RubricChange[] {
  const out: RubricChange[] = [];
  const newest = (rs: SideSummary['rubrics'], id: string) => rs.filter((r) => r.id === id).at(-1);
  const ids = [...new Set(oldSide.rubrics.map((r) => r.id))].filter((id) => newSide.rubrics.some((r) => r.id === id)).sort(byText);
  for (const id of ids) {
    for (const o of oldSide.rubrics.filter((r) => r.id === id)) {
      const n = newest(newSide.rubrics, id)!;
      if (rubricKey(o) === rubricKey(n)) continue;
      const oR = oldRubrics.get(rubricKey(o))!;
      const nR = newRubrics.get(rubricKey(n))!;
      const oDefs = new Map(oR.criteria.map((c) => [c.id, c]));
      const nDefs = new Map(nR.criteria.map((c) => [c.id, c]));
      out.push({
        rubric: id,
        old: o,
        new: n,
        added: nR.criteria.filter((c) => !oDefs.has(c.id)),
        removed: oR.criteria.filter((c) => !nDefs.has(c.id)),
        changed: nR.criteria.flatMap((c) => {
          const prev = oDefs.get(c.id);
          const fields = prev ? ruleFields(prev, c) : [];
          return prev && fields.length ? [{ id: c.id, title: c.title, old: prev, new: c, fields }] : [];
        }),
      });
    }
  }
  return out;
}

type Rate = RateCount & { title: string; severity: Severity };

/** Pass rate of every criterion (passed / applicable) over some schools, by rubric id and criterion id. */
function passRates(schools: readonly SideSchool[], rubrics: Map<string, SideRubric>): Map<string, Rate> {
  const out = new Map<string, Rate>();
  for (const s of schools) {
    const defs = rubrics.get(rubricKey(s.rubric))?.criteria ?? [];
    for (const c of s.criteria) {
      const def = defs.find((d) => d.id === c.id);
      const key = `${s.rubric.id}\u0000${c.id}`;
      const row = out.get(key) ?? { pass: 0, applicable: 0, rate: null, title: def?.title ?? c.id, severity: def?.severity ?? 'required' };
      if (c.status === 'pass' || isFailing(c.status)) row.applicable += 1;
      if (c.status === 'pass') row.pass += 1;
      row.rate = row.applicable === 0 ? null : round(row.pass / row.applicable, 4);
      out.set(key, row);
    }
  }
  return out;
}

/** Pass rates before and after over the same schools: the pairs matched by code. */
export function rateDiffs(
  pairs: readonly { old: SideSchool; new: SideSchool }[], oldSide: Side, newSide: Side,
  oldRubrics: Map<string, SideRubric>, newRubrics: Map<string, SideRubric>,
): CriterionRateDiff[] {
  const o = passRates(pairs.map((p) => p.old), oldRubrics);
  const n = passRates(pairs.map((p) => p.new), newRubrics);
  // Rubric order: the new side's rubrics' criteria, then criteria only the old side has.
  const order: string[] = [];
  const seen = new Set<string>();
  const addOrder = (side: Side) => {
    for (const r of [...side.rubrics].sort((a, b) => byText(a.id, b.id))) {
      for (const c of r.criteria) {
        const key = `${r.id}\u0000${c.id}`;
        if (!seen.has(key) && (o.has(key) || n.has(key))) { seen.add(key); order.push(key); }
      }
    }
  };
  addOrder(newSide);
  addOrder(oldSide);
  const rubricOf = (key: string) => key.split('\u0000')[0]!;
  order.sort((a, b) => byText(rubricOf(a), rubricOf(b)));
  return order.map((key) => {
    const [rubric, id] = key.split('\u0000') as [string, string];
    const oldRow = o.get(key);
    const newRow = n.get(key);
    const count = (r: typeof oldRow): RateCount | null => (r ? { pass: r.pass, applicable: r.applicable, rate: r.rate } : null);
    return {
      rubric, id, title: (newRow ?? oldRow)!.title, severity: (newRow ?? oldRow)!.severity,
      old: count(oldRow), new: count(newRow),
      delta: oldRow?.rate != null && newRow?.rate != null ? round(newRow.rate - oldRow.rate, 4) : null,
    };
  });
}

function districtTotals(rows: SideDistrict[] | null): Map<string, { title: string; count: DistrictCount }> {
  const out = new Map<string, { title: string; count: DistrictCount }>();
  for (const d of rows ?? []) {
    const key = `${d.rubric_id}\u0000${d.id}`;
    const prev = out.get(key);
    const numerator = (prev?.count.numerator ?? 0) + d.numerator;
    const denominator = (prev?.count.denominator ?? 0) + d.denominator;
    const share = denominator === 0 ? null : numerator / denominator;
    const min = prev?.count.min ?? d.min;
    out.set(key, {
      title: prev?.title ?? d.title,
      count: { numerator, denominator, share: share === null ? null : round(share, 4), min, status: share === null ? 'missing' : share >= min ? 'pass' : 'fail' },
    });
  }
  return out;
}

export function districtDiffs(oldSide: Side, newSide: Side): DistrictDiff[] {
  const o = districtTotals(oldSide.district);
  const n = districtTotals(newSide.district);
  const keys = [...new Set([...n.keys(), ...o.keys()])];
  return keys.map((key) => {
    const [rubric, id] = key.split('\u0000') as [string, string];
    return { rubric, id, title: (n.get(key) ?? o.get(key))!.title, old: o.get(key)?.count ?? null, new: n.get(key)?.count ?? null };
  }).sort((a, b) => byText(a.rubric, b.rubric));
}

/** Schools that changed band, and schools per band on each side (each school counted once). */
export function bandView(
  schools: SchoolDiff[], oldSchools: readonly SideSchool[], newSchools: readonly SideSchool[], oldSide: Side, newSide: Side,
): DiffReport['bands'] {
  const moves: BandMove[] = schools
    .filter((s) => (s.old.band?.id ?? null) !== (s.new.band?.id ?? null))
    .map((s) => ({ code: s.code, name: s.name, old: s.old.band, new: s.new.band }))
    .sort((a, b) => byText(a.code, b.code));
  const labels = new Map<string, string | null>();
  for (const r of [...newSide.rubrics, ...oldSide.rubrics]) for (const b of r.bands) if (!labels.has(b.id)) labels.set(b.id, b.label);
  const counts = new Map<string, { old: number; new: number }>();
  const count = (list: readonly SideSchool[], which: 'old' | 'new') => {
    for (const s of list) {
      if (s.band === null) continue;
      const c = counts.get(s.band) ?? { old: 0, new: 0 };
      c[which] += 1;
      counts.set(s.band, c);
    }
  };
  count(oldSchools, 'old');
  count(newSchools, 'new');
  // Bands in the rubrics' order (highest first), then any others by id.
  const order = [...labels.keys()];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return {
    moves,
    counts: [...counts.entries()]
      .sort((a, b) => rank(a[0]) - rank(b[0]) || byText(a[0], b[0]))
      .map(([id, c]) => ({ id, label: labels.get(id) ?? null, old: c.old, new: c.new })),
  };
}
