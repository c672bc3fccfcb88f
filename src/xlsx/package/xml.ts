/**
 * Just enough XML for splice-editing OOXML parts: a part is split into its root's children, each kept as the
 * exact text it was, so an edit replaces, removes or inserts whole elements and leaves every other byte as
 * the file had it. No parse and re-serialize round trip, which would reorder attributes, drop namespaces
 * and re-encode text.
 */

const NEEDS_ESCAPE = /[&<>"']/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"']/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}

const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITY[name] ?? whole;
  });
}

/**
 * Cell and shared-string text keeps characters XML 1.0 cannot hold as `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19
 * ST_Xstring); a literal `_xHHHH_` in the text is itself escaped as `_x005F_xHHHH_`. A carriage return is
 * escaped too, as Excel does: an XML parser would turn a raw one into a line feed.
 */
export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// eslint-disable-next-line no-control-regex
const NEEDS_XSTRING = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/;

export function encodeXstring(text: string): string {
  if (!NEEDS_XSTRING.test(text)) return text;
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/**
 * An ST_Xstring attribute value (ECMA-376 Part 1, 22.9.2.19), quoted with `"`: the characters XML cannot
 * hold as `_xHHHH_`, the markup characters as entities, and tab and line feed as character references,
 * since an XML parser turns a raw one in an attribute into a space (XML 1.0 §3.3.3, attribute-value
 * normalization). A carriage return is `_x000D_` (encodeXstring).
 */
export function escapeAttribute(text: string): string {
  return escapeXml(encodeXstring(text)).replace(/[\t\n]/g, (ch) => (ch === '\t' ? '&#9;' : '&#10;'));
}

/** The attributes of a start tag (`<c r="A1" s="3">`), values unescaped, in document order. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const start = tag.search(/\s/);
  if (start < 0) return out;
  re.lastIndex = start;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

const ATTRIBUTE_RES = new Map<string, RegExp>();

/** `name = "value"` after any whitespace, either quote: the general form, for what the fast path misses. */
function attributeRe(name: string): RegExp {
  let re = ATTRIBUTE_RES.get(name);
  if (!re) {
    re = new RegExp(`(\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTE_RES.set(name, re);
  }
  return re;
}

/**
 * One attribute of a start tag, or undefined. The common ` name="` form is found with indexOf: this runs for
 * every cell of a sheet, and a regular expression per lookup was most of the read's time.
 */
export function attribute(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at >= 0) {
    const start = at + name.length + 3;
    return unescapeXml(tag.slice(start, tag.indexOf('"', start)));
  }
  const m = attributeRe(name).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : undefined;
}

/**
 * The start tag with `name` set to `value` (or removed when value is undefined); the other attributes keep
 * their text and order. A new attribute goes at the end.
 */
export function withAttribute(tag: string, name: string, value: string | undefined): string {
  const at = tag.indexOf(` ${name}="`);
  if (at >= 0) {
    const end = tag.indexOf('"', at + name.length + 3) + 1;
    const replacement = value === undefined ? '' : ` ${name}="${escapeXml(value)}"`;
    return tag.slice(0, at) + replacement + tag.slice(end);
  }
  const re = attributeRe(name);
  if (re.test(tag)) {
    const replacement = value === undefined ? '' : `$1${name}="${escapeXml(value)}"`;
    return tag.replace(re, replacement).replace(/\s+(\/?>)$/, '$1');
  }
  if (value === undefined) return tag;
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  const head = tag.slice(0, close).replace(/\s+$/, '');
  return `${head} ${name}="${escapeXml(value)}"${tag.slice(close)}`;
}

/** Index just past the `>` that ends the tag starting at `start`, quoted `>` in attribute values skipped. */
export function tagEnd(xml: string, start: number): number {
  // By char code: indexing the string made a one-character string per character of every tag.
  let quote = 0;
  for (let i = start + 1; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) quote = code;
    else if (code === 62) return i + 1;
  }
  throw new Error('unterminated tag');
}

/** The element's qualified name from its start tag: `<x14:id>` → `x14:id`. */
export function tagName(tag: string): string {
  const m = /^<\/?([^\s/>]+)/.exec(tag);
  return m ? m[1] : '';
}

/** Whether `xml` has the tag name `name` at `at` (followed by whitespace, `>` or `/`). */
function nameAt(xml: string, at: number, name: string): boolean {
  if (!xml.startsWith(name, at)) return false;
  const next = xml.charCodeAt(at + name.length);
  return next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13;
}

/** Where `prefix` (`<name` or `</name`) first stands from `from` with the whole name after it, or -1. */
function namedTag(xml: string, prefix: string, name: string, from: number): number {
  for (let at = xml.indexOf(prefix, from); at >= 0; at = xml.indexOf(prefix, at + 1))
    if (nameAt(xml, at + prefix.length - name.length, name)) return at;
  return -1;
}

/**
 * Index just past the end of the element whose start tag begins at `start`. Only tags of the element's own
 * name are looked at (a `<` cannot occur in attribute values or text), so nothing is sliced per tag: this
 * walks a whole sheetData.
 */
export function elementEnd(xml: string, start: number): number {
  const first = tagEnd(xml, start);
  if (xml[first - 2] === '/') return first;
  const name = tagName(xml.slice(start, first));
  const close = namedTag(xml, `</${name}`, name, first);
  if (close >= 0) {
    // The first end tag of the name closes the element when nothing between opens the name again and
    // nothing there is a comment or CDATA (which could hide one): searched natively, as a sheetData is
    // megabytes; otherwise every tag is walked below.
    const inner = xml.slice(first, close);
    if (!inner.includes('<!') && namedTag(inner, `<${name}`, name, 0) < 0) return xml.indexOf('>', close) + 1;
  }
  let depth = 1;
  let i = first;
  while (depth > 0) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw new Error(`unterminated <${name}>`);
    if (xml.startsWith('<!--', lt)) {
      i = xml.indexOf('-->', lt) + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      i = xml.indexOf(']]>', lt) + 3;
      continue;
    }
    if (xml.charCodeAt(lt + 1) === 47 && nameAt(xml, lt + 2, name)) {
      depth--;
      i = xml.indexOf('>', lt) + 1;
      continue;
    }
    if (nameAt(xml, lt + 1, name)) {
      const end = tagEnd(xml, lt);
      if (xml[end - 2] !== '/') depth++;
      i = end;
      continue;
    }
    i = lt + 1;
  }
  return i;
}

/** A child of the root: an element (with its name) or the text, comment or whitespace between elements. */
export interface XmlChild {
  /** Qualified name; '' for text between elements. */
  readonly name: string;
  readonly xml: string;
}

/**
 * A part as its root element's start tag, its children and what follows; toString() gives back the exact
 * text when nothing was changed.
 */
export class ElementList {
  constructor(
    /** The XML declaration and the root's start tag. */
    public head: string,
    public children: XmlChild[],
    public tail: string,
  ) {}

  static parse(xml: string): ElementList {
    let rootStart = xml.indexOf('<');
    while (xml.startsWith('<?', rootStart) || xml.startsWith('<!', rootStart)) {
      const close = xml.startsWith('<!--', rootStart)
        ? xml.indexOf('-->', rootStart) + 3
        : tagEnd(xml, rootStart);
      rootStart = xml.indexOf('<', close);
    }
    const rootTagEnd = tagEnd(xml, rootStart);
    const head = xml.slice(0, rootTagEnd);
    if (head.endsWith('/>')) return new ElementList(head, [], xml.slice(rootTagEnd));
    const rootName = tagName(xml.slice(rootStart, rootTagEnd));
    const children: XmlChild[] = [];
    let i = rootTagEnd;
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) throw new Error(`unterminated <${rootName}>`);
      if (lt > i) children.push({ name: '', xml: xml.slice(i, lt) });
      if (xml.startsWith('</', lt)) return new ElementList(head, children, xml.slice(lt));
      let end: number;
      if (xml.startsWith('<!--', lt)) end = xml.indexOf('-->', lt) + 3;
      else if (xml.startsWith('<?', lt)) end = xml.indexOf('?>', lt) + 2;
      else end = elementEnd(xml, lt);
      const piece = xml.slice(lt, end);
      children.push({
        name: piece.startsWith('<!') || piece.startsWith('<?') ? '' : tagName(piece),
        xml: piece,
      });
      i = end;
    }
  }

  /**
   * A list element's children for editing, `<name/>` or absent made `<name></name>` so children can be
   * added (`<definedNames />` as openpyxl writes it).
   */
  static parseOpen(xml: string | undefined, name: string): ElementList {
    const list = ElementList.parse(xml ?? `<${name}></${name}>`);
    if (!list.head.endsWith('/>')) return list;
    return new ElementList(list.head.replace(/\s*\/>$/, '>'), [], `</${name}>${list.tail}`);
  }

  toString(): string {
    let out = this.head;
    for (const child of this.children) out += child.xml;
    return out + this.tail;
  }

  /** The root's start tag (without the XML declaration). */
  rootTag(): string {
    return this.head.slice(this.head.lastIndexOf('<'));
  }

  setRootTag(tag: string): void {
    this.head = this.head.slice(0, this.head.lastIndexOf('<')) + tag;
  }

  find(name: string): XmlChild | undefined {
    return this.children.find((c) => c.name === name);
  }

  all(name: string): XmlChild[] {
    return this.children.filter((c) => c.name === name);
  }

  /** Replaces the first `name` child, or inserts it where `order` says; undefined removes it. */
  put(name: string, xml: string | undefined, order: readonly string[]): void {
    const index = this.children.findIndex((c) => c.name === name);
    if (index >= 0) {
      if (xml === undefined) this.children.splice(index, 1);
      else this.children[index] = { name, xml };
      return;
    }
    if (xml !== undefined) this.insert({ name, xml }, order);
  }

  /**
   * Inserts a child before the first element that comes after it in the schema's sequence `order`, or after
   * the last one of its own kind. Elements not in `order` (mc:AlternateContent) keep their place.
   */
  insert(child: XmlChild, order: readonly string[]): void {
    const rank = order.indexOf(child.name);
    let at = this.children.length;
    let lastSame = -1;
    for (let i = 0; i < this.children.length; i++) {
      const r = order.indexOf(this.children[i].name);
      if (this.children[i].name === child.name) lastSame = i;
      if (r > rank && at === this.children.length) at = i;
    }
    if (lastSame >= 0) at = lastSame + 1;
    this.children.splice(at, 0, child);
  }
}

/** Start tag, inner text and end of an element text `<x ...>inner</x>` (inner '' when self-closing). */
export function splitElement(xml: string): {
  readonly start: string;
  readonly inner: string;
  readonly end: string;
} {
  const first = tagEnd(xml, 0);
  const start = xml.slice(0, first);
  if (start.endsWith('/>')) return { start, inner: '', end: '' };
  const close = xml.lastIndexOf('</');
  return { start, inner: xml.slice(first, close), end: xml.slice(close) };
}

/** The element's children, split as ElementList does, from its text. */
export function childrenOf(xml: string): ElementList {
  return ElementList.parse(xml);
}
