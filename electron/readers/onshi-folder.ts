/**
 * The onshi-folder adapter: the production path to the 資格確認端末 (online eligibility terminal) through its
 * shared folder (req/, res/, face/). It implements the session manager's `EligibilityReader`.
 *
 * Card reads (face/): the terminal writes one result file per card read, with nothing that says which
 * kiosk or reader it came from. A file counts for a waiting session only if it was written after that
 * session started waiting (mtime on the kiosk's wall clock, with `clockSkewMs` of tolerance; the wait start
 * is kept in SQLite so a restart does not move it). Exactly one waiting session → it gets the file. Several
 * → the person's birth date (and kana, when the session has one) must match exactly one of them. Anything
 * else is recorded as an unmatched read for staff (stale, ambiguous, no session waiting, unreadable) and is
 * never applied by guesswork.
 *
 * Number queries (個別照会, req/ → res/): a request id per query, written as a dot-temp file then renamed
 * (the terminal never sees half a request); the answer is res/ + the same name with req → res. A timeout
 * is `unavailable` (the session manager counts a monitor failure); an answer with SegmentOfResult 9 is an
 * answer for staff that also counts toward 'degraded'. Queries are kept in SQLite: after a restart the
 * session manager re-issues verify-numbers and the adapter resumes waiting for the same request id, so a
 * late answer is still picked up and never applied twice.
 *
 * Files: every consumed face/ and res/ file is recorded in SQLite (name, size, mtime, sha256), so a restart
 * never re-applies one. The adapter never deletes or moves a file it did not write. It deletes its own req/
 * file once the answer is in or the query timed out (best effort: a terminal that still holds it open just
 * leaves it); a request removed after a timeout also cannot produce a late answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DemoPersona, UnmatchedRead } from '../../shared/api/index';
import type { CardReadOutcome, CheckInSession, PrintedNumbers } from '../../shared/flow/session';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { OnlineMonitor } from '../core/monitor';
import type { AssignReadResult, CardEvent, EligibilityReader, NumberQueryOutcome, ReaderHealth } from '../core/readers';
import type { ConsumedFile, Store } from '../core/store/index';
import {
  MAX_XML_BYTES,
  OnshiBuildError,
  buildNumberQueryXml,
  isFaceFileName,
  parseFaceFileName,
  parseOnshiResult,
  requestFileName,
  type OnshiParse,
  type OnshiResult,
} from '../onshi/index';
import { createFolderPoller, type FileVerdict, type FolderPoller, type SkippedEntry, type StableFile } from './folder-poller';
import { createJunkSummariser, describeJunk, type JunkSummary } from './junk-summary';

export interface OnshiFolderConfig {
  /** A number query without an answer after this long is 'unavailable' (default 15 s). */
  queryTimeoutMs: number;
  /** A card wait without a card read after this long ends with card-failed 'timeout' (default 60 s). */
  cardWaitMs: number;
  /** Poll interval while a session waits for a card or an answer (default 50 ms). */
  pollMs: number;
  /** Poll interval when nothing waits (default 1000 ms). */
  idlePollMs: number;
  /** Gap between the two reads of the stability check (default 40 ms). */
  stabilityMs: number;
  /** Tolerance when comparing a file's mtime with a wait start (coarse or skewed share clocks; default 1000 ms). */
  clockSkewMs: number;
  /** An unparseable file younger than this is read again later: it may still be being written (default 2000 ms). */
  settleMs: number;
  /** fs.watch as a hint to poll at once (default true). */
  watch: boolean;
  /** Undeclared, non-UTF-8 result files are read as CP932 (default true; admin setting). */
  cp932Fallback: boolean;
  /** A poll pass or file read without progress for this long is a fault (default 30 s). */
  stallMs: number;
  /** Junk in face/ (unreadable files, symlinks, FIFOs …) is summarised after this much quiet (default 2 s). */
  junkQuietMs: number;
  /** Names of files that left the folder are forgotten after this long (memory bound; default 10 min). */
  forgetAfterMs: number;
}

