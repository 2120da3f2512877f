// The one place where findings become words. Templates use {name} for an argument and
// {name|vocab:kind} to show a vocabulary key by its label; Findings nested in args are formatted too.
import { VOCAB, type VocabName } from '../inventory/fields.js';
import type { Finding, FindingArg } from '../engine/types.js';

export type Lang = 'vi' | 'en';
export type Catalogue = Record<string, { vi: string; en: string }>;

const catalogue: Catalogue = {};

/** Register templates; a code registered twice is a programming error. */
export function registerMessages(entries: Catalogue): void {
  for (const [code, text] of Object.entries(entries)) {
    if (Object.hasOwn(catalogue, code) && catalogue[code]!.vi !== text.vi) throw new Error(`message code registered twice: ${code}`);
    catalogue[code] = text;
  }
}

export const hasMessage = (code: string): boolean => Object.hasOwn(catalogue, code);
export const messageCodes = (): string[] => Object.keys(catalogue).sort();

/**
 * Numbers in human text, in the reader's convention: at most `decimals` decimals (default two,
 * trailing zeros dropped), Vietnamese with a decimal comma and a thousands dot ("22,7", "1.250"),
 * English with a decimal point and no grouping ("22.7", "1250"). JSON keeps numbers as numbers.
 */
export function formatNumber(n: number, lang: Lang = 'en', decimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  return localize(String(Object.is(r, -0) ? 0 : r), lang);
}

/** A number with exactly `digits` decimals (scores: "56,7" / "56.7"). */
export function formatFixed(n: number, digits: number, lang: Lang): string {
  const s = n.toFixed(digits);
  return localize(/^-0(\.0*)?$/.test(s) ? s.slice(1) : s, lang);
}

/** A share 0–1 as a percentage with one decimal at most: 0.8333 → "83,3%" (vi) / "83.3%" (en). */
export const formatPercent = (share: number, lang: Lang, decimals = 1): string =>
  `${formatNumber(share * 100, lang, decimals)}%`;

/** "-1234.5" (JavaScript's spelling) → "-1.234,5" in Vietnamese; English as is. */
function localize(plain: string, lang: Lang): string {
  if (lang === 'en' || !/^-?\d+(\.\d+)?$/.test(plain)) return plain;
  const [int, frac] = plain.split('.') as [string, string | undefined];
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.length > 3 ? digits.replace(/\B(?=(\d{3})+$)/g, '.') : digits;
  return `${sign}${grouped}${frac !== undefined ? `,${frac}` : ''}`;
}

export function vocabLabel(vocab: string, key: string, lang: Lang): string {
  const list = (VOCAB as Record<string, { key: string; vi: string; en: string }[]>)[vocab as VocabName];
  const e = list?.find((v) => v.key === key);
  return e ? e[lang] : key;
}

function formatArg(arg: FindingArg | undefined, filter: string | undefined, lang: Lang): string {
  if (arg === undefined || arg === null) return '';
  if (Array.isArray(arg)) return (arg as FindingArg[]).map((a) => formatArg(a, filter, lang)).join(', ');
  if (typeof arg === 'object') return format(arg, lang);
  if (typeof arg === 'number') return formatNumber(arg, lang);
  if (typeof arg === 'boolean') return lang === 'vi' ? (arg ? 'có' : 'không') : (arg ? 'yes' : 'no');
  if (filter?.startsWith('vocab:')) return vocabLabel(filter.slice(6), arg, lang);
  return arg;
}

/** A template cut once into its literal pieces and placeholders (reports format the same templates thousands of times). */
type TemplatePart = string | { name: string; filter: string | undefined };
const PLACEHOLDER = /\{(\w+)(?:\|([\w:]+))?\}/g;
const TEMPLATE_CACHE_LIMIT = 10_000;
const templates = new Map<string, TemplatePart[]>();

function templateParts(t: string): TemplatePart[] {
  let parts = templates.get(t);
  if (parts !== undefined) return parts;
  parts = [];
  let last = 0;
  for (const m of t.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(t.slice(last, m.index));
    parts.push({ name: m[1]!, filter: m[2] });
    last = m.index + m[0].length;
  }
  if (last < t.length) parts.push(t.slice(last));
  if (templates.size >= TEMPLATE_CACHE_LIMIT) templates.clear();
  templates.set(t, parts);
  return parts;
}

/** Turn a finding into a sentence in `lang`. An unknown code shows as itself (a test catches these). */
export function format(f: Finding, lang: Lang): string {
  const t = Object.hasOwn(catalogue, f.code) ? catalogue[f.code]![lang] : f.code;
  let out = '';
  for (const p of templateParts(t)) out += typeof p === 'string' ? p : formatArg(f.args?.[p.name], p.filter, lang);
  return out;
}
