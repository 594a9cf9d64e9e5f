import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseOnshiResult } from '../../../electron/onshi/index';
import type { OnshiResult } from '../../../electron/onshi/index';
import { REQUIRED_PERSON_FIELDS, expectOk, fixture, minimalResult, utf8 } from './helpers';

function generated(name: string, suffix: 'utf8' | 'sjis'): OnshiResult {
  return expectOk(parseOnshiResult(fixture(`generated/${name}.${suffix}.xml`)));
}

describe('hand-written fixtures (not made by our builder)', () => {
  it('main-face-utf8: a card read, every contract field', () => {
    const result = expectOk(parseOnshiResult(fixture('hand/main-face-utf8.xml')));
    expect(result).toMatchObject({
      source: 'card',
      status: 'ok',
      validity: 'valid',
      institutionCode: '1312345678',
      confirmationDate: '2025-06-02',
      fileId: 'ArnHCeDfNjMCFzg=',
      encoding: 'utf-8',
      processedAt: '2025-06-02T09:30:15',
    });
    expect(result.errorCode).toBeUndefined();
    expect(result.errorMessage).toBeUndefined();
    expect(result.people).toEqual([
      {
        insurerNumber: '01130012',
        symbol: '12345678',
        number: '1234',
        branch: '00',
        name: '試験　太郎',
        nameKana: 'ﾃｽﾄ ﾀﾛｳ',
        birthDate: '1980-01-15',
        sex: 'male',
        relationship: 'self',
        insurerName: '全国健康保険協会',
        validFrom: '2024-04-01',
        insuredCardClassification: { code: '01', label: '一般' },
        consents: { pharmacists: 'given', diagnosis: 'not-given' },
      },
    ]);
  });

  it('kokuho-sjis: real CP932 bytes, padded 6-digit insurer, kanji 記号 and U+2010 in 番号 kept as written', () => {
    const bytes = fixture('hand/kokuho-sjis.xml');
    // The file really is CP932: 0x815D is the Shift_JIS hyphen (U+2010).
    expect(Buffer.from(bytes).includes(Buffer.from([0x81, 0x5d]))).toBe(true);
    const result = expectOk(parseOnshiResult(bytes));
    expect(result.encoding).toBe('shift_jis');
    expect(result.codes?.characterCodeIdentifier).toBe('1');
    const person = result.people[0];
    expect(person?.insurerNumber).toBe('138990');
    expect(person?.symbol).toBe('医国３４０');
    expect(person?.number).toBe('０２８２\u2010００１');
    expect(person?.insurerName).toBe('○○医師国民健康保険組合');
    expect(person?.nameKana).toBe('ﾃｽﾄ ｻﾌﾞﾛｳ');
    expect(person?.validUntil).toBe('2026-09-30');
    expect(person?.qualificationDate).toBe('2001-04-01');
  });

  it('the generated and the hand-written kokuho files agree on what matters', () => {
    const hand = expectOk(parseOnshiResult(fixture('hand/kokuho-sjis.xml'))).people[0];
    const built = generated('kokuho', 'sjis').people[0];
    for (const key of [
      'insurerNumber',
      'symbol',
      'number',
      'branch',
      'name',
      'nameKana',
      'birthDate',
      'insurerName',
    ] as const) {
      expect(built?.[key]).toBe(hand?.[key]);
    }
  });
});