export const DEFAULT_ONSHI_FOLDER_CONFIG: OnshiFolderConfig = {
  queryTimeoutMs: 15_000,
  cardWaitMs: 60_000,
  pollMs: 50,
  idlePollMs: 1000,
  stabilityMs: 40,
  clockSkewMs: 1000,
  settleMs: 2000,
  watch: true,
  cp932Fallback: true,
  stallMs: 30_000,
  junkQuietMs: 2000,
  forgetAfterMs: 10 * 60_000,
};

export interface OnshiFolderOptions {
  dir: string;
  store: Store;
  clock: Clock;
  monitor: OnlineMonitor;
  log: Logger;
  /** 医療機関コード (10 digits), read at every request. */
  institutionCode: () => string;
  config?: () => Partial<OnshiFolderConfig>;
  /** Looks a session up (matching by birth date / kana, and dropping waits of sessions that moved on). */
  session?: (id: string) => CheckInSession | undefined;
  /** 'simulator' when the embedded terminal simulator serves the folder (enables the demo panel). */
  kind?: EligibilityReader['kind'];
  /** Demo hooks of the embedded simulator. */
  demo?: { personas(): DemoPersona[]; presentCard(personaId: string): { ok: true } | { ok: false; message: string } };
  wallNow?: () => number;
}

export interface OnshiFolderReader extends EligibilityReader {
  /** Starts polling. The core calls it after restoring sessions, so restored waits are in place first. */
  start(): void;
  readonly dir: string;
  /** For tests and the benchmark. */
  readonly internals: {
    face: FolderPoller;
    res: FolderPoller;
    waiting(): string[];
    pendingQueries(): string[];
    /** Consumed-file names held in memory (memory bound checks). */
    consumedInMemory(): number;
  };
}

interface Waiter {
  sessionId: string;
  deliver: (event: CardEvent) => void;
  sinceWallMs: number;
  timer?: NodeJS.Timeout;
}

interface QueryWait {
  fileId: string;
  sessionId: string;
  promise: Promise<NumberQueryOutcome>;
  resolve: (o: NumberQueryOutcome) => void;
  timer?: NodeJS.Timeout;
}

const RES_NAME = /^OQSsiquc01res_(?!face_)([A-Za-z0-9_-]{1,64})\.xml$/i;

