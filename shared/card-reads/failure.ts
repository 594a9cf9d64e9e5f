/**
 * Why a card read did not confirm the patient, as one stable kind the card-failed screen explains and the
 * staff console shows (`card-<kind>` in staffReasons) — a pure decision on the terminal's answer.
 *
 * What the 資格確認端末 reports (docs: /work/shared/brief/onshi.md §1, §5):
 * - 資格無効 / 新しい資格あり / 該当資格なし / 複数該当 are QualificationValidity 2 / 3 / 4 / 5 (OQSCD006) on a
 *   successful answer: these are exact.
 * - A failed answer is SegmentOfResult 9 with ErrorCode/ErrorMessage, or ProcessingResultStatus 2 with
 *   ProcessingResultCode/Message. The code values (別紙6-1) are not public, so no code is relied on: the
 *   kind is read from the message text the terminal writes — 暗証番号 + ロック/閉塞 → PIN locked (the reader
 *   locks the PIN after 3 misses), 電子証明書 + 有効期限/期限切れ/失効 → expired electronic certificate,
 *   保険証(の)利用登録/利用申込 + not done → card not registered for insurance use. Any other failed answer is a
 *   terminal system error. Whether a real terminal writes a file at all for a PIN lock (rather than only
 *   showing it on the reader) is not documented publicly; the simulator's personas write such messages.
 *   A kiosk that receives nothing still ends the wait with its timeout guidance.
 */
import type { CardReadOutcome } from '../flow/session';

export const CARD_FAILURE_KINDS = [
  'pin-locked',
  'certificate-expired',
  'not-registered',
  'system-error',
  'invalid',
  'invalid-newer',
  'not-found',
  'multiple',
  'unknown',
] as const;
export type CardFailureKind = (typeof CARD_FAILURE_KINDS)[number];

/** Kinds where reading the card again can help today (face instead of PIN, registration at the reader …). */
export const RETRYABLE_CARD_FAILURES: ReadonlySet<string> = new Set<CardFailureKind>([
  'pin-locked',
  'not-registered',
  'system-error',
  'unknown',
]);

const MAX_TEXT = 500;

/** The kind of a card read that did not confirm a valid qualification. */
export function cardFailureKind(outcome: CardReadOutcome): CardFailureKind {
  if (!outcome.ok) return failedAnswerKind(outcome.errorMessage ?? '');
  switch (outcome.validity) {
    case 'invalid':
    case 'invalid-newer':
    case 'not-found':
    case 'multiple':
      return outcome.validity;
    default:
      return 'unknown';
  }
}

function failedAnswerKind(message: string): CardFailureKind {
  const text = message.slice(0, MAX_TEXT).normalize('NFKC');
  if (/暗証番号/.test(text) && /(ロック|閉塞)/.test(text)) return 'pin-locked';
  if (/電子証明書/.test(text) && /(有効期限|期限切れ|失効)/.test(text)) return 'certificate-expired';
  if (/(保険証.{0,4}利用|利用登録|利用申込)/.test(text) && /(ない|なし|未|されていません|ありません)/.test(text)) {
    return 'not-registered';
  }
  return 'system-error';
}
