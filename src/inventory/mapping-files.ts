// Where a workbook's mapping files are (`audit-mapping.yaml` in its folder and the folders above it).
// Apart from mapping.ts so that finding none costs nothing: the schema and YAML load only when one exists.
import { platform } from '../platform.js';

/** The file a folder of workbooks may hold; picked up by `audit` and `audit batch`. */
export const FOLDER_MAPPING_FILE = 'audit-mapping.yaml';

/**
 * The `audit-mapping.yaml` files that apply to a workbook, nearest first: in its folder, then in each
 * parent folder up to `upTo` (a batch's folder; by default only the workbook's own folder).
 */
export async function folderMappingFiles(workbook: string, upTo?: string): Promise<string[]> {
  const { dirname, isAbsolute, join, relative, resolve, statIfExists } = platform().files;
  const found: string[] = [];
  let dir = dirname(resolve(workbook));
  const top = upTo === undefined ? dir : resolve(upTo);
  const within = (d: string) => {
    const rel = relative(top, d);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  if (!within(dir)) return found;
  for (;;) {
    const candidate = join(dir, FOLDER_MAPPING_FILE);
    // Synchronous and without an exception when absent (the usual case): a batch asks for every workbook,
    // and each asynchronous stat waited for libuv's thread pool and built an ENOENT error.
    try {
      if (statIfExists(candidate)?.isFile) found.push(candidate);
    } catch { /* unreadable: none here */ }
    const parent = dirname(dir);
    if (dir === top || parent === dir || !within(parent)) break;
    dir = parent;
  }
  return found;
}
