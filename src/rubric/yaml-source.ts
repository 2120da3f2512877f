// A YAML file parsed once with positions: rubric and waiver loaders validate the plain value and
// map every problem's path (['criteria', 3, 'weight']) back to `line:col` in the file.
import type * as YamlLib from 'yaml';
import type { Document, Node } from 'yaml';
import type { RubricProblem } from '../errors.js';
import type { Finding } from '../engine/types.js';
import { platform, utf8Length } from '../platform.js';

/** The YAML library, loaded on first use (by the platform): an audit whose rubric comes compiled never pays for it. */
export function yaml(): typeof YamlLib {
  return platform().yaml();
}

export type PathSeg = string | number;
export type Path = readonly PathSeg[];

/** Rubrics and waiver files are small hand-written texts: anything bigger is a mistake or an attack. */
export const MAX_YAML_BYTES = 1024 * 1024;
/** Anchors/aliases are legal YAML, but a "billion laughs" file must not expand. */
export const MAX_ALIASES = 100;

export interface YamlSource {
  file: string;
  /** The plain value (maps → objects, dates kept as strings); undefined when the text could not be parsed. */
  value: unknown;
  /** Syntax problems (each with its position). */
  problems: RubricProblem[];
  /** The problems leave no usable value (a duplicate key alone does not: the later one wins, and the rest is checked). */
  fatal: boolean;
  /** Where a path points (the deepest part of it that exists in the file). */
  at(path: Path, opts?: { key?: boolean }): { line: number; col: number };
  /** The YAML node at exactly this path, if the file has it. */
  nodeAt(path: Path): Node | undefined;
}

const SYNTAX_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'rubric.yaml.duplicate_key',
  TAB_AS_INDENT: 'rubric.yaml.tab',
  BAD_INDENT: 'rubric.yaml.indent',
  MISSING_CHAR: 'rubric.yaml.missing_char',
  MULTIPLE_DOCS: 'rubric.yaml.multiple_docs',
  BAD_DQ_ESCAPE: 'rubric.yaml.bad_escape',
  BLOCK_AS_IMPLICIT_KEY: 'rubric.yaml.indent',
  MULTILINE_IMPLICIT_KEY: 'rubric.yaml.missing_colon',
  BAD_ALIAS: 'rubric.yaml.bad_alias',
  RESOURCE_EXHAUSTION: 'rubric.yaml.too_many_aliases',
};

export function parseYamlSource(text: string, file: string): YamlSource {
  const { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  const problems: RubricProblem[] = [];
  const posOf = (offset: number) => {
    const p = lc.linePos(offset);
    return { line: p.line, col: p.col };
  };

  if (utf8Length(text) > MAX_YAML_BYTES) {
    return {
      file, value: undefined, fatal: true, at: () => ({ line: 0, col: 0 }), nodeAt: () => undefined,
      problems: [{ file, line: 0, col: 0, message: { code: 'rubric.yaml.too_large', args: { max_kb: MAX_YAML_BYTES / 1024 } } }],
    };
  }

  // YAML 1.2 core schema: `2016-10-26` stays a string and `yes`/`no` stay words (no yaml-1.1 timestamps/booleans).
  const doc: Document.Parsed = parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter: lc, schema: 'core', version: '1.2', uniqueKeys: true, prettyErrors: false, merge: false,
  });
  for (const e of doc.errors) {
    const { line, col } = posOf(e.pos[0]);
    const code = SYNTAX_CODES[e.code] ?? 'rubric.yaml.syntax';
    problems.push({ file, line, col, message: { code, args: { detail: firstLine(e.message) } } });
  }

  let value: unknown;
  let fatal = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  if (!fatal) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (err) {
      problems.push({ file, line: 1, col: 1, message: { code: 'rubric.yaml.too_many_aliases', args: { detail: firstLine(String((err as Error).message)) } } });
      fatal = true;
    }
  }

  const walk = (path: Path): { node: Node | null; keyNode?: Node; depth: number } => {
    let node: Node | null = (doc.contents as Node | null) ?? null;
    let keyNode: Node | undefined;
    let depth = 0;
    for (const seg of path) {
      if (node && isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? null;
      if (!node) break;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? null;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        keyNode = undefined;
        node = (node.items[seg] as Node | null) ?? null;
      } else break;
      depth++;
    }
    return { node, keyNode, depth };
  };

  const at = (path: Path, opts?: { key?: boolean }) => {
    const w = walk(path);
    const useKey = w.keyNode && (!w.node || (opts?.key && w.depth === path.length));
    const target = useKey ? w.keyNode : w.node ?? (doc.contents as Node | null);
    const range = target?.range;
    return range ? posOf(range[0]) : { line: 1, col: 1 };
  };

  const nodeAt = (path: Path): Node | undefined => {
    const w = walk(path);
    return w.depth === path.length && w.node ? w.node : undefined;
  };

  return { file, value, problems, fatal, at, nodeAt };
}

const firstLine = (s: string): string => s.split('\n')[0]!.trim();

/** A problem at a path of a parsed source. */
export function problemAt(src: YamlSource, path: Path, message: Finding, opts?: { key?: boolean }): RubricProblem {
  const { line, col } = src.at(path, opts);
  return { file: src.file, line, col, message };
}

/** Stable order: by line, then column (the order a person fixes them). */
export function sortProblems(problems: RubricProblem[]): RubricProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
