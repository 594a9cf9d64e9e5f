/**
 * Typed values of the オンライン資格確認 (online eligibility verification) result files.
 *
 * `OnshiParse`, `OnshiResult` and `OnshiPerson` are the fixed contract (contracts.md §2): the fields there
 * keep their names and shapes. Everything marked "beyond the contract" is optional so that code which builds
 * these objects by hand (simulator personas, test doubles) keeps compiling.
 *
 * Dates are 'YYYY-MM-DD', times 'YYYY-MM-DDTHH:mm:ss' (the terminal's local time, no zone: the file has
 * none). Deliberately absent: Address, PostNumber and InsuredName (被保険者氏名) — the kiosk does not need
 * them, so it does not hold them (data minimisation). The format carries no 個人番号 (My Number).
 */
import type { OnshiCode } from './codes';

export type OnshiParseError = 'too-large' | 'not-xml' | 'forbidden-dtd' | 'encoding' | 'schema';

export type OnshiParse = { ok: true; result: OnshiResult } | { ok: false; error: OnshiParseError; detail: string };

/** Options of `parseOnshiResult` (beyond the contract; the one-argument call keeps its meaning). */
export interface OnshiParseOptions {
  /**
   * Undeclared bytes (no BOM, no encoding in the XML declaration) that are not valid UTF-8 are decoded as
   * CP932, the terminal's native encoding. Default true; the admin setting `onshiCp932Fallback` turns it off.
   */
  cp932Fallback?: boolean;
}

/** 資格有効性 (OQSCD006) in words; 'unknown' for a code we do not know. */
export type OnshiValidity =
  'valid' | 'invalid' | 'invalid-newer' | 'not-found' | 'multiple' | 'valid-unregistered' | 'unknown';

/** 同意フラグ (OQSCD016, and 0/1 of OQSCD001) in words; 'unknown' for a code we do not know. */
export type OnshiConsentState = 'not-given' | 'given' | 'expired' | 'unobtainable' | 'unknown';

/** 処方箋発行形態 (OQSCD017). */
export type OnshiPrescriptionIssue = 'electronic' | 'paper' | 'unknown';

export interface OnshiResult {
  source: 'card' | 'numbers'; // ReferenceClassification 1 | 2
  status: 'ok' | 'error'; // ok only when SegmentOfResult = 1 and ProcessingResultStatus = 1
  errorCode?: string; // ErrorCode or ProcessingResultCode, as text
  errorMessage?: string; // ErrorMessage or ProcessingResultMessage, as text
  validity?: OnshiValidity;
  institutionCode?: string;
  confirmationDate?: string; // 'YYYY-MM-DD'
  fileId?: string; // ArbitraryFileIdentifier
  people: OnshiPerson[]; // one per ResultOfQualificationConfirmation, in file order

  // Beyond the contract.
  /** The encoding the bytes were decoded with (from the BOM / XML declaration). */
  encoding?: 'utf-8' | 'shift_jis';
  /** How `encoding` was chosen: BOM/declaration, the UTF-8 default, or the CP932 fallback for undeclared bytes. */
  encodingSource?: 'declared' | 'default' | 'fallback';
  /** Error answers only: result nodes left out because they were incomplete (the code and message are kept). */
  incompletePeople?: number;
  /** ProcessExecutionTime (処理実行日時). */
  processedAt?: string;
  /**
   * ProcessingResultCode / ProcessingResultMessage whatever the status: on success they carry side
   * information (e.g. the card's certificate expires within 3 months) that staff may want to see.
   */
  processingResultCode?: string;
  processingResultMessage?: string;
  /** QualificationConfirmSearchInfo: the terminal's echo of a number query (照会内容). */
  echo?: OnshiSearchEcho;
  /** PrescriptionIssueSelect (処方箋発行形態) chosen at the reader. */
  prescriptionIssue?: OnshiPrescriptionIssue;
  /** The header/body codes exactly as written, for logs and for staff when a code is unknown. */
  codes?: OnshiMessageCodes;
}

