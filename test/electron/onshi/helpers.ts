import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { OnshiParse, OnshiResult } from '../../../electron/onshi/index';

const FIXTURES = new URL('../../fixtures/onshi/', import.meta.url);

/** Bytes of a file under test/fixtures/onshi/. */
export function fixture(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(relative, FIXTURES)));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The result of a parse that must have succeeded (fails the test with the error detail otherwise). */
export function expectOk(parse: OnshiParse): OnshiResult {
  if (!parse.ok) expect.fail(`expected a result, got ${parse.error}: ${parse.detail}`);
  return parse.result;
}

/** A minimal well-formed result message around `resultBody` (the inside of one result node). */
export function minimalResult(personXml: string, options: { header?: string; body?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<XmlMsg>
  <MessageHeader>
    <ReferenceClassification>1</ReferenceClassification>
    <SegmentOfResult>1</SegmentOfResult>${options.header ?? ''}
  </MessageHeader>
  <MessageBody>
    <ProcessingResultStatus>1</ProcessingResultStatus>
    <QualificationValidity>1</QualificationValidity>${options.body ?? ''}
    <ResultList>
      <ResultOfQualificationConfirmation>${personXml}</ResultOfQualificationConfirmation>
    </ResultList>
  </MessageBody>
</XmlMsg>
`;
}

/** The five required person fields, valid. */
export const REQUIRED_PERSON_FIELDS =
  '<InsurerNumber>01130012</InsurerNumber><InsuredIdentificationNumber>1234</InsuredIdentificationNumber>' +
  '<Name>試験　太郎</Name><NameKana>ﾃｽﾄ ﾀﾛｳ</NameKana><Birthdate>19800115</Birthdate>';
