// The main thread's side of a batch run: takes the workers' replies in file order, whatever order they
// arrive in, adds each entry to the accumulator, spills it to disk, renames the school's reports to
// their final names and appends its JUnit suite.
import { renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { BatchAccumulator, isErrorEntry, isSchoolEntry, rubricRef, type BatchRubric } from '../engine/batch.js';
import type { GlobalOptions } from './main.js';
import { ReportWriter, reportFileName } from './output.js';
import type { BatchReply } from './batch-worker.js';
import type { junitErrorSuite as JunitErrorSuite } from '../render/batch-junit.js';

/**
 * Takes the workers' replies in file order, whatever order they arrive in: report names are claimed and
 * JUnit suites appended as one sequential run would (deterministic names, a deterministic junit.xml), and
 * this work is spread over the run rather than left to the end. Only replies that arrive ahead of a
 * slower one wait here, so memory holds the compact entries and a few replies.
 */
export class InOrderSink {
  readonly accumulator = new BatchAccumulator();
  readonly rubrics = new Map<string, BatchRubric>();
  /** Per school file, its reports relative to the output folder (`schools/<code>.audit.md`), for summary.html's links. */
  readonly reports = new Map<string, string[]>();
  private readonly waiting = new Map<number, BatchReply>();
  private next = 0;
  private readonly claims: ReportWriter | null;

  constructor(
    private readonly schoolsDir: string | null,
    private readonly inputs: ReadonlySet<string>,
    private readonly junitFd: number | null,
    /** Entries go to this file, one JSON line each, in file order. */
    private readonly spillFd: number,
    private readonly lang: GlobalOptions['lang'],
    private readonly provisional: (index: number) => string,
    /** Renders the suite of a file that could not be scored (loaded only when junit.xml is written). */
    private readonly junitErrorSuite: typeof JunitErrorSuite | null,
  ) {
    this.claims = schoolsDir !== null ? new ReportWriter(schoolsDir, [...inputs]) : null;
  }

  take(index: number, reply: BatchReply): void {
    this.waiting.set(index, reply);
    for (let r = this.waiting.get(this.next); r !== undefined; r = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.finish(this.next, r);
      this.next += 1;
    }
  }

  /** One copy of each repeated text (criterion ids, statuses, "đã khai báo"…): entries arrive as fresh copies. */
  private readonly strings = new Map<string, string>();
  private intern<T extends string | null>(s: T): T {
    if (s === null) return s;
    const known = this.strings.get(s);
    if (known !== undefined) return known as T;
    if (this.strings.size < 100_000) this.strings.set(s, s);
    return s;
  }

  private finish(index: number, reply: BatchReply): void {
    const e = reply.entry;
    if (isSchoolEntry(e)) {
      e.province = this.intern(e.province);
      e.district = this.intern(e.district);
      e.school_year = this.intern(e.school_year);
      e.as_of = this.intern(e.as_of);
      e.rubric = { id: this.intern(e.rubric.id), version: this.intern(e.rubric.version) };
      e.levels = e.levels.map((l) => this.intern(l));
      for (const c of e.criteria) {
        c.id = this.intern(c.id);
        c.status = this.intern(c.status);
        c.actual = this.intern(c.actual);
      }
      for (const d of e.district_criteria) {
        d.id = this.intern(d.id);
        d.status = this.intern(d.status);
      }
    }
    this.accumulator.add(e);
    writeSync(this.spillFd, `${JSON.stringify(e)}\n`);
    if (reply.rubric) this.rubrics.set(`${rubricRef(reply.rubric)} ${reply.rubric.sha256}`, reply.rubric);
    if (this.claims && this.schoolsDir !== null && isSchoolEntry(e) && reply.reports.length > 0) {
      const stem = this.claims.claimStem(e.code, e.file);
      this.reports.set(e.file, reply.reports.map((f) => `schools/${reportFileName(stem, f)}`));
      for (const f of reply.reports) {
        const target = join(this.schoolsDir, reportFileName(stem, f));
        if (this.inputs.has(target)) throw new UsageError({ code: 'cli.output_is_input', args: { file: target } });
        try {
          renameSync(join(this.schoolsDir, reportFileName(this.provisional(index), f)), target);
        } catch (err) {
          throw new UsageError({ code: 'cli.cannot_write', args: { file: target, reason: (err as NodeJS.ErrnoException).code ?? String(err) } });
        }
      }
    }
    if (this.junitFd !== null) {
      // A file that is not a workbook has no suite: it is listed in the summaries, not a test.
      const suite = isSchoolEntry(e) ? reply.junit : isErrorEntry(e) && this.junitErrorSuite ? this.junitErrorSuite(e, this.lang) : undefined;
      if (suite !== undefined) writeSync(this.junitFd, `${suite}\n`);
    }
  }
}

