// `--lang en` into a folder that already holds the Vietnamese reports of the same school (or the other
// way round) must not silently replace them. Decision: both are kept — the reports of the language that
// came second are named with the language (`83000742.en.audit.md`), and stderr says so. The language of
// the reports already there is read from them: the Markdown's title, the Excel report's sheet names, or
// (only a JSON there) the words of its messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { reportLabel } from '../messages/report.js';
import type { Lang } from '../messages/format.js';
import { reportFileName, type ReportFormat } from './output.js';

const LANGS: readonly Lang[] = ['vi', 'en'];

const read = (path: string): Uint8Array | null => {
  try { return new Uint8Array(readFileSync(path)); } catch { return null; }
};

/** The language of the school report `<stem>.audit.*` already in `dir`, or null when there is none (or it cannot tell). */
export function existingReportLang(dir: string, stem: string): Lang | null {
  const md = read(join(dir, reportFileName(stem, 'md')));
  if (md) {
    const first = strFromU8(md.subarray(0, 400)).split('\n')[0] ?? '';
    for (const l of LANGS) if (first.startsWith(`# ${reportLabel('title', l)}`)) return l;
  }
  const xlsx = read(join(dir, reportFileName(stem, 'xlsx')));
  if (xlsx) {
    try {
      const wb = unzipSync(xlsx, { filter: (f) => f.name === 'xl/workbook.xml' })['xl/workbook.xml'];
      const names = wb ? [...strFromU8(wb).matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]) : [];
      for (const l of LANGS) if (names.includes(reportLabel('sheet.report', l)) || names.includes(reportLabel('sheet.summary', l))) return l;
    } catch { /* not a zip: cannot tell */ }
  }
  const json = read(join(dir, reportFileName(stem, 'json')));
  if (json) {
    try {
      const r = JSON.parse(strFromU8(json)) as { criteria?: { message?: unknown }[] };
      const messages = (r.criteria ?? []).map((c) => String(c.message ?? ''));
      if (messages.length) {
        // Vietnamese sentences carry its letters; English ones only where they quote a school's data
        const vi = messages.filter((m) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(m)).length;
        return vi * 2 > messages.length ? 'vi' : 'en';
      }
    } catch { /* not our JSON */ }
  }
  return null;
}

/** The stem to write this school's reports under, in `lang`: with `.<lang>` when the folder holds the other language's. */
export function stemForLang(dir: string, stem: string, lang: Lang, formats: readonly ReportFormat[]): { stem: string; other: Lang | null } {
  if (!formats.some((f) => f === 'md' || f === 'xlsx' || f === 'json')) return { stem, other: null };
  const there = existingReportLang(dir, stem);
  return there !== null && there !== lang ? { stem: `${stem}.${lang}`, other: there } : { stem, other: null };
}
