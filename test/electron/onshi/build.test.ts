import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  OnshiBuildError,
  buildNumberQueryXml,
  buildOnshiResultXml,
  paddedInsurerNumber,
  parseNumberQuery,
  parseOnshiResult,
} from '../../../electron/onshi/index';
import type { OnshiNumberQuery, OnshiPersonInput, OnshiResultInput } from '../../../electron/onshi/index';
import { generatedFiles } from '../../fixtures/onshi/generate';
import {
  ENCODINGS,
  INSTITUTION_CODE,
  kokuhoPerson,
  mainPerson,
  numberQueryScenarios,
  resultScenarios,
} from '../../fixtures/onshi/scenarios';
import { expectOk, fixture } from './helpers';

const decodeUtf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('committed generated fixtures equal what the builder makes now', () => {
  const files = [...generatedFiles()];
  it('there is one file per scenario and encoding, plus the requests', () => {
    expect(files).toHaveLength(Object.keys(resultScenarios).length * 2 + Object.keys(numberQueryScenarios).length);
  });
  it.each(files.map(([name, bytes]) => ({ name, bytes })))(
    '$name (re-run generate.ts if this fails)',
    ({ name, bytes }) => {
      expect(Buffer.from(fixture(`generated/${name}`)).equals(Buffer.from(bytes))).toBe(true);
    },
  );
});

