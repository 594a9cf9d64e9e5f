/**
 * Builders for the other direction: result files as the 資格確認端末 writes them (used by the terminal
 * simulator and by tests) and the number-query request the kiosk writes into req/.
 *
 * Builders take typed, already-validated values and throw `OnshiBuildError` on input that no valid file
 * could contain (a programmer error: validate patient input with shared/insurance before). Anything odd that
 * a test wants on purpose — unknown codes, duplicated or missing elements, impossible dates — goes through
 * the raw `ElementPatch` hooks, which are written verbatim.
 */
import type { PrintedNumbers } from '../../shared/flow/session';
import { isoDateTimeToCompact, isoDateToCompact } from './fields';
import type { OnshiConsentState, OnshiValidity } from './types';
import { OnshiBuildError, container, leaf, serializeXml } from './writer';
import type { ElementPatch, XmlNode } from './writer';

export { OnshiBuildError } from './writer';
export type { ElementPatch } from './writer';

// ---------------------------------------------------------------------------------------------------
// Input types

/** Options of `buildOnshiResultXml`. */
export interface OnshiBuildOptions {
  encoding: 'utf-8' | 'shift_jis';
  /** Line ends; the terminal runs on Windows, so '\r\n' is realistic. Default '\n'. */
  newline?: '\n' | '\r\n';
  /** UTF-8 only: prefix a byte order mark. */
  bom?: boolean;
}

/** A whole result message (資格確認結果). Mirrors `OnshiResult`, plus what only a writer needs. */
export interface OnshiResultInput {
  source: 'card' | 'numbers'; // ReferenceClassification 1 | 2
  institutionCode: string; // MedicalInstitutionCode, 10 digits
  confirmationDate: string; // QualificationConfirmationDate, 'YYYY-MM-DD'
  processedAt?: string; // ProcessExecutionTime, 'YYYY-MM-DDTHH:mm:ss'
  fileId?: string; // ArbitraryFileIdentifier (echo of the request's)
  /**
   * How the query failed, if it did:
   * - 'segment': SegmentOfResult 9 (異常終了) with ErrorCode/ErrorMessage in the header, and no MessageBody;
   * - 'processing': SegmentOfResult 1, ProcessingResultStatus 2 with ProcessingResultCode/Message.
   */
  failure?: { kind: 'segment' | 'processing'; code: string; message: string };
  /** ProcessingResultCode/Message on a successful answer (side information). */
  processingResult?: { code: string; message: string };
  /** QualificationValidity; defaults to 'valid' on a successful answer, omitted on a failure. */
  validity?: Exclude<OnshiValidity, 'unknown'>;
  prescriptionIssue?: 'electronic' | 'paper'; // PrescriptionIssueSelect 1 | 2
  /** QualificationConfirmSearchInfo: the echo of a number query. */
  echo?: OnshiSearchEchoInput;
  /** One ResultOfQualificationConfirmation each; absent or empty → no ResultList. */
  people?: OnshiPersonInput[];
  /** Raw changes to MessageHeader's children, e.g. `{ overrides: { SegmentOfResult: '2' } }`. */
  header?: ElementPatch;
  /** Raw changes to MessageBody's children, e.g. `{ overrides: { QualificationValidity: '7' } }`. */
  body?: ElementPatch;
  /** Raw changes to XmlMsg's children, e.g. `{ overrides: { MessageHeader: null } }`. */
  message?: ElementPatch;
}

export interface OnshiSearchEchoInput {
  insurerNumber?: string; // 6 or 8 digits; 6 are written space-padded to 8
  symbol?: string;
  number?: string;
  branch?: string;
  birthDate?: string; // 'YYYY-MM-DD'
  limitCertificateConsent?: boolean;
  arbitraryIdentifier?: string;
  patch?: ElementPatch;
}

/** Consents as written in the file: only real flag values (use a patch for unknown codes). */
export type OnshiConsentInput = Exclude<OnshiConsentState, 'unknown'>;

