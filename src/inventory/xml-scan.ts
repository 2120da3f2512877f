// A small XML scanner for the parts of a workbook (worksheets, shared strings, workbook, styles, rels),
// in place of a general SAX parser: these parts are regular, and a district batch reads thousands of them.
// It finds markup with indexOf, hands elements over by local name (prefixes dropped: the .NET SDK writes
// `x:c`, Strict OOXML other namespaces) with their attributes in a reused list (no object per element),
// and still refuses what a reader must refuse: a DOCTYPE (no entity is ever expanded), an unknown entity,
// mismatched or unclosed tags, text or a second element outside the root, `<` in an attribute value.
// Input may come in chunks (a large part is inflated piece by piece); an incomplete piece of markup waits
// for more text, re-tried only once the pending text has doubled, so scanning stays linear.

/** Thrown for text that is not well-formed XML; `dtd` when a DOCTYPE was met. */
export class XmlError extends Error {
  constructor(readonly reason: 'xml' | 'dtd', detail: string) {
    super(detail);
  }
}

/**
 * The attributes of the element being opened, valid only during the `open` call. They are kept as offsets
 * into the text and a value is cut out only when asked for: most attributes (spans, styles of rows,
 * x14ac:dyDescent…) are never read, and not copying them saves most of the scanner's allocations.
 */
export class XmlAttrs {
  count = 0;
  /** The text the offsets point into. */
  src = '';
  /** Per attribute: name start, name end, value start, value end, whether the value needs decoding (0/1). */
  readonly at: number[] = [];

  private value(i: number): string {
    const a = this.at, k = i * 5;
    const raw = this.src.slice(a[k + 2]!, a[k + 3]!);
    return a[k + 4] === 0 ? raw : decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, ' '));
  }

  /** The value of the attribute with this exact (qualified) name. */
  get(name: string): string | undefined {
    const a = this.at, s = this.src;
    for (let i = 0, k = 0; i < this.count; i++, k += 5) {
      if (a[k + 1]! - a[k]! === name.length && s.startsWith(name, a[k]!)) return this.value(i);
    }
    return undefined;
  }

  /** The value of the first attribute whose local name (after any prefix) is `local` and that has a prefix. */
  prefixed(local: string): string | undefined {
    const a = this.at, s = this.src;
    for (let i = 0, k = 0; i < this.count; i++, k += 5) {
      const start = a[k]!, end = a[k + 1]!;
      const colon = end - local.length - 1;
      if (colon > start && s.charCodeAt(colon) === 58 && s.startsWith(local, colon + 1)) return this.value(i);
    }
    return undefined;
  }
}

export interface XmlHandlers {
  /** An element opens (`<x:c r="A1">` → 'c'); a self-closing element is followed by `close` at once. */
  open(local: string, attrs: XmlAttrs): void;
  close?(local: string): void;
  /** Character data inside the root element (entities decoded, CDATA as is); may come in pieces. */
  text?(text: string): void;
}

const GT = 62, SLASH = 47, BANG = 33, QUESTION = 63, EQ = 61, DQ = 34, SQ = 39;
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;
/** Where a name ends: space, '/', '>', '=' (or the end: NaN). Letters and digits are decided by the first test. */
const endsName = (c: number): boolean => c <= GT && (c === 32 || c === 10 || c === 9 || c === 13 || c === SLASH || c === GT || c === EQ || c !== c);

const localName = (qname: string): string => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Entities decoded; an unknown one or a reference to a character XML cannot hold is an error. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  let out = '';
  let from = 0;
  for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', from)) {
    const semi = s.indexOf(';', i + 1);
    if (semi < 0 || semi - i > 12) throw new XmlError('xml', 'bad entity');
    const name = s.slice(i + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 35) { // '#'
      const hex = name.charCodeAt(1) === 120; // 'x'
      const digits = name.slice(hex ? 2 : 1);
      if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw new XmlError('xml', 'bad character reference');
      const cp = parseInt(digits, hex ? 16 : 10);
      const allowed = cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
      if (!allowed) throw new XmlError('xml', 'bad character reference');
      ch = String.fromCodePoint(cp);
    } else {
      ch = PREDEFINED[name];
      if (ch === undefined || !Object.hasOwn(PREDEFINED, name)) throw new XmlError('xml', 'unknown entity');
    }
    out += s.slice(from, i) + ch;
    from = semi + 1;
  }
  return out + s.slice(from);
}

