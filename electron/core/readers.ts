/**
 * What the session manager needs from the card-reader side (the 資格確認端末 and its face-authentication
 * reader). The onshi-folder adapter implements it for real; the terminal simulator plays the terminal's side
 * of the same folders, so the default `npm start` runs the real adapter code.
 */
import type { DemoPersona } from '../../shared/api/index';
import type { CardReadOutcome, CheckInSession, PrintedNumbers } from '../../shared/flow/session';

export type CardEvent =
  | { type: 'card-read'; outcome: CardReadOutcome }
  | { type: 'card-failed'; reason: 'timeout' | 'reader-error' | 'pin-locked' | 'face-failed' | 'cancelled-at-reader' };

export type NumberQueryOutcome = { kind: 'answer'; outcome: CardReadOutcome } | { kind: 'unavailable'; detail: string };

export interface EligibilityReader {
  readonly kind: 'simulator' | 'onshi-folder';
  /** Start waiting for a card read for this session; `deliver` is called at most once per wait. */
  awaitCard(session: CheckInSession, deliver: (event: CardEvent) => void): void;
  stopCard(sessionId: string): void;
  /** 個別照会 by printed numbers. Never rejects: a timeout or a broken terminal is 'unavailable'. */
  verifyNumbers(session: CheckInSession, numbers: PrintedNumbers): Promise<NumberQueryOutcome>;
  /** Demo only (simulator): the personas a virtual card can be presented for. */
  personas?(): DemoPersona[];
  presentCard?(personaId: string): { ok: true } | { ok: false; message: string };
  close(): Promise<void>;
}