/** One person (ResultOfQualificationConfirmation). Mirrors `OnshiPerson`, plus fields the kiosk ignores. */
export interface OnshiPersonInput {
  insurerNumber: string; // 6 or 8 digits; 6 (国保) are written left-padded with spaces to 8, as the terminal does
  symbol?: string; // 記号
  number: string; // 番号
  branch?: string; // 枝番
  name: string;
  nameKana: string; // half-width kana, as the terminal writes
  birthDate: string; // 'YYYY-MM-DD'
  sex?: 'male' | 'female' | 'unset'; // Sex1
  relationship?: 'self' | 'family'; // PersonalFamilyClassification
  /** InsuredCardClassification code (被保険者証区分); default '01'. Any text, so 'A1' or unknown codes work. */
  insuredCardClassification?: string;
  /** 被保険者氏名 (the head of the insurance, not necessarily the patient). Written, never read back. */
  insuredName?: string;
  /** Written for realistic files; the parser does not read them (data minimisation). */
  address?: string;
  postNumber?: string;
  insurerName?: string;
  qualificationDate?: string; // 'YYYY-MM-DD'
  disqualificationDate?: string;
  issuedOn?: string; // InsuredCertificateIssuanceDate
  validFrom?: string; // InsuredCardValidDate
  validUntil?: string; // InsuredCardExpirationDate
  /** InsuredPartialContributionRatio (後期高齢者 一部負担割合) in percent: 20 → "020". */
  copayPercent?: number;
  preschool?: boolean; // PreschoolClassification 1
  reasonOfLoss?: string; // ReasonOfLoss code, e.g. '03'
  referenceNumber?: string; // 照会番号
  elderlyRecipient?: { certificateDate?: string; validFrom?: string; validUntil?: string; copayPercent?: number };
  limitCertificate?: {
    classification?: string; // '01'–'03'
    flag?: string; // 'A01'–'A06', 'B01'–'B10'
    date?: string;
    validFrom?: string;
    validUntil?: string;
  };
  specificDiseases?: Array<{ category: string; certificateDate?: string; validFrom?: string; validUntil?: string; selfPay?: string }>;
  consents?: {
    pharmacists?: OnshiConsentInput;
    diagnosis?: OnshiConsentInput;
    operation?: OnshiConsentInput;
    specificHealthCheckups?: OnshiConsentInput;
    specificDiseases?: OnshiConsentInput;
    limitCertificate?: 'not-given' | 'given';
    /** Written as …ConsTime next to every flag that is 'given'. 'YYYY-MM-DDTHH:mm:ss'. */
    time?: string;
    /** The terminal writes PharmacistsInfo…; some EMR exporters write PharmaceuticalInfo…. */
    pharmacistsSpelling?: 'Pharmacists' | 'Pharmaceutical';
  };
  patch?: ElementPatch;
}

/**
 * A 個別照会 request by the printed numbers (req/OQSsiquc01req_<id>.xml). Extends the flow's
 * `PrintedNumbers` so what the patient typed goes straight in.
 */
export interface OnshiNumberQuery extends PrintedNumbers {
  confirmationDate: string; // QualificationConfirmationDate, 'YYYY-MM-DD'
  institutionCode: string; // MedicalInstitutionCode, 10 digits
  fileId: string; // ArbitraryFileIdentifier, echoed by the terminal to pair the answer
  limitCertificateConsent?: boolean; // LimitApplicationCertificateRelatedConsFlg; default false
}

// ---------------------------------------------------------------------------------------------------
// Field writers

const VALIDITY_CODE: Record<Exclude<OnshiValidity, 'unknown'>, string> = {
  valid: '1',
  invalid: '2',
  'invalid-newer': '3',
  'not-found': '4',
  multiple: '5',
  'valid-unregistered': '6',
};

const CONSENT_CODE: Record<OnshiConsentInput, string> = { 'not-given': '0', given: '1', expired: '2', unobtainable: '3' };

function date(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const compact = isoDateToCompact(value);
  if (compact === undefined) throw new OnshiBuildError(`${field}: "${value}" is not a real 'YYYY-MM-DD' date`);
  return compact;
}

function dateTime(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const compact = isoDateTimeToCompact(value);
  if (compact === undefined) throw new OnshiBuildError(`${field}: "${value}" is not a real 'YYYY-MM-DDTHH:mm:ss' date-time`);
  return compact;
}

