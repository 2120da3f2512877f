// Reading a school's workbook: bytes → RawWorkbook (xlsx.ts) → Inventory (normalize.ts).
import '../messages/inventory.js'; // the words of the DataIssue codes, for whoever renders them
import type { ReadExplain } from './explain.js';
import { normalizeExplained, normalizeWorkbook, type NormalizeOptions } from './normalize.js';
import type { Inventory } from './types.js';
import { readXlsx } from './xlsx.js';

/** Read an .xlsx workbook into the normalized inventory. Throws InputError when the file is not a workbook. */
export function readInventory(bytes: Uint8Array, fileName: string, options: NormalizeOptions = {}): Inventory {
  return normalizeWorkbook(readXlsx(bytes, fileName), options);
}

/** readInventory, and how the reader understood the workbook (`--explain`). */
export function readInventoryExplained(bytes: Uint8Array, fileName: string, options: NormalizeOptions = {}): { inventory: Inventory; explain: ReadExplain } {
  return normalizeExplained(readXlsx(bytes, fileName), options);
}
