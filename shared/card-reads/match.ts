/**
 * Which waiting session a card read (a face/ file from the 資格確認端末) belongs to — a pure decision.
 *
 * The terminal writes one file per card read with nothing that says which kiosk or reader it came from. A
 * file counts for a waiting session only if it was written after that session started waiting (file mtime
 * on the kiosk's wall clock, with `clockSkewMs` of tolerance). Exactly one such session → it gets the read.
 * Several → the person's birth date (and kana, when the session has one) must match exactly one of them.
 * Anything else is unmatched (for staff) and never applied by guesswork; a file that was already there
 * before the kiosk started, while nobody waits, is nobody's business ('preexisting').
 */
import type { CheckInSession } from '../flow/session';
import { normaliseKana } from '../insurance/kana';

export interface PatientHints {
  birthDate?: string;
  nameKana?: string;
}

export interface WaitingSession {
  sessionId: string;
  /** Wall-clock ms when the session started waiting for a card. */
  sinceWallMs: number;
  /** What the patient told the kiosk about who they are (birth date, kana), when the session has it. */
  hints: PatientHints;
}

export interface CardReadFacts {
  /** The file's mtime, wall-clock ms. */
  mtimeMs: number;
  /** The file parsed as a result. */
  readable: boolean;
  /** The one person in the result (none when the result names zero or several). */
  person?: { birthDate?: string; nameKana?: string };
}

export type CardReadMatch =
  | { kind: 'deliver'; sessionId: string }
  | { kind: 'unmatched'; reason: 'stale' | 'ambiguous' | 'no-waiting-session' | 'unreadable'; candidates: string[] }
  | { kind: 'preexisting' };

export interface MatchOptions {
  clockSkewMs: number;
  /** Wall-clock ms when the kiosk started watching the folder. */
  startedWallMs: number;
}

export function matchCardRead(
  read: CardReadFacts,
  waiting: readonly WaitingSession[],
  options: MatchOptions,
): CardReadMatch {
  const all = waiting.map((w) => w.sessionId);
  const candidates = waiting.filter((w) => w.sinceWallMs <= read.mtimeMs + options.clockSkewMs);
  if (candidates.length === 1) return { kind: 'deliver', sessionId: candidates[0]!.sessionId };
  if (candidates.length > 1) {
    if (!read.readable) return { kind: 'unmatched', reason: 'unreadable', candidates: all };
    const person = read.person;
    if (person?.birthDate) {
      const kana = normaliseKana(person.nameKana ?? '');
      const matches = candidates.filter(
        (w) =>
          w.hints.birthDate === person.birthDate &&
          (w.hints.nameKana === undefined || normaliseKana(w.hints.nameKana) === kana),
      );
      if (matches.length === 1) return { kind: 'deliver', sessionId: matches[0]!.sessionId };
    }
    return { kind: 'unmatched', reason: 'ambiguous', candidates: all };
  }
  if (waiting.length > 0) return { kind: 'unmatched', reason: read.readable ? 'stale' : 'unreadable', candidates: all };
  if (read.mtimeMs < options.startedWallMs - options.clockSkewMs) return { kind: 'preexisting' };
  return { kind: 'unmatched', reason: read.readable ? 'no-waiting-session' : 'unreadable', candidates: all };
}

/** What the patient confirmed at the kiosk about who they are, when the session has it. */
export function patientHints(s: CheckInSession): PatientHints {
  const birthDate = s.birthDate ?? s.numbers?.birthDate ?? s.declaration?.birthDate ?? s.identity?.birthDate;
  const nameKana = s.declaration?.nameKana ?? s.identity?.nameKana;
  return { ...(birthDate ? { birthDate } : {}), ...(nameKana ? { nameKana } : {}) };
}
