/**
 * Code tables of the オンライン資格確認 result files (業務コード仕様 OQSCDxxx).
 *
 * The official tables are not public; the values come from public clinic software that implements them
 * (see /work/shared/brief/onshi.md §1). Labels are the Japanese names staff see on the terminal, so they
 * can be shown as-is on the staff console.
 *
 * Every table is a plain object keyed by the code as it appears in the file (text, leading zeros kept).
 * Look codes up with `codeLabel`, never with `table[code]`: a hostile file can carry a code such as
 * "constructor" or "__proto__", which a bare property read would resolve through the prototype chain.
 */

/** OQSCD001 限度額適用認定証提供同意フラグ (consent to share the 限度額適用認定証). */
export const LIMIT_CERTIFICATE_CONSENT_FLAG = {
  '0': '未同意',
  '1': '同意',
} as const;

/** OQSCD002 照会区分 (how the query was made). */
export const REFERENCE_CLASSIFICATION = {
  '1': 'マイナンバーカード',
  '2': '被保険者証情報',
} as const;

/** OQSCD003 処理結果区分 (outcome of the whole message). */
export const SEGMENT_OF_RESULT = {
  '1': '正常終了',
  '2': '処理中',
  '9': '異常終了',
} as const;

/** OQSCD004 処理結果状況 (outcome of this person's query). */
export const PROCESSING_RESULT_STATUS = {
  '1': '正常終了',
  '2': 'エラー',
} as const;

/**
 * OQSCD005 文字コード識別. Sources disagree (one implementation says 1/2), which is why the parser
 * trusts the BOM / XML declaration for decoding and only reports this code.
 */
export const CHARACTER_CODE_IDENTIFIER = {
  '0': 'UTF-8',
  '1': 'Shift_JIS',
} as const;

/** OQSCD006 資格有効性. 6 only occurs for 医療扶助 (public medical aid). */
export const QUALIFICATION_VALIDITY = {
  '1': '有効',
  '2': '無効',
  '3': '無効（新しい資格あり）',
  '4': '該当資格なし',
  '5': '複数該当',
  '6': '有効（未登録）',
} as const;

/** OQSCD007 性別 (Sex1, and Sex2 under the 医療券 gender-notation rules). */
export const SEX = {
  '1': '男',
  '2': '女',
  '3': '未設定',
} as const;

/** OQSCD008 資格喪失事由. */
export const REASON_OF_LOSS = {
  '01': '死亡',
  '02': '生活保護開始',
  '03': '他保険取得',
  '99': 'その他',
} as const;

/** OQSCD009 本人・家族の別. */
export const PERSONAL_FAMILY_CLASSIFICATION = {
  '1': '本人',
  '2': '家族',
} as const;

/** OQSCD010 被保険者証区分. A1 (医療扶助) is missing from some implementations, which then crash on it. */
export const INSURED_CARD_CLASSIFICATION = {
  '01': '一般',
  '02': '退職',
  '03': '短期（一般）',
  '04': '短期（退職）',
  '05': '資格証明書',
  '06': '特例退職',
  '07': '自衛官',
  A1: '医療扶助',
} as const;

/** OQSCD011 限度額適用認定証区分. */
export const LIMIT_CERTIFICATE_CLASSIFICATION = {
  '01': '限度額適用認定証',
  '02': '限度額適用・標準負担額減額認定証',
  '03': '標準負担額減額認定証',
} as const;

/**
 * OQSCD012 限度額適用認定証適用区分. A01–A06: under 70; B01–B08: 70–74 and 後期; B09/B10: 後期 only.
 */
export const LIMIT_CERTIFICATE_CLASSIFICATION_FLAG = {
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
} as const;

/** OQSCD013 特定疾病区分 (高額長期疾病, the 特定疾病療養受療証 categories). */
export const SPECIFIC_DISEASES_CATEGORY = {
  '1': '人工透析',
  '2': '血友病',
  '3': '血液製剤由来HIV',
} as const;

/** OQSCD015 未就学区分. */
export const PRESCHOOL_CLASSIFICATION = {
  '1': '未就学',
} as const;

/** OQSCD016 同意フラグ for 薬剤情報 / 診療情報 / 手術情報 / 特定健診情報 / 特定疾病療養受療証. */
export const CONSENT_FLAG = {
  '0': '同意なし',
  '1': '同意あり',
  '2': '期限切れ',
  '3': '取得困難',
} as const;

/** OQSCD017 処方箋発行形態 (which prescription the patient chose at the reader). */
export const PRESCRIPTION_ISSUE_SELECT = {
  '1': '電子処方箋',
  '2': '紙の処方箋',
} as const;

/** Any of the tables above. */
export type OnshiCodeTable = Readonly<Record<string, string>>;

/** Every table by its OQSCD number, for documentation screens and for the exhaustive code tests. */
export const ONSHI_CODE_TABLES = {
  OQSCD001: LIMIT_CERTIFICATE_CONSENT_FLAG,
  OQSCD002: REFERENCE_CLASSIFICATION,
  OQSCD003: SEGMENT_OF_RESULT,
  OQSCD004: PROCESSING_RESULT_STATUS,
  OQSCD005: CHARACTER_CODE_IDENTIFIER,
  OQSCD006: QUALIFICATION_VALIDITY,
  OQSCD007: SEX,
  OQSCD008: REASON_OF_LOSS,
  OQSCD009: PERSONAL_FAMILY_CLASSIFICATION,
  OQSCD010: INSURED_CARD_CLASSIFICATION,
  OQSCD011: LIMIT_CERTIFICATE_CLASSIFICATION,
  OQSCD012: LIMIT_CERTIFICATE_CLASSIFICATION_FLAG,
  OQSCD013: SPECIFIC_DISEASES_CATEGORY,
  OQSCD015: PRESCHOOL_CLASSIFICATION,
  OQSCD016: CONSENT_FLAG,
  OQSCD017: PRESCRIPTION_ISSUE_SELECT,
} as const satisfies Record<string, OnshiCodeTable>;

/** The Japanese label of `code` in `table`, or undefined when the code is not in the table. */
export function codeLabel(table: OnshiCodeTable, code: string): string | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

/** A code as found in the file with its label; `label` is absent when the code is unknown to us. */
export interface OnshiCode {
  code: string;
  label?: string;
}

/** Pairs a code with its label from `table`; unknown codes keep their text and get no label. */
export function codedValue(table: OnshiCodeTable, code: string): OnshiCode {
  const label = codeLabel(table, code);
  return label === undefined ? { code } : { code, label };
}
