/**
 * オンライン資格確認 (onshi): reading and writing the 資格確認端末's XML files. Plain Node, no Electron.
 *
 * - `parseOnshiResult` (the fixed contract, contracts.md §2) reads a result from face/ or res/;
 * - `buildOnshiResultXml` writes one (terminal simulator, tests);
 * - `buildNumberQueryXml` / `parseNumberQuery` write and read the req/ number query;
 * - the file-name helpers pair req/ with res/ and read face/ timestamps;
 * - `codes` holds the OQSCD code tables with their Japanese labels.
 */
export { parseOnshiResult } from './result';
export type {
  OnshiConsentState,
  OnshiConsents,
  OnshiElderlyRecipient,
  OnshiLimitCertificate,
  OnshiMessageCodes,
  OnshiParse,
  OnshiParseError,
  OnshiParseOptions,
  OnshiPerson,
  OnshiPrescriptionIssue,
  OnshiResult,
  OnshiSearchEcho,
  OnshiSpecificDisease,
  OnshiValidity,
} from './types';

export { buildNumberQueryXml, buildOnshiResultXml, paddedInsurerNumber, OnshiBuildError } from './build';
export type {
  ElementPatch,
  OnshiBuildOptions,
  OnshiConsentInput,
  OnshiNumberQuery,
  OnshiPersonInput,
  OnshiResultInput,
  OnshiSearchEchoInput,
} from './build';

export { parseNumberQuery } from './query';
export type { OnshiNumberQueryParse } from './query';

export {
  FACE_PREFIX,
  REQUEST_PREFIX,
  RESPONSE_PREFIX,
  faceFileName,
  formatTimestamp,
  isFaceFileName,
  parseFaceFileName,
  parseTimestamp,
  requestFileName,
  responseFileNameFor,
} from './file-names';
export type { OnshiFaceFileName, OnshiTimestampParts } from './file-names';

export { MAX_XML_BYTES } from './xml';
export * as codes from './codes';
export type { OnshiCode } from './codes';

export { outcomeFromResult, unreadableOutcome } from './outcome';
