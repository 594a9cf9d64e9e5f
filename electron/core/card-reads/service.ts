/**
 * Card waits and card reads: sessions that wait for a card (persisted in card_waits so a restart keeps the
 * wait's start), each card read from the terminal transport matched to them by the pure `matchCardRead`
 * (shared/card-reads/match.ts), and the unmatched-read workflow for staff (record, list, assign, dismiss).
 * A read is recorded — consumed file, ended wait or unmatched entry — in one transaction before anyone is
 * told, so a restart never applies it twice and never loses it.
 */
import { randomBytes } from 'node:crypto';
import type { UnmatchedRead } from '../../../shared/api/index';
import { matchCardRead, patientHints } from '../../../shared/card-reads/match';
import type { CardReadOutcome, CheckInSession } from '../../../shared/flow/session';
import type { CardReadConsumer, TerminalCardRead } from '../../terminal/transport';
import type { Clock } from '../clock';
import { createListeners } from '../feature';
import type { Logger } from '../logger';
import { createJunkSummariser, describeJunk, type JunkSummary } from './junk-summary';
import type { CardReadsStore } from './store';

export type CardEvent =
  | { type: 'card-read'; outcome: CardReadOutcome }
  | { type: 'card-failed'; reason: 'timeout' | 'reader-error' | 'pin-locked' | 'face-failed' | 'cancelled-at-reader' };

/** Told to a wait that goes on: a read could not be matched because several kiosks wait (staff decide). */
export type CardNotice = { type: 'card-unmatched' };

export interface CardWaitRequest {
  session: CheckInSession;
  /** Called at most once per wait. */
  deliver(event: CardEvent): void;
  /** The session as it is now: the wait ends once it no longer waits for a card; its hints help matching. */
  current(): CheckInSession | undefined;
  /** Called for each notice while the wait goes on (may be called several times). */
  notify?(notice: CardNotice): void;
}

export type AssignResult =
  { ok: true; session: CheckInSession } | { ok: false; code: 'not-found' | 'conflict'; message: string };

export interface CardReadsService {
  awaitCard(request: CardWaitRequest): void;
  stopCard(sessionId: string): void;
  unmatchedReads(options?: { all?: boolean }): UnmatchedRead[];
  /** Staff attach an unmatched read to a session that waits for a card. */
  assign(readId: string, sessionId: string, staff: string): AssignResult;
  dismiss(readId: string, staff: string): UnmatchedRead | undefined;
  /** Every new or resolved unmatched read. */
  onUnmatched(listener: (read: UnmatchedRead) => void): () => void;
  /**
   * A kiosk's connection is open (its screen can answer). Returns the release, called when the connection
   * closes: once a kiosk that was connected has none left for `heartbeatMs`, its card waits end, and they
   * take no part in matching meanwhile. Kiosks that never connected (in-process tests) are not affected.
   */
  kioskConnected(kioskId: string): () => void;
  /** Sessions waiting right now (tests). */
  waiting(): string[];
  close(): void;
}

export interface CardReadsServiceDeps {
  store: CardReadsStore;
  transport: {
    setCardReadConsumer(consumer: CardReadConsumer): void;
    kickCards(): void;
    /** face/ files still being checked (a junk summary stays open while there are any). */
    pendingCards?(): number;
  };
  clock: Clock;
  log: Logger;
  /** `junkQuietMs`: junk in the folder is summarised after this much quiet (default 2 s; read at start). */
  config: () => { cardWaitMs: number; clockSkewMs: number; junkQuietMs?: number; heartbeatMs?: number };
  wallNow?: () => number;
}

/** Coarse file-time granularity allowed when an unreadable file is matched to a wait (see onRead). */
const UNREADABLE_SKEW_MS = 100;

interface Waiter extends CardWaitRequest {
  sinceWallMs: number;
  timer?: NodeJS.Timeout;
}

