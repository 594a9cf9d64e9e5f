import { describe, expect, it } from 'vitest';
import { codes, parseOnshiResult } from '../../../electron/onshi/index';
import type { OnshiPerson, OnshiResult } from '../../../electron/onshi/index';
import { REQUIRED_PERSON_FIELDS, expectOk, minimalResult, utf8 } from './helpers';

/** Parses a minimal result with `extra` inside the person node (and header/body additions). */
function parsePerson(extra: string): OnshiPerson {
  const person = expectOk(parseOnshiResult(utf8(minimalResult(REQUIRED_PERSON_FIELDS + extra)))).people[0];
  if (!person) expect.fail('no person');
  return person;
}

function parseMessage(header: string, body: string): OnshiResult {
  return expectOk(
    parseOnshiResult(
      utf8(
        `<XmlMsg><MessageHeader><SegmentOfResult>1</SegmentOfResult>${header}</MessageHeader><MessageBody><ProcessingResultStatus>1</ProcessingResultStatus>${body}</MessageBody></XmlMsg>`,
      ),
    ),
  );
}

describe('code tables (OQSCD) hold every documented value with its Japanese label', () => {
  // The full expected contents, so a typo in a label or a dropped code fails here.
  const expected: Record<keyof typeof codes.ONSHI_CODE_TABLES, Record<string, string>> = {
    OQSCD001: { '0': '未同意', '1': '同意' },
    OQSCD002: { '1': 'マイナンバーカード', '2': '被保険者証情報' },
    OQSCD003: { '1': '正常終了', '2': '処理中', '9': '異常終了' },
    OQSCD004: { '1': '正常終了', '2': 'エラー' },
    OQSCD005: { '0': 'UTF-8', '1': 'Shift_JIS' },
    OQSCD006: {
      '1': '有効',
      '2': '無効',
      '3': '無効（新しい資格あり）',
      '4': '該当資格なし',
      '5': '複数該当',
      '6': '有効（未登録）',
    },
    OQSCD007: { '1': '男', '2': '女', '3': '未設定' },
    OQSCD008: { '01': '死亡', '02': '生活保護開始', '03': '他保険取得', '99': 'その他' },
    OQSCD009: { '1': '本人', '2': '家族' },
    OQSCD010: {
      '01': '一般',
      '02': '退職',
      '03': '短期（一般）',
      '04': '短期（退職）',
      '05': '資格証明書',
      '06': '特例退職',
      '07': '自衛官',
      A1: '医療扶助',
    },
    OQSCD011: { '01': '限度額適用認定証', '02': '限度額適用・標準負担額減額認定証', '03': '標準負担額減額認定証' },
    OQSCD012: {
      A01: 'ア',
      A02: 'イ',
      A03: 'ウ',
      A04: 'エ',
      A05: 'オ',
      A06: 'オ（境）',
      B01: '現役並みⅢ',
      B02: '現役並みⅡ',
      B03: '現役並みⅠ',
      B04: '一般',
      B05: '低所得Ⅱ',
      B06: '低所得Ⅰ',
      B07: '低所得Ⅰ（老福）',
      B08: '低所得Ⅰ（境）',
      B09: '一般Ⅱ',
      B10: '一般Ⅰ',
    },
    OQSCD013: { '1': '人工透析', '2': '血友病', '3': '血液製剤由来HIV' },
    OQSCD015: { '1': '未就学' },
    OQSCD016: { '0': '同意なし', '1': '同意あり', '2': '期限切れ', '3': '取得困難' },
    OQSCD017: { '1': '電子処方箋', '2': '紙の処方箋' },
  };

  it.each(Object.keys(expected) as Array<keyof typeof expected>)('%s', (table) => {
    expect({ ...codes.ONSHI_CODE_TABLES[table] }).toEqual(expected[table]);
    for (const [code, label] of Object.entries(expected[table]))
      expect(codes.codeLabel(codes.ONSHI_CODE_TABLES[table], code)).toBe(label);
  });

  it('codeLabel and codedValue: unknown and prototype-named codes have no label', () => {
    for (const code of ['', '00', '7', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(codes.codeLabel(codes.QUALIFICATION_VALIDITY, code)).toBeUndefined();
      expect(codes.codedValue(codes.INSURED_CARD_CLASSIFICATION, code)).toEqual({ code });
    }
    expect(codes.codedValue(codes.INSURED_CARD_CLASSIFICATION, 'A1')).toEqual({ code: 'A1', label: '医療扶助' });
  });
});

describe('the parser maps every code value to its meaning', () => {
  it.each([
    ['1', 'valid'],
    ['2', 'invalid'],
    ['3', 'invalid-newer'],
    ['4', 'not-found'],
    ['5', 'multiple'],
    ['6', 'valid-unregistered'],
    ['0', 'unknown'],
    ['7', 'unknown'],
    ['A', 'unknown'],
  ] as const)('QualificationValidity %s → %s', (code, validity) => {
    expect(parseMessage('', `<QualificationValidity>${code}</QualificationValidity>`).validity).toBe(validity);
  });

  it.each([
    ['1', 'card'],
    ['2', 'numbers'],
  ] as const)('ReferenceClassification %s → %s', (code, source) => {
    expect(parseMessage(`<ReferenceClassification>${code}</ReferenceClassification>`, '').source).toBe(source);
  });

  it.each([
    ['1', 'electronic'],
    ['2', 'paper'],
    ['3', 'unknown'],
  ] as const)('PrescriptionIssueSelect %s → %s', (code, issue) => {
    expect(parseMessage('', `<PrescriptionIssueSelect>${code}</PrescriptionIssueSelect>`).prescriptionIssue).toBe(
      issue,
    );
  });

  it.each(['0', '1', '9'])('CharacterCodeIdentifier %s is reported as written and never drives decoding', (code) => {
    const result = parseMessage(`<CharacterCodeIdentifier>${code}</CharacterCodeIdentifier>`, '');
    expect(result.codes?.characterCodeIdentifier).toBe(code);
    expect(result.encoding).toBe('utf-8');
  });

  it.each([
    ['1', 'male'],
    ['2', 'female'],
    ['3', 'unset'],
    ['4', undefined],
  ] as const)('Sex1 %s → %s', (code, sex) => {
    expect(parsePerson(`<Sex1>${code}</Sex1>`).sex).toBe(sex);
  });

  it.each([
    ['1', 'self'],
    ['2', 'family'],
    ['3', undefined],
  ] as const)('PersonalFamilyClassification %s → %s', (code, relationship) => {
    expect(parsePerson(`<PersonalFamilyClassification>${code}</PersonalFamilyClassification>`).relationship).toBe(
      relationship,
    );
  });

  it.each(Object.entries(codes.INSURED_CARD_CLASSIFICATION))('InsuredCardClassification %s → %s', (code, label) => {
    expect(
      parsePerson(`<InsuredCardClassification>${code}</InsuredCardClassification>`).insuredCardClassification,
    ).toEqual({ code, label });
  });

  it.each(Object.entries(codes.REASON_OF_LOSS))('ReasonOfLoss %s → %s', (code, label) => {
    expect(parsePerson(`<ReasonOfLoss>${code}</ReasonOfLoss>`).reasonOfLoss).toEqual({ code, label });
  });

  it.each(Object.entries(codes.LIMIT_CERTIFICATE_CLASSIFICATION))(
    'LimitApplicationCertificateClassification %s → %s',
    (code, label) => {
      const person = parsePerson(
        `<LimitApplicationCertificateRelatedInfo><LimitApplicationCertificateClassification>${code}</LimitApplicationCertificateClassification></LimitApplicationCertificateRelatedInfo>`,
      );
      expect(person.limitCertificate?.classification).toEqual({ code, label });
      expect(person.limitClass).toBeUndefined();
    },
  );

  it.each(Object.entries(codes.LIMIT_CERTIFICATE_CLASSIFICATION_FLAG))(
    'LimitApplicationCertificateClassificationFlag %s → %s, limitClass %s',
    (code, label) => {
      const person = parsePerson(
        `<LimitApplicationCertificateRelatedInfo><LimitApplicationCertificateClassificationFlag>${code}</LimitApplicationCertificateClassificationFlag></LimitApplicationCertificateRelatedInfo>`,
      );
      expect(person.limitCertificate?.flag).toEqual({ code, label });
      expect(person.limitClass).toBe(code);
    },
  );

  it.each(Object.entries(codes.SPECIFIC_DISEASES_CATEGORY))(
    'SpecificDiseasesDiseaseCategory %s → %s',
    (code, label) => {
      const person = parsePerson(
        `<SpecificDiseasesCertificateList><SpecificDiseasesCertificateInfo><SpecificDiseasesDiseaseCategory>${code}</SpecificDiseasesDiseaseCategory></SpecificDiseasesCertificateInfo></SpecificDiseasesCertificateList>`,
      );
      expect(person.specificDiseases).toEqual([{ category: { code, label } }]);
    },
  );

  it('several specific diseases keep their order', () => {
    const info = (code: string) =>
      `<SpecificDiseasesCertificateInfo><SpecificDiseasesDiseaseCategory>${code}</SpecificDiseasesDiseaseCategory></SpecificDiseasesCertificateInfo>`;
    const person = parsePerson(
      `<SpecificDiseasesCertificateList>${info('3')}${info('1')}${info('2')}</SpecificDiseasesCertificateList>`,
    );
    expect(person.specificDiseases?.map((disease) => disease.category.code)).toEqual(['3', '1', '2']);
  });

  it.each([
    ['1', true],
    ['0', undefined],
    ['2', undefined],
  ] as const)('PreschoolClassification %s → preschool %s', (code, preschool) => {
    expect(parsePerson(`<PreschoolClassification>${code}</PreschoolClassification>`).preschool).toBe(preschool);
  });

  const consentElements = [
    ['PharmacistsInfoConsFlg', 'pharmacists'],
    ['PharmaceuticalInfoConsFlg', 'pharmacists'],
    ['DiagnosisInfoConsFlg', 'diagnosis'],
    ['OperationInfoConsFlg', 'operation'],
    ['SpecificHealthCheckupsInfoConsFlg', 'specificHealthCheckups'],
    ['SpecificDiseasesCertificateRelatedConsFlg', 'specificDiseases'],
  ] as const;
  const consentCodes = [
    ['0', 'not-given'],
    ['1', 'given'],
    ['2', 'expired'],
    ['3', 'unobtainable'],
    ['9', 'unknown'],
  ] as const;
  for (const [element, key] of consentElements) {
    it.each(consentCodes)(`${element} %s → consents.${key} %s`, (code, state) => {
      expect(parsePerson(`<${element}>${code}</${element}>`).consents).toEqual({ [key]: state });
    });
  }

  // OQSCD001 (限度額適用認定証提供同意フラグ) knows only 0 and 1.
  it.each([
    ['0', 'not-given'],
    ['1', 'given'],
    ['2', 'unknown'],
    ['3', 'unknown'],
  ] as const)('LimitApplicationCertificateRelatedConsFlg %s → consents.limitCertificate %s', (code, state) => {
    expect(
      parsePerson(`<LimitApplicationCertificateRelatedConsFlg>${code}</LimitApplicationCertificateRelatedConsFlg>`)
        .consents,
    ).toEqual({ limitCertificate: state });
  });

  it('no consent flags → no consents object', () => {
    expect(parsePerson('').consents).toBeUndefined();
  });

  it.each([
    ['0', 'not-given'],
    ['1', 'given'],
    ['2', 'unknown'],
  ] as const)('echo LimitApplicationCertificateRelatedConsFlg %s → %s', (code, state) => {
    const result = parseMessage(
      '',
      `<QualificationConfirmSearchInfo><LimitApplicationCertificateRelatedConsFlg>${code}</LimitApplicationCertificateRelatedConsFlg></QualificationConfirmSearchInfo>`,
    );
    expect(result.echo?.limitCertificateConsent).toBe(state);
  });
});
