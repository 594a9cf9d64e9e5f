/**
 * Files other tools write that the parser must still read (issue 9): Shift_JIS bytes with no encoding
 * declared, a person without <Name>, face names without an id segment, error answers with an incomplete
 * person node. Fixtures are made here (Shift_JIS bytes through iconv-lite).
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isFaceFileName, parseFaceFileName, parseOnshiResult } from '../../../electron/onshi/index';
import { REQUIRED_PERSON_FIELDS, expectOk, fixture, minimalResult, utf8 } from './helpers';

const sjis = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'cp932'));

/** The hand-written main face file with its XML declaration replaced (or removed). */
function mainFaceWithDeclaration(declaration: string): string {
  const text = new TextDecoder().decode(fixture('hand/main-face-utf8.xml'));
  return text.replace(/^<\?xml[^?]*\?>\n?/, declaration);
}

describe('encoding: undeclared Shift_JIS bytes (CP932 fallback)', () => {
  const variants: Array<[string, string]> = [
    ['no XML declaration', ''],
    ['a declaration without encoding', '<?xml version="1.0"?>\n'],
    ['a declaration with standalone but no encoding', '<?xml version="1.0" standalone="yes"?>\n'],
  ];
  for (const [label, declaration] of variants) {
    it(`reads CP932 bytes with ${label}`, () => {
      const bytes = sjis(mainFaceWithDeclaration(declaration));
      // The bytes really are not UTF-8 (otherwise this would test nothing).
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      const result = expectOk(parseOnshiResult(bytes));
      expect(result.encoding).toBe('shift_jis');
      expect(result.encodingSource).toBe('fallback');
      expect(result.people[0]).toMatchObject({
        name: '試験　太郎',
        nameKana: 'ﾃｽﾄ ﾀﾛｳ',
        insurerName: '全国健康保険協会',
      });
    });
  }

  it('keeps CP932 extension characters (NEC row 13, IBM kanji, U+2010) in the fallback', () => {
    const person = REQUIRED_PERSON_FIELDS.replace('試験　太郎', '髙橋　①郎').replace('1234', '０２８２‐００１');
    const bytes = sjis(minimalResult(person).replace(/^<\?xml[^?]*\?>/, '<?xml version="1.0"?>'));
    const result = expectOk(parseOnshiResult(bytes));
    expect(result.people[0]?.name).toBe('髙橋　①郎');
    expect(result.people[0]?.number).toBe('０２８２‐００１');
  });

  it('is refused as encoding when the fallback is turned off', () => {
    const parse = parseOnshiResult(sjis(mainFaceWithDeclaration('')), { cp932Fallback: false });
    expect(parse).toMatchObject({ ok: false, error: 'encoding', detail: expect.stringMatching(/fallback is off/) });
  });

  it('undeclared UTF-8 is still UTF-8 (the default), with or without the option', () => {
    const bytes = utf8(mainFaceWithDeclaration(''));
    for (const options of [undefined, { cp932Fallback: false }, { cp932Fallback: true }]) {
      const result = expectOk(parseOnshiResult(bytes, options));
      expect(result).toMatchObject({ encoding: 'utf-8', encodingSource: 'default' });
      expect(result.people[0]?.name).toBe('試験　太郎');
    }
  });

  it('a declared encoding is never overridden: CP932 bytes declared UTF-8, or behind a UTF-8 BOM, stay refused', () => {
    expect(parseOnshiResult(fixture('malformed/sjis-declared-utf8.xml'))).toMatchObject({
      ok: false,
      error: 'encoding',
    });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...sjis(mainFaceWithDeclaration(''))]);
    expect(parseOnshiResult(withBom)).toMatchObject({ ok: false, error: 'encoding' });
  });

  it('undeclared bytes that are neither UTF-8 nor CP932 are refused as encoding', () => {
    // 0x81 0x20: a CP932 lead byte with an invalid trail byte; 0xFF is no CP932 byte at all.
    const bytes = utf8(minimalResult(REQUIRED_PERSON_FIELDS).replace(/^<\?xml[^?]*\?>/, ''));
    const at = new TextDecoder().decode(bytes).indexOf('<XmlMsg>') + 8;
    for (const junk of [[0x81, 0x20], [0xff], [0xa0]]) {
      const bad = new Uint8Array([...bytes.subarray(0, at), ...junk, ...bytes.subarray(at)]);
      expect(parseOnshiResult(bad)).toMatchObject({
        ok: false,
        error: 'encoding',
        detail: expect.stringMatching(/neither UTF-8 nor Shift_JIS/),
      });
    }
  });

  it('a declared Shift_JIS file reports its encoding as declared', () => {
    expect(expectOk(parseOnshiResult(fixture('hand/kokuho-sjis.xml'))).encodingSource).toBe('declared');
  });
});

