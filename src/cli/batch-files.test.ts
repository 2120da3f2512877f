// Which files a batch takes, and how a file that is not a spreadsheet is told apart.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBatchFiles, looksLikeSubmission, notAuditedEntry } from './batch-files.js';

const dirs: string[] = [];
afterAll(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }); });

describe('batch files', () => {
  it('a name looks like a school\'s submission by a school word or a school code', () => {
    for (const yes of ['THCS Tân Xuân.pdf', 'Trường TH Bảo Thạnh.docx', 'th-an-duc.csv', '83000101.pdf', 'kiem-ke-2024.pdf', 'Báo cáo CNTT.doc']) {
      expect(looksLikeSubmission(yes), yes).toBe(true);
    }
    for (const no of ['ghi-chu.txt', 'huong-dan.pdf', 'thong-bao.docx', 'anh.jpg']) expect(looksLikeSubmission(no), no).toBe(false);
    expect(notAuditedEntry({ file: 'a/THCS Mỹ Hòa.CSV' })).toEqual({ file: 'a/THCS Mỹ Hòa.CSV', not_audited: { kind: 'csv', submission: true } });
    expect(notAuditedEntry({ file: 'a/audit-mapping.yaml' })).toEqual({ file: 'a/audit-mapping.yaml', not_audited: { kind: 'mapping', submission: false } });
  });

  it('every file under the folder, workbooks marked; lock and hidden files counted, not taken; nothing under --out', async () => {
    const d = await mkdtemp(join(tmpdir(), 'audit-files-'));
    dirs.push(d);
    for (const f of ['ho-so/a.xlsx', 'ho-so/b.XLS', 'ho-so/c.ods', 'ho-so/x/THCS X.pdf', 'ho-so/ghi-chu.txt', 'ho-so/~$a.xlsx', 'ho-so/.~lock.a.xlsx#',
      'ho-so/.an/d.xlsx', 'ho-so/Thumbs.db', 'ho-so/out/summary.json']) {
      await mkdir(join(d, f, '..'), { recursive: true });
      await writeFile(join(d, f), 'x');
    }
    const cwd = process.cwd();
    process.chdir(d);
    try {
      const { files, ignored } = await findBatchFiles(['ho-so'], 'ho-so/out');
      expect(files.map((f) => [f.file, f.workbook])).toEqual([
        ['ho-so/a.xlsx', true], ['ho-so/b.XLS', true], ['ho-so/c.ods', true], ['ho-so/ghi-chu.txt', false], ['ho-so/x/THCS X.pdf', false],
      ]);
      expect(ignored).toEqual({ lock: 2, hidden: 2 });
    } finally {
      process.chdir(cwd);
    }
  });
});
