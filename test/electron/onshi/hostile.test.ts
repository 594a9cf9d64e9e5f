import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MAX_XML_BYTES, parseNumberQuery, parseOnshiResult } from '../../../electron/onshi/index';
import type { OnshiParseError } from '../../../electron/onshi/index';
import { REQUIRED_PERSON_FIELDS, expectOk, fixture, minimalResult, utf8 } from './helpers';

function deepNesting(levels: number): Uint8Array {
  return utf8(`<XmlMsg>${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}</XmlMsg>`);
}

function tooLarge(): Uint8Array {
  // Valid XML all the way through, so only the size can refuse it.
  const head = utf8('<?xml version="1.0" encoding="UTF-8"?><XmlMsg><!--');
  const tail = utf8('--></XmlMsg>');
  const bytes = new Uint8Array(MAX_XML_BYTES + 1).fill(0x20);
  bytes.set(head, 0);
  bytes.set(tail, bytes.length - tail.length);
  return bytes;
}

const mainFace = fixture('hand/main-face-utf8.xml');
const mainFaceText = new TextDecoder().decode(mainFace);

interface HostileCase {
  name: string;
  bytes: () => Uint8Array;
  error: OnshiParseError;
  detail?: RegExp;
}

const hostileCases: HostileCase[] = [
  {
    name: 'DOCTYPE with an external entity (file)',
    bytes: () => fixture('malformed/doctype-external-entity.xml'),
    error: 'forbidden-dtd',
  },
  { name: 'billion laughs (file)', bytes: () => fixture('malformed/billion-laughs.xml'), error: 'forbidden-dtd' },
  {
    name: 'DOCTYPE without internal subset',
    bytes: () => utf8('<!DOCTYPE XmlMsg SYSTEM "http://example.invalid/x.dtd"><XmlMsg/>'),
    error: 'forbidden-dtd',
  },
  {
    name: 'lower-case doctype',
    bytes: () => utf8('<?xml version="1.0"?><!doctype XmlMsg><XmlMsg/>'),
    error: 'forbidden-dtd',
  },
  {
    name: 'ENTITY declaration inside the root',
    bytes: () => utf8('<XmlMsg><!ENTITY a "b"></XmlMsg>'),
    error: 'forbidden-dtd',
  },
  {
    name: 'parameter entity bomb',
    bytes: () => utf8('<!DOCTYPE x [<!ENTITY % p "<!ENTITY q \'x\'>"> %p;]><XmlMsg/>'),
    error: 'forbidden-dtd',
  },
  {
    name: 'undefined entity without a DTD',
    bytes: () => utf8(minimalResult(REQUIRED_PERSON_FIELDS.replace('試験　太郎', '&xxe;'))),
    error: 'not-xml',
    detail: /undefined entity/,
  },
  { name: 'more than 4 MiB', bytes: tooLarge, error: 'too-large' },
  { name: 'truncated (file)', bytes: () => fixture('malformed/truncated.xml'), error: 'not-xml', detail: /truncated/ },
  {
    name: 'truncated inside a start tag',
    bytes: () => mainFace.subarray(0, mainFaceText.indexOf('<MessageBody') + 6),
    error: 'not-xml',
  },
  { name: 'truncated inside the declaration', bytes: () => utf8('<?xml version="1.0" enc'), error: 'not-xml' },
  { name: 'binary (PNG header)', bytes: () => fixture('malformed/binary.bin'), error: 'not-xml' },
  { name: 'plain text', bytes: () => utf8('SegmentOfResult=1'), error: 'not-xml' },
  { name: 'JSON', bytes: () => utf8('{"XmlMsg": {}}'), error: 'not-xml' },
  { name: 'empty file', bytes: () => fixture('malformed/empty.xml'), error: 'not-xml' },
  { name: 'whitespace only', bytes: () => utf8(' \r\n\t '), error: 'not-xml' },
  { name: 'BOM only', bytes: () => new Uint8Array([0xef, 0xbb, 0xbf]), error: 'not-xml' },
  { name: 'NUL bytes inside an element', bytes: () => utf8('<XmlMsg>\u0000</XmlMsg>'), error: 'not-xml' },
  {
    name: 'mismatched end tag',
    bytes: () => utf8('<XmlMsg><MessageHeader></XmlMsg></MessageHeader>'),
    error: 'not-xml',
  },
  { name: 'two root elements', bytes: () => utf8('<XmlMsg/><XmlMsg/>'), error: 'not-xml' },
  { name: 'text after the root', bytes: () => utf8('<XmlMsg/>trailing'), error: 'not-xml' },
  { name: 'declaration not at the start', bytes: () => utf8('<XmlMsg/><?xml version="1.0"?>'), error: 'not-xml' },
  { name: 'unterminated comment', bytes: () => utf8('<XmlMsg><!-- never closed</XmlMsg>'), error: 'not-xml' },
  { name: 'unterminated CDATA', bytes: () => utf8('<XmlMsg><![CDATA[ never closed</XmlMsg>'), error: 'not-xml' },
  { name: 'bad character reference', bytes: () => utf8('<XmlMsg>&#0;</XmlMsg>'), error: 'not-xml' },
  { name: 'surrogate character reference', bytes: () => utf8('<XmlMsg>&#xD800;</XmlMsg>'), error: 'not-xml' },
  { name: 'bare ampersand', bytes: () => utf8('<XmlMsg>a & b</XmlMsg>'), error: 'not-xml' },
  { name: 'duplicate attribute', bytes: () => utf8('<XmlMsg a="1" a="2"/>'), error: 'not-xml' },
  { name: '"<" in an attribute', bytes: () => utf8('<XmlMsg a="<"/>'), error: 'not-xml' },
  {
    name: 'UTF-8 bytes declared Shift_JIS (file)',
    bytes: () => fixture('malformed/utf8-declared-sjis.xml'),
    error: 'encoding',
  },
  {
    name: 'Shift_JIS bytes declared UTF-8 (file)',
    bytes: () => fixture('malformed/sjis-declared-utf8.xml'),
    error: 'encoding',
  },
  {
    // Undeclared CP932 is read through the fallback (robustness.test.ts); bytes that are neither are refused.
    name: 'undeclared bytes that are neither UTF-8 nor Shift_JIS',
    bytes: () => new Uint8Array([...iconv.encode('<XmlMsg>試験', 'cp932'), 0x81, 0x20, ...utf8('</XmlMsg>')]),
    error: 'encoding',
  },
  {
    name: 'invalid Shift_JIS sequence',
    bytes: () =>
      new Uint8Array([...utf8('<?xml version="1.0" encoding="Shift_JIS"?><XmlMsg>'), 0x81, 0x20, ...utf8('</XmlMsg>')]),
    error: 'encoding',
  },
  { name: 'BOM + Shift_JIS declaration (file)', bytes: () => fixture('malformed/bom-mismatch.xml'), error: 'encoding' },
  {
    name: 'UTF-16 BOM',
    bytes: () => new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00, 0x2f, 0x00, 0x3e, 0x00]),
    error: 'encoding',
  },
  {
    name: 'unsupported declared encoding',
    bytes: () => utf8('<?xml version="1.0" encoding="EUC-JP"?><XmlMsg/>'),
    error: 'encoding',
  },
  {
    name: 'Birthdate 20240230 (file)',
    bytes: () => fixture('malformed/birthdate-20240230.xml'),
    error: 'schema',
    detail: /Birthdate "20240230"/,
  },
  {
    name: 'duplicated InsurerNumber (file)',
    bytes: () => fixture('malformed/duplicate-insurer-number.xml'),
    error: 'schema',
    detail: /InsurerNumber appears 2 times/,
  },
  {
    name: 'wrong root (file)',
    bytes: () => fixture('malformed/wrong-root.xml'),
    error: 'schema',
    detail: /root element is <Message>/,
  },
  {
    name: 'missing NameKana (file)',
    bytes: () => fixture('malformed/missing-name-kana.xml'),
    error: 'schema',
    detail: /NameKana/,
  },
  { name: 'deep nesting: 100k elements', bytes: () => deepNesting(100_000), error: 'schema', detail: /deeper than 64/ },
  {
    name: 'deep nesting: 100k unclosed elements',
    bytes: () => utf8(`<XmlMsg>${'<a>'.repeat(100_000)}`),
    error: 'schema',
    detail: /deeper than 64/,
  },
  {
    name: 'too many elements',
    bytes: () => utf8(`<XmlMsg>${'<a/>'.repeat(60_000)}</XmlMsg>`),
    error: 'schema',
    detail: /more than 50000 elements/,
  },
];

