// The two data shapes of the reading side: what a spreadsheet reader hands over (RawWorkbook,
// library-free), and what the rest of the program uses (Inventory, normalized, every value with its cell).
import type { DeviceStatus, Kind, Level, License, Purpose, SoftwareFunction } from './fields.js';

// ---------- RawWorkbook: the output of any reader (xlsx today; .ods via conversion) ----------

/**
 * One cell as stored. `t`: s = text, n = number, b = boolean, d = date (v is 'YYYY-MM-DD' or
 * 'YYYY-MM-DDTHH:MM:SS', no time zone), e = error value (v is the error text, e.g. '#REF!').
 * Formula cells carry their cached value and `f: true`. Rich text and hyperlink cells are plain text.
 */
export interface RawCell {
  t: 's' | 'n' | 'b' | 'd' | 'e';
  v: string | number | boolean;
  f?: true;
}

/** A merged range, 0-based inclusive. */
export interface RawMerge { r1: number; c1: number; r2: number; c2: number }

export interface RawSheet {
  name: string;
  hidden: boolean;
  /** rows[r][c], 0-based; missing rows and cells are undefined (sparse arrays are fine). */
  rows: (RawCell | undefined)[][];
  merges: RawMerge[];
  /** Texts over Excel's limit (32,767 characters) were cut to it: the first such cell (0-based), its length as written, how many. */
  cut?: { r: number; c: number; length: number; count: number; max: number };
}

export interface RawWorkbook { sheets: RawSheet[] }

/** Reading the bytes of a spreadsheet: the one interface a reader implements. */
export interface WorkbookReader {
  read(bytes: Uint8Array, fileName: string): RawWorkbook;
}

// ---------- Problems found in the data ----------

export type IssueSeverity = 'error' | 'warning';

/**
 * A problem with the data, as data: `code` + `args` are turned into words by src/messages.
 * `sheet` is the sheet's name as written (canonical name when the sheet is missing); `cell` is 'D14' or null.
 */
export interface DataIssue {
  severity: IssueSeverity;
  sheet: string;
  cell: string | null;
  code: string;
  args: Record<string, string | number>;
}

// ---------- Inventory: normalized, the only thing downstream sees ----------

export interface CellRef { sheet: string; cell: string }

/**
 * A declared value. `ok: false` means the cell was filled but its value is unusable (an error
 * issue was recorded); anything that uses it becomes `missing`. A field that is absent from the
 * object was not declared.
 */
export type Val<T> = { ok: true; value: T; ref?: CellRef } | { ok: false; ref?: CellRef };

export type InfoValue = string | number | boolean | string[];

export interface EquipmentRow {
  ref?: CellRef;               // the row's first cell
  kind?: Val<Kind>;
  /** undefined on a computer row = not declared (the purpose-specific computer metrics become missing). */
  purpose?: Val<Purpose>;
  quantity?: Val<number>;
  status?: Val<DeviceStatus>;
  group?: Val<string>;
  year?: Val<number>;
}

export interface SoftwareRow {
  ref?: CellRef;
  name?: Val<string>;
  functions?: Val<SoftwareFunction[]>;
  in_use?: Val<boolean>;       // the normalizer applies "empty → yes"
  license?: Val<License>;
  csdl_connected?: Val<boolean>;
}

export interface TeacherRow {
  ref?: CellRef;
  group?: Val<string>;
  elearning_lessons?: Val<number>; // the normalizer applies "empty → 0"
  it_standard?: Val<boolean>;      // absent when the whole column is empty or missing
  it_trained?: Val<boolean>;
  uses_it?: Val<boolean>;
}

export interface Inventory {
  /** Fields of `Thông tin chung` by key (fields.ts INFO_FIELDS). Dates are 'YYYY-MM-DD', levels a Level[]. */
  info: Record<string, Val<InfoValue>>;
  /** undefined = the sheet is missing (criteria that need it become missing). */
  equipment?: EquipmentRow[];
  software?: SoftwareRow[];
  teachers?: TeacherRow[];
  issues: DataIssue[];
}

/** Convenience accessors used everywhere downstream. */
export interface SchoolIdentity {
  code: string | null;
  name: string | null;
  province: string | null;
  district: string | null;
  school_year: string | null;
  levels: Level[];
}
