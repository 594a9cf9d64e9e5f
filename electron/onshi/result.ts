/**
 * Reads a 資格確認結果 file (face/ or res/ folder) into an `OnshiResult`.
 */
import iconv from 'iconv-lite';
import {
  INSURED_CARD_CLASSIFICATION,
  LIMIT_CERTIFICATE_CLASSIFICATION,
  LIMIT_CERTIFICATE_CLASSIFICATION_FLAG,
  REASON_OF_LOSS,
  SPECIFIC_DISEASES_CATEGORY,
  codedValue,
} from './codes';
import { ElementFields, OnshiSchemaError, insurerDigits, ratioToPercent } from './fields';
import type {
  OnshiConsentState,
  OnshiConsents,
  OnshiElderlyRecipient,
  OnshiLimitCertificate,
  OnshiMessageCodes,
  OnshiParse,
  OnshiParseOptions,
  OnshiPerson,
  OnshiResult,
  OnshiSearchEcho,
  OnshiSpecificDisease,
  OnshiValidity,
} from './types';
import { readXml } from './xml';
import type { XmlElement, XmlEncodingSource, XmlReadResult } from './xml';

/** CP932 decoder handed to the XML reader (iconv-lite's table is Windows-31J, with the NEC/IBM extensions). */
export function decodeCp932(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
}

/** Bytes → element tree, with the CP932 decoder wired in. Shared by the result and request readers. */
export function readOnshiXml(bytes: Uint8Array, options: OnshiParseOptions = {}): XmlReadResult {
  return readXml(bytes, decodeCp932, undefined, options);
}

const VALIDITY_BY_CODE: Readonly<Record<string, OnshiValidity>> = {
  '1': 'valid',
  '2': 'invalid',
  '3': 'invalid-newer',
  '4': 'not-found',
  '5': 'multiple',
  '6': 'valid-unregistered',
};

const CONSENT_BY_CODE: Readonly<Record<string, OnshiConsentState>> = {
  '0': 'not-given',
  '1': 'given',
  '2': 'expired',
  '3': 'unobtainable',
};

function lookup<T>(table: Readonly<Record<string, T>>, code: string): T | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

/** Maps 同意フラグ text to words; an unknown code is 'unknown', an absent one undefined. */
export function consentState(code: string | undefined): OnshiConsentState | undefined {
  if (code === undefined) return undefined;
  return lookup(CONSENT_BY_CODE, code) ?? 'unknown';
}

/** 限度額適用認定証提供同意フラグ (OQSCD001) has only 0 and 1; anything else is 'unknown'. */
export function limitConsentState(code: string | undefined): OnshiConsentState | undefined {
  if (code === undefined) return undefined;
  return code === '0' ? 'not-given' : code === '1' ? 'given' : 'unknown';
}

export function validityOf(code: string): OnshiValidity {
  return lookup(VALIDITY_BY_CODE, code) ?? 'unknown';
}

/**
 * Parses a result file. Never throws: every failure is `{ ok: false, error, detail }`.
 * - 'too-large' / 'not-xml' / 'forbidden-dtd' / 'encoding' come from the XML reader;
 * - 'schema': wrong root, missing required element, duplicated single-valued element, impossible date,
 *   insurer number that is not 6 or 8 digits, nesting or element count beyond the limits.
 * Unknown code values are tolerated (they become 'unknown' or keep their text).
 * `options.cp932Fallback` (default true): undeclared, non-UTF-8 bytes are read as CP932.
 */
export function parseOnshiResult(bytes: Uint8Array, options: OnshiParseOptions = {}): OnshiParse {
  let tree: XmlReadResult;
  try {
    tree = readOnshiXml(bytes, options);
  } catch (error) {
    // Defensive: the reader returns errors as values; reaching this is a bug, still not a crash.
    return { ok: false, error: 'not-xml', detail: `internal reader failure: ${String(error)}` };
  }
  if (!tree.ok) return tree;
  try {
    return { ok: true, result: readResultMessage(tree.root, tree.encoding, tree.encodingSource) };
  } catch (error) {
    if (error instanceof OnshiSchemaError) return { ok: false, error: 'schema', detail: error.message };
    return { ok: false, error: 'schema', detail: `internal schema failure: ${String(error)}` };
  }
}