describe('generated fixtures, both encodings', () => {
  for (const suffix of ['utf8', 'sjis'] as const) {
    describe(suffix, () => {
      it('main-face: 本人, consents, prescription choice, and no address data', () => {
        const result = generated('main-face', suffix);
        expect(result.prescriptionIssue).toBe('electronic');
        expect(result.people).toHaveLength(1);
        const person = result.people[0];
        expect(person).toMatchObject({
          relationship: 'self',
          sex: 'male',
          consents: { pharmacists: 'given', diagnosis: 'not-given', specificHealthCheckups: 'given' },
        });
        // Data minimisation: Address, PostNumber and InsuredName are in the file but not in the result.
        const json = JSON.stringify(result);
        expect(json).not.toContain('試験町');
        expect(json).not.toContain('100-0000');
        expect(Object.keys(person ?? {})).not.toEqual(expect.arrayContaining(['address']));
      });

      it('dependent: 家族 with 枝番 02; InsuredName (the member) is not mistaken for the patient', () => {
        const person = generated('dependent', suffix).people[0];
        expect(person).toMatchObject({
          insurerNumber: '06139992',
          symbol: '5',
          number: '10234',
          branch: '02',
          relationship: 'family',
          name: '試験　花子',
          sex: 'female',
        });
        expect(JSON.stringify(person)).not.toContain('一郎');
      });

      it('preschool: PreschoolClassification 1 → preschool', () => {
        expect(generated('preschool', suffix).people[0]).toMatchObject({ preschool: true, birthDate: '2022-05-10' });
        expect(generated('dependent', suffix).people[0]?.preschool).toBeUndefined();
      });

      it('invalid-lost: validity invalid, 資格喪失 with reason 03', () => {
        const result = generated('invalid-lost', suffix);
        expect(result.status).toBe('ok');
        expect(result.validity).toBe('invalid');
        expect(result.people[0]).toMatchObject({
          validUntil: '2024-03-31',
          disqualificationDate: '2024-04-01',
          reasonOfLoss: { code: '03', label: '他保険取得' },
        });
      });

      it('newer-qualification: validity invalid-newer', () => {
        expect(generated('newer-qualification', suffix).validity).toBe('invalid-newer');
      });

      it('not-found-number: a number query echo and no people', () => {
        const result = generated('not-found-number', suffix);
        expect(result).toMatchObject({
          source: 'numbers',
          status: 'ok',
          validity: 'not-found',
          fileId: 'K20250602-0001',
          people: [],
        });
        expect(result.echo).toEqual({
          insurerNumber: '01130012',
          symbol: '12345678',
          number: '9999',
          branch: '00',
          birthDate: '1980-01-15',
          limitCertificateConsent: 'not-given',
        });
      });

      it('multiple: validity multiple, both result nodes in file order', () => {
        const result = generated('multiple', suffix);
        expect(result.validity).toBe('multiple');
        expect(result.people.map((person) => person.insurerNumber)).toEqual(['01130012', '06139992']);
      });

      it('system-error: SegmentOfResult 9 with ErrorCode/ErrorMessage and no body', () => {
        const result = generated('system-error', suffix);
        expect(result).toMatchObject({
          status: 'error',
          errorCode: 'EQS0001',
          errorMessage: '資格確認システムでエラーが発生しました（試験用）',
          people: [],
        });
        expect(result.validity).toBeUndefined();
        expect(result.codes).toMatchObject({ segmentOfResult: '9' });
      });

      it('processing-error: ProcessingResultStatus 2 with ProcessingResultCode/Message', () => {
        const result = generated('processing-error', suffix);
        expect(result).toMatchObject({
          source: 'numbers',
          status: 'error',
          errorCode: 'EQP0001',
          errorMessage: '照会条件に誤りがあります（試験用）',
        });
        expect(result.codes).toMatchObject({ segmentOfResult: '1', processingResultStatus: '2' });
      });

      it('success-side-info: ProcessingResultCode on success is side information, not an error', () => {
        const result = generated('success-side-info', suffix);
        expect(result.status).toBe('ok');
        expect(result.errorCode).toBeUndefined();
        expect(result.processingResultCode).toBe('WQS0001');
        expect(result.processingResultMessage).toBe('電子証明書の有効期限が3か月以内です（試験用）');
      });

      it('elderly-70-74-2wari: 高齢受給者 ratio 020 → 20 %, limit flag B04', () => {
        const person = generated('elderly-70-74-2wari', suffix).people[0];
        expect(person).toMatchObject({
          copayPercent: 20,
          limitClass: 'B04',
          elderlyRecipient: { validFrom: '2023-07-01', validUntil: '2026-07-31', copayPercent: 20 },
          limitCertificate: {
            classification: { code: '01', label: '限度額適用認定証' },
            flag: { code: 'B04', label: '一般' },
          },
          consents: { pharmacists: 'given', diagnosis: 'given', operation: 'given', limitCertificate: 'given' },
        });
      });

      it('kouki-2wari: 後期 ratio 020 → 20 %, no 記号 / 枝番 / 本人家族', () => {
        const person = generated('kouki-2wari', suffix).people[0];
        expect(person).toMatchObject({ insurerNumber: '39139993', number: '12345674', copayPercent: 20 });
        expect(person?.symbol).toBeUndefined();
        expect(person?.branch).toBeUndefined();
        expect(person?.relationship).toBeUndefined();
      });

      it('limit-cert: classification 01, flag A03, validity window', () => {
        const person = generated('limit-cert', suffix).people[0];
        expect(person?.limitClass).toBe('A03');
        expect(person?.limitCertificate).toEqual({
          classification: { code: '01', label: '限度額適用認定証' },
          flag: { code: 'A03', label: 'ウ' },
          validFrom: '2025-08-01',
          validUntil: '2026-07-31',
        });
        expect(person?.consents?.limitCertificate).toBe('given');
      });

      it('reference-special: 照会番号 and 特定疾病', () => {
        const person = generated('reference-special', suffix).people[0];
        expect(person?.referenceNumber).toBe('24434');
        expect(person?.specificDiseases).toEqual([
          {
            category: { code: '1', label: '人工透析' },
            validFrom: '2025-01-01',
            validUntil: '2025-12-31',
            selfPay: '10000',
          },
        ]);
        expect(person?.consents?.specificDiseases).toBe('given');
      });

      it('medical-aid-a1: InsuredCardClassification A1 and validity 6', () => {
        const result = generated('medical-aid-a1', suffix);
        expect(result.validity).toBe('valid-unregistered');
        expect(result.people[0]?.insuredCardClassification).toEqual({ code: 'A1', label: '医療扶助' });
      });

      it('pharmaceutical-spelling: PharmaceuticalInfoConsFlg is read like PharmacistsInfoConsFlg', () => {
        expect(generated('pharmaceutical-spelling', suffix).people[0]?.consents).toEqual({
          pharmacists: 'expired',
          operation: 'unobtainable',
        });
      });

      it('unknown-codes: every unknown code is tolerated and the rest still parses', () => {
        const result = generated('unknown-codes', suffix);
        expect(result.status).toBe('ok');
        expect(result.validity).toBe('unknown');
        expect(result.prescriptionIssue).toBe('unknown');
        expect(result.source).toBe('card'); // ReferenceClassification 7, no echo
        expect(result.codes).toMatchObject({
          referenceClassification: '7',
          qualificationValidity: '9',
          characterCodeIdentifier: '2',
          prescriptionIssueSelect: '5',
        });
        const person = result.people[0];
        expect(person).toMatchObject({
          insurerNumber: '01130012',
          name: '試験　太郎',
          insuredCardClassification: { code: 'Z9' },
          reasonOfLoss: { code: '77' },
          limitClass: 'C01',
          limitCertificate: { classification: { code: '09' }, flag: { code: 'C01' } },
          specificDiseases: [{ category: { code: '8' } }],
          consents: { pharmacists: 'unknown' },
        });
        expect(person?.insuredCardClassification?.label).toBeUndefined();
        expect(person?.sex).toBeUndefined();
        expect(person?.relationship).toBeUndefined();
        expect(person?.preschool).toBeUndefined();
      });
    });
  }
});

