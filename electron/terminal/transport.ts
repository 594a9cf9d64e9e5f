/**
 * The 資格確認端末 (online eligibility terminal) folder transport: the production path to the terminal
 * through its shared folder (req/, res/, face/). Transport only: it polls, checks stability, correlates
 * requests with answers, parses, and emits typed card reads and answers with their health signal. It never
 * sees sessions, staff or the online monitor — the card-reads feature decides whose a card read is, and the
 * composition root links `onHealth` to the monitor (the one place that reports terminal health).
 *
 * Card reads (face/): each new stable file is parsed and handed to the one consumer with `consume()`, which
 * records the file as dealt with (in the consumer's transaction); a consumer that cannot record it answers
 * 'retry' and sees the file again on a later poll.
 *
 * Number queries (個別照会, req/ → res/): a request id per query, written as a dot-temp file then renamed
 * (the terminal never sees half a request); the answer is res/ + the same name with req → res. A timeout is
 * `unavailable`; an answer with SegmentOfResult 9 is an answer that also counts as a failure. Queries are
 * kept in SQLite under the caller's opaque owner key: after a restart the same (owner, numbers) query
 * resumes waiting for the same request id, so a late answer is picked up and never applied twice.
 *
 * Hostile folders (issue 9): only regular files of their own are opened (folder-poller.ts + safe-file.ts);
 * a symlink, FIFO, socket, device, folder or hard-linked file named like a result is skipped and handed to
 * the consumer once (`onSkipped`). Each folder's watchdog (a poll or read without progress, an unlistable
 * folder) is part of `probe()` and announced through `onFault`, so the monitor shows a fault, not "up".
 * Names of files that left the folder are forgotten after `forgetAfterMs` (memory stays bounded).
 *
 * Files: every consumed face/ and res/ file is recorded in SQLite (name, size, mtime, sha256), so a restart
 * never re-applies one (junk the consumer chose not to record is remembered in memory only). It never deletes or moves a file it did not write; it deletes its own req/ file once
 * the answer is in or the query timed out (best effort), so a timed-out request cannot produce a late answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CardReadOutcome, PrintedNumbers } from '../../shared/flow/session';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import {
  MAX_XML_BYTES,
  isFaceFileName,
  outcomeFromResult,
  parseFaceFileName,
  parseOnshiResult,
  unreadableOutcome,
  type OnshiParse,
} from '../onshi/index';
import {
  createFolderPoller,
  type FileVerdict,
  type FolderPoller,
  type SkippedEntry,
  type StableFile,
  type WatchdogHealth,
} from './folder-poller';
import { createNumberQueries, RES_NAME } from './queries';
import type { ConsumedFile, TerminalStore } from './store';

export interface TerminalConfig {
  /** A number query without an answer after this long is 'unavailable' (default 15 s). */
  queryTimeoutMs: number;
  /** Poll interval while someone waits for a card or an answer (default 50 ms). */
  pollMs: number;
  /** Poll interval when nothing waits (default 1000 ms). */
  idlePollMs: number;
  /** Gap between the two reads of the stability check (default 40 ms). */
  stabilityMs: number;
  /** An unparseable file younger than this is read again later: it may still be being written (default 2000 ms). */
  settleMs: number;
  /** fs.watch as a hint to poll at once (default true). */
  watch: boolean;
  /** Undeclared, non-UTF-8 result files are read as CP932, the terminal's native encoding (default true). */
  cp932Fallback: boolean;
  /** A poll pass or file read without progress for this long is a fault (default 30 s; read at start). */
  stallMs: number;
  /** Names of files that left the folder are forgotten after this long (default 10 min; read at start). */
  forgetAfterMs: number;
}

/** Names of files that left a folder are forgotten after this long (a constant, not a clinic setting). */
export const FORGET_AFTER_MS = 10 * 60_000;

/** The settings' defaults (shared/settings.ts) under the transport's names. */
export const DEFAULT_TERMINAL_CONFIG: TerminalConfig = terminalConfigFrom(DEFAULT_SETTINGS);