function readResultMessage(
  root: XmlElement,
  encoding: 'utf-8' | 'shift_jis',
  encodingSource: XmlEncodingSource,
): OnshiResult {
  if (root.name !== 'XmlMsg')
    throw new OnshiSchemaError(`root element is <${root.name.slice(0, 60)}>, expected <XmlMsg>`);
  const message = new ElementFields(root);
  const header = new ElementFields(message.requiredChild('MessageHeader'));
  const bodyElement = message.child('MessageBody');
  const body = bodyElement ? new ElementFields(bodyElement) : undefined;

  const segmentOfResult = header.requiredTrimmed('SegmentOfResult');
  // A normal end (1) must carry the body with the per-person status; error answers (9) may have no body.
  if (segmentOfResult === '1' && body === undefined)
    throw new OnshiSchemaError('XmlMsg has no MessageBody although SegmentOfResult is 1');
  const processingResultStatus =
    segmentOfResult === '1'
      ? body?.requiredTrimmed('ProcessingResultStatus')
      : softly(() => body?.trimmed('ProcessingResultStatus'));
  const status: OnshiResult['status'] = segmentOfResult === '1' && processingResultStatus === '1' ? 'ok' : 'error';

  // An error answer is kept for its code and message even when the rest of it is damaged: its other
  // fields are read softly (a bad one is left out), while an ok answer stays strict.
  const soft = <T>(read: () => T): T | undefined => (status === 'error' ? softly(read) : read());

  const codes: OnshiMessageCodes = { segmentOfResult };
  const referenceClassification = soft(() => header.trimmed('ReferenceClassification'));
  const characterCodeIdentifier = soft(() => header.trimmed('CharacterCodeIdentifier'));
  const qualificationValidity = soft(() => body?.trimmed('QualificationValidity'));
  const prescriptionIssueSelect = soft(() => body?.trimmed('PrescriptionIssueSelect'));
  if (referenceClassification !== undefined) codes.referenceClassification = referenceClassification;
  if (processingResultStatus !== undefined) codes.processingResultStatus = processingResultStatus;
  if (qualificationValidity !== undefined) codes.qualificationValidity = qualificationValidity;
  if (characterCodeIdentifier !== undefined) codes.characterCodeIdentifier = characterCodeIdentifier;
  if (prescriptionIssueSelect !== undefined) codes.prescriptionIssueSelect = prescriptionIssueSelect;

  const echoElement = soft(() => body?.child('QualificationConfirmSearchInfo'));
  // ReferenceClassification is the authority; when it is absent or unknown, a number query is recognised
  // by its echo (only number queries carry one). The raw code stays in `codes` for staff.
  const source: OnshiResult['source'] =
    referenceClassification === '1'
      ? 'card'
      : referenceClassification === '2'
        ? 'numbers'
        : echoElement
          ? 'numbers'
          : 'card';

  const result: OnshiResult = { source, status, people: [], encoding, encodingSource, codes };
  const processedAt = soft(() => header.dateTime('ProcessExecutionTime'));
  const confirmationDate = soft(() => header.date('QualificationConfirmationDate'));
  const institutionCode = soft(() => header.trimmed('MedicalInstitutionCode'));
  const fileId = soft(() => header.freeText('ArbitraryFileIdentifier'));
  if (processedAt !== undefined) result.processedAt = processedAt;
  if (institutionCode !== undefined) result.institutionCode = institutionCode;
  if (confirmationDate !== undefined) result.confirmationDate = confirmationDate;
  if (fileId !== undefined) result.fileId = fileId;

  const processingResultCode = soft(() => body?.trimmed('ProcessingResultCode'));
  const processingResultMessage = soft(() => body?.freeText('ProcessingResultMessage'));
  if (processingResultCode !== undefined) result.processingResultCode = processingResultCode;
  if (processingResultMessage !== undefined) result.processingResultMessage = processingResultMessage;
  if (status === 'error') {
    const errorCode = softly(() => header.trimmed('ErrorCode')) ?? processingResultCode;
    const errorMessage = softly(() => header.freeText('ErrorMessage')) ?? processingResultMessage;
    if (errorCode !== undefined) result.errorCode = errorCode;
    if (errorMessage !== undefined) result.errorMessage = errorMessage;
  }

  if (qualificationValidity !== undefined) result.validity = validityOf(qualificationValidity);
  if (prescriptionIssueSelect !== undefined) {
    result.prescriptionIssue =
      prescriptionIssueSelect === '1' ? 'electronic' : prescriptionIssueSelect === '2' ? 'paper' : 'unknown';
  }
  if (echoElement) {
    const echo = soft(() => readEcho(new ElementFields(echoElement)));
    if (echo !== undefined) result.echo = echo;
  }

  const resultList = soft(() => body?.child('ResultList'));
  if (resultList) {
    const nodes = new ElementFields(resultList).all('ResultOfQualificationConfirmation');
    if (status === 'ok') {
      result.people = nodes.map((node, index) =>
        prefixSchemaErrors(`ResultOfQualificationConfirmation #${index + 1}`, () =>
          readPerson(new ElementFields(node)),
        ),
      );
    } else {
      // An error answer's people are context for staff; an incomplete one is left out, never the answer.
      for (const node of nodes) {
        const person = softly(() => readPerson(new ElementFields(node)));
        if (person) result.people.push(person);
        else result.incompletePeople = (result.incompletePeople ?? 0) + 1;
      }
    }
  }
  return result;
}

