/**
 * What the session manager needs from the card-reader side (the 資格確認端末 and its face-authentication
 * reader). The onshi-folder adapter implements it for real; the terminal simulator plays the terminal's side
 * of the same folders, so the default `npm start` runs the real adapter code.
 */
import type { DemoPersona, UnmatchedRead } from '../../shared/api/index';
import type { CardReadOutcome, CheckInSession, PrintedNumbers } from '../../shared/flow/session';

export type CardEvent =
  | { type: 'card-read'; outcome: CardReadOutcome }
  | { type: 'card-failed'; reason: 'timeout' | 'reader-error' | 'pin-locked' | 'face-failed' | 'cancelled-at-reader' };

/**
 * `systemError`: the terminal answered, but with SegmentOfResult 9 (異常終了). It is an answer (staff look at
 * the session) and the adapter has already counted it against the online monitor.
 */
export type NumberQueryOutcome =
  { kind: 'answer'; outcome: CardReadOutcome; systemError?: boolean } | { kind: 'unavailable'; detail: string };

/** The reader's own view of whether the terminal can be reached (the monitor's periodic probe). */
export type ReaderHealth = { ok: true } | { ok: false; detail: string };

export type AssignReadResult = { ok: true } | { ok: false; code: 'not-found' | 'conflict'; message: string };

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
  /** The monitor's periodic probe: can the terminal's folders be reached right now? */
  health?(): Promise<ReaderHealth>;
  /** Card reads not attached to a session by the reader (stale, ambiguous, unreadable …), for staff. */
  unmatchedReads?(options?: { all?: boolean }): UnmatchedRead[];
  /** Staff attach an unmatched card read to a session that waits for a card. */
  assignRead?(readId: string, sessionId: string, staff: string): AssignReadResult;
  dismissRead?(readId: string, staff: string): UnmatchedRead | undefined;
  /** Called for every new or resolved unmatched read (the core pushes 'reader.unmatched' to staff). */
  onUnmatched?(listener: (read: UnmatchedRead) => void): () => void;
  close(): Promise<void>;
}