describe('buildOnshiResultXml', () => {
  const input: OnshiResultInput = {
    source: 'card',
    institutionCode: INSTITUTION_CODE,
    confirmationDate: '2025-06-02',
    people: [mainPerson],
  };

  it('UTF-8: declared UTF-8, CharacterCodeIdentifier 0, no BOM unless asked', () => {
    const bytes = buildOnshiResultXml(input, { encoding: 'utf-8' });
    const text = decodeUtf8(bytes);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<XmlMsg>')).toBe(true);
    expect(text).toContain('<CharacterCodeIdentifier>0</CharacterCodeIdentifier>');
    expect(bytes[0]).toBe(0x3c);
    const withBom = buildOnshiResultXml(input, { encoding: 'utf-8', bom: true });
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(expectOk(parseOnshiResult(withBom)).people[0]?.name).toBe('試験　太郎');
  });

  it('Shift_JIS: CP932 bytes, declared Shift_JIS, CharacterCodeIdentifier 1', () => {
    const bytes = buildOnshiResultXml({ ...input, people: [kokuhoPerson] }, { encoding: 'shift_jis' });
    const text = iconv.decode(Buffer.from(bytes), 'cp932');
    expect(text).toContain('encoding="Shift_JIS"');
    expect(text).toContain('<CharacterCodeIdentifier>1</CharacterCodeIdentifier>');
    expect(text).toContain('<InsurerNumber>  138990</InsurerNumber>');
    expect(Buffer.from(bytes).includes(Buffer.from([0x81, 0x5d]))).toBe(true); // ‐ U+2010 as 0x815D
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('CRLF newlines when asked', () => {
    const text = decodeUtf8(buildOnshiResultXml(input, { encoding: 'utf-8', newline: '\r\n' }));
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('escapes markup characters in text, and CR survives the round trip', () => {
    const person: OnshiPersonInput = { ...mainPerson, name: 'A&B <C> "D" \'E\'', insurerName: 'x\r\ny' };
    const bytes = buildOnshiResultXml({ ...input, people: [person] }, { encoding: 'utf-8' });
    expect(decodeUtf8(bytes)).toContain('<Name>A&amp;B &lt;C&gt; "D" \'E\'</Name>');
    const read = expectOk(parseOnshiResult(bytes)).people[0];
    expect(read?.name).toBe(person.name);
    expect(read?.insurerName).toBe('x\r\ny');
  });

  it('segment failure: SegmentOfResult 9, ErrorCode/Message in the header, no MessageBody', () => {
    const text = decodeUtf8(
      buildOnshiResultXml({ ...input, failure: { kind: 'segment', code: 'E1', message: 'm' } }, { encoding: 'utf-8' }),
    );
    expect(text).toContain('<SegmentOfResult>9</SegmentOfResult>');
    expect(text).toContain('<ErrorCode>E1</ErrorCode>');
    expect(text).not.toContain('MessageBody');
  });

  it('raw patches: SegmentOfResult 2, ProcessingResultStatus 2, Validity 4 with no ResultList', () => {
    const bytes = buildOnshiResultXml(
      {
        ...input,
        people: [],
        validity: 'not-found',
        header: { overrides: { SegmentOfResult: '2' } },
        body: { overrides: { ProcessingResultStatus: '2' } },
      },
      { encoding: 'utf-8' },
    );
    const text = decodeUtf8(bytes);
    expect(text).not.toContain('ResultList');
    const result = expectOk(parseOnshiResult(bytes));
    expect(result).toMatchObject({
      status: 'error',
      validity: 'not-found',
      codes: { segmentOfResult: '2', processingResultStatus: '2' },
      people: [],
    });
  });

  it('raw patches can remove, replace, add and duplicate elements (for schema tests)', () => {
    const person: OnshiPersonInput = {
      ...mainPerson,
      patch: {
        overrides: { NameKana: null, Birthdate: '20240230', Custom: 'c' },
        extra: [['InsurerNumber', '06139992']],
      },
    };
    const text = decodeUtf8(
      buildOnshiResultXml(
        { ...input, people: [person], message: { extra: [['Trailer', 't']] } },
        { encoding: 'utf-8' },
      ),
    );
    expect(text).not.toContain('<NameKana>');
    expect(text).toContain('<Birthdate>20240230</Birthdate>');
    expect(text).toContain('<Custom>c</Custom>');
    expect(text.match(/<InsurerNumber>/g)).toHaveLength(2);
    expect(text).toContain('<Trailer>t</Trailer>\n</XmlMsg>');
  });

  it.each<[string, Partial<OnshiResultInput> | { person: Partial<OnshiPersonInput> }, RegExp]>([
    ['institution code of 9 digits', { institutionCode: '131234567' }, /MedicalInstitutionCode/],
    ['impossible confirmation date', { confirmationDate: '2025-02-30' }, /QualificationConfirmationDate/],
    ['processedAt without seconds', { processedAt: '2025-06-02T09:30' }, /ProcessExecutionTime/],
    ['insurer number of 7 digits', { person: { insurerNumber: '0113001' } }, /InsurerNumber/],
    ['branch of one digit', { person: { branch: '1' } }, /InsuredBranchNumber/],
    ['empty 番号', { person: { number: '' } }, /InsuredIdentificationNumber/],
    ['記号 longer than 20 characters', { person: { symbol: '1'.repeat(21) } }, /InsuredCardSymbol/],
    ['birth date in the compact form', { person: { birthDate: '19800115' } }, /Birthdate/],
    ['copay that is not a percentage', { person: { copayPercent: 12.5 } }, /InsuredPartialContributionRatio/],
    ['control character in a name', { person: { name: 'a\u0001b' } }, /character XML cannot carry/],
    ['unpaired surrogate in a name', { person: { name: 'a\uD800b' } }, /character XML cannot carry/],
  ])('throws OnshiBuildError for %s', (_name, change, message) => {
    const built: OnshiResultInput =
      'person' in change
        ? { ...input, people: [{ ...mainPerson, ...change.person }] }
        : { ...input, ...(change as Partial<OnshiResultInput>) };
    expect(() => buildOnshiResultXml(built, { encoding: 'utf-8' })).toThrow(OnshiBuildError);
    expect(() => buildOnshiResultXml(built, { encoding: 'utf-8' })).toThrow(message);
  });

  it('refuses text that CP932 cannot carry instead of writing "?"', () => {
    const built = { ...input, people: [{ ...mainPerson, name: '試験\u2212太郎 😀' }] };
    expect(() => buildOnshiResultXml(built, { encoding: 'shift_jis' })).toThrow(/U\+2212/);
    expect(expectOk(parseOnshiResult(buildOnshiResultXml(built, { encoding: 'utf-8' }))).people[0]?.name).toBe(
      '試験\u2212太郎 😀',
    );
  });

  it('refuses an element name that is not XML', () => {
    expect(() =>
      buildOnshiResultXml({ ...input, header: { extra: [['bad name', 'x']] } }, { encoding: 'utf-8' }),
    ).toThrow(OnshiBuildError);
  });
});

describe('round trip builder → parser, both encodings', () => {
  for (const { encoding } of ENCODINGS) {
    it.each(Object.entries(resultScenarios).filter(([name]) => name !== 'unknown-codes'))(
      `${encoding}: %s`,
      (_name, scenario) => {
        const result = expectOk(parseOnshiResult(buildOnshiResultXml(scenario, { encoding })));
        expect(result.encoding).toBe(encoding);
        expect(result.source).toBe(scenario.source);
        expect(result.status).toBe(scenario.failure ? 'error' : 'ok');
        expect(result.institutionCode).toBe(scenario.institutionCode);
        expect(result.confirmationDate).toBe(scenario.confirmationDate);
        expect(result.processedAt).toBe(scenario.processedAt);
        expect(result.fileId).toBe(scenario.fileId);
        if (scenario.failure) {
          expect(result.errorCode).toBe(scenario.failure.code);
          expect(result.errorMessage).toBe(scenario.failure.message);
        } else {
          expect(result.validity).toBe(scenario.validity ?? 'valid');
        }
        const people = scenario.people ?? [];
        expect(result.people).toHaveLength(people.length);
        people.forEach((input, index) => {
          const person = result.people[index];
          const expected = {
            insurerNumber: input.insurerNumber,
            symbol: input.symbol,
            number: input.number,
            branch: input.branch,
            name: input.name,
            nameKana: input.nameKana,
            birthDate: input.birthDate,
            sex: input.sex,
            relationship: input.relationship,
            insurerName: input.insurerName,
            validFrom: input.validFrom,
            validUntil: input.validUntil,
            qualificationDate: input.qualificationDate,
            disqualificationDate: input.disqualificationDate,
            referenceNumber: input.referenceNumber,
            preschool: input.preschool,
            limitClass: input.limitCertificate?.flag,
            copayPercent: input.copayPercent ?? input.elderlyRecipient?.copayPercent,
          };
          // Key by key, so "absent in the input" must also be absent (undefined) in the result.
          for (const [key, value] of Object.entries(expected))
            expect(person?.[key as keyof typeof expected], key).toEqual(value);
          expect(person?.insuredCardClassification?.code).toBe(input.insuredCardClassification ?? '01');
          expect(person?.reasonOfLoss?.code).toBe(input.reasonOfLoss);
          for (const key of [
            'pharmacists',
            'diagnosis',
            'operation',
            'specificHealthCheckups',
            'specificDiseases',
            'limitCertificate',
          ] as const) {
            expect(person?.consents?.[key]).toBe(input.consents?.[key]);
          }
        });
      },
    );
  }
});

describe('number query (req/)', () => {
  const query: OnshiNumberQuery = {
    confirmationDate: '2025-06-02',
    institutionCode: INSTITUTION_CODE,
    fileId: 'K0001',
    insurerNumber: '123455',
    symbol: '医国３４０',
    number: '０２８２‐００１',
    branch: '01',
    birthDate: '1970-11-03',
    limitCertificateConsent: true,
  };

  it('writes the header, the search info and a space-padded 6-digit insurer number, in UTF-8', () => {
    const text = decodeUtf8(buildNumberQueryXml(query));
    expect(text).toContain('encoding="UTF-8"');
    expect(text).toMatch(
      /<MessageHeader>\s*<QualificationConfirmationDate>20250602<\/QualificationConfirmationDate>\s*<MedicalInstitutionCode>1312345678<\/MedicalInstitutionCode>\s*<ArbitraryFileIdentifier>K0001<\/ArbitraryFileIdentifier>\s*<\/MessageHeader>/,
    );
    expect(text).toContain('<InsurerNumber>  123455</InsurerNumber>');
    expect(text).toContain('<InsuredCardSymbol>医国３４０</InsuredCardSymbol>');
    expect(text).toContain('<Birthdate>19701103</Birthdate>');
    expect(text).toContain('<LimitApplicationCertificateRelatedConsFlg>1</LimitApplicationCertificateRelatedConsFlg>');
  });

  it('round-trips through parseNumberQuery', () => {
    expect(parseNumberQuery(buildNumberQueryXml(query))).toEqual({ ok: true, query });
    const minimal: OnshiNumberQuery = {
      confirmationDate: '2025-06-02',
      institutionCode: INSTITUTION_CODE,
      fileId: 'K2',
      insurerNumber: '39139993',
      number: '12345674',
      birthDate: '1945-02-10',
    };
    expect(parseNumberQuery(buildNumberQueryXml(minimal))).toEqual({
      ok: true,
      query: { ...minimal, limitCertificateConsent: false },
    });
  });

  it('escapes text', () => {
    const odd = { ...query, symbol: '<&>', fileId: 'a&b' };
    expect(decodeUtf8(buildNumberQueryXml(odd))).toContain('<InsuredCardSymbol>&lt;&amp;&gt;</InsuredCardSymbol>');
    expect(parseNumberQuery(buildNumberQueryXml(odd))).toEqual({ ok: true, query: odd });
  });

  it.each(Object.entries(numberQueryScenarios))('fixture %s parses back to its query', (name, expected) => {
    expect(parseNumberQuery(fixture(`generated/req/${name}.xml`))).toEqual({ ok: true, query: expected });
  });

  it.each<[string, Partial<OnshiNumberQuery>]>([
    ['insurer number of 5 digits', { insurerNumber: '12345' }],
    ['insurer number with letters', { insurerNumber: '0113001A' }],
    ['institution code of 7 digits', { institutionCode: '1234567' }],
    ['empty file id', { fileId: ' ' }],
    ['impossible birth date', { birthDate: '2024-02-30' }],
    ['branch of 3 digits', { branch: '001' }],
    ['empty 番号', { number: '' }],
  ])('buildNumberQueryXml throws OnshiBuildError for %s', (_name, change) => {
    expect(() => buildNumberQueryXml({ ...query, ...change })).toThrow(OnshiBuildError);
  });

  const requestXml = (
    info: string,
    header = '<QualificationConfirmationDate>20250602</QualificationConfirmationDate><MedicalInstitutionCode>1312345678</MedicalInstitutionCode><ArbitraryFileIdentifier>K1</ArbitraryFileIdentifier>',
  ) =>
    new TextEncoder().encode(
      `<XmlMsg><MessageHeader>${header}</MessageHeader><MessageBody><QualificationConfirmSearchInfo>${info}</QualificationConfirmSearchInfo></MessageBody></XmlMsg>`,
    );
  const validInfo =
    '<InsurerNumber>01130012</InsurerNumber><InsuredIdentificationNumber>1</InsuredIdentificationNumber><Birthdate>19800115</Birthdate>';

  it.each<[string, Uint8Array, RegExp]>([
    ['wrong root', new TextEncoder().encode('<Req/>'), /root element/],
    [
      'no search info',
      new TextEncoder().encode('<XmlMsg><MessageHeader/><MessageBody/></XmlMsg>'),
      /QualificationConfirmSearchInfo/,
    ],
    ['no Birthdate', requestXml(validInfo.replace('<Birthdate>19800115</Birthdate>', '')), /Birthdate/],
    ['impossible Birthdate', requestXml(validInfo.replace('19800115', '19800230')), /Birthdate/],
    [
      'bad institution code',
      requestXml(
        validInfo,
        '<QualificationConfirmationDate>20250602</QualificationConfirmationDate><MedicalInstitutionCode>12</MedicalInstitutionCode><ArbitraryFileIdentifier>K1</ArbitraryFileIdentifier>',
      ),
      /MedicalInstitutionCode/,
    ],
    [
      'no file id',
      requestXml(
        validInfo,
        '<QualificationConfirmationDate>20250602</QualificationConfirmationDate><MedicalInstitutionCode>1312345678</MedicalInstitutionCode>',
      ),
      /ArbitraryFileIdentifier/,
    ],
    ['bad insurer number', requestXml(validInfo.replace('01130012', '0113')), /InsurerNumber/],
    ['duplicated InsurerNumber', requestXml(validInfo + '<InsurerNumber>01130012</InsurerNumber>'), /appears 2 times/],
    [
      'unknown consent flag',
      requestXml(
        validInfo + '<LimitApplicationCertificateRelatedConsFlg>5</LimitApplicationCertificateRelatedConsFlg>',
      ),
      /LimitApplicationCertificateRelatedConsFlg/,
    ],
  ])('parseNumberQuery: %s → schema', (_name, bytes, detail) => {
    const parse = parseNumberQuery(bytes);
    expect(parse).toMatchObject({ ok: false, error: 'schema' });
    if (!parse.ok) expect(parse.detail).toMatch(detail);
  });

  it('paddedInsurerNumber: 6 digits → two leading spaces; 8 digits unchanged; already padded accepted', () => {
    expect(paddedInsurerNumber('123455')).toBe('  123455');
    expect(paddedInsurerNumber('01130012')).toBe('01130012');
    expect(paddedInsurerNumber('  123455')).toBe('  123455');
    expect(() => paddedInsurerNumber('1234567')).toThrow(OnshiBuildError);
  });
});
