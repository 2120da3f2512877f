// The stem of a school's report files: the school code made safe as a file name (else the workbook's base
// name). Pure, so the command line (src/cli/output.ts) and the page (src/web/worker.ts) name reports alike.
import { stripDiacritics } from '../inventory/fold.js';

export function sanitizeStem(text: string | null | undefined): string | null {
  if (!text) return null;
  const s = stripDiacritics(text.normalize('NFC').replace(/Đ/g, 'D'))
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '')
    .slice(0, 80);
  if (s.length === 0) return null;
  return /^(?:con|prn|aux|nul|com\d|lpt\d)$/i.test(s) ? `${s}_` : s;
}

const baseWithoutExt = (file: string): string => {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
};

/** The stem of a school's reports: its code, else the file's base name, else "report". */
export const reportStem = (code: string | null, file: string): string =>
  sanitizeStem(code) ?? sanitizeStem(baseWithoutExt(file)) ?? 'report';