describe('status and failure shapes', () => {
  const header = (segment: string, extra = '') =>
    `<MessageHeader><ReferenceClassification>2</ReferenceClassification><SegmentOfResult>${segment}</SegmentOfResult>${extra}</MessageHeader>`;
  const cases: Array<{ name: string; xml: string; expected: Partial<OnshiResult> }> = [
    {
      name: 'SegmentOfResult 1 + ProcessingResultStatus 1 → ok',
      xml: `<XmlMsg>${header('1')}<MessageBody><ProcessingResultStatus>1</ProcessingResultStatus></MessageBody></XmlMsg>`,
      expected: { status: 'ok' },
    },
    {
      name: 'SegmentOfResult 1 + ProcessingResultStatus 2 → error with ProcessingResult code/message',
      xml: `<XmlMsg>${header('1')}<MessageBody><ProcessingResultStatus>2</ProcessingResultStatus><ProcessingResultCode>X1</ProcessingResultCode><ProcessingResultMessage>m</ProcessingResultMessage></MessageBody></XmlMsg>`,
      expected: { status: 'error', errorCode: 'X1', errorMessage: 'm' },
    },
    {
      name: 'SegmentOfResult 2 (処理中) → error',
      xml: `<XmlMsg>${header('2')}</XmlMsg>`,
      expected: { status: 'error' },
    },
    {
      name: 'SegmentOfResult 9 with ErrorCode/ErrorMessage → error',
      xml: `<XmlMsg>${header('9', '<ErrorCode>E1</ErrorCode><ErrorMessage>エラー</ErrorMessage>')}</XmlMsg>`,
      expected: { status: 'error', errorCode: 'E1', errorMessage: 'エラー' },
    },
    {
      name: 'SegmentOfResult 9 with a body: ErrorCode wins over ProcessingResultCode',
      xml: `<XmlMsg>${header('9', '<ErrorCode>E1</ErrorCode>')}<MessageBody><ProcessingResultStatus>2</ProcessingResultStatus><ProcessingResultCode>P1</ProcessingResultCode><ProcessingResultMessage>pm</ProcessingResultMessage></MessageBody></XmlMsg>`,
      expected: { status: 'error', errorCode: 'E1', errorMessage: 'pm', processingResultCode: 'P1' },
    },
    {
      name: 'unknown SegmentOfResult (3) → error, not a crash',
      xml: `<XmlMsg>${header('3')}</XmlMsg>`,
      expected: { status: 'error', codes: { segmentOfResult: '3', referenceClassification: '2' } },
    },
    {
      name: 'unknown ProcessingResultStatus → error',
      xml: `<XmlMsg>${header('1')}<MessageBody><ProcessingResultStatus>7</ProcessingResultStatus></MessageBody></XmlMsg>`,
      expected: { status: 'error' },
    },
    {
      name: 'ReferenceClassification 2 → numbers',
      xml: `<XmlMsg>${header('9')}</XmlMsg>`,
      expected: { source: 'numbers' },
    },
    {
      name: 'no ReferenceClassification but an echo → numbers',
      xml: '<XmlMsg><MessageHeader><SegmentOfResult>1</SegmentOfResult></MessageHeader><MessageBody><ProcessingResultStatus>1</ProcessingResultStatus><QualificationConfirmSearchInfo><ArbitraryIdentifier>a</ArbitraryIdentifier></QualificationConfirmSearchInfo></MessageBody></XmlMsg>',
      expected: { source: 'numbers', echo: { arbitraryIdentifier: 'a' } },
    },
  ];
  it.each(cases)('$name', ({ xml, expected }) => {
    expect(expectOk(parseOnshiResult(utf8(xml)))).toMatchObject(expected);
  });
});