describe('parseOnshiResult refuses hostile input with a typed error', () => {
  it.each(hostileCases)('$name → $error', ({ bytes, error, detail }) => {
    const input = bytes();
    const started = performance.now();
    const parse = parseOnshiResult(input);
    const elapsed = performance.now() - started;
    expect(parse.ok).toBe(false);
    if (parse.ok) return;
    expect(parse.error).toBe(error);
    expect(parse.detail.length).toBeGreaterThan(0);
    expect(parse.detail).not.toMatch(/internal/);
    if (detail) expect(parse.detail).toMatch(detail);
    // Generous: this machine can be slow and loaded; a hang or exponential blow-up is far beyond it.
    expect(elapsed).toBeLessThan(5_000);
  });

  it('the size limit is checked before decoding: a 4 MiB + 1 file of invalid bytes is still too-large', () => {
    const parse = parseOnshiResult(new Uint8Array(MAX_XML_BYTES + 1).fill(0xff));
    expect(parse).toMatchObject({ ok: false, error: 'too-large' });
  });

  it('a file of exactly 4 MiB is read, not refused for size', () => {
    const bytes = tooLarge().subarray(0, MAX_XML_BYTES);
    // Re-close the comment and root at the new end.
    bytes.set(utf8('--></XmlMsg>'), MAX_XML_BYTES - 12);
    const parse = parseOnshiResult(bytes);
    // Well-formed and within the size limit: the next gate is the schema (no MessageHeader).
    expect(parse).toMatchObject({ ok: false, error: 'schema', detail: expect.stringMatching(/MessageHeader/) });
  });

  it('nesting up to the limit is fine: 64 levels parse, 65 are refused', () => {
    // XmlMsg + 63 levels = 64.
    const ok = parseOnshiResult(deepNesting(63));
    expect(ok).toMatchObject({ ok: false, error: 'schema', detail: expect.stringMatching(/MessageHeader/) });
    expect(parseOnshiResult(deepNesting(64))).toMatchObject({
      ok: false,
      error: 'schema',
      detail: expect.stringMatching(/deeper than 64/),
    });
  });

  it('the entity in an external-entity file is never resolved (nothing from /etc/passwd in any detail)', () => {
    const parse = parseOnshiResult(fixture('malformed/doctype-external-entity.xml'));
    expect(parse).toMatchObject({ ok: false, error: 'forbidden-dtd' });
    expect(JSON.stringify(parse)).not.toContain('root:');
  });

  it('a DOCTYPE is refused even when the rest of the file is a valid result', () => {
    const text = mainFaceText.replace('<XmlMsg>', '<!DOCTYPE XmlMsg>\n<XmlMsg>');
    expect(parseOnshiResult(utf8(text))).toMatchObject({ ok: false, error: 'forbidden-dtd' });
    expectOk(parseOnshiResult(utf8(mainFaceText)));
  });

  it('parseNumberQuery shares the same guards', () => {
    expect(parseNumberQuery(fixture('malformed/billion-laughs.xml'))).toMatchObject({
      ok: false,
      error: 'forbidden-dtd',
    });
    expect(parseNumberQuery(tooLarge())).toMatchObject({ ok: false, error: 'too-large' });
    expect(parseNumberQuery(fixture('malformed/truncated.xml'))).toMatchObject({ ok: false, error: 'not-xml' });
    expect(parseNumberQuery(deepNesting(100_000))).toMatchObject({ ok: false, error: 'schema' });
    expect(parseNumberQuery(fixture('malformed/utf8-declared-sjis.xml'))).toMatchObject({
      ok: false,
      error: 'encoding',
    });
    expect(parseNumberQuery(fixture('malformed/empty.xml'))).toMatchObject({ ok: false, error: 'not-xml' });
  });

  it('hostile codes such as "__proto__" or "constructor" are just unknown codes', () => {
    const person =
      REQUIRED_PERSON_FIELDS +
      '<InsuredCardClassification>constructor</InsuredCardClassification><Sex1>__proto__</Sex1>';
    const result = expectOk(
      parseOnshiResult(
        utf8(minimalResult(person).replace('<QualificationValidity>1', '<QualificationValidity>toString')),
      ),
    );
    expect(result.validity).toBe('unknown');
    expect(result.people[0]?.insuredCardClassification).toEqual({ code: 'constructor' });
    expect(result.people[0]?.sex).toBeUndefined();
  });
});
