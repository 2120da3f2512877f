import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { breakLongWords, escapeMd, escapeXml, escapeXmlText, mdQuote, mdTable, terminalSafe, xmlSafe } from './text.js';

/** Parse an XML document; throws on any well-formedness error. Returns the attribute values and texts seen. */
function parseXml(xml: string): { attrs: string[]; texts: string[] } {
  const p = new SaxesParser();
  const attrs: string[] = [], texts: string[] = [];
  let error: Error | null = null;
  p.on('error', (e) => { error ??= e; });
  p.on('opentag', (t) => { attrs.push(...Object.values(t.attributes as Record<string, string>)); });
  p.on('text', (t) => texts.push(t));
  p.write(xml).close();
  if (error) throw error;
  return { attrs, texts };
}

/** Cells of a Markdown table row: split on pipes that are not backslash-escaped. */
const mdCells = (row: string): string[] => row.replace(/^\| | \|$/g, '').split(/(?<!\\) \| /);

describe('escapeMd', () => {
  it('neutralises the characters that change Markdown', () => {
    expect(escapeMd('a | b')).toBe('a \\| b');
    expect(escapeMd('`code`')).toBe('\\`code\\`');
    expect(escapeMd('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeMd('[bấm](http://evil.example)')).toBe('\\[bấm\\](http://evil.example)');
    expect(escapeMd('**đậm** _nghiêng_')).toBe('\\*\\*đậm\\*\\* \\_nghiêng\\_');
    expect(escapeMd('a\\b')).toBe('a\\\\b');
    expect(escapeMd('&amp; &#60;')).toBe('&amp;amp; &amp;#60;');
  });

  it('keeps ordinary Vietnamese text and identifiers readable', () => {
    expect(escapeMd('Sở GD&ĐT Bến Tre')).toBe('Sở GD&ĐT Bến Tre');
    expect(escapeMd('ma_nguon_mo')).toBe('ma_nguon_mo');
    expect(escapeMd('Phiên bản 1.0.0')).toBe('Phiên bản 1.0.0');
    expect(escapeMd('3.1')).toBe('3.1');
  });

  it('makes a leading = + - @ # harmless, and a leading "1." at the start of a block', () => {
    expect(escapeMd('=HYPERLINK("http://x","y")')).toBe('\\=HYPERLINK("http://x","y")');
    expect(escapeMd('+84 912')).toBe('\\+84 912');
    expect(escapeMd('-1+1')).toBe('\\-1+1');
    expect(escapeMd('@SUM(A1)')).toBe('\\@SUM(A1)');
    expect(escapeMd('# tiêu đề')).toBe('\\# tiêu đề');
    expect(escapeMd('1. mục', true)).toBe('1\\. mục');
    expect(escapeMd('1. mục')).toBe('1. mục');
  });

  it('puts everything on one line without control characters', () => {
    expect(escapeMd('dòng 1\ndòng 2\r\n\tdòng 3')).toBe('dòng 1 dòng 2 dòng 3');
    expect(escapeMd('a\u001b[31mb')).toBe('a\uFFFD\\[31mb');
  });

  it('never lets arbitrary text break a table row', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 3, maxLength: 3 }), (cells) => {
      const rows = mdTable(['a', 'b', 'c'], [cells]).split('\n');
      expect(rows).toHaveLength(3);
      expect(mdCells(rows[2]!)).toHaveLength(3);
      expect(rows[2]).not.toMatch(/[<>`\u0000-\u001f]/);
    }));
  });
});

describe('mdQuote', () => {
  it('quotes every non-empty line, escaped', () => {
    expect(mdQuote('dòng 1\n\n2. dòng <b>')).toBe('> dòng 1\n>\n> 2\\. dòng &lt;b&gt;');
  });
});

describe('XML escaping', () => {
  it('escapes markup and keeps line breaks in attributes', () => {
    expect(escapeXml(`<a href="x">'&'</a>\n`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;&#10;');
    expect(escapeXmlText('a < b && c\nd')).toBe('a &lt; b &amp;&amp; c\nd');
  });

  it('replaces characters XML cannot carry', () => {
    expect(xmlSafe('a\u0000b\u0007c\u001bd\uFFFEe\uD800f')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    expect(xmlSafe('tab\there\nok 😀')).toBe('tab\there\nok 😀');
  });

  it('always gives a well-formed document that reads back the same text (controls aside)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const doc = `<r a="${escapeXml(s)}">${escapeXmlText(s)}</r>`;
      const { attrs, texts } = parseXml(doc);
      const expected = xmlSafe(s);
      expect(attrs[0]).toBe(expected);
      expect(texts.join('')).toBe(expected);
    }));
  });
});

describe('terminalSafe', () => {
  it('removes escapes, controls and bidi overrides', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007c\u202Ed\u009be')).toBe('a\uFFFD[2Jb\uFFFDc\uFFFDd\uFFFDe');
    expect(terminalSafe('x\ny\tz')).toBe('x y z');
  });
});

describe('breakLongWords', () => {
  it('breaks only the words longer than the width, with line breaks', () => {
    expect(breakLongWords('ngắn abcdefghij', 4)).toBe('ngắn abcd\nefgh\nij');
    expect(breakLongWords('một hai', 4)).toBe('một hai');
  });
});