describe('schema errors name what is wrong', () => {
  const withoutField = (field: string) => REQUIRED_PERSON_FIELDS.replace(new RegExp(`<${field}>[^<]*</${field}>`), '');
  const cases: Array<{ name: string; xml: string; detail: RegExp }> = [
    { name: 'no MessageHeader', xml: '<XmlMsg><MessageBody/></XmlMsg>', detail: /XmlMsg has no MessageHeader/ },
    {
      name: 'no SegmentOfResult',
      xml: '<XmlMsg><MessageHeader/></XmlMsg>',
      detail: /MessageHeader has no SegmentOfResult/,
    },
    {
      name: 'empty SegmentOfResult',
      xml: '<XmlMsg><MessageHeader><SegmentOfResult> </SegmentOfResult></MessageHeader></XmlMsg>',
      detail: /SegmentOfResult/,
    },
    {
      name: 'SegmentOfResult 1 without MessageBody',
      xml: '<XmlMsg><MessageHeader><SegmentOfResult>1</SegmentOfResult></MessageHeader></XmlMsg>',
      detail: /no MessageBody/,
    },
    {
      name: 'SegmentOfResult 1 without ProcessingResultStatus',
      xml: '<XmlMsg><MessageHeader><SegmentOfResult>1</SegmentOfResult></MessageHeader><MessageBody/></XmlMsg>',
      detail: /MessageBody has no ProcessingResultStatus/,
    },
    {
      name: 'two MessageHeader',
      xml: '<XmlMsg><MessageHeader/><MessageHeader/></XmlMsg>',
      detail: /MessageHeader appears 2 times in XmlMsg/,
    },
    {
      name: 'two SegmentOfResult',
      xml: '<XmlMsg><MessageHeader><SegmentOfResult>1</SegmentOfResult><SegmentOfResult>9</SegmentOfResult></MessageHeader></XmlMsg>',
      detail: /SegmentOfResult appears 2 times/,
    },
    {
      name: 'two ResultList',
      xml: minimalResult(REQUIRED_PERSON_FIELDS, { body: '<ResultList/>' }),
      detail: /ResultList appears 2 times/,
    },
    { name: 'no InsurerNumber', xml: minimalResult(withoutField('InsurerNumber')), detail: /#1: .*no InsurerNumber/ },
    {
      name: 'no InsuredIdentificationNumber',
      xml: minimalResult(withoutField('InsuredIdentificationNumber')),
      detail: /no InsuredIdentificationNumber/,
    },
    { name: 'no NameKana', xml: minimalResult(withoutField('NameKana')), detail: /no NameKana/ },
    { name: 'no Birthdate', xml: minimalResult(withoutField('Birthdate')), detail: /no Birthdate/ },
    {
      name: 'empty NameKana',
      xml: minimalResult(REQUIRED_PERSON_FIELDS.replace('ﾃｽﾄ ﾀﾛｳ', ' ')),
      detail: /no NameKana \(missing or empty\)/,
    },
    {
      name: 'Birthdate 20240230',
      xml: minimalResult(REQUIRED_PERSON_FIELDS.replace('19800115', '20240230')),
      detail: /Birthdate "20240230" is not a real date/,
    },
    {
      name: 'Birthdate 2024-01-01 (wrong form)',
      xml: minimalResult(REQUIRED_PERSON_FIELDS.replace('19800115', '1980-01-15')),
      detail: /Birthdate/,
    },
    {
      name: 'Birthdate 19000229 (not a leap year)',
      xml: minimalResult(REQUIRED_PERSON_FIELDS.replace('19800115', '19000229')),
      detail: /19000229/,
    },
    {
      name: 'impossible optional date',
      xml: minimalResult(REQUIRED_PERSON_FIELDS + '<InsuredCardValidDate>20241301</InsuredCardValidDate>'),
      detail: /InsuredCardValidDate "20241301"/,
    },
    {
      name: 'impossible ProcessExecutionTime',
      xml: minimalResult(REQUIRED_PERSON_FIELDS, {
        header: '<ProcessExecutionTime>20250602250000</ProcessExecutionTime>',
      }),
      detail: /ProcessExecutionTime/,
    },
    {
      name: 'InsurerNumber with letters',
      xml: minimalResult(REQUIRED_PERSON_FIELDS.replace('01130012', '0113001X')),
      detail: /not 6 or 8 digits/,
    },
    {
      name: 'InsurerNumber of 7 digits',
      xml: minimalResult(REQUIRED_PERSON_FIELDS.replace('01130012', '0113001')),
      detail: /not 6 or 8 digits/,
    },
    {
      name: 'field holding elements',
      xml: minimalResult(REQUIRED_PERSON_FIELDS.replace('<Name>試験　太郎</Name>', '<Name><x/></Name>')),
      detail: /Name .*must hold text/,
    },
    {
      name: 'duplicated InsuredCardSymbol',
      xml: minimalResult(
        REQUIRED_PERSON_FIELDS + '<InsuredCardSymbol>1</InsuredCardSymbol><InsuredCardSymbol>2</InsuredCardSymbol>',
      ),
      detail: /InsuredCardSymbol appears 2 times/,
    },
    {
      name: 'both Pharmacists… and Pharmaceutical… spellings',
      xml: minimalResult(
        REQUIRED_PERSON_FIELDS +
          '<PharmacistsInfoConsFlg>1</PharmacistsInfoConsFlg><PharmaceuticalInfoConsFlg>0</PharmaceuticalInfoConsFlg>',
      ),
      detail: /both/,
    },
    {
      name: 'second result node broken: the detail says which',
      xml: minimalResult(REQUIRED_PERSON_FIELDS).replace(
        '</ResultList>',
        `<ResultOfQualificationConfirmation>${withoutField('NameKana')}</ResultOfQualificationConfirmation></ResultList>`,
      ),
      detail: /#2: .*NameKana/,
    },
    {
      name: 'specific disease without a category',
      xml: minimalResult(
        REQUIRED_PERSON_FIELDS +
          '<SpecificDiseasesCertificateList><SpecificDiseasesCertificateInfo/></SpecificDiseasesCertificateList>',
      ),
      detail: /SpecificDiseasesDiseaseCategory/,
    },
  ];
  it.each(cases)('$name', ({ xml, detail }) => {
    const parse = parseOnshiResult(utf8(xml));
    expect(parse).toMatchObject({ ok: false, error: 'schema' });
    if (!parse.ok) expect(parse.detail).toMatch(detail);
  });
});

describe('field conversions', () => {
  const person = (extra: string, fields = REQUIRED_PERSON_FIELDS) =>
    expectOk(parseOnshiResult(utf8(minimalResult(fields + extra)))).people[0];

  it('YYYYMMDD → YYYY-MM-DD, including 29 February of a leap year', () => {
    expect(person('', REQUIRED_PERSON_FIELDS.replace('19800115', '20000229'))?.birthDate).toBe('2000-02-29');
  });

  it.each([
    ['  138990', '138990'],
    ['\u3000\u3000138990', '138990'],
    ['01130012', '01130012'],
    [' 01130012 ', '01130012'],
  ])('InsurerNumber %j → %j (padding removed, leading zeros kept)', (written, digits) => {
    expect(person('', REQUIRED_PERSON_FIELDS.replace('01130012', written))?.insurerNumber).toBe(digits);
  });

  it('記号 and 番号 are kept exactly as written (spaces, full-width, hyphens)', () => {
    const fields = REQUIRED_PERSON_FIELDS.replace(
      '<InsuredIdentificationNumber>1234',
      '<InsuredIdentificationNumber> ０２８２−００１',
    );
    const read = person('<InsuredCardSymbol>12-34 </InsuredCardSymbol>', fields);
    expect(read?.symbol).toBe('12-34 ');
    expect(read?.number).toBe(' ０２８２−００１');
  });

  it.each([
    ['010', 10],
    ['020', 20],
    ['030', 30],
  ])('InsuredPartialContributionRatio %s → copayPercent %d', (ratio, percent) => {
    expect(person(`<InsuredPartialContributionRatio>${ratio}</InsuredPartialContributionRatio>`)?.copayPercent).toBe(
      percent,
    );
  });

  it.each([
    ['010', 10],
    ['020', 20],
    ['030', 30],
  ])('ElderlyRecipientContributionRatio %s → copayPercent %d', (ratio, percent) => {
    const read = person(
      `<ElderlyRecipientCertificateInfo><ElderlyRecipientContributionRatio>${ratio}</ElderlyRecipientContributionRatio></ElderlyRecipientCertificateInfo>`,
    );
    expect(read?.copayPercent).toBe(percent);
    expect(read?.elderlyRecipient?.copayPercent).toBe(percent);
  });

  it('InsuredPartialContributionRatio wins over the 高齢受給者 ratio; an odd ratio is tolerated as absent', () => {
    const both =
      '<InsuredPartialContributionRatio>010</InsuredPartialContributionRatio>' +
      '<ElderlyRecipientCertificateInfo><ElderlyRecipientContributionRatio>030</ElderlyRecipientContributionRatio></ElderlyRecipientCertificateInfo>';
    expect(person(both)?.copayPercent).toBe(10);
    expect(
      person('<InsuredPartialContributionRatio>2割</InsuredPartialContributionRatio>')?.copayPercent,
    ).toBeUndefined();
  });

  it('comments and processing instructions are ignored, CDATA is text, predefined entities and character references decode', () => {
    const fields = REQUIRED_PERSON_FIELDS.replace(
      '<Name>試験　太郎</Name>',
      '<!-- c --><?vendor x?><Name><![CDATA[試験&<]]>&amp;&#x592A;&#37070;&quot;&apos;&lt;&gt;</Name>',
    );
    expect(person('', fields)?.name).toBe('試験&<&太郎"\'<>');
  });

  it('CRLF line ends are normalised and attributes are tolerated', () => {
    const xml = minimalResult(REQUIRED_PERSON_FIELDS)
      .replace(/\n/g, '\r\n')
      .replace('<XmlMsg>', '<XmlMsg xmlns:x="urn:x" version=\'1\'>');
    expect(expectOk(parseOnshiResult(utf8(xml))).people).toHaveLength(1);
  });

  it('UTF-8 with a BOM is read', () => {
    const bytes = utf8('\uFEFF' + minimalResult(REQUIRED_PERSON_FIELDS));
    expect(bytes[0]).toBe(0xef);
    expect(expectOk(parseOnshiResult(bytes)).encoding).toBe('utf-8');
  });

  it.each(['Shift_JIS', 'shift_jis', 'Windows-31J', 'CP932', 'MS932'])(
    'declaration "%s" decodes as CP932, keeping extension kanji',
    (label) => {
      const xml = minimalResult(REQUIRED_PERSON_FIELDS.replace('試験　太郎', '髙﨑　①')).replace(
        'encoding="UTF-8"',
        `encoding="${label}"`,
      );
      const result = expectOk(parseOnshiResult(new Uint8Array(iconv.encode(xml, 'cp932'))));
      expect(result.encoding).toBe('shift_jis');
      expect(result.people[0]?.name).toBe('髙﨑　①');
    },
  );

  it('a pure-ASCII file declared Shift_JIS is fine (nothing to mislabel)', () => {
    const xml = minimalResult(
      REQUIRED_PERSON_FIELDS.replace('試験　太郎', 'TEST TARO').replace('ﾃｽﾄ ﾀﾛｳ', 'TEST'),
    ).replace('encoding="UTF-8"', 'encoding="Shift_JIS"');
    expect(expectOk(parseOnshiResult(utf8(xml))).people[0]?.name).toBe('TEST TARO');
  });

  it('no declaration → UTF-8', () => {
    const xml = minimalResult(REQUIRED_PERSON_FIELDS).replace(/^<\?xml[^>]*>\n/, '');
    expect(expectOk(parseOnshiResult(utf8(xml))).people[0]?.name).toBe('試験　太郎');
  });

  it('accepts a Uint8Array view into a larger buffer', () => {
    const inner = utf8(minimalResult(REQUIRED_PERSON_FIELDS));
    const outer = new Uint8Array(inner.length + 20);
    outer.set(inner, 10);
    expect(expectOk(parseOnshiResult(outer.subarray(10, 10 + inner.length))).people).toHaveLength(1);
  });
});

describe('performance guard', () => {
  it('a ~5 KB result parses quickly (median of 200 runs)', () => {
    const scenario = expectOk(parseOnshiResult(fixture('generated/elderly-70-74-2wari.utf8.xml')));
    expect(scenario.people).toHaveLength(1);
    // Two people with every optional block: about the size of a real multi-result file.
    const text = new TextDecoder().decode(fixture('generated/multiple.utf8.xml'));
    const person = /<ResultOfQualificationConfirmation>[\s\S]*?<\/ResultOfQualificationConfirmation>/.exec(
      new TextDecoder().decode(fixture('generated/elderly-70-74-2wari.utf8.xml')),
    )?.[0];
    const bytes = utf8(text.replace('</ResultList>', `${person ?? ''}</ResultList>`));
    expect(bytes.length).toBeGreaterThan(4_500);
    expect(expectOk(parseOnshiResult(bytes)).people).toHaveLength(3);
    const times: number[] = [];
    for (let run = 0; run < 200; run++) {
      const started = performance.now();
      parseOnshiResult(bytes);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    // Typical hardware parses this in tens of microseconds; the bound is loose so a slow, shared CI machine
    // does not flake, while a quadratic regression (milliseconds and up) still fails.
    expect(times[100]).toBeLessThan(5);
  });
});
