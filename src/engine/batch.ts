// A batch of schools (`audit batch`): every file under the folders as an entry → ranking, criteria pass
// rates, district criteria, per-district totals, shortages, flags and totals (`audit-batch/v1`). Pure:
// workers build the entries, the CLI writes the files. The parts: batch-types.ts (the shapes),
// batch-combine.ts (entries → summary), batch-flags.ts (points to check), batch-shards.ts (--shard, --merge).
import type { BatchSummary } from './batch-types.js';

export * from './batch-types.js';
export {
  BatchAccumulator, combineBatch, compareForRanking, digestBatch, jsonRanking, placed, schoolShortages, summaryOf,
} from './batch-combine.js';
export { asBatchSummary, mergeBatchSummaries, parseShard, shardSlice } from './batch-shards.js';

/**
 * cli.md: 3 when a workbook could not be audited — unreadable, no rubric, or a school's submission sent
 * as another kind of file (a PDF, a CSV) — else 1 when a school or district criterion fails (or
 * --fail-under), else 0. Other files that are not workbooks (a note) are listed but change nothing.
 */
export function batchExitCode(s: Pick<BatchSummary, 'totals'>): 0 | 1 | 3 {
  if (s.totals.errors > 0 || (s.totals.submissions ?? 0) > 0) return 3;
  if (s.totals.fail > 0 || s.totals.district_criteria.fail > 0 || s.totals.below_fail_under > 0) return 1;
  return 0;
}