export interface OnshiMessageCodes {
  referenceClassification?: string;
  segmentOfResult: string;
  processingResultStatus?: string;
  qualificationValidity?: string;
  characterCodeIdentifier?: string;
  prescriptionIssueSelect?: string;
}

/** The echo of the query the result answers (QualificationConfirmSearchInfo). */
export interface OnshiSearchEcho {
  insurerNumber?: string; // digits only, padding spaces removed
  symbol?: string; // 記号, as written
  number?: string; // 番号, as written
  branch?: string; // 枝番
  birthDate?: string; // 'YYYY-MM-DD'
  limitCertificateConsent?: OnshiConsentState; // LimitApplicationCertificateRelatedConsFlg
  arbitraryIdentifier?: string; // ArbitraryIdentifier
}

export interface OnshiPerson {
  insurerNumber: string; // digits only, padding spaces removed
  symbol?: string; // 記号, as written
  number: string; // 番号, as written
  branch?: string; // 枝番, two digits
  name: string; // '' when the file has no <Name> (the screens show nameKana)
  nameKana: string;
  birthDate: string; // 'YYYY-MM-DD'
  sex?: 'male' | 'female' | 'unset';
  relationship?: 'self' | 'family'; // PersonalFamilyClassification 1 | 2
  insurerName?: string;
  validFrom?: string; // 'YYYY-MM-DD'
  validUntil?: string; // 'YYYY-MM-DD'
  copayPercent?: number; // 10 / 20 / 30 from InsuredPartialContributionRatio or the 高齢受給者 ratio
  limitClass?: string; // LimitApplicationCertificateClassificationFlag, e.g. 'A03'
  preschool?: boolean;
  referenceNumber?: string; // 照会番号

  // Beyond the contract.
  /** InsuredCardClassification (被保険者証区分), e.g. 01 一般, A1 医療扶助; unknown codes keep their text. */
  insuredCardClassification?: OnshiCode;
  /** QualificationDate (資格取得年月日). */
  qualificationDate?: string;
  /** DisqualificationDate (資格喪失年月日). */
  disqualificationDate?: string;
  /** ReasonOfLoss (資格喪失事由). */
  reasonOfLoss?: OnshiCode;
  /** ElderlyRecipientCertificateInfo (高齢受給者証情報, ages 70–74). */
  elderlyRecipient?: OnshiElderlyRecipient;
  /** LimitApplicationCertificateRelatedInfo (限度額適用認定証関連情報). */
  limitCertificate?: OnshiLimitCertificate;
  /** SpecificDiseasesCertificateList (特定疾病療養受療証), in file order. */
  specificDiseases?: OnshiSpecificDisease[];
  /** The patient's consents given at the reader. */
  consents?: OnshiConsents;
}

export interface OnshiElderlyRecipient {
  validFrom?: string;
  validUntil?: string;
  copayPercent?: number; // ElderlyRecipientContributionRatio, "020" → 20
}

export interface OnshiLimitCertificate {
  classification?: OnshiCode; // 01–03
  flag?: OnshiCode; // A01–A06, B01–B10
  validFrom?: string;
  validUntil?: string;
}

export interface OnshiSpecificDisease {
  category: OnshiCode; // 1 透析, 2 血友病, 3 血液製剤HIV
  validFrom?: string;
  validUntil?: string;
  selfPay?: string; // 自己負担限度額 as written, e.g. "10000"
}

export interface OnshiConsents {
  pharmacists?: OnshiConsentState; // 薬剤情報 (PharmacistsInfoConsFlg or PharmaceuticalInfoConsFlg)
  diagnosis?: OnshiConsentState; // 診療情報
  operation?: OnshiConsentState; // 手術情報
  specificHealthCheckups?: OnshiConsentState; // 特定健診情報
  specificDiseases?: OnshiConsentState; // 特定疾病療養受療証
  limitCertificate?: OnshiConsentState; // 限度額適用認定証
}
