// The renderers: functions of a result that return text or bytes. They never print, exit or write
// files; the CLI does. Importing this module does not load exceljs (the xlsx renderer imports it on use).
import type { AuditResult } from '../engine/types.js';
import type { RenderOptions } from './common.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderXlsx } from './xlsx.js';
import { renderJunitOne } from './junit.js';

export type { RenderOptions } from './common.js';
export { renderTerminal } from './terminal.js';
export { renderJunit } from './junit.js';
export { toResultJson, stringifyJson, RESULT_SCHEMA, type ResultJson } from './json.js';

export type Format = 'md' | 'xlsx' | 'json' | 'junit';
export const FORMATS: readonly Format[] = ['md', 'xlsx', 'json', 'junit'];

/** File name ending of each report after the school code: `<code>.audit.md`, `<code>.audit.junit.xml`. */
export const REPORT_SUFFIX: Record<Format, string> = {
  md: '.audit.md',
  xlsx: '.audit.xlsx',
  json: '.audit.json',
  junit: '.audit.junit.xml',
};

export type Renderer = (result: AuditResult, opts: RenderOptions) => Promise<Uint8Array | string>;

export const renderers: Record<Format, Renderer> = {
  md: renderMarkdown,
  xlsx: renderXlsx,
  json: renderJson,
  junit: renderJunitOne,
};

export const isFormat = (s: string): s is Format => (FORMATS as readonly string[]).includes(s);
