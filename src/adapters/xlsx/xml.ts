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
