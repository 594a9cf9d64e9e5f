import { describe, expect, it } from 'vitest';
import {
  matchCardRead,
  patientHints,
  type CardReadFacts,
  type CardReadMatch,
  type WaitingSession,
} from '../../../shared/card-reads/match';
import { newSession } from '../../../shared/flow/session';

const START = 1_000_000; // the kiosk started watching
const SKEW = 1000;
const w = (sessionId: string, sinceWallMs: number, hints: WaitingSession['hints'] = {}): WaitingSession => ({
  sessionId,
  sinceWallMs,
  hints,
});
const TARO = { birthDate: '1980-01-15', nameKana: 'ヤマダ タロウ' };

const cases: { name: string; read: CardReadFacts; waiting: WaitingSession[]; expected: CardReadMatch }[] = [
  {
    name: 'one session waited since before the file: it gets the read',
    read: { mtimeMs: START + 5000, readable: true, person: TARO },
    waiting: [w('a', START + 4000)],
    expected: { kind: 'deliver', sessionId: 'a' },
  },
  {
    name: 'the file is a little older than the wait, within the clock skew: still that session',
    read: { mtimeMs: START + 5000, readable: true, person: TARO },
    waiting: [w('a', START + 5000 + SKEW)],
    expected: { kind: 'deliver', sessionId: 'a' },
  },
  {
    name: 'older than the wait beyond the skew: stale, for staff',
    read: { mtimeMs: START + 5000, readable: true, person: TARO },
    waiting: [w('a', START + 5001 + SKEW)],
    expected: { kind: 'unmatched', reason: 'stale', candidates: ['a'] },
  },
  {
    name: 'an unreadable file while one session waits: delivered (the flow shows the error)',
    read: { mtimeMs: START + 5000, readable: false },
    waiting: [w('a', START)],
    expected: { kind: 'deliver', sessionId: 'a' },
  },
  {
    name: 'two waiting, the birth date picks exactly one',
    read: { mtimeMs: START + 5000, readable: true, person: TARO },
    waiting: [w('a', START, { birthDate: '1990-02-02' }), w('b', START, { birthDate: TARO.birthDate })],
    expected: { kind: 'deliver', sessionId: 'b' },
  },
  {
    name: 'two waiting, same birth date: the kana decides (half-width, hiragana and spaces fold)',
    read: { mtimeMs: START + 5000, readable: true, person: TARO },
    waiting: [
      w('a', START, { birthDate: TARO.birthDate, nameKana: 'ヤマダ ハナコ' }),
      w('b', START, { birthDate: TARO.birthDate, nameKana: 'やまだ　ﾀﾛｳ' }),
    ],
    expected: { kind: 'deliver', sessionId: 'b' },
  },
  {
    name: 'two waiting, both fit the person: ambiguous, never guessed',
    read: { mtimeMs: START + 5000, readable: true, person: TARO },
    waiting: [w('a', START, { birthDate: TARO.birthDate }), w('b', START, { birthDate: TARO.birthDate })],
    expected: { kind: 'unmatched', reason: 'ambiguous', candidates: ['a', 'b'] },
  },
  {
    name: 'two waiting, neither fits: ambiguous',
    read: { mtimeMs: START + 5000, readable: true, person: TARO },
    waiting: [w('a', START), w('b', START, { birthDate: '2001-01-01' })],
    expected: { kind: 'unmatched', reason: 'ambiguous', candidates: ['a', 'b'] },
  },
  {
    name: 'two waiting, a result with no single person: ambiguous',
    read: { mtimeMs: START + 5000, readable: true },
    waiting: [w('a', START, { birthDate: TARO.birthDate }), w('b', START)],
    expected: { kind: 'unmatched', reason: 'ambiguous', candidates: ['a', 'b'] },
  },
  {
    name: 'two waiting, an unreadable file: unreadable',
    read: { mtimeMs: START + 5000, readable: false },
    waiting: [w('a', START), w('b', START)],
    expected: { kind: 'unmatched', reason: 'unreadable', candidates: ['a', 'b'] },
  },
  {
    name: 'only one of two waits started before the file: that one, without looking at the person',
    read: { mtimeMs: START + 5000, readable: true, person: TARO },
    waiting: [w('a', START), w('b', START + 9000)],
    expected: { kind: 'deliver', sessionId: 'a' },
  },
  {
    name: 'nobody waits, written after the kiosk started: no waiting session',
    read: { mtimeMs: START + 5000, readable: true, person: TARO },
    waiting: [],
    expected: { kind: 'unmatched', reason: 'no-waiting-session', candidates: [] },
  },
  {
    name: 'nobody waits, unreadable: unreadable',
    read: { mtimeMs: START + 5000, readable: false },
    waiting: [],
    expected: { kind: 'unmatched', reason: 'unreadable', candidates: [] },
  },
  {
    name: 'nobody waits, the file was there before the kiosk started: not today’s business',
    read: { mtimeMs: START - SKEW - 1, readable: true, person: TARO },
    waiting: [],
    expected: { kind: 'preexisting' },
  },
  {
    name: 'a stale read while someone waits is staff’s, even if it predates the start',
    read: { mtimeMs: START - 50_000, readable: true, person: TARO },
    waiting: [w('a', START)],
    expected: { kind: 'unmatched', reason: 'stale', candidates: ['a'] },
  },
];

describe('matchCardRead', () => {
  it.each(cases)('$name', ({ read, waiting, expected }) => {
    expect(matchCardRead(read, waiting, { clockSkewMs: SKEW, startedWallMs: START })).toEqual(expected);
  });
});

describe('patientHints', () => {
  const base = newSession('s', 'k', '2026-11-25T00:00:00.000Z', '2026-11-25');
  it('takes the birth date the patient gave, then typed numbers, then a declaration', () => {
    expect(patientHints(base)).toEqual({});
    expect(patientHints({ ...base, birthDate: '1980-01-15' })).toEqual({ birthDate: '1980-01-15' });
    expect(patientHints({ ...base, declaration: { nameKana: 'ヤマダ', birthDate: '1970-03-03' } })).toEqual({
      birthDate: '1970-03-03',
      nameKana: 'ヤマダ',
    });
  });
});
