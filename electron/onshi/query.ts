/**
 * Reads a number-query request (req/OQSsiquc01req_<id>.xml). The terminal simulator uses it to answer the
 * kiosk's requests; it goes through the same hostile-input-safe XML reader as results.
 */
import type { OnshiNumberQuery } from './build';
import { ElementFields, OnshiSchemaError, insurerDigits } from './fields';
import { readOnshiXml } from './result';
import type { OnshiParseError } from './types';

export type OnshiNumberQueryParse = { ok: true; query: OnshiNumberQuery } | { ok: false; error: OnshiParseError; detail: string };

/**
 * Parses a request file into the query it asks. Never throws. The insurer number comes back as digits only
 * (the request pads 6-digit numbers with spaces); 記号/番号 as written.
 */
export function parseNumberQuery(bytes: Uint8Array): OnshiNumberQueryParse {
  const tree = readOnshiXml(bytes);
  if (!tree.ok) return tree;
  try {
    const root = tree.root;
    if (root.name !== 'XmlMsg') throw new OnshiSchemaError(`root element is <${root.name.slice(0, 60)}>, expected <XmlMsg>`);
    const message = new ElementFields(root);
    const header = new ElementFields(message.requiredChild('MessageHeader'));
    const body = new ElementFields(message.requiredChild('MessageBody'));
    const info = new ElementFields(body.requiredChild('QualificationConfirmSearchInfo'));

    const institutionCode = header.requiredTrimmed('MedicalInstitutionCode');
    if (!/^\d{10}$/.test(institutionCode)) throw new OnshiSchemaError(`MedicalInstitutionCode "${institutionCode.slice(0, 20)}" is not 10 digits`);
    const insurerText = info.requiredFreeText('InsurerNumber');
    const insurerNumber = insurerDigits(insurerText);
    if (insurerNumber === undefined) throw new OnshiSchemaError(`InsurerNumber "${insurerText.slice(0, 20)}" is not 6 or 8 digits`);
    const consent = info.trimmed('LimitApplicationCertificateRelatedConsFlg');
    if (consent !== undefined && consent !== '0' && consent !== '1') {
      throw new OnshiSchemaError(`LimitApplicationCertificateRelatedConsFlg "${consent.slice(0, 20)}" is not 0 or 1`);
    }

    const query: OnshiNumberQuery = {
      confirmationDate: header.requiredDate('QualificationConfirmationDate'),
      institutionCode,
      fileId: header.requiredFreeText('ArbitraryFileIdentifier'),
      insurerNumber,
      number: info.requiredFreeText('InsuredIdentificationNumber'),
      birthDate: info.requiredDate('Birthdate'),
      limitCertificateConsent: consent === '1',
    };
    const symbol = info.freeText('InsuredCardSymbol');
    const branch = info.trimmed('InsuredBranchNumber');
    if (symbol !== undefined) query.symbol = symbol;
    if (branch !== undefined) query.branch = branch;
    return { ok: true, query };
  } catch (error) {
    if (error instanceof OnshiSchemaError) return { ok: false, error: 'schema', detail: error.message };
    return { ok: false, error: 'schema', detail: `internal schema failure: ${String(error)}` };
  }
}