export function terminalConfigFrom(s: Settings): TerminalConfig {
  return {
    queryTimeoutMs: s.readerQueryTimeoutMs,
    pollMs: s.readerPollMs,
    idlePollMs: s.readerIdlePollMs,
    stabilityMs: s.readerStabilityMs,
    settleMs: s.readerSettleMs,
    watch: s.readerWatchHint,
    cp932Fallback: s.onshiCp932Fallback,
    stallMs: s.readerStallMs,
    forgetAfterMs: FORGET_AFTER_MS,
  };
}

/** The terminal's health as one observation: reachable and sane, or not (and why). */
export type TerminalHealth = { ok: true } | { ok: false; detail: string };

/**
 * `systemError`: the terminal answered, but with SegmentOfResult 9 (異常終了). It is an answer (staff look at
 * the session) and a failure signal for the monitor.
 */
export type NumberQueryOutcome =
  { kind: 'answer'; outcome: CardReadOutcome; systemError?: boolean } | { kind: 'unavailable'; detail: string };

/** One card read from face/, parsed. */
export interface TerminalCardRead {
  fileName: string;
  /** The file's mtime, wall-clock ms. */
  mtimeMs: number;
  /** The terminal's time from the file name, 'YYYY-MM-DDTHH:mm:ss' local, when it has one. */
  terminalTime?: string;
  /** Parsed: the minimal outcome; otherwise why the file could not be read (and an outcome saying so). */
  result:
    | { readable: true; outcome: CardReadOutcome; terminalErrorCode?: string }
    | { readable: false; error: string; detail: string; outcome: CardReadOutcome };
  /** Records the file as dealt with; `also` runs in the same transaction. Throws if it cannot be recorded. */
  consume(disposition: string, options?: { owner?: string; also?: () => void }): void;
  /**
   * Remembers the file as dealt with in memory only (while it stays in the folder), without a SQLite write:
   * for junk, so a flood is not thousands of synchronous writes. After a restart it is seen again.
   */
  consumeInMemory(): void;
}

/** A face/ or res/ entry named like a result that is not a regular file of its own: never opened. */
export interface TerminalSkippedEntry extends SkippedEntry {
  folder: 'face' | 'res';
}

export interface CardReadConsumer {
  /** 'retry': the read could not be recorded; hand it over again on a later poll. */
  onRead(read: TerminalCardRead): FileVerdict;
  /** Someone waits for a card: poll face/ at the fast interval. */
  expecting(): boolean;
  /** An entry was skipped (once per name and kind) — for the consumer's junk summary. */
  onSkipped?(entry: TerminalSkippedEntry): void;
}

export interface TerminalTransport {
  readonly kind: 'simulator' | 'onshi-folder';
  readonly dir: string;
  /** Starts polling. The core calls it after every feature started (restored waits are in place first). */
  start(): void;
  /** The one consumer of card reads (the card-reads feature). */
  setCardReadConsumer(consumer: CardReadConsumer): void;
  /** Poll face/ now (a wait just began). */
  kickCards(): void;
  /** face/ files being worked on (checked for stability, parsed, retried): see FolderPoller.inProgress. */
  pendingCards?(): number;
  /** 個別照会 by printed numbers for `owner` (an opaque key, e.g. a session id). Never rejects. */
  query(owner: string, numbers: PrintedNumbers): Promise<NumberQueryOutcome>;
  /** Every health observation: card reads and answers parsed, system errors, timeouts, unwritable req/. */
  onHealth(listener: (health: TerminalHealth) => void): () => void;
  /** A folder's watchdog verdict changed (stalled / unreadable / ok again): re-probe now. */
  onFault?(listener: (folder: 'face' | 'res', health: WatchdogHealth) => void): () => void;
  /** Can the terminal's folders be reached right now? (the monitor's periodic probe) */
  probe(): Promise<TerminalHealth>;
  close(): Promise<void>;
  /** For tests and the benchmark. */
  readonly internals: { face: FolderPoller; res: FolderPoller; pendingQueries(): string[] };
}