function percentRatio(field: string, value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > 100) throw new OnshiBuildError(`${field}: ${value} is not a whole percentage`);
  return String(value).padStart(3, '0');
}

/**
 * 保険者番号 as the terminal writes it: 8 digits, or a 6-digit 国保 number left-padded with two spaces.
 * Exported for the adapter, which must write the request the same way.
 */
export function paddedInsurerNumber(value: string): string {
  const digits = value.replace(/[ \u3000]/g, '');
  if (!/^(?:\d{6}|\d{8})$/.test(digits)) throw new OnshiBuildError(`InsurerNumber: "${value}" is not 6 or 8 digits`);
  return digits.padStart(8, ' ');
}

function institutionCode(value: string): string {
  if (!/^\d{10}$/.test(value)) throw new OnshiBuildError(`MedicalInstitutionCode: "${value}" is not 10 digits`);
  return value;
}

function branchNumber(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{2}$/.test(value)) throw new OnshiBuildError(`InsuredBranchNumber: "${value}" is not 2 digits`);
  return value;
}

/** 記号/番号 are free text up to 20 characters (as other implementations cap them). */
function cardText(field: string, value: string | undefined, required: boolean): string | undefined {
  if (value === undefined) {
    if (required) throw new OnshiBuildError(`${field} is required`);
    return undefined;
  }
  if (value.trim() === '' || [...value].length > 20) throw new OnshiBuildError(`${field}: "${value}" must be 1–20 characters`);
  return value;
}

// ---------------------------------------------------------------------------------------------------
// Result file

function echoNode(echo: OnshiSearchEchoInput): XmlNode {
  return container(
    'QualificationConfirmSearchInfo',
    [
      leaf('InsurerNumber', echo.insurerNumber === undefined ? undefined : paddedInsurerNumber(echo.insurerNumber)),
      leaf('InsuredCardSymbol', echo.symbol),
      leaf('InsuredIdentificationNumber', echo.number),
      leaf('InsuredBranchNumber', echo.branch),
      leaf('Birthdate', date('Birthdate', echo.birthDate)),
      leaf('LimitApplicationCertificateRelatedConsFlg', echo.limitCertificateConsent === undefined ? undefined : echo.limitCertificateConsent ? '1' : '0'),
      leaf('ArbitraryIdentifier', echo.arbitraryIdentifier),
    ],
    echo.patch,
  );
}

function consentNodes(person: OnshiPersonInput, key: 'specificHealthCheckups' | 'pharmacists' | 'diagnosis' | 'operation'): Array<XmlNode | undefined> {
  const consents = person.consents;
  const state = consents?.[key];
  if (state === undefined) return [];
  const prefix =
    key === 'specificHealthCheckups'
      ? 'SpecificHealthCheckupsInfo'
      : key === 'pharmacists'
        ? `${consents?.pharmacistsSpelling ?? 'Pharmacists'}Info`
        : key === 'diagnosis'
          ? 'DiagnosisInfo'
          : 'OperationInfo';
  const time = state === 'given' ? dateTime(`${prefix}ConsTime`, consents?.time) : undefined;
  return [leaf(`${prefix}ConsFlg`, CONSENT_CODE[state]), leaf(`${prefix}ConsTime`, time)];
}

