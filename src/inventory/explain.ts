// How the reader understood a workbook, as data (`audit --explain`, `audit inspect`): which sheet it took
// for each part of the format and by which name, where each table's header is, which column or label
// became which field, what matched nothing, and what was converted on the way. The normalizer records
// it; src/render/explain.ts turns it into words. Rows and columns are as the user sees them (A1, row 3).
import type { SheetKey } from './fields.js';
import type { LegacyEncoding } from './legacy-fonts.js';

/** How a sheet was recognised: by a name of the format, a name from a mapping file, or its content. */
export type RecognisedBy = 'name' | 'mapping' | 'content';

export interface ExplainSheet {
  /** The sheet's name as written in the workbook. */
  name: string;
  hidden: boolean;
  /** The part of the format it was read as; null = not used. */
  as: SheetKey | null;
  /** Why it is not used although its name is a part's: a second sheet for the same part. */
  duplicateOf?: string;
}

export interface ExplainColumn {
  /** The header cell (A1), and its text as written. */
  cell: string;
  text: string;
  /** The field key, '$stt' (row numbers), '$ignored' (a known column that carries no field), or null (unknown). */
  field: string | null;
  /** The name it matched, when the text is not that name exactly ("Số lượng máy" → "Số lượng"). */
  matched?: string;
  /** The name came from a mapping file. */
  mapping?: true;
  /** A second column for a field already found (not read). */
  duplicate?: true;
  /** A `Có | Không` pair: the Không column. */
  noCell?: string;
}

export interface ExplainLabel {
  /** The label cell and its text as written. */
  cell: string;
  text: string;
  field: string;
  /** Where the value was read from (absent: the value cell was empty). */
  value?: string;
  mapping?: true;
}

export interface ExplainPart {
  key: SheetKey;
  /** The workbook's sheet read as this part; null = none (the part is missing). */
  sheet: string | null;
  by?: RecognisedBy;
  /** The known name the sheet's name matched, as the format (or the mapping) writes it. */
  name?: string;
  // ---- tables ----
  /** The header row, 1-based (and the second header row when there is one). */
  headerRow?: number;
  headerRows?: 1 | 2;
  columns?: ExplainColumn[];
  /** Data rows read (after skipping examples, totals, blank and repeated header rows). */
  rows?: number;
  /** Equipment read as the Biểu mẫu 10 form (kind, purpose and state in one label). */
  form?: 'bieu_mau_10';
  // ---- Thông tin chung ----
  /** Where the labels are: columns (letters), or one row with the values below. */
  labelColumns?: string[];
  labelRow?: number;
  labels?: ExplainLabel[];
  /** Every label cell that names no field, in sheet order; `empty`: nothing is written beside it. */
  unknownLabels?: { cell: string; text: string; empty?: true }[];
  /** Required fields of this part that were not found (keys). */
  missingRequired?: string[];
}

export type ExplainConversion =
  | { kind: 'legacy_font'; encoding: LegacyEncoding; texts: number }
  | { kind: 'libreoffice'; from: string };

export interface ReadExplain {
  /** Every sheet of the workbook, in order. */
  sheets: ExplainSheet[];
  /** The four parts of the format, in the format's order. */
  parts: ExplainPart[];
  conversions: ExplainConversion[];
  /** Mapping files whose names were used to read this workbook. */
  mappingFiles: string[];
}