export function createCardReadsService(deps: CardReadsServiceDeps): CardReadsService {
  const { store, clock, log } = deps;
  const wallNow = deps.wallNow ?? (() => Date.now());
  const startedWallMs = wallNow();
  const waiters = new Map<string, Waiter>();
  const unmatched = createListeners<UnmatchedRead>((e) =>
    log.error('unmatched-read listener failed', { error: String(e) }),
  );
  let closed = false;
  /** Open connections per kiosk, and the timers of kiosks whose last connection closed. */
  const connections = new Map<string, number>();
  const gone = new Map<string, NodeJS.Timeout>();
  const absent = (w: Waiter) => gone.has(w.session.kioskId);

  // Junk in the terminal folder — files that do not parse and are no waiting patient's, entries that are not
  // regular files (symlinks, FIFOs …) — is one staff alert per burst with a count, not one per file.
  type JunkPayload = { terminalTime?: string };
  const reportJunk = (s: JunkSummary<JunkPayload>) => {
    const first = s.first;
    const entry: UnmatchedRead = {
      id: `r${randomBytes(8).toString('hex')}`,
      fileName: first.name,
      seenAt: clock.nowIso(),
      reason: 'unreadable',
      candidates: [],
      status: 'open',
      // One file: the parser's code and detail, as for any unreadable read; a burst: 'flood' and its makeup.
      errorCode: s.count > 1 ? 'flood' : first.kind.replace(/^unreadable-/, ''),
      detail: s.count > 1 || first.detail === undefined ? describeJunk(s) : first.detail.slice(0, 300),
      ...(s.count > 1 ? { count: s.count } : {}),
      ...(s.count === 1 && first.payload?.terminalTime ? { terminalTime: first.payload.terminalTime } : {}),
    };
    try {
      store.insertUnmatched(entry);
    } catch (e) {
      log.error('could not record a junk summary (staff are still told)', { error: String(e) });
    }
    log.warn('junk in the terminal folder', { count: s.count, kinds: s.byKind });
    unmatched.emit(entry);
  };
  const junk = createJunkSummariser<JunkPayload>({
    folder: 'face/',
    now: wallNow,
    quietMs: deps.config().junkQuietMs ?? 2000,
    onSummary: reportJunk,
    holdOpen: () => (deps.transport.pendingCards?.() ?? 0) > 0,
  });

  const stillWaiting = (w: Waiter) => w.current()?.state === 'read-card';

  const endWait = (sessionId: string, persisted = false): Waiter | undefined => {
    const w = waiters.get(sessionId);
    if (!w) return undefined;
    if (w.timer) clearTimeout(w.timer);
    waiters.delete(sessionId);
    if (!persisted) {
      try {
        store.deleteCardWait(sessionId);
      } catch (e) {
        log.warn('could not clear a card wait', { session: sessionId, error: String(e) });
      }
    }
    return w;
  };

  /** `waitEnded`: the card wait row was already removed in the same transaction as the file record. */
  const deliverTo = (w: Waiter, event: CardEvent, waitEnded = false) => {
    endWait(w.session.id, waitEnded);
    try {
      w.deliver(event);
    } catch (e) {
      log.error('card event delivery failed', { session: w.session.id, error: String(e) });
    }
  };

  const armTimeout = (w: Waiter) => {
    if (w.timer) clearTimeout(w.timer);
    const remaining = Math.max(0, w.sinceWallMs + deps.config().cardWaitMs - wallNow());
    w.timer = setTimeout(() => {
      if (waiters.get(w.session.id) === w && !closed) deliverTo(w, { type: 'card-failed', reason: 'timeout' });
    }, remaining);
    w.timer.unref();
  };

  function onRead(read: TerminalCardRead): 'done' | 'retry' {
    if (closed) return 'retry';
    for (const w of [...waiters.values()]) if (!stillWaiting(w)) endWait(w.session.id);
    const waiting = [...waiters.values()].filter((w) => !absent(w));
    const r = read.result;
    const person = r.outcome.identity;
    // An unreadable file goes to a waiting patient only when no burst of junk is under way and it was
    // written after the wait began (within UNREADABLE_SKEW_MS, for coarse mtimes — not the full skew, so junk
    // dumped just before a patient arrived is not taken for their card); otherwise it joins the junk summary.
    const matched = matchCardRead(
      { mtimeMs: read.mtimeMs, readable: r.readable, ...(r.readable && person ? { person } : {}) },
      waiting.map((w) => {
        const now = w.current();
        return { sessionId: w.session.id, sinceWallMs: w.sinceWallMs, hints: now ? patientHints(now) : {} };
      }),
      { clockSkewMs: deps.config().clockSkewMs, startedWallMs },
    );
    const junkRead =
      !r.readable &&
      (junk.openCount > 0 ||
        matched.kind === 'unmatched' ||
        (matched.kind === 'deliver' &&
          (waiters.get(matched.sessionId)?.sinceWallMs ?? 0) > read.mtimeMs + UNREADABLE_SKEW_MS));
    const match: typeof matched = junkRead ? { kind: 'unmatched', reason: 'unreadable', candidates: [] } : matched;
    if (!r.readable && match.kind === 'unmatched') {
      // Remembered in memory only: 5,000 junk files are not 5,000 synchronous SQLite writes.
      read.consumeInMemory();
      junk.note({
        name: read.fileName,
        kind: `unreadable-${r.error}`,
        detail: r.detail,
        payload: read.terminalTime ? { terminalTime: read.terminalTime } : {},
      });
      return 'done';
    }
    const target = match.kind === 'deliver' ? waiters.get(match.sessionId) : undefined;
    let entry: UnmatchedRead | undefined;
    if (match.kind === 'unmatched') {
      entry = {
        id: `r${randomBytes(8).toString('hex')}`,
        fileName: read.fileName,
        seenAt: clock.nowIso(),
        reason: match.reason,
        candidates: match.candidates,
        status: 'open',
        ...(read.terminalTime ? { terminalTime: read.terminalTime } : {}),
        ...(r.readable
          ? { outcome: r.outcome, ...(r.terminalErrorCode ? { errorCode: r.terminalErrorCode } : {}) }
          : { errorCode: r.error, detail: r.detail }),
      };
    }
    const disposition = target
      ? 'delivered'
      : match.kind === 'deliver'
        ? 'unknown'
        : match.kind === 'preexisting'
          ? 'preexisting'
          : match.reason;
    try {
      read.consume(disposition, {
        ...(target ? { owner: target.session.id } : {}),
        also: () => {
          if (target) store.deleteCardWait(target.session.id);
          if (entry) store.insertUnmatched(entry);
        },
      });
    } catch (e) {
      // Not recorded → not applied: try again on a later poll rather than risk applying it twice.
      log.error('could not record a card-read file', { file: read.fileName, error: String(e) });
      return 'retry';
    }
    if (target) {
      log.info('card read delivered', {
        file: read.fileName,
        session: target.session.id,
        ok: r.outcome.ok,
        validity: r.outcome.validity,
      });
      deliverTo(target, { type: 'card-read', outcome: r.outcome }, true);
    } else if (entry) {
      log.warn('card read not matched to a session', {
        file: read.fileName,
        reason: entry.reason,
        candidates: entry.candidates.length,
      });
      unmatched.emit(entry);
      // Several kiosks wait: each is told (its patient is asked to call staff) and keeps waiting, so staff
      // can still attach the read, or the patient can present the card again.
      if (entry.reason === 'ambiguous') {
        for (const id of entry.candidates) {
          const w = waiters.get(id);
          if (!w?.notify) continue;
          try {
            w.notify({ type: 'card-unmatched' });
          } catch (e) {
            log.error('card notice delivery failed', { session: id, error: String(e) });
          }
        }
      }
    }
    return 'done';
  }

  const expireKiosk = (kioskId: string) => {
    gone.delete(kioskId);
    if (closed) return;
    for (const w of [...waiters.values()]) {
      if (w.session.kioskId !== kioskId) continue;
      log.info('card wait of a kiosk that went away ended', { session: w.session.id, kiosk: kioskId });
      deliverTo(w, { type: 'card-failed', reason: 'timeout' });
    }
  };

  deps.transport.setCardReadConsumer({
    onRead,
    expecting: () => waiters.size > 0,
    onSkipped: (e) =>
      junk.note({ name: e.folder === 'res' ? `res/${e.name}` : e.name, kind: e.kind, detail: e.detail }),
  });

  return {
    awaitCard(request) {
      if (closed) return;
      const { session } = request;
      let since = { since: session.updatedAt, sinceWallMs: wallNow() };
      try {
        since = store.saveCardWait(session.id, session.updatedAt, wallNow());
      } catch (e) {
        log.warn('could not persist a card wait (kept in memory)', { session: session.id, error: String(e) });
      }
      const old = waiters.get(session.id);
      if (old?.timer) clearTimeout(old.timer);
      const w: Waiter = { ...request, sinceWallMs: since.sinceWallMs };
      waiters.set(session.id, w);
      armTimeout(w);
      deps.transport.kickCards();
    },
    stopCard(sessionId) {
      if (endWait(sessionId)) return;
      // Not waiting in memory (e.g. expired right after a restart): the stored wait still has to go.
      try {
        store.deleteCardWait(sessionId);
      } catch (e) {
        log.warn('could not clear a card wait', { session: sessionId, error: String(e) });
      }
    },
    unmatchedReads: (o) => store.unmatchedReads(o ?? {}),
    assign(readId, sessionId, staff) {
      const r = store.getUnmatchedRead(readId);
      if (!r) return { ok: false, code: 'not-found', message: 'no such card read' };
      if (r.status !== 'open') return { ok: false, code: 'conflict', message: `this card read is already ${r.status}` };
      if (!r.outcome)
        return {
          ok: false,
          code: 'conflict',
          message: 'this file could not be read: it cannot be attached to a session',
        };
      const w = waiters.get(sessionId);
      if (!w || !stillWaiting(w))
        return { ok: false, code: 'conflict', message: 'that session is not waiting for a card' };
      if (!store.resolveUnmatchedRead(readId, 'assigned', staff, clock.nowIso(), sessionId)) {
        return { ok: false, code: 'conflict', message: 'this card read was resolved meanwhile' };
      }
      deliverTo(w, { type: 'card-read', outcome: r.outcome });
      const updated = store.getUnmatchedRead(readId);
      if (updated) unmatched.emit(updated);
      const session = w.current();
      return session ? { ok: true, session } : { ok: false, code: 'not-found', message: 'no such session' };
    },
    dismiss(readId, staff) {
      if (!store.resolveUnmatchedRead(readId, 'dismissed', staff, clock.nowIso())) return undefined;
      const updated = store.getUnmatchedRead(readId);
      if (updated) unmatched.emit(updated);
      return updated;
    },
    onUnmatched: unmatched.on,
    kioskConnected(kioskId) {
      connections.set(kioskId, (connections.get(kioskId) ?? 0) + 1);
      const timer = gone.get(kioskId);
      if (timer) clearTimeout(timer);
      gone.delete(kioskId);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (connections.get(kioskId) ?? 1) - 1;
        if (left > 0) return void connections.set(kioskId, left);
        connections.delete(kioskId);
        if (closed) return;
        const t = setTimeout(() => expireKiosk(kioskId), deps.config().heartbeatMs ?? 10_000);
        t.unref();
        gone.set(kioskId, t);
      };
    },
    waiting: () => [...waiters.keys()],
    close() {
      junk.flush();
      junk.close();
      closed = true;
      for (const w of waiters.values()) if (w.timer) clearTimeout(w.timer);
      for (const t of gone.values()) clearTimeout(t);
      gone.clear();
      waiters.clear(); // the waits stay in SQLite: a restart resumes them
      unmatched.clear();
    },
  };
}
