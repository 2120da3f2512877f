// Checking the values of command-line options that several commands share (--format, --as-of): one
// rule and one message each, whichever command takes them.
import { UsageError } from '../errors.js';

export const usage = (code: string, args: Record<string, string> = {}): never => {
  throw new UsageError({ code, args });
};

/** A real calendar day written yyyy-mm-dd (one rule with the page's: src/engine/as-of.ts). */
export { isIsoDate } from '../engine/as-of.js';
import { isIsoDate } from '../engine/as-of.js';

/**
 * `--format md,json` → the formats asked for, in `allowed`'s order. Unknown or empty → `badCode`;
 * formats without `--out` → cli.format_needs_out. No `--format`: `defaults` when there is an --out, else none.
 */
export function parseFormats<F extends string>(
  value: string | undefined, allowed: readonly F[], defaults: readonly F[], hasOut: boolean, badCode: string,
): F[] {
  if (value === undefined) return hasOut ? [...defaults] : [];
  const wanted = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (wanted.length === 0) usage(badCode, { value });
  for (const f of wanted) if (!(allowed as readonly string[]).includes(f)) usage(badCode, { value: f });
  if (!hasOut) usage('cli.format_needs_out');
  return allowed.filter((f) => wanted.includes(f));
}

/** --as-of: a yyyy-mm-dd day, or undefined when not given. */
export function parseAsOf(value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) usage('cli.bad_as_of', { value });
  return value;
}

/** A string option's value as commander left it (undefined when not given). */
export const rawString = (raw: Record<string, unknown>, key: string): string | undefined =>
  (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);

/** The options naming files that audit, batch and diff share: --rubric, --out, --waivers, --mapping. */
export function fileOptions(raw: Record<string, unknown>): { rubric?: string; outDir?: string; waiversFile?: string; mapping?: string } {
  const out: { rubric?: string; outDir?: string; waiversFile?: string; mapping?: string } = {};
  const rubric = rawString(raw, 'rubric');
  if (rubric !== undefined) out.rubric = rubric;
  const dir = rawString(raw, 'out');
  if (dir !== undefined) out.outDir = dir;
  const waivers = rawString(raw, 'waivers');
  if (waivers !== undefined) out.waiversFile = waivers;
  const mapping = rawString(raw, 'mapping');
  if (mapping !== undefined) out.mapping = mapping;
  return out;
}