/** XML's end-of-line handling: CR LF and lone CR read as LF (before entities: `&#13;` stays a CR). */
const eol = (s: string): string => (s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n'));

export class XmlScanner {
  private buf = '';
  /** Pending text length below which an incomplete markup is not re-tried (see the file comment). */
  private retryAt = 0;
  /** Qualified names of the open elements, and their local names. */
  private readonly stack: string[] = [];
  private readonly locals: string[] = [];
  private rootDone = false;
  private readonly attrs = new XmlAttrs();

  constructor(private readonly h: XmlHandlers) {}

  /** Scan a piece of the document. */
  write(chunk: string): void {
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    if (this.buf.length < this.retryAt) return;
    this.scan(false);
  }

  /** The whole document has been written. */
  end(): void {
    this.scan(true);
    if (this.buf.length > 0) throw new XmlError('xml', 'incomplete markup');
    if (this.stack.length > 0) throw new XmlError('xml', 'unclosed element');
    if (!this.rootDone) throw new XmlError('xml', 'no root element');
  }

  private scan(final: boolean): void {
    const s = this.buf;
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        // Text to the end of what we have: hold back a piece that may continue (an entity, a CR LF).
        let end = n;
        if (!final) {
          const amp = s.lastIndexOf('&');
          if (amp >= pos && s.indexOf(';', amp) < 0) end = amp;
          if (end > pos && s.charCodeAt(end - 1) === 13) end--;
        }
        if (end > pos) this.text(s.slice(pos, end));
        pos = end;
        break;
      }
      if (lt > pos) this.text(s.slice(pos, lt));
      const next = this.markup(s, lt, n);
      if (next < 0) { // incomplete: wait for more
        pos = lt;
        if (final) throw new XmlError('xml', 'incomplete markup');
        break;
      }
      pos = next;
    }
    this.buf = pos >= n ? '' : s.slice(pos);
    this.retryAt = pos >= n ? 0 : Math.max(this.buf.length * 2, 1024);
  }

  private text(t: string): void {
    if (this.stack.length === 0) {
      for (let i = 0; i < t.length; i++) if (!isSpace(t.charCodeAt(i))) throw new XmlError('xml', 'text outside the root element');
      return;
    }
    this.h.text?.(decodeEntities(eol(t)));
  }

  /** Scan the markup at `lt`; the position after it, or -1 when it does not end within the text. */
  private markup(s: string, lt: number, n: number): number {
    const c = s.charCodeAt(lt + 1);
    if (c === SLASH) {
      const gt = s.indexOf('>', lt + 2);
      if (gt < 0) return -1;
      // The name must be the open element's: compared in place, no copy.
      const open = this.stack.pop();
      const local = this.locals.pop();
      if (open === undefined || !s.startsWith(open, lt + 2)) throw new XmlError('xml', 'mismatched end tag');
      for (let e = lt + 2 + open.length; e < gt; e++) if (!isSpace(s.charCodeAt(e))) throw new XmlError('xml', 'mismatched end tag');
      if (this.stack.length === 0) this.rootDone = true;
      this.h.close?.(local!);
      return gt + 1;
    }
    if (c === BANG) {
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        return end < 0 ? -1 : end + 3;
      }
      if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) return -1;
        if (this.stack.length === 0) throw new XmlError('xml', 'CDATA outside the root element');
        this.h.text?.(eol(s.slice(lt + 9, end)));
        return end + 3;
      }
      if (n - lt < 9) return -1;
      if (s.startsWith('<!DOCTYPE', lt)) throw new XmlError('dtd', 'DOCTYPE');
      throw new XmlError('xml', 'bad markup');
    }
    if (c === QUESTION) {
      const end = s.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (c !== c) return -1; // '<' is the last character
    return this.startTag(s, lt, n);
  }

  private startTag(s: string, lt: number, n: number): number {
    let i = lt + 1;
    while (i < n && !endsName(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    if (i === lt + 1) throw new XmlError('xml', 'bad tag');
    const qname = s.slice(lt + 1, i);
    const a = this.attrs;
    a.count = 0;
    a.src = s;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH) {
        const selfClosing = c === SLASH;
        if (selfClosing) {
          if (i + 1 >= n) return -1;
          if (s.charCodeAt(i + 1) !== GT) throw new XmlError('xml', 'bad tag');
        }
        if (this.rootDone) throw new XmlError('xml', 'a second root element');
        const local = localName(qname);
        if (!selfClosing) { this.stack.push(qname); this.locals.push(local); }
        this.h.open(local, a);
        if (selfClosing) {
          if (this.stack.length === 0) this.rootDone = true;
          this.h.close?.(local);
        }
        return i + (selfClosing ? 2 : 1);
      }
      // name = "value"
      const nameStart = i;
      while (i < n && !endsName(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (i === nameStart) throw new XmlError('xml', 'bad attribute');
      const nameEnd = i;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (s.charCodeAt(i) !== EQ) throw new XmlError('xml', 'attribute without a value');
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const q = s.charCodeAt(i);
      if (q !== DQ && q !== SQ) throw new XmlError('xml', 'unquoted attribute');
      const close = s.indexOf(q === DQ ? '"' : "'", i + 1);
      if (close < 0) return -1;
      // One pass over the value: '<' is an error; '&', tab, LF, CR need work (values are short).
      let special = false;
      for (let k = i + 1; k < close; k++) {
        const v = s.charCodeAt(k);
        if (v <= 60) {
          if (v === 60) throw new XmlError('xml', '< in an attribute value');
          if (v === 38 || v === 9 || v === 10 || v === 13) special = true;
        }
      }
      // A value with '&' is checked now (an unknown entity is an error whether or not it is read).
      if (special) decodeEntities(s.slice(i + 1, close));
      const k = a.count * 5;
      a.at[k] = nameStart; a.at[k + 1] = nameEnd; a.at[k + 2] = i + 1; a.at[k + 3] = close; a.at[k + 4] = special ? 1 : 0;
      a.count++;
      i = close + 1;
      const after = s.charCodeAt(i);
      if (i < n && !isSpace(after) && after !== GT && after !== SLASH) throw new XmlError('xml', 'attributes run together');
    }
  }
}

/** Scan a whole document (or its pieces) with these handlers. */
export function scanXml(text: string, h: XmlHandlers): void {
  const sc = new XmlScanner(h);
  sc.write(text);
  sc.end();
}
