/**
 * Finding elements in XML text without parsing it into a tree, so that what is not edited keeps its
 * exact bytes. Linear in the text scanned.
 */

/** One element found by childElements: its local name, its prefix ('' or "x:"), and where it is. */
export interface ElementSpan {
  readonly local: string;
  readonly prefix: string;
  readonly start: number;
  /** Just after its end tag (or after "/>"). */
  readonly end: number;
}

/** Attribute values may hold '>' (legal XML), so a tag ends at the first '>' outside quotes. */
const ATTRIBUTES = `((?:[^>"']|"[^"]*"|'[^']*')*?)`;

/** Comments, processing instructions, CDATA, or a start/end/empty tag. */
const TOKEN = new RegExp(`<!--[\\s\\S]*?-->|<\\?[\\s\\S]*?\\?>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<(\\/?)([\\w.-]+:)?([\\w.-]+)${ATTRIBUTES}(\\/?)>`, 'g');

/**
 * The elements at depth 0 between `from` and `to` (e.g. the children of a root, after its start
 * tag). Elements named in `opaque` (qualified names) are not looked into: their end is found by
 * searching for their end tag, which is how a sheet's large <sheetData> is passed over quickly.
 */
export function childElements(xml: string, from: number, to: number, opaque: ReadonlySet<string> = new Set()): ElementSpan[] {
  const found: ElementSpan[] = [];
  const re = new RegExp(TOKEN.source, 'g');
  re.lastIndex = from;
  let depth = 0;
  let open: { local: string; prefix: string; start: number } | undefined;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    if (m[3] === undefined) continue; // comment, PI, CDATA
    const closing = m[1] === '/';
    const empty = m[5] === '/';
    if (closing) {
      depth--;
      if (depth === 0 && open) {
        found.push({ ...open, end: m.index + m[0].length });
        open = undefined;
      }
      if (depth < 0) break; // the parent's end tag
    } else if (empty) {
      if (depth === 0) found.push({ local: m[3], prefix: m[2] ?? '', start: m.index, end: m.index + m[0].length });
    } else if (depth === 0 && opaque.has(`${m[2] ?? ''}${m[3]}`)) {
      const close = `</${m[2] ?? ''}${m[3]}>`;
      const at = xml.indexOf(close, m.index);
      const end = at < 0 ? to : at + close.length;
      found.push({ local: m[3], prefix: m[2] ?? '', start: m.index, end });
      re.lastIndex = end;
    } else {
      if (depth === 0) open = { local: m[3], prefix: m[2] ?? '', start: m.index };
      depth++;
    }
  }
  return found;
}

/** A start tag pattern for `name` (qualified, e.g. "x:row"): group 1 the attributes, group 2 '/' when empty. */
export function startTagPattern(name: string, flags = 'g'): RegExp {
  return new RegExp(`<${escapeRegExp(name)}(?=[\\s/>])${ATTRIBUTES}(\\/?)>`, flags);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A text edit: replace [start, end) with text (start === end inserts). */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies non-overlapping edits; insertions at the same place keep the order they were given in. */
export function applyEdits(xml: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return xml;
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error('Internal error: overlapping XML edits.');
    out.push(xml.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  out.push(xml.slice(at));
  return out.join('');
}