/** Only what the flow keeps about a person (ConfirmedIdentity), never more. */
export function outcomeFromResult(result: OnshiResult): CardReadOutcome {
  const outcome: CardReadOutcome = { ok: result.status === 'ok' };
  if (result.validity) outcome.validity = result.validity;
  if (result.errorCode) outcome.errorCode = result.errorCode;
  if (result.errorMessage) outcome.errorMessage = result.errorMessage;
  const person = result.people.length === 1 ? result.people[0] : undefined;
  if (person) {
    const identity: NonNullable<CardReadOutcome['identity']> = {
      name: person.name,
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

/** Kana as comparable text: NFKC (half-width → full-width), no spaces, hiragana → katakana. */
export function normaliseKana(kana: string): string {
  return kana
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** What the patient confirmed at the kiosk about who they are, when the session has it. */
function patientHints(s: CheckInSession): { birthDate?: string; nameKana?: string } {
  const birthDate =
    s.birthDate ??
    s.numbers?.birthDate ??
    s.declaration?.birthDate ??
    s.identity?.birthDate;
  const nameKana = s.declaration?.nameKana ?? s.identity?.nameKana;
  return { ...(birthDate ? { birthDate } : {}), ...(nameKana ? { nameKana } : {}) };
}

/** The numbers as sent: insurer number digits only (full-width allowed), 1-digit 枝番 padded, rest as typed. */
export function normaliseNumbers(n: PrintedNumbers): PrintedNumbers {
  const insurerNumber = n.insurerNumber.normalize('NFKC').replace(/\s/g, '');
  const branchRaw = n.branch?.normalize('NFKC').trim();
  const branch = branchRaw ? (/^\d$/.test(branchRaw) ? `0${branchRaw}` : branchRaw) : undefined;
  const symbol = n.symbol?.trim() || undefined;
  return {
    insurerNumber,
    number: n.number.trim(),
    birthDate: n.birthDate,
    ...(symbol ? { symbol } : {}),
    ...(branch ? { branch } : {}),
  };
}

const errCode = (e: unknown) => (e as NodeJS.ErrnoException)?.code ?? 'EUNKNOWN';

export function createOnshiFolderReader(options: OnshiFolderOptions): OnshiFolderReader {
  const { store, clock, monitor, log } = options;
  const dir = path.resolve(options.dir);
  const reqDir = path.join(dir, 'req');
  const resDir = path.join(dir, 'res');
  const faceDir = path.join(dir, 'face');
  const wallNow = options.wallNow ?? (() => Date.now());
  const cfg = (): OnshiFolderConfig => ({ ...DEFAULT_ONSHI_FOLDER_CONFIG, ...(options.config?.() ?? {}) });
  const startWallMs = wallNow();

  const waiters = new Map<string, Waiter>();
  const queries = new Map<string, QueryWait>();
  const unmatchedListeners = new Set<(r: UnmatchedRead) => void>();
  let closed = false;
  let counter = 0;

  const consumed = {
    face: new Set<string>(),
    res: new Set<string>(),
  };
  const loadConsumed = () => {
    try {
      for (const n of store.consumedFileNames('face')) consumed.face.add(n);
      for (const n of store.consumedFileNames('res')) consumed.res.add(n);
    } catch (e) {
      log.error('could not load the consumed-file list', { error: String(e) });
    }
  };
  loadConsumed();

  const emitUnmatched = (r: UnmatchedRead) => {
    for (const l of [...unmatchedListeners]) {
      try {
        l(r);
      } catch (e) {
        log.error('unmatched-read listener failed', { error: String(e) });
      }
    }
  };

  // ---------------------------------------------------------------------------------------------
  // Card waits

  const stillWaiting = (w: Waiter): boolean => {
    if (!options.session) return true;
    const s = options.session(w.sessionId);
    return !!s && s.state === 'read-card';
  };

  const endWait = (sessionId: string, persisted = false): Waiter | undefined => {
    const w = waiters.get(sessionId);
    if (!w) return undefined;
    if (w.timer) clearTimeout(w.timer);
    waiters.delete(sessionId);
    if (persisted) return w;
    try {
      store.deleteCardWait(sessionId);
    } catch (e) {
      log.warn('could not clear a card wait', { session: sessionId, error: String(e) });
    }
    return w;
  };

  /** `waitEnded`: the card wait row was already removed in the same transaction as the file record. */
  const deliverTo = (w: Waiter, event: CardEvent, waitEnded = false) => {
    endWait(w.sessionId, waitEnded);
    try {
      w.deliver(event);
    } catch (e) {
      log.error('card event delivery failed', { session: w.sessionId, error: String(e) });
    }
  };

  const armCardTimeout = (w: Waiter) => {
    if (w.timer) clearTimeout(w.timer);
    const remaining = Math.max(0, w.sinceWallMs + cfg().cardWaitMs - wallNow());
    w.timer = setTimeout(() => {
      if (waiters.get(w.sessionId) === w && !closed) deliverTo(w, { type: 'card-failed', reason: 'timeout' });
    }, remaining);
    w.timer.unref();
  };

  // ---------------------------------------------------------------------------------------------
  // face/: card reads

  const parseFile = (file: StableFile): OnshiParse =>
    file.tooLarge
      ? { ok: false, error: 'too-large', detail: `${file.size} bytes` }
      : parseOnshiResult(file.bytes, { cp932Fallback: cfg().cp932Fallback });

  // Junk in face/ (files that do not parse and nobody waits for, entries that are not regular files) is
  // one staff alert per burst with a count, not one per file (junk-summary.ts).
  type JunkRecord = ConsumedFile;
  const reportJunk = (s: JunkSummary<JunkRecord>) => {
    const first = s.first;
    const unmatched: UnmatchedRead = {
      id: `r${randomBytes(8).toString('hex')}`,
      fileName: first.name,
      seenAt: clock.nowIso(),
      reason: 'unreadable',
      candidates: [],
      status: 'open',
      // One file: as before (the parser's code and detail); a burst: 'flood' and what it was made of.
      errorCode: s.count > 1 ? 'flood' : first.kind.replace(/^unreadable-/, ''),
      detail: s.count > 1 || first.detail === undefined ? describeJunk(s) : first.detail.slice(0, 300),
      ...(s.count > 1 ? { count: s.count } : {}),
    };
    const inRes = first.name.startsWith('res/');
    const record: ConsumedFile = first.payload ?? {
      folder: inRes ? 'res' : 'face',
      name: inRes ? first.name.slice(4) : first.name,
      size: 0,
      mtimeMs: 0,
      sha256: '',
      consumedAt: clock.nowIso(),
      disposition: `skipped-${first.kind}`,
    };
    try {
      store.recordConsumedFile(record, unmatched);
    } catch (e) {
      log.error('could not record a junk summary', { error: String(e) });
    }
    log.warn('junk in the terminal folder', { folder: s.folder, count: s.count, kinds: s.byKind });
    emitUnmatched(unmatched);
  };
  const junk = createJunkSummariser<JunkRecord>({
    folder: 'face/',
    now: wallNow,
    quietMs: cfg().junkQuietMs,
    onSummary: reportJunk,
  });
  const skippedEntry = (folder: 'face/' | 'res/') => (e: SkippedEntry) => {
    log.warn(`${folder} entry skipped: not a regular file`, { name: e.name.slice(0, 200), kind: e.kind });
    // res/ entries join the same summary, named with their folder (an answer there is never a card read).
    junk.note({ name: folder === 'face/' ? e.name : `res/${e.name}`, kind: e.kind, detail: e.detail });
  };

  /** An unparseable file that was written a moment ago may be a writer that paused: look again later. */
  const mayBePartial = (parse: OnshiParse, file: StableFile) =>
    !parse.ok &&
    parse.error !== 'too-large' &&
    parse.error !== 'forbidden-dtd' &&
    wallNow() - file.mtimeMs < cfg().settleMs;

  const fileRecord = (
    folder: ConsumedFile['folder'],
    file: StableFile,
    disposition: string,
    sessionId?: string,
  ): ConsumedFile => ({
    folder,
    name: file.name,
    size: file.size,
    mtimeMs: Math.round(file.mtimeMs),
    sha256: file.sha256,
    consumedAt: clock.nowIso(),
    disposition,
    ...(sessionId ? { sessionId } : {}),
  });

  const handleFace = (file: StableFile): FileVerdict => {
    if (closed) return 'retry';
    const parse = parseFile(file);
    if (mayBePartial(parse, file)) return 'retry';
    const { clockSkewMs } = cfg();

    if (parse.ok) {
      if (parse.result.codes?.segmentOfResult === '9')
        monitor.reportFailure(`terminal system error ${parse.result.errorCode ?? ''}`.trim());
      else monitor.reportSuccess();
    }

    for (const w of [...waiters.values()]) if (!stillWaiting(w)) endWait(w.sessionId);
    const waiting = [...waiters.values()];
    // An unreadable file goes to a waiting patient only if it is no older than the wait (no skew allowance)
    // and no burst of junk is under way; otherwise it joins the junk summary for staff.
    const candidates = waiting.filter((w) =>
      parse.ok ? w.sinceWallMs <= file.mtimeMs + clockSkewMs : junk.openCount === 0 && w.sinceWallMs <= file.mtimeMs,
    );
    const outcome: CardReadOutcome | undefined = parse.ok
      ? outcomeFromResult(parse.result)
      : { ok: false, errorCode: `unreadable-${parse.error}`, errorMessage: parse.detail.slice(0, 300) };

    let target: Waiter | undefined;
    let reason: UnmatchedRead['reason'] | 'preexisting' | undefined;
    if (candidates.length === 1) {
      target = candidates[0];
    } else if (candidates.length > 1) {
      if (parse.ok && parse.result.people.length === 1) {
        const person = parse.result.people[0]!;
        const kana = normaliseKana(person.nameKana);
        const matches = candidates.filter((w) => {
          const s = options.session?.(w.sessionId);
          const hints = s ? patientHints(s) : {};
          if (hints.birthDate !== person.birthDate) return false;
          return hints.nameKana === undefined || normaliseKana(hints.nameKana) === kana;
        });
        if (matches.length === 1) target = matches[0];
        else reason = 'ambiguous';
      } else {
        reason = parse.ok ? 'ambiguous' : 'unreadable';
      }
    } else if (waiting.length > 0) {
      reason = parse.ok ? 'stale' : 'unreadable';
    } else if (file.mtimeMs < startWallMs - clockSkewMs) {
      reason = 'preexisting'; // already there before this kiosk started and nobody waits: not today's business
    } else {
      reason = parse.ok ? 'no-waiting-session' : 'unreadable';
    }

    const named = parseFaceFileName(file.name);
    if (!parse.ok && !target && reason !== 'preexisting') {
      // Unreadable and not a waiting patient's: summarised (one alert per burst). Only the burst's first file
      // is written to SQLite, with the alert: 5,000 junk files are not 5,000 synchronous writes. The rest are
      // remembered in memory while they stay in the folder; after a restart they make one new summary.
      const record = fileRecord('face', file, reason ?? 'unreadable');
      consumed.face.add(file.name);
      junk.note({ name: file.name, kind: `unreadable-${parse.error}`, detail: parse.detail, payload: record });
      return 'done';
    }
    let unmatched: UnmatchedRead | undefined;
    if (reason && reason !== 'preexisting') {
      unmatched = {
        id: `r${randomBytes(8).toString('hex')}`,
        fileName: file.name,
        seenAt: clock.nowIso(),
        reason,
        candidates: waiting.map((w) => w.sessionId),
        status: 'open',
        ...(named ? { terminalTime: named.localTime } : {}),
        ...(parse.ok ? { outcome } : { errorCode: parse.error, detail: parse.detail.slice(0, 300) }),
      };
      if (parse.ok && parse.result.status === 'error' && parse.result.errorCode)
        unmatched.errorCode = parse.result.errorCode;
    }
    try {
      store.recordConsumedFile(
        fileRecord('face', file, target ? 'delivered' : (reason ?? 'unknown'), target?.sessionId),
        unmatched,
        target?.sessionId,
      );
    } catch (e) {
      // Not recorded → not applied: try again on a later poll rather than risk applying it twice.
      log.error('could not record a card-read file', { file: file.name, error: String(e) });
      return 'retry';
    }
    consumed.face.add(file.name);
    if (target) {
      log.info('card read delivered', {
        file: file.name,
        session: target.sessionId,
        ok: outcome?.ok,
        validity: outcome?.validity,
      });
      deliverTo(target, { type: 'card-read', outcome: outcome! }, true);
    } else if (unmatched) {
      log.warn('card read not matched to a session', {
        file: file.name,
        reason: unmatched.reason,
        candidates: unmatched.candidates.length,
      });
      emitUnmatched(unmatched);
    }
    return 'done';
  };

  // ---------------------------------------------------------------------------------------------
  // req/ → res/: number queries

  const removeOwnRequest = (fileId: string) => {
    let name: string;
    try {
      name = requestFileName(fileId);
    } catch {
      return;
    }
    fs.promises.unlink(path.join(reqDir, name)).catch(() => undefined);
  };

  const finishQuery = (q: QueryWait, outcome: NumberQueryOutcome, status: 'answered' | 'timed-out' | 'failed') => {
    if (q.timer) clearTimeout(q.timer);
    queries.delete(q.fileId);
    try {
      store.finishNumberQuery(q.fileId, status, clock.nowIso());
    } catch (e) {
      log.warn('could not record a query result', { fileId: q.fileId, error: String(e) });
    }
    removeOwnRequest(q.fileId);
    q.resolve(outcome);
  };

  const handleRes = (file: StableFile): FileVerdict => {
    if (closed) return 'retry';
    const m = RES_NAME.exec(file.name);
    const fileId = m?.[1];
    if (!fileId) return 'done';
    const parse = parseFile(file);
    if (mayBePartial(parse, file)) return 'retry';
    const q = queries.get(fileId);
    let disposition = 'answer';
    if (!q) {
      let rec;
      try {
        rec = store.getNumberQuery(fileId);
      } catch {
        return 'retry';
      }
      // Ours and still waiting, but nobody listens yet (a restart before the session manager re-asked).
      if (
        rec &&
        rec.status === 'waiting' &&
        wallNow() - Date.parse(rec.requestedAt) < cfg().queryTimeoutMs * 2 + 60_000
      )
        return 'retry';
      disposition = rec ? 'late-answer' : 'foreign';
    }
    try {
      store.recordConsumedFile(fileRecord('res', file, disposition, q?.sessionId));
    } catch (e) {
      log.error('could not record an answer file', { file: file.name, error: String(e) });
      return 'retry';
    }
    consumed.res.add(file.name);
    if (!q) {
      if (disposition === 'late-answer') {
        log.warn('late answer to a query that already ended: not applied', { file: file.name });
        try {
          store.finishNumberQuery(fileId, 'timed-out', clock.nowIso());
        } catch {
          // best effort
        }
        removeOwnRequest(fileId);
      }
      return 'done';
    }
    let outcome: NumberQueryOutcome;
    if (parse.ok) {
      const r = parse.result;
      if (r.fileId && r.fileId !== fileId)
        log.warn('answer echoes another file id', { file: file.name, echoed: r.fileId });
      const systemError = r.codes?.segmentOfResult === '9';
      if (systemError) monitor.reportFailure(`terminal system error ${r.errorCode ?? ''}`.trim());
      outcome = { kind: 'answer', outcome: outcomeFromResult(r), ...(systemError ? { systemError } : {}) };
    } else {
      outcome = {
        kind: 'answer',
        outcome: { ok: false, errorCode: `unreadable-${parse.error}`, errorMessage: parse.detail.slice(0, 300) },
      };
    }
    log.info('number query answered', {
      fileId,
      session: q.sessionId,
      ok: outcome.kind === 'answer' && outcome.outcome.ok,
    });
    finishQuery(q, outcome, 'answered');
    return 'done';
  };

  const waitForAnswer = (fileId: string, sessionId: string, timeoutMs: number): Promise<NumberQueryOutcome> => {
    const existing = queries.get(fileId);
    if (existing) return existing.promise;
    let resolve!: (o: NumberQueryOutcome) => void;
    const promise = new Promise<NumberQueryOutcome>((r) => (resolve = r));
    const q: QueryWait = { fileId, sessionId, promise, resolve };
    q.timer = setTimeout(() => {
      if (queries.get(fileId) !== q || closed) return;
      log.warn('number query timed out', { fileId, session: sessionId, timeoutMs });
      finishQuery(
        q,
        { kind: 'unavailable', detail: `no answer from the terminal within ${Math.round(timeoutMs / 1000)} s` },
        'timed-out',
      );
    }, timeoutMs);
    q.timer.unref();
    queries.set(fileId, q);
    resPoller.kick();
    return promise;
  };

  const newFileId = (sessionId: string) => {
    counter += 1;
    const sid = sessionId.replace(/[^A-Za-z0-9]/g, '').slice(0, 12);
    return `K${sid}${wallNow().toString(36)}${counter.toString(36)}${randomBytes(2).toString('hex')}`;
  };

  async function writeRequest(fileId: string, bytes: Uint8Array): Promise<void> {
    const name = requestFileName(fileId);
    const tmp = path.join(reqDir, `.${name}.tmp`);
    await fs.promises.writeFile(tmp, bytes, { flag: 'wx' });
    try {
      await fs.promises.rename(tmp, path.join(reqDir, name));
    } catch (e) {
      await fs.promises.unlink(tmp).catch(() => undefined);
      throw e;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Pollers

  const c0 = cfg();
  const facePoller = createFolderPoller({
    dir: faceDir,
    match: isFaceFileName,
    isKnown: (n) => consumed.face.has(n),
    onForget: (n) => consumed.face.delete(n),
    onSkipped: skippedEntry('face/'),
    onHealth: () => void monitor.probeNow().catch(() => undefined),
    stallMs: c0.stallMs,
    forgetAfterMs: c0.forgetAfterMs,
    label: 'face/',
    onFile: handleFace,
    active: () => waiters.size > 0,
    intervalMs: c0.pollMs,
    idleIntervalMs: c0.idlePollMs,
    stabilityMs: c0.stabilityMs,
    maxBytes: MAX_XML_BYTES,
    watch: c0.watch,
    wallNow,
    onFolderError: (e) => log.warn('face/ folder unreadable', e),
    onFolderRecovered: () => log.info('face/ folder readable again'),
    onFileError: (name, e) => log.warn('face/ file unreadable', { name, ...e }),
  });
  const resPoller = createFolderPoller({
    dir: resDir,
    match: (n) => RES_NAME.test(n),
    isKnown: (n) => consumed.res.has(n),
    onForget: (n) => consumed.res.delete(n),
    onSkipped: skippedEntry('res/'),
    onHealth: () => void monitor.probeNow().catch(() => undefined),
    stallMs: c0.stallMs,
    forgetAfterMs: c0.forgetAfterMs,
    label: 'res/',
    onFile: handleRes,
    active: () => queries.size > 0,
    intervalMs: c0.pollMs,
    idleIntervalMs: c0.idlePollMs,
    stabilityMs: c0.stabilityMs,
    maxBytes: MAX_XML_BYTES,
    watch: c0.watch,
    wallNow,
    onFolderError: (e) => log.warn('res/ folder unreadable', e),
    onFolderRecovered: () => log.info('res/ folder readable again'),
    onFileError: (name, e) => log.warn('res/ file unreadable', { name, ...e }),
  });

  async function health(): Promise<ReaderHealth> {
    for (const [name, d] of [
      ['req/', reqDir],
      ['res/', resDir],
      ['face/', faceDir],
    ] as const) {
      try {
        const st = await fs.promises.stat(d);
        if (!st.isDirectory()) return { ok: false, detail: `the terminal folder ${name} is not a folder` };
        await fs.promises.access(d, name === 'req/' ? fs.constants.R_OK | fs.constants.W_OK : fs.constants.R_OK);
      } catch (e) {
        return { ok: false, detail: `the terminal folder ${name} cannot be reached (${errCode(e)})` };
      }
    }
    // The watchdog: a reader that makes no progress is a fault even when the folders are there.
    for (const poller of [facePoller, resPoller]) {
      const h = poller.health();
      if (!h.ok) return { ok: false, detail: h.detail };
    }
    return { ok: true };
  }

  const reader: OnshiFolderReader = {
    kind: options.kind ?? 'onshi-folder',
    dir,
    internals: {
      face: facePoller,
      res: resPoller,
      waiting: () => [...waiters.keys()],
      pendingQueries: () => [...queries.keys()],
      consumedInMemory: () => consumed.face.size + consumed.res.size,
    },
    start() {
      facePoller.start();
      resPoller.start();
    },
    awaitCard(session, deliver) {
      if (closed) return;
      let since = { since: session.updatedAt, sinceWallMs: wallNow() };
      try {
        since = store.saveCardWait(session.id, session.updatedAt, wallNow());
      } catch (e) {
        log.warn('could not persist a card wait (kept in memory)', { session: session.id, error: String(e) });
      }
      const old = waiters.get(session.id);
      if (old?.timer) clearTimeout(old.timer);
      const w: Waiter = { sessionId: session.id, deliver, sinceWallMs: since.sinceWallMs };
      waiters.set(session.id, w);
      armCardTimeout(w);
      facePoller.kick();
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
    async verifyNumbers(session, numbers) {
      if (closed) return { kind: 'unavailable', detail: 'the reader is closing' };
      const { queryTimeoutMs } = cfg();
      const n = normaliseNumbers(numbers);
      const key = createHash('sha256')
        .update(JSON.stringify([n.insurerNumber, n.symbol ?? '', n.number, n.branch ?? '', n.birthDate]))
        .digest('hex');
      let existing;
      try {
        existing = store.waitingNumberQuery(session.id, key);
      } catch (e) {
        return { kind: 'unavailable', detail: `the kiosk database is unavailable (${String(e)})` };
      }
      if (existing && queries.has(existing.fileId)) return queries.get(existing.fileId)!.promise;
      if (existing) {
        // A restart while waiting: the same request may still be answered; wait for it again.
        log.info('resuming a number query after a restart', { fileId: existing.fileId, session: session.id });
        return waitForAnswer(existing.fileId, session.id, queryTimeoutMs);
      }
      const fileId = newFileId(session.id);
      let bytes: Uint8Array;
      try {
        bytes = buildNumberQueryXml({
          ...n,
          confirmationDate: clock.today(),
          institutionCode: options.institutionCode(),
          fileId,
        });
      } catch (e) {
        if (e instanceof OnshiBuildError) {
          // The numbers cannot be sent as they are: that is for staff, not a terminal failure.
          return { kind: 'answer', outcome: { ok: false, errorCode: 'invalid-numbers', errorMessage: e.message } };
        }
        throw e;
      }
      try {
        store.insertNumberQuery({ fileId, sessionId: session.id, numbersKey: key, requestedAt: clock.nowIso() });
      } catch (e) {
        return { kind: 'unavailable', detail: `the kiosk database is unavailable (${String(e)})` };
      }
      try {
        await writeRequest(fileId, bytes);
      } catch (e) {
        try {
          store.finishNumberQuery(fileId, 'failed', clock.nowIso());
        } catch {
          // best effort
        }
        log.warn('could not write a number query', { fileId, error: String(e) });
        return { kind: 'unavailable', detail: `the terminal folder req/ cannot be written (${errCode(e)})` };
      }
      log.info('number query sent', { fileId, session: session.id });
      return waitForAnswer(fileId, session.id, queryTimeoutMs);
    },
    health,
    unmatchedReads: (o) => store.unmatchedReads(o ?? {}),
    assignRead(readId, sessionId, staff): AssignReadResult {
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
      if (updated) emitUnmatched(updated);
      return { ok: true };
    },
    dismissRead(readId, staff) {
      if (!store.resolveUnmatchedRead(readId, 'dismissed', staff, clock.nowIso())) return undefined;
      const updated = store.getUnmatchedRead(readId);
      if (updated) emitUnmatched(updated);
      return updated;
    },
    onUnmatched(l) {
      unmatchedListeners.add(l);
      return () => unmatchedListeners.delete(l);
    },
    ...(options.demo
      ? { personas: () => options.demo!.personas(), presentCard: (id: string) => options.demo!.presentCard(id) }
      : {}),
    async close() {
      closed = true;
      junk.flush();
      junk.close();
      await Promise.all([facePoller.stop(), resPoller.stop()]);
      for (const w of waiters.values()) if (w.timer) clearTimeout(w.timer);
      waiters.clear(); // the waits stay in SQLite: a restart resumes them
      for (const q of queries.values()) if (q.timer) clearTimeout(q.timer);
      queries.clear(); // the queries stay 'waiting' in SQLite: a restart resumes them
      unmatchedListeners.clear();
    },
  };
  return reader;
}
