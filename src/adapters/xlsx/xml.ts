/**
 * Small string helpers for the SpreadsheetML we read and write. The adapter patches XML as text
 * (no DOM round trip) so that parts it does not own keep their exact bytes.
 */

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for an attribute value or element content. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** Escapes element content; quotes may stay, as Excel writes them (`<f>A1&amp;"x"</f>`). */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ESCAPES[ch]);
}

/**
 * Cell text: control characters are not allowed in XML 1.0, so Excel writes them as _xHHHH_;
 * a literal "_xHHHH_" in the text is protected as "_x005F_xHHHH_" the same way.
 */
export function escapeCellText(text: string): string {
  const protectedText = text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeText(protectedText);
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Reverses escapeCellText's _xHHHH_ escapes (Excel writes them in shared strings too). */
export function decodeCellText(text: string): string {
  const decoded = decodeXml(text);
  if (decoded.indexOf('_x') < 0) return decoded;
  return decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Attributes of one start tag (the text between '<name' and '>'), keyed by qualified name, decoded. */
export function parseAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) attributes[m[1]] = decodeXml(m[3] ?? m[4] ?? '');
  return attributes;
}

/** The value of the first attribute whose local name is `local` (any prefix), e.g. r:id. */
export function attributeByLocalName(attributes: Record<string, string>, local: string): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (name === local || name.endsWith(`:${local}`)) return value;
  }
  return undefined;
}

/** Builds an empty element with the attributes that are defined, in the given order. */
export function element(name: string, attributes: Record<string, string | number | undefined>, content?: string): string {
  let tag = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) tag += ` ${key}="${escapeXml(String(value))}"`;
  }
  return content === undefined ? `${tag}/>` : `${tag}>${content}</${name}>`;
}

/** One tag found by nextTag: `<x:name attrs>`, `<name/>` or `</name>`. */
export interface XmlTag {
  /** The name as written, prefix included ("x:c"). */
  readonly qname: string;
  /** The name without its prefix ("c"). */
  readonly local: string;
  /** The raw text between the name and '>' (undecoded; parse with parseAttributes). */
  readonly attributes: string;
  /** Index of '<'. */
  readonly start: number;
  /** Index just after '>'. */
  readonly end: number;
  readonly closing: boolean;
  readonly selfClosing: boolean;
}

const isNameChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 58 || c === 95 || c === 45 || c === 46 || c > 127;

/**
 * The next start, empty or end tag at or after `from` and before `to`; comments, CDATA, processing
 * instructions and declarations are skipped. Linear: every character is looked at a bounded number
 * of times however broken the XML is, so a scan over a whole sheet never goes quadratic.
 */
export function nextTag(xml: string, from: number, to: number = xml.length): XmlTag | undefined {
  let pos = from;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0 || lt >= to) return undefined;
    const first = xml.charCodeAt(lt + 1);
    if (first === 33 /* ! */ || first === 63 /* ? */) {
      const close = xml.startsWith('<!--', lt) ? '-->' : xml.startsWith('<![CDATA[', lt) ? ']]>' : '>';
      const at = xml.indexOf(close, lt + 2);
      if (at < 0 || at >= to) return undefined;
      pos = at + close.length;
      continue;
    }
    const closing = first === 47; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    let i = nameStart;
    while (i < to && isNameChar(xml.charCodeAt(i))) i++;
    if (i === nameStart) {
      pos = lt + 1; // a stray '<': not a tag
      continue;
    }
    const nameEnd = i;
    // The end of the tag: the first '>' outside quoted attribute values.
    while (i < to) {
      const c = xml.charCodeAt(i);
      if (c === 62) break;
      if (c === 34 || c === 39) {
        const q = xml.indexOf(c === 34 ? '"' : "'", i + 1);
        if (q < 0 || q >= to) return undefined;
        i = q;
      }
      i++;
    }
    if (i >= to) return undefined;
    const qname = xml.slice(nameStart, nameEnd);
    const colon = qname.indexOf(':');
    const selfClosing = !closing && xml.charCodeAt(i - 1) === 47;
    return {
      qname,
      local: colon < 0 ? qname : qname.slice(colon + 1),
      attributes: xml.slice(nameEnd, selfClosing ? i - 1 : i),
      start: lt,
      end: i + 1,
      closing,
      selfClosing,
    };
  }
}

/**
 * The index of the end tag `</qname>` that closes an element whose content starts at `from`, counting
 * nested elements of the same name; -1 when there is none before `to`.
 */
export function closingTagIndex(xml: string, qname: string, from: number, to: number = xml.length): number {
  let depth = 0;
  let pos = from;
  for (;;) {
    const next = xml.indexOf(qname, pos);
    if (next < 0 || next >= to) return -1;
    const after = xml.charCodeAt(next + qname.length);
    const before = xml.charCodeAt(next - 1);
    pos = next + qname.length;
    if (isNameChar(after)) continue; // "<cols" is not "<c"
    if (before === 47 /* / */ && xml.charCodeAt(next - 2) === 60 /* < */) {
      if (depth === 0) return next - 2;
      depth--;
    } else if (before === 60 /* < */) {
      const tag = nextTag(xml, next - 1, to);
      if (!tag) return -1;
      if (!tag.selfClosing) depth++;
      pos = tag.end;
    }
  }
}

/** The raw (undecoded) value of one attribute in a tag's attribute text, by exact name. */
export function rawAttribute(attributes: string, name: string): string | undefined {
  let pos = 0;
  for (;;) {
    const at = attributes.indexOf(name, pos);
    if (at < 0) return undefined;
    pos = at + name.length;
    const before = at === 0 ? 32 : attributes.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let i = pos;
    while (attributes.charCodeAt(i) === 32) i++;
    if (attributes.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (attributes.charCodeAt(i) === 32) i++;
    const quote = attributes[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = attributes.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    return attributes.slice(i + 1, end);
  }
}
