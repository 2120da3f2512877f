// Inputs that once crashed the auditor, kept so they never do again: workbooks found by the fuzzer
// (`*.xlsx`, with a `.json` note of how they were made) and plain inventories found by the property
// tests (`*.plain.json`: `{ _bug, inventory }`). Each goes through the whole pipeline with every
// built-in rubric: nothing may throw but an InputError, and every criterion ends in one of the five statuses.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { auditInventory } from '../../../src/engine/audit.js';
import type { AuditResult } from '../../../src/engine/types.js';
import { normalizeWorkbook } from '../../../src/inventory/normalize.js';
import { inventoryFromPlain } from '../../../src/inventory/plain.js';
import type { Inventory } from '../../../src/inventory/types.js';
import { readXlsx } from '../../../src/inventory/xlsx.js';
import { builtinRegistry, loadRubric } from '../../../src/rubric/registry.js';
import { renderMarkdownText } from '../../../src/render/markdown.js';
import { stringifyJson, toResultJson } from '../../../src/render/json.js';
import { junitSuite } from '../../../src/render/junit.js';

const DIR = new URL('./', import.meta.url);
const files = readdirSync(DIR).sort();
const RUBRICS = builtinRegistry().entries().map((e) => loadRubric(`${e.id}@${e.version}`));
const STATUSES = ['pass', 'fail', 'missing', 'not_applicable', 'waived'];

function auditEverywhere(inv: Inventory): void {
  for (const rubric of RUBRICS) {
    const r: AuditResult = auditInventory(inv, rubric, { asOf: '2025-05-31', source: { file: 'x', sha256: '0' }, tool: { name: 'audit', version: 'test' } });
    for (const c of r.criteria) expect(STATUSES).toContain(c.status);
    for (const lang of ['vi', 'en'] as const) {
      renderMarkdownText(r, { lang, color: false });
      stringifyJson(toResultJson(r, lang));
      junitSuite(r, lang);
    }
  }
}

describe('regressions', () => {
  test('the folder holds cases', () => {
    expect(files.filter((f) => f.endsWith('.xlsx') || f.endsWith('.plain.json')).length).toBeGreaterThan(0);
  });

  test.each(files.filter((f) => f.endsWith('.xlsx')))('workbook %s', (name) => {
    let inv: Inventory;
    try {
      inv = normalizeWorkbook(readXlsx(new Uint8Array(readFileSync(new URL(name, DIR))), name));
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      return;
    }
    auditEverywhere(inv);
  });

  test.each(files.filter((f) => f.endsWith('.plain.json')))('plain inventory %s', (name) => {
    const { inventory } = JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as { inventory: unknown };
    auditEverywhere(inventoryFromPlain(inventory));
  });
});