describe('a person with kana, birth date and insurance but no <Name>', () => {
  const withoutName = REQUIRED_PERSON_FIELDS.replace('<Name>試験　太郎</Name>', '');

  it('parses with an empty name; kana and the rest are there', () => {
    const result = expectOk(parseOnshiResult(utf8(minimalResult(withoutName))));
    expect(result.status).toBe('ok');
    expect(result.people).toHaveLength(1);
    expect(result.people[0]).toMatchObject({
      name: '',
      nameKana: 'ﾃｽﾄ ﾀﾛｳ',
      birthDate: '1980-01-15',
      insurerNumber: '01130012',
      number: '1234',
    });
  });

  it('an empty or blank <Name> is the same', () => {
    for (const empty of ['<Name></Name>', '<Name/>', '<Name>　 </Name>']) {
      const person = REQUIRED_PERSON_FIELDS.replace('<Name>試験　太郎</Name>', empty);
      expect(expectOk(parseOnshiResult(utf8(minimalResult(person)))).people[0]?.name).toBe('');
    }
  });

  it('in Shift_JIS without a declared encoding too', () => {
    const text = minimalResult(withoutName).replace(/^<\?xml[^?]*\?>/, '');
    expect(expectOk(parseOnshiResult(sjis(text))).people[0]).toMatchObject({ name: '', nameKana: 'ﾃｽﾄ ﾀﾛｳ' });
  });

  it('without kana as well it is still refused (nothing would identify the person)', () => {
    const person = withoutName.replace('<NameKana>ﾃｽﾄ ﾀﾛｳ</NameKana>', '');
    expect(parseOnshiResult(utf8(minimalResult(person)))).toMatchObject({
      ok: false,
      error: 'schema',
      detail: expect.stringMatching(/NameKana/),
    });
  });
});