function personNode(person: OnshiPersonInput): XmlNode {
  const consents = person.consents;
  const limitConsent = consents?.limitCertificate;
  const diseasesConsent = consents?.specificDiseases;
  const elderly = person.elderlyRecipient;
  const limit = person.limitCertificate;
  return container(
    'ResultOfQualificationConfirmation',
    [
      leaf('InsuredCardClassification', person.insuredCardClassification ?? '01'),
      leaf('InsurerNumber', paddedInsurerNumber(person.insurerNumber)),
      leaf('InsuredCardSymbol', cardText('InsuredCardSymbol', person.symbol, false)),
      leaf('InsuredIdentificationNumber', cardText('InsuredIdentificationNumber', person.number, true)),
      leaf('InsuredBranchNumber', branchNumber(person.branch)),
      leaf('PersonalFamilyClassification', person.relationship === undefined ? undefined : person.relationship === 'self' ? '1' : '2'),
      leaf('InsuredName', person.insuredName),
      leaf('Name', person.name),
      leaf('NameKana', person.nameKana),
      leaf('Sex1', person.sex === undefined ? undefined : { male: '1', female: '2', unset: '3' }[person.sex]),
      leaf('Birthdate', date('Birthdate', person.birthDate)),
      leaf('Address', person.address),
      leaf('PostNumber', person.postNumber),
      leaf('QualificationDate', date('QualificationDate', person.qualificationDate)),
      leaf('DisqualificationDate', date('DisqualificationDate', person.disqualificationDate)),
      leaf('InsuredCertificateIssuanceDate', date('InsuredCertificateIssuanceDate', person.issuedOn)),
      leaf('InsuredCardValidDate', date('InsuredCardValidDate', person.validFrom)),
      leaf('InsuredCardExpirationDate', date('InsuredCardExpirationDate', person.validUntil)),
      leaf('InsuredPartialContributionRatio', percentRatio('InsuredPartialContributionRatio', person.copayPercent)),
      leaf('PreschoolClassification', person.preschool ? '1' : undefined),
      leaf('ReasonOfLoss', person.reasonOfLoss),
      leaf('InsurerName', person.insurerName),
      elderly &&
        container('ElderlyRecipientCertificateInfo', [
          leaf('ElderlyRecipientCertificateDate', date('ElderlyRecipientCertificateDate', elderly.certificateDate)),
          leaf('ElderlyRecipientValidStartDate', date('ElderlyRecipientValidStartDate', elderly.validFrom)),
          leaf('ElderlyRecipientValidEndDate', date('ElderlyRecipientValidEndDate', elderly.validUntil)),
          leaf('ElderlyRecipientContributionRatio', percentRatio('ElderlyRecipientContributionRatio', elderly.copayPercent)),
        ]),
      leaf('LimitApplicationCertificateRelatedConsFlg', limitConsent === undefined ? undefined : CONSENT_CODE[limitConsent]),
      leaf('LimitApplicationCertificateRelatedConsTime', limitConsent === 'given' ? dateTime('LimitApplicationCertificateRelatedConsTime', consents?.time) : undefined),
      limit &&
        container('LimitApplicationCertificateRelatedInfo', [
          leaf('LimitApplicationCertificateClassification', limit.classification),
          leaf('LimitApplicationCertificateClassificationFlag', limit.flag),
          leaf('LimitApplicationCertificateDate', date('LimitApplicationCertificateDate', limit.date)),
          leaf('LimitApplicationCertificateValidStartDate', date('LimitApplicationCertificateValidStartDate', limit.validFrom)),
          leaf('LimitApplicationCertificateValidEndDate', date('LimitApplicationCertificateValidEndDate', limit.validUntil)),
        ]),
      leaf('SpecificDiseasesCertificateRelatedConsFlg', diseasesConsent === undefined ? undefined : CONSENT_CODE[diseasesConsent]),
      leaf(
        'SpecificDiseasesCertificateRelatedConsTime',
        diseasesConsent === 'given' ? dateTime('SpecificDiseasesCertificateRelatedConsTime', consents?.time) : undefined,
      ),
      person.specificDiseases && person.specificDiseases.length > 0
        ? container(
            'SpecificDiseasesCertificateList',
            person.specificDiseases.map((disease) =>
              container('SpecificDiseasesCertificateInfo', [
                leaf('SpecificDiseasesDiseaseCategory', disease.category),
                leaf('SpecificDiseasesCertificateDate', date('SpecificDiseasesCertificateDate', disease.certificateDate)),
                leaf('SpecificDiseasesValidStartDate', date('SpecificDiseasesValidStartDate', disease.validFrom)),
                leaf('SpecificDiseasesValidEndDate', date('SpecificDiseasesValidEndDate', disease.validUntil)),
                leaf('SpecificDiseasesSelfPay', disease.selfPay),
              ]),
            ),
          )
        : undefined,
      ...consentNodes(person, 'specificHealthCheckups'),
      ...consentNodes(person, 'pharmacists'),
      ...consentNodes(person, 'diagnosis'),
      ...consentNodes(person, 'operation'),
      leaf('ReferenceNumber', person.referenceNumber),
    ],
    person.patch,
  );
}

