/**
 * An onshi result reduced to what the check-in flow keeps about a person (CardReadOutcome /
 * ConfirmedIdentity), never more: the rest of the terminal's answer is not stored anywhere.
 */
import type { CardReadOutcome } from '../../shared/flow/session';
import type { OnshiParse, OnshiResult } from './types';

export function outcomeFromResult(result: OnshiResult): CardReadOutcome {
  const outcome: CardReadOutcome = { ok: result.status === 'ok' };
  if (result.validity) outcome.validity = result.validity;
  if (result.errorCode) outcome.errorCode = result.errorCode;
  if (result.errorMessage) outcome.errorMessage = result.errorMessage;
  const person = result.people.length === 1 ? result.people[0] : undefined;
  if (person) {
    const identity: NonNullable<CardReadOutcome['identity']> = {
      // A file without <Name> parses with name '' (screens show the kana): keep no empty name.
      ...(person.name.trim() ? { name: person.name } : {}),
      nameKana: person.nameKana,
      birthDate: person.birthDate,
      insurerNumber: person.insurerNumber,
      number: person.number,
    };
    if (person.symbol !== undefined) identity.symbol = person.symbol;
    if (person.branch !== undefined) identity.branch = person.branch;
    if (person.copayPercent !== undefined) identity.copayPercent = person.copayPercent;
    if (person.limitClass !== undefined) identity.limitClass = person.limitClass;
    if (person.validUntil !== undefined) identity.validUntil = person.validUntil;
    // The insurer's name as the terminal reports it: staff read it, and the kiosk offers frequent insurers
    // by name (electron/core/insurers).
    if (person.insurerName?.trim()) identity.insurerName = person.insurerName.trim().slice(0, 100);
    outcome.identity = identity;
  }
  // 有効 means one person; a 'valid' answer with none or several is not something to complete on.
  if (outcome.ok && result.validity === 'valid' && result.people.length !== 1) {
    outcome.ok = false;
    outcome.errorCode = 'result-person-count';
    outcome.errorMessage = `a valid result with ${result.people.length} people`;
  }
  return outcome;
}

/** A file that did not parse, as an outcome staff can read ('unreadable-schema', …). */
export function unreadableOutcome(parse: Extract<OnshiParse, { ok: false }>): CardReadOutcome {
  return { ok: false, errorCode: `unreadable-${parse.error}`, errorMessage: parse.detail.slice(0, 300) };
}