/** Runs a read; a schema error becomes undefined (the field is left out). Other errors still propagate. */
function softly<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof OnshiSchemaError) return undefined;
    throw error;
  }
}

function readEcho(info: ElementFields): OnshiSearchEcho {
  const echo: OnshiSearchEcho = {};
  const insurerNumber = info.text('InsurerNumber');
  if (insurerNumber !== undefined) {
    // The echo repeats what the clinic sent; keep it even if odd, minus the padding.
    const digits = insurerNumber.replace(/[ \u3000\t]/g, '');
    if (digits !== '') echo.insurerNumber = digits;
  }
  const symbol = info.freeText('InsuredCardSymbol');
  const number = info.freeText('InsuredIdentificationNumber');
  const branch = info.trimmed('InsuredBranchNumber');
  const birthDate = info.date('Birthdate');
  const limitConsent = limitConsentState(info.trimmed('LimitApplicationCertificateRelatedConsFlg'));
  const arbitraryIdentifier = info.freeText('ArbitraryIdentifier');
  if (symbol !== undefined) echo.symbol = symbol;
  if (number !== undefined) echo.number = number;
  if (branch !== undefined) echo.branch = branch;
  if (birthDate !== undefined) echo.birthDate = birthDate;
  if (limitConsent !== undefined) echo.limitCertificateConsent = limitConsent;
  if (arbitraryIdentifier !== undefined) echo.arbitraryIdentifier = arbitraryIdentifier;
  return echo;
}

function readPerson(node: ElementFields): OnshiPerson {
  const insurerText = node.requiredFreeText('InsurerNumber');
  const insurerNumber = insurerDigits(insurerText);
  if (insurerNumber === undefined)
    throw new OnshiSchemaError(`InsurerNumber "${insurerText.slice(0, 20)}" is not 6 or 8 digits`);

  const person: OnshiPerson = {
    insurerNumber,
    number: node.requiredFreeText('InsuredIdentificationNumber'),
    // Some terminals and connectors leave <Name> out (kanji not registered); kana identifies the person
    // and is what the screens show, so a missing name is '' rather than a refused file.
    name: node.freeText('Name') ?? '',
    nameKana: node.requiredFreeText('NameKana'),
    birthDate: node.requiredDate('Birthdate'),
  };
  const symbol = node.freeText('InsuredCardSymbol');
  const branch = node.trimmed('InsuredBranchNumber');
  if (symbol !== undefined) person.symbol = symbol;
  if (branch !== undefined) person.branch = branch;

  const sex = node.trimmed('Sex1');
  if (sex === '1') person.sex = 'male';
  else if (sex === '2') person.sex = 'female';
  else if (sex === '3') person.sex = 'unset';

  const relationship = node.trimmed('PersonalFamilyClassification');
  if (relationship === '1') person.relationship = 'self';
  else if (relationship === '2') person.relationship = 'family';

  const insurerName = node.freeText('InsurerName');
  const validFrom = node.date('InsuredCardValidDate');
  const validUntil = node.date('InsuredCardExpirationDate');
  const referenceNumber = node.trimmed('ReferenceNumber');
  if (insurerName !== undefined) person.insurerName = insurerName;
  if (validFrom !== undefined) person.validFrom = validFrom;
  if (validUntil !== undefined) person.validUntil = validUntil;
  if (referenceNumber !== undefined) person.referenceNumber = referenceNumber;
  if (node.trimmed('PreschoolClassification') === '1') person.preschool = true;

  const cardClassification = node.trimmed('InsuredCardClassification');
  if (cardClassification !== undefined)
    person.insuredCardClassification = codedValue(INSURED_CARD_CLASSIFICATION, cardClassification);
  const qualificationDate = node.date('QualificationDate');
  const disqualificationDate = node.date('DisqualificationDate');
  const reasonOfLoss = node.trimmed('ReasonOfLoss');
  if (qualificationDate !== undefined) person.qualificationDate = qualificationDate;
  if (disqualificationDate !== undefined) person.disqualificationDate = disqualificationDate;
  if (reasonOfLoss !== undefined) person.reasonOfLoss = codedValue(REASON_OF_LOSS, reasonOfLoss);

  const elderlyElement = node.child('ElderlyRecipientCertificateInfo');
  if (elderlyElement) person.elderlyRecipient = readElderlyRecipient(new ElementFields(elderlyElement));

  const limitElement = node.child('LimitApplicationCertificateRelatedInfo');
  if (limitElement) {
    person.limitCertificate = readLimitCertificate(new ElementFields(limitElement));
    if (person.limitCertificate.flag) person.limitClass = person.limitCertificate.flag.code;
  }

  // 後期高齢者 burden first (it is the person's own ratio), else the 高齢受給者証 ratio.
  const copayPercent =
    ratioToPercent(node.trimmed('InsuredPartialContributionRatio')) ?? person.elderlyRecipient?.copayPercent;
  if (copayPercent !== undefined) person.copayPercent = copayPercent;

  const diseaseList = node.child('SpecificDiseasesCertificateList');
  if (diseaseList) {
    person.specificDiseases = new ElementFields(diseaseList)
      .all('SpecificDiseasesCertificateInfo')
      .map((info) => readSpecificDisease(new ElementFields(info)));
  }

  const consents = readConsents(node);
  if (Object.keys(consents).length > 0) person.consents = consents;
  return person;
}

