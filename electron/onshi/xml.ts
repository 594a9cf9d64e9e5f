/**
 * A small, strict XML reader for the 資格確認端末's files.
 *
 * Why not a general XML library: the files come from a shared network folder, so they are untrusted input,
 * and the format needs only elements and text. Owning ~300 lines makes the safety properties easy to state
 * and test:
 * - no DTD processing at all: any <!DOCTYPE / <!ENTITY ... is refused ('forbidden-dtd'), so no external
 *   entities, no entity expansion bombs; only the five predefined entities and numeric character references
 *   are decoded;
 * - bounded work: the byte size is capped before decoding, scanning is linear (indexOf, no backtracking
 *   regular expressions over the document), nesting depth and element count are capped, and the tree is
 *   built with an explicit stack, never recursion;
 * - errors are values with a code and a detail, never exceptions.
 *
 * Attributes are checked for well-formedness and then dropped: the onshi format does not use them.
 *
 * Longer than the ~400-line guideline on purpose: the whole reader (tokenizer, decoder, tree builder and
 * their bounds) stays in one file so its safety properties can be reviewed in one place.
 */

export type XmlReadError = 'too-large' | 'not-xml' | 'forbidden-dtd' | 'encoding' | 'schema';

export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** Concatenated character data directly inside this element (CDATA included), entities decoded. */
  text: string;
}

export type XmlEncoding = 'utf-8' | 'shift_jis';

/**
 * How the encoding was chosen: 'declared' (BOM or XML declaration), 'default' (neither names one: UTF-8),
 * 'fallback' (neither names one and the bytes are not UTF-8: CP932, the terminal's native encoding).
 */
export type XmlEncodingSource = 'declared' | 'default' | 'fallback';

export type XmlReadResult =
  | { ok: true; root: XmlElement; encoding: XmlEncoding; encodingSource: XmlEncodingSource }
  | { ok: false; error: XmlReadError; detail: string };

export interface XmlDecodeOptions {
  /**
   * Bytes with no BOM and no encoding in the XML declaration that are not valid UTF-8 are decoded as CP932
   * (some connectors write Shift_JIS files without saying so). Default true; an admin setting turns it off.
   */
  cp932Fallback?: boolean;
}

export interface XmlReadLimits {
  maxBytes: number;
  maxDepth: number;
  maxElements: number;
}

/** 4 MiB: a single result is a few KB; a file this large is a mistake or an attack. */
export const MAX_XML_BYTES = 4 * 1024 * 1024;

export const DEFAULT_XML_LIMITS: XmlReadLimits = {
  maxBytes: MAX_XML_BYTES,
  // The deepest real path is XmlMsg/MessageBody/ResultList/Result/…List/…Info/field: 7 levels.
  maxDepth: 64,
  // A single-person file has ~60 elements; this leaves room for large multi-result files while keeping
  // the tree of a hostile 4 MiB file of empty elements small.
  maxElements: 50_000,
};

type Failure = { ok: false; error: XmlReadError; detail: string };

function fail(error: XmlReadError, detail: string): Failure {
  return { ok: false, error, detail };
}

// ---------------------------------------------------------------------------------------------------
// Bytes → text

const CP932_LABELS = new Set([
  'shift_jis',
  'shift-jis',
  'sjis',
  'x-sjis',
  'windows-31j',
  'cp932',
  'ms932',
  'ms_kanji',
  'csshiftjis',
]);
const UTF8_LABELS = new Set(['utf-8', 'utf8']);

function isAsciiSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function startsWithAscii(bytes: Uint8Array, at: number, ascii: string): boolean {
  if (at + ascii.length > bytes.length) return false;
  for (let k = 0; k < ascii.length; k++) {
    if (bytes[at + k] !== ascii.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Reads the encoding pseudo-attribute of an XML declaration at `at`, on the raw bytes (both supported
 * encodings are ASCII-compatible there). Returns undefined when there is no declaration, the encoding
 * label when the declaration names one, '' when it names none, or a Failure when it is malformed.
 */
function readDeclaredEncoding(bytes: Uint8Array, at: number): string | undefined | Failure {
  if (!startsWithAscii(bytes, at, '<?xml') || !isAsciiSpace(bytes[at + 5])) return undefined;
  // A declaration is short; refusing long ones keeps this scan bounded.
  const limit = Math.min(bytes.length, at + 256);
  let end = -1;
  for (let k = at + 5; k + 1 < limit; k++) {
    if (bytes[k] === 0x3f && bytes[k + 1] === 0x3e) {
      end = k;
      break;
    }
  }
  if (end < 0) return fail('not-xml', 'unterminated XML declaration');
  let declaration = '';
  for (let k = at + 5; k < end; k++) {
    const byte = bytes[k] as number;
    if (byte >= 0x80) return fail('not-xml', 'non-ASCII byte in the XML declaration');
    declaration += String.fromCharCode(byte);
  }
  // version="1.0" [encoding="…"] [standalone="yes|no"], in this order, as XML 1.0 §2.8 requires.
  const match =
    /^\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]{0,39})\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\4)?\s*$/.exec(
      declaration,
    );
  if (!match) return fail('not-xml', 'malformed XML declaration');
  return match[3] ?? '';
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Text decoded from the bytes, with the encoding that was used. */
export type DecodeResult =
  { ok: true; text: string; encoding: XmlEncoding; encodingSource: XmlEncodingSource } | Failure;

/**
 * Chooses the encoding from the BOM or the XML declaration, then decodes strictly.
 * - UTF-8 BOM, or no declaration, or a UTF-8 declaration → strict UTF-8;
 * - declaration Shift_JIS / Windows-31J / CP932 → CP932 (Windows-31J, not strict Shift_JIS, so NEC/IBM
 *   extension kanji and 0x815D ‐ survive);
 * - no BOM and no encoding named, bytes not valid UTF-8 → CP932 when `cp932Fallback` (default), validated
 *   as strictly as a declared Shift_JIS file;
 * - anything else, or a BOM that disagrees with the declaration, or bytes invalid for the chosen encoding
 *   → 'encoding'.
 * `decodeCp932` is injected so this module has no dependency of its own (iconv-lite lives in the caller).
 */
export function decodeXmlBytes(
  bytes: Uint8Array,
  decodeCp932: (bytes: Uint8Array) => string,
  maxBytes = MAX_XML_BYTES,
  options: XmlDecodeOptions = {},
): DecodeResult {
  if (bytes.length > maxBytes) return fail('too-large', `file is ${bytes.length} bytes; the limit is ${maxBytes}`);
  if (bytes.length === 0) return fail('not-xml', 'empty file');
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    return fail('encoding', 'UTF-16 byte order mark: only UTF-8 and Shift_JIS are supported');
  }
  const hasUtf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const start = hasUtf8Bom ? 3 : 0;

  let first = start;
  while (first < bytes.length && isAsciiSpace(bytes[first])) first++;
  if (first >= bytes.length) return fail('not-xml', 'file has no markup');
  if (bytes[first] !== 0x3c) return fail('not-xml', 'file does not start with "<"');

  const declared = readDeclaredEncoding(bytes, start);
  if (typeof declared === 'object') return declared;
  const label = declared === undefined || declared === '' ? undefined : declared.toLowerCase();

  let encoding: XmlEncoding;
  if (label === undefined || UTF8_LABELS.has(label)) encoding = 'utf-8';
  else if (CP932_LABELS.has(label)) encoding = 'shift_jis';
  else return fail('encoding', `unsupported encoding "${declared}"`);

  if (hasUtf8Bom && encoding !== 'utf-8') {
    return fail('encoding', `UTF-8 byte order mark but the declaration says "${declared}"`);
  }

  const body = bytes.subarray(start);
  if (encoding === 'utf-8') {
    const text = decodeUtf8(body);
    if (text !== undefined)
      return { ok: true, text, encoding, encodingSource: label === undefined && !hasUtf8Bom ? 'default' : 'declared' };
    if (label !== undefined || hasUtf8Bom || options.cp932Fallback === false) {
      return fail(
        'encoding',
        label === undefined && !hasUtf8Bom
          ? 'bytes are not valid UTF-8 (no encoding declared; CP932 fallback is off)'
          : 'bytes are not valid UTF-8',
      );
    }
    // Nothing names an encoding and the bytes are not UTF-8: try the terminal's native CP932.
    const sjis = decodeCp932(body);
    if (sjis.includes('\uFFFD'))
      return fail('encoding', 'bytes are neither UTF-8 nor Shift_JIS (CP932), and no encoding is declared');
    return { ok: true, text: sjis, encoding: 'shift_jis', encodingSource: 'fallback' };
  }

  const text = decodeCp932(body);
  // CP932 has no mapping to U+FFFD, so a replacement character means an invalid byte sequence.
  if (text.includes('\uFFFD')) return fail('encoding', 'bytes are not valid Shift_JIS (CP932)');
  // UTF-8 Japanese text often decodes as CP932 without error, into mojibake. Genuine CP932 text with kanji
  // or half-width kana is practically never valid UTF-8 (its lead bytes 0x81–0x9F and kana bytes 0xA1–0xDF
  // are UTF-8 continuation bytes), so bytes that are non-ASCII and valid UTF-8 are a mislabelled file.
  if (hasNonAscii(body) && decodeUtf8(body) !== undefined) {
    return fail('encoding', 'declared Shift_JIS but the bytes are UTF-8');
  }
  return { ok: true, text, encoding, encodingSource: 'declared' };
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let k = 0; k < bytes.length; k++) if ((bytes[k] as number) >= 0x80) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Text → tree