/**
 * Builds a full result file (XmlMsg → MessageHeader + MessageBody → ResultList) as the terminal writes it.
 * Shift_JIS output is CP932 bytes declared `encoding="Shift_JIS"` with CharacterCodeIdentifier 1; UTF-8
 * output is declared UTF-8 with CharacterCodeIdentifier 0. Throws `OnshiBuildError` on invalid input,
 * including text that CP932 cannot represent.
 */
export function buildOnshiResultXml(input: OnshiResultInput, options: OnshiBuildOptions): Uint8Array {
  const failure = input.failure;
  const segmentFailure = failure?.kind === 'segment';
  const processingFailure = failure?.kind === 'processing';
  const header = container(
    'MessageHeader',
    [
      leaf('ProcessExecutionTime', dateTime('ProcessExecutionTime', input.processedAt)),
      leaf('QualificationConfirmationDate', date('QualificationConfirmationDate', input.confirmationDate)),
      leaf('MedicalInstitutionCode', institutionCode(input.institutionCode)),
      leaf('ArbitraryFileIdentifier', input.fileId),
      leaf('ReferenceClassification', input.source === 'card' ? '1' : '2'),
      leaf('SegmentOfResult', segmentFailure ? '9' : '1'),
      leaf('ErrorCode', segmentFailure ? failure.code : undefined),
      leaf('ErrorMessage', segmentFailure ? failure.message : undefined),
      leaf('CharacterCodeIdentifier', options.encoding === 'shift_jis' ? '1' : '0'),
    ],
    input.header,
  );

  const people = input.people ?? [];
  const sideInfo = processingFailure ? failure : input.processingResult;
  const validity = input.validity ?? (failure ? undefined : 'valid');
  const body = segmentFailure
    ? undefined
    : container(
        'MessageBody',
        [
          leaf('ProcessingResultStatus', processingFailure ? '2' : '1'),
          leaf('ProcessingResultCode', sideInfo?.code),
          leaf('ProcessingResultMessage', sideInfo?.message),
          leaf('QualificationValidity', validity === undefined ? undefined : VALIDITY_CODE[validity]),
          input.echo && echoNode(input.echo),
          leaf('PrescriptionIssueSelect', input.prescriptionIssue === undefined ? undefined : input.prescriptionIssue === 'electronic' ? '1' : '2'),
          people.length > 0 ? container('ResultList', people.map(personNode)) : undefined,
        ],
        input.body,
      );

  const root = container('XmlMsg', [header, body], input.message);
  return serializeXml(root, options);
}

// ---------------------------------------------------------------------------------------------------
// Number query (request)

/**
 * Builds the 個別照会 request file for req/ (UTF-8). The insurer number is written as the terminal expects:
 * 8 digits, or 6 digits left-padded with spaces. Throws `OnshiBuildError` on invalid input.
 */
export function buildNumberQueryXml(query: OnshiNumberQuery): Uint8Array {
  if (query.fileId.trim() === '' || query.fileId.length > 64) throw new OnshiBuildError('ArbitraryFileIdentifier must be 1–64 characters');
  const root = container('XmlMsg', [
    container('MessageHeader', [
      leaf('QualificationConfirmationDate', date('QualificationConfirmationDate', query.confirmationDate)),
      leaf('MedicalInstitutionCode', institutionCode(query.institutionCode)),
      leaf('ArbitraryFileIdentifier', query.fileId),
    ]),
    container('MessageBody', [
      container('QualificationConfirmSearchInfo', [
        leaf('InsurerNumber', paddedInsurerNumber(query.insurerNumber)),
        leaf('InsuredCardSymbol', cardText('InsuredCardSymbol', query.symbol, false)),
        leaf('InsuredIdentificationNumber', cardText('InsuredIdentificationNumber', query.number, true)),
        leaf('InsuredBranchNumber', branchNumber(query.branch)),
        leaf('Birthdate', date('Birthdate', query.birthDate)),
        leaf('LimitApplicationCertificateRelatedConsFlg', query.limitCertificateConsent ? '1' : '0'),
      ]),
    ]),
  ]);
  return serializeXml(root, { encoding: 'utf-8' });
}