describe('an error answer keeps its code and message even when its person node is incomplete', () => {
  const errorAnswer = (header: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<XmlMsg><MessageHeader><ReferenceClassification>1</ReferenceClassification>${header}</MessageHeader>
<MessageBody>${body}</MessageBody></XmlMsg>`;
  const incompletePerson =
    '<ResultList><ResultOfQualificationConfirmation><NameKana>ﾃｽﾄ ﾀﾛｳ</NameKana><Birthdate>19800230</Birthdate></ResultOfQualificationConfirmation></ResultList>';

  it('SegmentOfResult 9 with ErrorCode / ErrorMessage and a person without insurer or valid birth date', () => {
    const xml = errorAnswer(
      '<SegmentOfResult>9</SegmentOfResult><ErrorCode>EQ0123</ErrorCode><ErrorMessage>照会処理でエラーが発生しました</ErrorMessage>',
      incompletePerson,
    );
    const result = expectOk(parseOnshiResult(utf8(xml)));
    expect(result).toMatchObject({
      status: 'error',
      errorCode: 'EQ0123',
      errorMessage: '照会処理でエラーが発生しました',
      people: [],
      incompletePeople: 1,
    });
  });

  it('ProcessingResultStatus 2 with ProcessingResultCode / Message, one incomplete and one complete person', () => {
    const body =
      '<ProcessingResultStatus>2</ProcessingResultStatus><ProcessingResultCode>1234</ProcessingResultCode>' +
      '<ProcessingResultMessage>資格情報が確認できません</ProcessingResultMessage>' +
      `<ResultList><ResultOfQualificationConfirmation><InsurerNumber>01130012</InsurerNumber></ResultOfQualificationConfirmation>` +
      `<ResultOfQualificationConfirmation>${REQUIRED_PERSON_FIELDS}</ResultOfQualificationConfirmation></ResultList>`;
    const result = expectOk(parseOnshiResult(utf8(errorAnswer('<SegmentOfResult>1</SegmentOfResult>', body))));
    expect(result).toMatchObject({
      status: 'error',
      errorCode: '1234',
      errorMessage: '資格情報が確認できません',
      incompletePeople: 1,
    });
    expect(result.people.map((p) => p.nameKana)).toEqual(['ﾃｽﾄ ﾀﾛｳ']);
  });

  it('damaged optional header fields and a broken echo do not lose the error either', () => {
    const header =
      '<SegmentOfResult>9</SegmentOfResult><ProcessExecutionTime>2025136</ProcessExecutionTime>' +
      '<QualificationConfirmationDate>20251399</QualificationConfirmationDate><ErrorCode>E1</ErrorCode><ErrorMessage>x</ErrorMessage>';
    const body = '<QualificationConfirmSearchInfo><Birthdate>abc</Birthdate></QualificationConfirmSearchInfo>';
    const result = expectOk(parseOnshiResult(utf8(errorAnswer(header, body))));
    expect(result).toMatchObject({ status: 'error', errorCode: 'E1', errorMessage: 'x' });
    expect(result.processedAt).toBeUndefined();
    expect(result.confirmationDate).toBeUndefined();
  });

  it('an ok answer with an incomplete person is still refused (never a half identity)', () => {
    const person = REQUIRED_PERSON_FIELDS.replace('<InsurerNumber>01130012</InsurerNumber>', '');
    expect(parseOnshiResult(utf8(minimalResult(person)))).toMatchObject({ ok: false, error: 'schema' });
  });
});

describe('face file names', () => {
  const names: Array<[string, { face: boolean; timestamp?: string; institutionCode?: string; opaqueId?: string }]> = [
    [
      'OQSsiquc01res_face_1312345678A0001_20250602093015.xml',
      { face: true, timestamp: '20250602093015', institutionCode: '1312345678', opaqueId: 'A0001' },
    ],
    ['OQSsiquc01res_face_20250602093015.xml', { face: true, timestamp: '20250602093015', opaqueId: '' }],
    ['oqssiquc01res_FACE_20250602093015.XML', { face: true, timestamp: '20250602093015' }],
    ['OQSsiquc01res_face_abc.xml', { face: true }],
    ['OQSsiquc01res_face_1312345678_20251399000000.xml', { face: true }],
    ['OQSsiquc01res_face_.xml', { face: false }],
    ['.OQSsiquc01res_face_20250602093015.xml.tmp', { face: false }],
    ['OQSsiquc01res_K0001.xml', { face: false }],
  ];
  for (const [name, expected] of names) {
    it(`${name}: ${expected.face ? 'a card read' : 'not a card read'}${expected.timestamp ? ' with its time' : ''}`, () => {
      expect(isFaceFileName(name)).toBe(expected.face);
      const parsed = parseFaceFileName(name);
      if (expected.timestamp === undefined) expect(parsed).toBeNull();
      else {
        expect(parsed?.timestamp).toBe(expected.timestamp);
        expect(parsed?.localTime).toBe('2025-06-02T09:30:15');
        if (expected.institutionCode !== undefined) expect(parsed?.institutionCode).toBe(expected.institutionCode);
        if (expected.opaqueId !== undefined) expect(parsed?.opaqueId).toBe(expected.opaqueId);
      }
    });
  }
});