// Characters XML 1.0 does not allow anywhere in a document. Surrogates cannot appear unpaired here:
// both decoders above produce only well-formed UTF-16.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const DTD_KEYWORDS = /^(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

// Name characters (simplified XML 1.0 Name: ASCII letters, '_', ':' and anything from U+00C0 start a name;
// digits, '-', '.' and U+00B7 may follow). ASCII goes through a table: names are most of what is scanned.
const NAME_START = 1;
const NAME_CHAR = 2;
const ASCII_NAME_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const letter = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x3a;
  const other = (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e;
  ASCII_NAME_CLASS[code] = letter ? NAME_START | NAME_CHAR : other ? NAME_CHAR : 0;
}

function isNameStart(code: number): boolean {
  return code < 128 ? ((ASCII_NAME_CLASS[code] ?? 0) & NAME_START) !== 0 : code >= 0xc0;
}

function isNameChar(code: number): boolean {
  return code < 128 ? ((ASCII_NAME_CLASS[code] ?? 0) & NAME_CHAR) !== 0 : code >= 0xc0 || code === 0xb7;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const MAX_NAME_LENGTH = 256;
const MAX_ATTRIBUTES = 32;

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Decodes the predefined entities and character references; anything else is not well-formed. */
function decodeEntities(raw: string): string | Failure {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    out += raw.slice(from, amp);
    const semicolon = raw.indexOf(';', amp + 1);
    // The longest legal reference is &#x10FFFF; (10 chars) — do not scan further than that.
    if (semicolon < 0 || semicolon - amp > 10) return fail('not-xml', 'unterminated "&" reference');
    const ref = raw.slice(amp + 1, semicolon);
    if (ref.startsWith('#')) {
      const isHex = ref[1] === 'x';
      const digits = ref.slice(isHex ? 2 : 1);
      if (!(isHex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits))
        return fail('not-xml', `bad character reference &${ref};`);
      const codePoint = Number.parseInt(digits, isHex ? 16 : 10);
      if (!isXmlChar(codePoint)) return fail('not-xml', `character reference &${ref}; is not an XML character`);
      out += String.fromCodePoint(codePoint);
    } else if (Object.hasOwn(PREDEFINED_ENTITIES, ref)) {
      out += PREDEFINED_ENTITIES[ref];
    } else {
      return fail(
        'not-xml',
        `undefined entity &${ref.slice(0, 40)}; (entities other than the predefined five are not supported)`,
      );
    }
    from = semicolon + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

function isWhitespaceOnly(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

/**
 * Builds the element tree of a decoded document. Well-formedness errors are 'not-xml', DTD markup is
 * 'forbidden-dtd', and exceeding the depth / element limits is 'schema' (the document may be well-formed,
 * it just is not a shape the onshi format can have).
 */
export function parseXmlText(
  input: string,
  limits: XmlReadLimits = DEFAULT_XML_LIMITS,
): { ok: true; root: XmlElement } | Failure {
  // XML 1.0 §2.11: line ends are normalised before parsing.
  const s = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  if (FORBIDDEN_CHARS.test(s)) return fail('not-xml', 'control character not allowed in XML');

  const length = s.length;
  let i = 0;
  // The XML declaration is only legal at the very start; its content was checked on the bytes.
  if (s.startsWith('<?xml') && isSpace(s.charCodeAt(5))) {
    const end = s.indexOf('?>', 5);
    if (end < 0) return fail('not-xml', 'unterminated XML declaration');
    i = end + 2;
  }

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let elementCount = 0;

  const readName = (): string | undefined => {
    const begin = i;
    if (i >= length || !isNameStart(s.charCodeAt(i))) return undefined;
    i++;
    while (i < length && isNameChar(s.charCodeAt(i))) i++;
    if (i - begin > MAX_NAME_LENGTH) return undefined;
    return s.slice(begin, i);
  };
  const skipSpace = (): void => {
    while (i < length && isSpace(s.charCodeAt(i))) i++;
  };
  const appendText = (text: string): Failure | undefined => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      return isWhitespaceOnly(text)
        ? undefined
        : fail('not-xml', root ? 'text after the root element' : 'text before the root element');
    }
    parent.text += text;
    return undefined;
  };

  while (i < length) {
    const lt = s.indexOf('<', i);
    if (lt !== i) {
      const end = lt < 0 ? length : lt;
      const raw = s.slice(i, end);
      const decoded = decodeEntities(raw);
      if (typeof decoded !== 'string') return decoded;
      const problem = appendText(decoded);
      if (problem) return problem;
      i = end;
      continue;
    }

    const next = s.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      if (s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i + 4);
        if (end < 0) return fail('not-xml', 'unterminated comment');
        i = end + 3;
        continue;
      }
      if (s.startsWith('<![CDATA[', i)) {
        const end = s.indexOf(']]>', i + 9);
        if (end < 0) return fail('not-xml', 'unterminated CDATA section');
        if (stack.length === 0) return fail('not-xml', 'CDATA section outside the root element');
        const problem = appendText(s.slice(i + 9, end));
        if (problem) return problem;
        i = end + 3;
        continue;
      }
      if (DTD_KEYWORDS.test(s.slice(i + 2, i + 10))) {
        return fail('forbidden-dtd', 'document type declarations and entity declarations are refused');
      }
      return fail('not-xml', 'unknown markup declaration "<!"');
    }

    if (next === 0x3f /* ? */) {
      i += 2;
      const target = readName();
      if (target === undefined) return fail('not-xml', 'malformed processing instruction');
      if (target.toLowerCase() === 'xml') return fail('not-xml', 'XML declaration not at the start of the file');
      const end = s.indexOf('?>', i);
      if (end < 0) return fail('not-xml', 'unterminated processing instruction');
      i = end + 2;
      continue;
    }

    if (next === 0x2f /* / */) {
      i += 2;
      // Fast path: the end tag almost always closes the open element, so compare instead of re-scanning.
      const top = stack[stack.length - 1];
      if (top !== undefined && s.startsWith(top.name, i) && s.charCodeAt(i + top.name.length) === 0x3e) {
        i += top.name.length + 1;
        stack.pop();
        continue;
      }
      const name = readName();
      if (name === undefined) return fail('not-xml', 'malformed end tag');
      skipSpace();
      if (s.charCodeAt(i) !== 0x3e) return fail('not-xml', `malformed end tag </${name}`);
      i++;
      const open = stack.pop();
      if (open === undefined || open.name !== name) {
        return fail('not-xml', open ? `</${name}> closes <${open.name}>` : `</${name}> without a start tag`);
      }
      continue;
    }

    // Start tag.
    i++;
    const name = readName();
    if (name === undefined) return fail('not-xml', 'malformed start tag');
    if (stack.length === 0 && root !== undefined) return fail('not-xml', 'more than one root element');
    // Allocated only when the tag has attributes (the onshi format has none), to keep start tags cheap.
    let seen: Set<string> | undefined;
    let selfClosing = false;
    for (;;) {
      const beforeSpace = i;
      skipSpace();
      const code = s.charCodeAt(i);
      if (code === 0x3e) {
        i++;
        break;
      }
      if (code === 0x2f && s.charCodeAt(i + 1) === 0x3e) {
        i += 2;
        selfClosing = true;
        break;
      }
      if (i === beforeSpace)
        return fail(
          'not-xml',
          i >= length ? `unexpected end of file inside <${name} (truncated?)` : `malformed tag <${name}>`,
        );
      const attribute = readName();
      if (attribute === undefined) return fail('not-xml', `malformed attribute in <${name}>`);
      seen ??= new Set<string>();
      if (seen.has(attribute)) return fail('not-xml', `duplicate attribute ${attribute} in <${name}>`);
      if (seen.size >= MAX_ATTRIBUTES) return fail('not-xml', `too many attributes in <${name}>`);
      seen.add(attribute);
      skipSpace();
      if (s.charCodeAt(i) !== 0x3d) return fail('not-xml', `attribute ${attribute} has no value`);
      i++;
      skipSpace();
      const quote = s[i];
      if (quote !== '"' && quote !== "'") return fail('not-xml', `attribute ${attribute} is not quoted`);
      const close = s.indexOf(quote, i + 1);
      if (close < 0) return fail('not-xml', `unterminated attribute ${attribute}`);
      const value = s.slice(i + 1, close);
      if (value.includes('<')) return fail('not-xml', `"<" in attribute ${attribute}`);
      const decoded = decodeEntities(value);
      if (typeof decoded !== 'string') return decoded;
      i = close + 1;
    }

    elementCount++;
    if (elementCount > limits.maxElements) return fail('schema', `more than ${limits.maxElements} elements`);
    if (stack.length + 1 > limits.maxDepth)
      return fail('schema', `elements nested deeper than ${limits.maxDepth} levels`);
    const element: XmlElement = { name, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    if (!selfClosing) stack.push(element);
  }

  if (stack.length > 0)
    return fail('not-xml', `unexpected end of file inside <${stack[stack.length - 1]?.name}> (truncated?)`);
  if (root === undefined) return fail('not-xml', 'no root element');
  return { ok: true, root };
}

/** Bytes → element tree: size cap, encoding detection and strict decoding, then the tokenizer. */
export function readXml(
  bytes: Uint8Array,
  decodeCp932: (bytes: Uint8Array) => string,
  limits: XmlReadLimits = DEFAULT_XML_LIMITS,
  options: XmlDecodeOptions = {},
): XmlReadResult {
  const decoded = decodeXmlBytes(bytes, decodeCp932, limits.maxBytes, options);
  if (!decoded.ok) return decoded;
  const parsed = parseXmlText(decoded.text, limits);
  if (!parsed.ok) return parsed;
  return { ok: true, root: parsed.root, encoding: decoded.encoding, encodingSource: decoded.encodingSource };
}
