// One school's audit: (Inventory, Rubric) → AuditResult. Pure: the caller reads files and renders.
import type { Inventory } from '../inventory/types.js';
import type { Rubric } from '../rubric/schema.js';
import { evaluateCriteria } from './evaluate.js';
import { passRuleOf, scoreCriteria } from './score.js';
import type { AuditResult, CriterionResult, DeadlineResult, Warning, Waiver } from './types.js';

export interface AuditOptions {
  /** yyyy-mm-dd: the day deadlines and waiver expiry are judged against. */
  asOf: string;
  waivers?: Waiver[];
  source: { file: string; sha256: string };
  tool: { name: string; version: string };
  /** Warnings found before the audit (e.g. a rubric chosen outside its school years), kept first. */
  warnings?: Warning[];
}

// One definition of who the school is; re-exported for the callers that import it from here.
export { schoolIdentity } from '../inventory/plain.js';
import { schoolIdentity } from '../inventory/plain.js';

const DAY = 86_400_000;
const utc = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));

/** Days from `asOf` to `date` (negative once past). */
export const daysBetween = (asOf: string, date: string): number => Math.round((utc(date) - utc(asOf)) / DAY);

export function deadlines(rubric: Rubric, asOf: string): DeadlineResult[] {
  return rubric.deadlines
    .map((d) => ({ id: d.id, date: d.date, title: d.title, days_left: daysBetween(asOf, d.date) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function summarize(criteria: CriterionResult[]): AuditResult['summary'] {
  const s = { pass: 0, fail: 0, missing: 0, not_applicable: 0, waived: 0 };
  for (const c of criteria) s[c.status] += 1;
  return s;
}

export function auditInventory(inv: Inventory, rubric: Rubric, opts: AuditOptions): AuditResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new Error(`asOf must be yyyy-mm-dd: ${opts.asOf}`);
  const { criteria, warnings } = evaluateCriteria(inv, rubric, { asOf: opts.asOf, waivers: opts.waivers ?? [] });
  const { score, status, band, groups } = scoreCriteria(criteria, rubric.scoring);
  return {
    tool: { name: opts.tool.name, version: opts.tool.version },
    rubric: {
      id: rubric.id,
      version: rubric.version,
      title: rubric.title,
      sha256: rubric.sha256,
      issuer: rubric.issuer,
      document: { number: rubric.document.number, date: rubric.document.date },
    },
    school: schoolIdentity(inv),
    source: { file: opts.source.file, sha256: opts.source.sha256 },
    as_of: opts.asOf,
    score,
    status,
    band,
    groups,
    pass_rule: passRuleOf(rubric.scoring),
    has_bands: (rubric.scoring.bands?.length ?? 0) > 0,
    summary: summarize(criteria),
    criteria,
    data_issues: inv.issues.map((i) => ({ ...i, args: { ...i.args } })),
    warnings: [...(opts.warnings ?? []), ...warnings],
    deadlines: deadlines(rubric, opts.asOf),
  };
}