export interface TerminalTransportOptions {
  dir: string;
  store: TerminalStore;
  clock: Clock;
  log: Logger;
  /** 医療機関コード (10 digits), read at every request. */
  institutionCode: () => string;
  config?: () => Partial<TerminalConfig>;
  /** 'simulator' when the embedded terminal simulator serves the folder. */
  kind?: TerminalTransport['kind'];
  wallNow?: () => number;
}

const errCode = (e: unknown) => (e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : 'EUNKNOWN');

export function createTerminalTransport(options: TerminalTransportOptions): TerminalTransport {
  const { store, clock, log } = options;
  const dir = path.resolve(options.dir);
  const reqDir = path.join(dir, 'req');
  const resDir = path.join(dir, 'res');
  const faceDir = path.join(dir, 'face');
  const wallNow = options.wallNow ?? (() => Date.now());
  const cfg = (): TerminalConfig => ({ ...DEFAULT_TERMINAL_CONFIG, ...(options.config?.() ?? {}) });

  const healthListeners = new Set<(h: TerminalHealth) => void>();
  const faultListeners = new Set<(folder: 'face' | 'res', h: WatchdogHealth) => void>();
  let consumer: CardReadConsumer | undefined;
  let closed = false;

  const report = (h: TerminalHealth) => {
    for (const l of [...healthListeners]) {
      try {
        l(h);
      } catch (e) {
        log.error('health listener failed', { error: String(e) });
      }
    }
  };
  const reportAnswer = (o: NumberQueryOutcome) => {
    if (o.kind === 'unavailable') report({ ok: false, detail: o.detail });
    else if (o.systemError) report({ ok: false, detail: `terminal system error ${o.outcome.errorCode ?? ''}`.trim() });
    else report({ ok: true });
  };

  const consumed = { face: new Set<string>(), res: new Set<string>() };
  try {
    for (const n of store.consumedFileNames('face')) consumed.face.add(n);
    for (const n of store.consumedFileNames('res')) consumed.res.add(n);
  } catch (e) {
    log.error('could not load the consumed-file list', { error: String(e) });
  }

  const parseFile = (file: StableFile): OnshiParse =>
    file.tooLarge
      ? { ok: false, error: 'too-large', detail: `${file.size} bytes` }
      : parseOnshiResult(file.bytes, { cp932Fallback: cfg().cp932Fallback });

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
    owner?: string,
  ): ConsumedFile => ({
    folder,
    name: file.name,
    size: file.size,
    mtimeMs: Math.round(file.mtimeMs),
    sha256: file.sha256,
    consumedAt: clock.nowIso(),
    disposition,
    ...(owner ? { sessionId: owner } : {}),
  });

  // face/: card reads ---------------------------------------------------------------------------

  const handleFace = (file: StableFile): FileVerdict => {
    if (closed || !consumer) return 'retry';
    const parse = parseFile(file);
    if (mayBePartial(parse, file)) return 'retry';
    if (parse.ok) {
      const systemError = parse.result.codes?.segmentOfResult === '9';
      report(
        systemError
          ? { ok: false, detail: `terminal system error ${parse.result.errorCode ?? ''}`.trim() }
          : { ok: true },
      );
    }
    const named = parseFaceFileName(file.name);
    const read: TerminalCardRead = {
      fileName: file.name,
      mtimeMs: file.mtimeMs,
      ...(named ? { terminalTime: named.localTime } : {}),
      result: parse.ok
        ? {
            readable: true,
            outcome: outcomeFromResult(parse.result),
            ...(parse.result.status === 'error' && parse.result.errorCode
              ? { terminalErrorCode: parse.result.errorCode }
              : {}),
          }
        : {
            readable: false,
            error: parse.error,
            detail: parse.detail.slice(0, 300),
            outcome: unreadableOutcome(parse),
          },
      consume(disposition, o = {}) {
        store.recordConsumedFile(fileRecord('face', file, disposition, o.owner), o.also);
        consumed.face.add(file.name);
      },
      consumeInMemory() {
        consumed.face.add(file.name);
      },
    };
    return consumer.onRead(read);
  };

  const numberQueries = createNumberQueries({
    dir,
    store,
    clock,
    log,
    institutionCode: options.institutionCode,
    cfg,
    wallNow,
    isClosed: () => closed,
    parseFile,
    mayBePartial,
    fileRecord,
    markConsumed: (name) => consumed.res.add(name),
    reportAnswer,
    kick: () => resPoller.kick(),
  });

  // Pollers ---------------------------------------------------------------------------------------

  const c0 = cfg();
  const poller = (
    sub: 'face' | 'res',
    match: (n: string) => boolean,
    onFile: (f: StableFile) => FileVerdict,
    active: () => boolean,
  ) =>
    createFolderPoller({
      dir: path.join(dir, sub),
      match,
      isKnown: (n) => consumed[sub].has(n),
      onForget: (n) => consumed[sub].delete(n),
      onSkipped: (e) => {
        log.warn(`${sub}/ entry skipped: not a regular file of its own`, { name: e.name.slice(0, 200), kind: e.kind });
        try {
          consumer?.onSkipped?.({ ...e, folder: sub });
        } catch (err) {
          log.error('skipped-entry consumer failed', { error: String(err) });
        }
      },
      onHealth: (h) => {
        if (h.ok) log.info(`${sub}/ reader making progress again`);
        else log.warn(`${sub}/ reader fault`, { fault: h.fault, detail: h.detail });
        for (const l of [...faultListeners]) {
          try {
            l(sub, h);
          } catch (err) {
            log.error('fault listener failed', { error: String(err) });
          }
        }
      },
      stallMs: c0.stallMs,
      forgetAfterMs: c0.forgetAfterMs,
      label: `${sub}/`,
      onFile,
      active,
      intervalMs: c0.pollMs,
      idleIntervalMs: c0.idlePollMs,
      stabilityMs: c0.stabilityMs,
      maxBytes: MAX_XML_BYTES,
      watch: c0.watch,
      wallNow,
      onFolderError: (e) => log.warn(`${sub}/ folder unreadable`, e),
      onFolderRecovered: () => log.info(`${sub}/ folder readable again`),
      onFileError: (file, e) => log.warn(`${sub}/ file unreadable`, { name: file, ...e }),
    });
  const facePoller = poller('face', isFaceFileName, handleFace, () => consumer?.expecting() ?? false);
  const resPoller = poller(
    'res',
    (n) => RES_NAME.test(n),
    numberQueries.handleRes,
    () => numberQueries.pending().length > 0,
  );

  async function probe(): Promise<TerminalHealth> {
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
    // The watchdogs: a reader that makes no progress is a fault even when the folders are there.
    for (const p of [facePoller, resPoller]) {
      const h = p.health();
      if (!h.ok) return { ok: false, detail: h.detail };
    }
    return { ok: true };
  }

  return {
    kind: options.kind ?? 'onshi-folder',
    dir,
    internals: { face: facePoller, res: resPoller, pendingQueries: numberQueries.pending },
    start() {
      facePoller.start();
      resPoller.start();
    },
    setCardReadConsumer(c) {
      consumer = c;
    },
    kickCards: () => facePoller.kick(),
    pendingCards: () => facePoller.inProgress(),
    query: numberQueries.query,
    onHealth(l) {
      healthListeners.add(l);
      return () => healthListeners.delete(l);
    },
    onFault(l) {
      faultListeners.add(l);
      return () => faultListeners.delete(l);
    },
    probe,
    async close() {
      closed = true;
      await Promise.all([facePoller.stop(), resPoller.stop()]);
      numberQueries.close(); // the queries stay 'waiting' in SQLite: a restart resumes them
      healthListeners.clear();
      faultListeners.clear();
    },
  };
}
