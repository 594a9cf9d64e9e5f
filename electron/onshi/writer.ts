/**
 * The small XML writer behind the builders: a tree of leaves and containers, escaped and indented, with
 * per-element overrides so tests can produce files the normal input types cannot describe (unknown codes,
 * missing or duplicated elements, impossible dates).
 */
import iconv from 'iconv-lite';

/** A programmer error in builder input (e.g. a 9-digit institution code). Validate user input before. */
export class OnshiBuildError extends RangeError {
  override readonly name = 'OnshiBuildError';
}

/** A leaf holds text; a container holds child nodes. `undefined` entries are skipped when writing. */
export type XmlNode = { name: string; text: string } | { name: string; children: Array<XmlNode | undefined> };

/**
 * Raw changes to the direct children of one element, applied after the typed input is laid out:
 * - `overrides[name] = 'text'` replaces the text of that leaf, or adds it at the end when absent;
 * - `overrides[name] = null` removes that element (leaf or container);
 * - `extra` appends leaves verbatim, in order (e.g. a second InsurerNumber).
 */
export interface ElementPatch {
  overrides?: Readonly<Record<string, string | null>>;
  extra?: ReadonlyArray<readonly [name: string, text: string]>;
}

export function leaf(name: string, text: string | undefined): XmlNode | undefined {
  return text === undefined ? undefined : { name, text };
}

export function container(name: string, children: Array<XmlNode | undefined>, patch?: ElementPatch): XmlNode {
  const present = children.filter((child): child is XmlNode => child !== undefined);
  if (!patch) return { name, children: present };
  const overrides = patch.overrides ?? {};
  const seen = new Set<string>();
  const patched: XmlNode[] = [];
  for (const child of present) {
    seen.add(child.name);
    if (!Object.hasOwn(overrides, child.name)) {
      patched.push(child);
      continue;
    }
    const replacement = overrides[child.name];
    if (replacement === null || replacement === undefined) continue;
    patched.push({ name: child.name, text: replacement });
  }
  for (const [overrideName, text] of Object.entries(overrides)) {
    if (!seen.has(overrideName) && typeof text === 'string') patched.push({ name: overrideName, text });
  }
  for (const [extraName, text] of patch.extra ?? []) patched.push({ name: extraName, text });
  return { name, children: patched };
}

// XML 1.0 Char: tab, LF, CR and U+0020 upwards minus surrogates (unpaired) and U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Escapes element text. CR is written as a reference because parsers normalise a raw CR to LF. */
export function escapeText(text: string): string {
  if (NOT_XML_CHAR.test(text)) throw new OnshiBuildError(`text contains a character XML cannot carry: ${JSON.stringify(text.slice(0, 40))}`);
  return text.replace(/[&<>\r]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&#13;'));
}

const XML_NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

export interface SerializeOptions {
  encoding: 'utf-8' | 'shift_jis';
  newline?: '\n' | '\r\n';
  /** UTF-8 only: start with a byte order mark (the terminal does not; some exporters do). */
  bom?: boolean;
}

/** Serialises `root` with an XML declaration naming the encoding, indented by two spaces. */
export function serializeXml(root: XmlNode, options: SerializeOptions): Uint8Array {
  const newline = options.newline ?? '\n';
  const declaredEncoding = options.encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8';
  const out: string[] = [`<?xml version="1.0" encoding="${declaredEncoding}" standalone="no"?>`];
  // Explicit stack rather than recursion, for symmetry with the reader (depth is small either way).
  const stack: Array<{ node: XmlNode; depth: number; closing: boolean }> = [{ node: root, depth: 0, closing: false }];
  while (stack.length > 0) {
    const { node, depth, closing } = stack.pop() as { node: XmlNode; depth: number; closing: boolean };
    if (!XML_NAME.test(node.name)) throw new OnshiBuildError(`not an element name: ${JSON.stringify(node.name)}`);
    const indent = '  '.repeat(depth);
    if ('text' in node) {
      out.push(`${indent}<${node.name}>${escapeText(node.text)}</${node.name}>`);
    } else if (closing) {
      out.push(`${indent}</${node.name}>`);
    } else {
      out.push(`${indent}<${node.name}>`);
      stack.push({ node, depth, closing: true });
      const children = node.children.filter((child): child is XmlNode => child !== undefined);
      for (let k = children.length - 1; k >= 0; k--) stack.push({ node: children[k] as XmlNode, depth: depth + 1, closing: false });
    }
  }
  const text = out.join(newline) + newline;
  if (options.encoding === 'utf-8') {
    const body = new TextEncoder().encode(text);
    if (!options.bom) return body;
    const withBom = new Uint8Array(body.length + 3);
    withBom.set([0xef, 0xbb, 0xbf]);
    withBom.set(body, 3);
    return withBom;
  }
  return encodeCp932Strict(text);
}

/** CP932-encodes `text`; iconv-lite writes "?" for unmappable characters, so that is checked and refused. */
export function encodeCp932Strict(text: string): Uint8Array {
  const bytes = iconv.encode(text, 'cp932');
  const back = iconv.decode(bytes, 'cp932');
  if (back !== text) {
    let at = 0;
    while (at < text.length && text[at] === back[at]) at++;
    const ch = String.fromCodePoint(text.codePointAt(at) ?? 0x3f);
    throw new OnshiBuildError(`"${ch}" (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) cannot be written in Shift_JIS (CP932)`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