/** Runs a read and prefixes its schema error with where it happened (which result node). */
function prefixSchemaErrors<T>(where: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof OnshiSchemaError) throw new OnshiSchemaError(`${where}: ${error.message}`);
    throw error;
  }
}

function readElderlyRecipient(info: ElementFields): OnshiElderlyRecipient {
  const elderly: OnshiElderlyRecipient = {};
  const validFrom = info.date('ElderlyRecipientValidStartDate');
  const validUntil = info.date('ElderlyRecipientValidEndDate');
  const copayPercent = ratioToPercent(info.trimmed('ElderlyRecipientContributionRatio'));
  if (validFrom !== undefined) elderly.validFrom = validFrom;
  if (validUntil !== undefined) elderly.validUntil = validUntil;
  if (copayPercent !== undefined) elderly.copayPercent = copayPercent;
  return elderly;
}

function readLimitCertificate(info: ElementFields): OnshiLimitCertificate {
  const limit: OnshiLimitCertificate = {};
  const classification = info.trimmed('LimitApplicationCertificateClassification');
  const flag = info.trimmed('LimitApplicationCertificateClassificationFlag');
  const validFrom = info.date('LimitApplicationCertificateValidStartDate');
  const validUntil = info.date('LimitApplicationCertificateValidEndDate');
  if (classification !== undefined) limit.classification = codedValue(LIMIT_CERTIFICATE_CLASSIFICATION, classification);
  if (flag !== undefined) limit.flag = codedValue(LIMIT_CERTIFICATE_CLASSIFICATION_FLAG, flag);
  if (validFrom !== undefined) limit.validFrom = validFrom;
  if (validUntil !== undefined) limit.validUntil = validUntil;
  return limit;
}

function readSpecificDisease(info: ElementFields): OnshiSpecificDisease {
  const category = info.requiredTrimmed('SpecificDiseasesDiseaseCategory');
  const disease: OnshiSpecificDisease = { category: codedValue(SPECIFIC_DISEASES_CATEGORY, category) };
  const validFrom = info.date('SpecificDiseasesValidStartDate');
  const validUntil = info.date('SpecificDiseasesValidEndDate');
  const selfPay = info.trimmed('SpecificDiseasesSelfPay');
  if (validFrom !== undefined) disease.validFrom = validFrom;
  if (validUntil !== undefined) disease.validUntil = validUntil;
  if (selfPay !== undefined) disease.selfPay = selfPay;
  return disease;
}

function readConsents(node: ElementFields): OnshiConsents {
  const consents: OnshiConsents = {};
  // Both spellings are in the wild: the terminal writes Pharmacists…, some EMR exporters Pharmaceutical….
  // A file carrying both is contradictory, so that is a duplicate like any other.
  const pharmacistsSpellings = ['PharmacistsInfoConsFlg', 'PharmaceuticalInfoConsFlg'].filter(
    (name) => node.child(name) !== undefined,
  );
  if (pharmacistsSpellings.length > 1)
    throw new OnshiSchemaError(`${node.element.name} has both PharmacistsInfoConsFlg and PharmaceuticalInfoConsFlg`);
  const entries: Array<[keyof OnshiConsents, OnshiConsentState | undefined]> = [
    ['pharmacists', consentState(node.trimmed('PharmacistsInfoConsFlg') ?? node.trimmed('PharmaceuticalInfoConsFlg'))],
    ['diagnosis', consentState(node.trimmed('DiagnosisInfoConsFlg'))],
    ['operation', consentState(node.trimmed('OperationInfoConsFlg'))],
    ['specificHealthCheckups', consentState(node.trimmed('SpecificHealthCheckupsInfoConsFlg'))],
    ['specificDiseases', consentState(node.trimmed('SpecificDiseasesCertificateRelatedConsFlg'))],
    ['limitCertificate', limitConsentState(node.trimmed('LimitApplicationCertificateRelatedConsFlg'))],
  ];
  for (const [key, state] of entries) if (state !== undefined) consents[key] = state;
  return consents;
}
