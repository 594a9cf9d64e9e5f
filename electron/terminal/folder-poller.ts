/**
 * Polls one folder of the 資格確認端末's share (face/, res/ or, for the simulator, req/) and hands over each
 * new file once it is stable: two reads `stabilityMs` apart with the same size, mtime and content hash.
 *
 * Why polling: SMB shares drop or coalesce change notifications, so events alone would lose card reads.
 * A file-system watch is used only as a hint that makes the next poll happen at once (local folders); the
 * polling loop is what guarantees delivery.
 *
 * What it tolerates: files still being written (size/mtime/hash change between reads → wait), zero-byte
 * files (a writer that created the file but has not written yet → looked at again with a growing back-off,
 * never handed over as broken unless `emptyGraceMs` is set), files that vanish between reads (dropped
 * silently), permission and sharing errors (retried at the idle interval), a folder that is missing or
 * unreadable (reported through `onFolderError`, polling continues and recovers when it comes back).
 *
 * What cannot stall or mislead it (safe-file.ts): only regular files of their own inside the folder are
 * opened — symbolic links, FIFOs, sockets, devices, folders and hard-linked files named like a result are
 * skipped and reported once through `onSkipped`. A read that hangs (a stuck share) does not hold up the
 * other files: a pass waits at most `readBudgetMs` for its reads. A watchdog (watchdog.ts) reports a pass or
 * a read that makes no progress, and an unlistable folder, as a fault through `onHealth` / `health()`.
 * Memory stays bounded: names that left the folder are forgotten after `forgetAfterMs` (seen-names.ts).
 *
 * It never writes, moves or deletes anything in the folder.
 *
 * (Over ~400 lines: one polling loop and its per-file state machine, which read best together; the
 * separable parts — safe-file.ts, seen-names.ts, watchdog.ts — are already their own modules.)
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { direntKind, safeReadFile, type SkippedKind } from './safe-file';
import { createSeenNames } from './seen-names';
import { createWatchdog, type WatchdogHealth } from './watchdog';

export type { SkippedKind } from './safe-file';
export type { WatchdogHealth } from './watchdog';

/** An entry named like a file of interest that is not a regular file of its own: never opened, never read. */
export interface SkippedEntry {
  name: string;
  kind: SkippedKind;
  detail: string;
}

export interface StableFile {
  name: string;
  path: string;
  bytes: Uint8Array;
  size: number;
  mtimeMs: number;
  sha256: string;
  /** The file is larger than `maxBytes`: `bytes` is empty and the content was not read. */
  tooLarge: boolean;
  /** Wall-clock ms when this poller first saw the file. */
  firstSeenMs: number;
  /** Wall-clock ms when it was found stable (the benchmark's end point starts here). */
  stableAtMs: number;
}

/** 'done': never hand this name over again (the consumer recorded it). 'retry': hand it over again later. */
export type FileVerdict = 'done' | 'retry';

export interface FolderPollerOptions {
  dir: string;
  /** Which names are of interest (e.g. /^OQSsiquc01res_face_.*\.xml$/i). Temp files never match. */
  match: (name: string) => boolean;
  /** Names the consumer has already dealt with (persisted across restarts by the consumer). */
  isKnown?: (name: string) => boolean;
  onFile: (file: StableFile) => FileVerdict | Promise<FileVerdict>;
  /** The folder cannot be listed (ENOENT, EACCES, …): called when the error starts or changes. */
  onFolderError?: (error: { code: string; message: string }) => void;
  /** The folder can be listed again after an error. */
  onFolderRecovered?: () => void;
  /** Per-file errors other than a vanished file (EACCES, EBUSY, EPERM, …). */
  onFileError?: (name: string, error: { code: string; message: string }) => void;
  /** A matching entry that is not a regular file of its own (symlink, FIFO, …): called once per name and kind. */
  onSkipped?: (entry: SkippedEntry) => void;
  /** The watchdog's verdict changed (stalled / unreadable / ok again). */
  onHealth?: (health: WatchdogHealth) => void;
  /** A name that left the folder was forgotten (the consumer may drop it from its own memory too). */
  onForget?: (name: string) => void;
  /** A pass or a file read running longer than this is a fault (default 30 s). */
  stallMs?: number;
  /** How long a pass waits for its file reads before moving on without them (default 2 s). */
  readBudgetMs?: number;
  /** Forget names absent from the folder for this long (default 10 min). */
  forgetAfterMs?: number;
  /** Hard cap on remembered names (default 100 000). */
  maxNames?: number;
  /** Name used in watchdog messages (default: the folder's base name + '/'). */
  label?: string;
  /** Poll interval when something waits for this folder (default 50 ms). */
  intervalMs?: number;
  /** Poll interval when nothing waits (default 1000 ms). */
  idleIntervalMs?: number;
  /** Whether something waits (fast polling) right now. Default: always. */
  active?: () => boolean;
  /** Gap between the two reads of the stability check (default 40 ms). */
  stabilityMs?: number;
  /** A zero-byte file is handed over only after it stayed empty this long (default: never; it is retried). */
  emptyGraceMs?: number;
  /** Files above this size are handed over unread, flagged `tooLarge` (default 4 MiB, the parser's cap). */
  maxBytes?: number;
  /** Use fs.watch as a hint to poll at once (default true). Delivery never depends on it. */
  watch?: boolean;
  /** Wall clock (file mtimes are wall-clock); injectable for tests. */
  wallNow?: () => number;
}

export interface FolderPoller {
  start(): void;
  /** Poll now (e.g. a session just started waiting). */
  kick(): void;
  stop(): Promise<void>;
  /** The last folder error, if the folder is currently unreadable. */
  folderError(): { code: string; message: string } | undefined;
  /** Completed polling passes (for tests). */
  readonly passes: number;
  /** The watchdog's view: ok, stalled (no progress) or unreadable (folder cannot be listed). */
  health(): WatchdogHealth;
  /** Sizes of what the poller remembers (memory bound checks). */
  stats(): { pending: number; done: number; skipped: number };
  /**
   * Files being worked on right now: pending, not empty, no file error, first seen within the last minute
   * (an empty file waiting for its writer, or one that cannot be opened, does not count).
   */
  inProgress(): number;
}

interface Pending {
  size: number;
  mtimeMs: number;
  sha256: string;
  firstSeenMs: number;
  /** When the content was last seen to change (or first seen). */
  changedAtMs: number;
  checkTimer?: NodeJS.Timeout;
  busy: boolean;
  /** Do not look at it again before this time (retry backoff, permission errors). */
  notBeforeMs: number;
  fileErrorCode?: string;
}

const errInfo = (e: unknown): { code: string; message: string } => ({
  code: (e as NodeJS.ErrnoException)?.code ?? 'EUNKNOWN',
  message: e instanceof Error ? e.message : String(e),
});

const sha = (b: Uint8Array, size: number) => createHash('sha256').update(b).update(`:${size}`).digest('hex');

export function createFolderPoller(options: FolderPollerOptions): FolderPoller {
  const intervalMs = options.intervalMs ?? 50;
  const idleIntervalMs = options.idleIntervalMs ?? 1000;
  const stabilityMs = options.stabilityMs ?? 40;
  const emptyGraceMs = options.emptyGraceMs ?? Number.POSITIVE_INFINITY;
  const readBudgetMs = options.readBudgetMs ?? 2000;
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  const wallNow = options.wallNow ?? (() => Date.now());
  const active = options.active ?? (() => true);
  const isKnown = options.isKnown ?? (() => false);

  const pending = new Map<string, Pending>();
  const done = createSeenNames({
    forgetAfterMs: options.forgetAfterMs ?? 10 * 60_000,
    maxNames: options.maxNames ?? 100_000,
  });
  /** Matching names that are not regular files, with the kind last reported (reported once per kind). */
  const skipped = new Map<string, SkippedKind>();
  const watchdog = createWatchdog({
    label: options.label ?? `${path.basename(options.dir)}/`,
    stallMs: options.stallMs ?? 30_000,
    now: () => wallNow(),
    ...(options.onHealth ? { onChange: options.onHealth } : {}),
  });
  let running = false;
  let stopped = true;
  let tickTimer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let again = false;
  let folderErr: { code: string; message: string } | undefined;
  let watcher: fs.FSWatcher | undefined;
  let passes = 0;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (tickTimer) clearTimeout(tickTimer);
    tickTimer = setTimeout(() => void tick(), ms);
    tickTimer.unref();
  };

  const ensureWatch = () => {
    if (options.watch === false || watcher || stopped) return;
    try {
      watcher = fs.watch(options.dir, { persistent: false }, () => poller.kick());
      watcher.on('error', () => {
        watcher?.close();
        watcher = undefined;
      });
    } catch {
      watcher = undefined; // folder missing or a share without notifications: polling alone
    }
  };

  const skip = (name: string, kind: SkippedKind, detail: string) => {
    const p = pending.get(name);
    if (p?.checkTimer) clearTimeout(p.checkTimer);
    pending.delete(name);
    if (skipped.get(name) === kind) return;
    skipped.set(name, kind);
    if (skipped.size > (options.maxNames ?? 100_000)) {
      const oldest = skipped.keys().next();
      if (!oldest.done) skipped.delete(oldest.value);
    }
    try {
      options.onSkipped?.({ name, kind, detail });
    } catch {
      // a reporting failure must not stop the loop
    }
  };

  const fileError = (name: string, p: Pending | undefined, e: { code: string; message: string }) => {
    if (p && p.fileErrorCode === e.code) return;
    if (p) p.fileErrorCode = e.code;
    options.onFileError?.(name, e);
  };

  const checks = new Set<Promise<void>>();
  function check(name: string): Promise<void> {
    const run = checkOnce(name).finally(() => checks.delete(run));
    checks.add(run);
    return run;
  }

  async function checkOnce(name: string): Promise<void> {
    const p = pending.get(name);
    if (!p || p.busy || stopped) return;
    p.busy = true;
    // The whole check (read + consumer) counts: either one hanging is a reader making no progress.
    const token = watchdog.readStarted(name);
    try {
      const full = path.join(options.dir, name);
      const outcome = await safeReadFile(options.dir, name, { maxBytes });
      if (outcome.kind === 'gone') {
        pending.delete(name); // vanished between reads, renamed away or replaced: the next pass looks again
        return;
      }
      if (outcome.kind === 'skipped') {
        skip(name, outcome.as, outcome.detail);
        return;
      }
      if (outcome.kind === 'error') {
        fileError(name, p, { code: outcome.code, message: outcome.message });
        p.notBeforeMs = wallNow() + idleIntervalMs;
        return;
      }
      const read = outcome;
      const now = wallNow();
      const hash = sha(read.bytes, read.size);
      const same = hash === p.sha256 && read.size === p.size && read.mtimeMs === p.mtimeMs;
      if (stopped) return;
      if (!same) {
        p.size = read.size;
        p.mtimeMs = read.mtimeMs;
        p.sha256 = hash;
        p.changedAtMs = now;
        armCheck(name, p, stabilityMs);
        return;
      }
      if (read.size === 0 && now - p.changedAtMs < emptyGraceMs) {
        // Not written yet: look again, less and less often (bounded), never report it as broken.
        p.notBeforeMs = now + Math.min(Math.max(intervalMs * 4, (now - p.firstSeenMs) / 4), 5_000, emptyGraceMs);
        return;
      }
      const verdict = await options.onFile({
        name,
        path: full,
        bytes: read.bytes,
        size: read.size,
        mtimeMs: read.mtimeMs,
        sha256: hash,
        tooLarge: read.tooLarge,
        firstSeenMs: p.firstSeenMs,
        stableAtMs: now,
      });
      if (verdict === 'done') {
        pending.delete(name);
        done.add(name, wallNow());
      } else {
        p.notBeforeMs = wallNow() + Math.max(intervalMs, 100);
      }
    } catch (e) {
      // A consumer failure must not kill the loop; try again later.
      fileError(name, p, errInfo(e));
      p.notBeforeMs = wallNow() + idleIntervalMs;
    } finally {
      p.busy = false;
      watchdog.readEnded(token);
    }
  }

  function armCheck(name: string, p: Pending, ms: number) {
    if (p.checkTimer) clearTimeout(p.checkTimer);
    p.checkTimer = setTimeout(() => {
      p.checkTimer = undefined;
      void check(name);
    }, ms);
    p.checkTimer.unref();
  }

  async function pass(): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(options.dir, { withFileTypes: true });
    } catch (e) {
      const info = errInfo(e);
      if (!folderErr || folderErr.code !== info.code) {
        folderErr = info;
        options.onFolderError?.(info);
      }
      watchdog.folderError(info.code, info.message);
      watcher?.close();
      watcher = undefined;
      return;
    }
    if (folderErr) {
      folderErr = undefined;
      options.onFolderRecovered?.();
    }
    watchdog.folderOk();
    ensureWatch();
    const now = wallNow();
    const present = new Set(entries.map((e) => e.name));
    for (const name of pending.keys()) {
      if (!present.has(name)) {
        const p = pending.get(name)!;
        if (p.checkTimer) clearTimeout(p.checkTimer);
        pending.delete(name);
      }
    }
    for (const name of skipped.keys()) if (!present.has(name)) skipped.delete(name);
    for (const name of done.sweep(present, now)) options.onForget?.(name);
    const firstReads: Promise<void>[] = [];
    for (const entry of entries) {
      const name = entry.name;
      if (done.has(name) || !options.match(name)) continue;
      const kind = direntKind(entry);
      if (kind !== 'file' && kind !== 'unknown') {
        skip(
          name,
          kind,
          `${kind === 'symlink' ? 'a symbolic link (never followed)' : `a ${kind}, not a regular file`}`,
        );
        continue;
      }
      // Listed as a file now (a FIFO replaced by a file): looked at afresh. Unknown types stay skipped.
      if (skipped.has(name)) {
        if (kind === 'unknown') continue;
        skipped.delete(name);
      }
      if (isKnown(name)) {
        done.add(name, now);
        continue;
      }
      const p = pending.get(name);
      if (p) {
        if (!p.busy && !p.checkTimer && p.notBeforeMs <= now) firstReads.push(check(name));
        continue;
      }
      // First sight: read it now, check it again after the stability gap.
      const fresh: Pending = {
        size: -1,
        mtimeMs: -1,
        sha256: '',
        firstSeenMs: now,
        changedAtMs: now,
        busy: false,
        notBeforeMs: 0,
      };
      pending.set(name, fresh);
      firstReads.push(check(name));
    }
    // A read stuck on a hung share must not hold up the next pass (its entry stays busy meanwhile; the
    // watchdog reports it).
    let budget: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(firstReads),
      new Promise<void>((resolve) => {
        budget = setTimeout(resolve, readBudgetMs);
        budget.unref();
      }),
    ]);
    if (budget) clearTimeout(budget);
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    tickTimer = undefined;
    watchdog.passStarted();
    inFlight = pass().finally(() => {
      running = false;
      passes += 1;
      watchdog.passEnded();
    });
    await inFlight;
    if (again) {
      again = false;
      schedule(0);
    } else {
      schedule(active() || pending.size > 0 ? intervalMs : idleIntervalMs);
    }
  }

  const poller: FolderPoller = {
    start() {
      if (!stopped) return;
      stopped = false;
      watchdog.start();
      schedule(0);
    },
    kick() {
      if (stopped) return;
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      watchdog.stop();
      if (tickTimer) clearTimeout(tickTimer);
      tickTimer = undefined;
      for (const p of pending.values()) if (p.checkTimer) clearTimeout(p.checkTimer);
      watcher?.close();
      watcher = undefined;
      // A read stuck on a hung share must not hang shutdown either.
      let budget: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([inFlight?.catch(() => undefined), ...[...checks].map((c) => c.catch(() => undefined))]),
        new Promise<void>((resolve) => {
          budget = setTimeout(resolve, readBudgetMs);
          budget.unref();
        }),
      ]);
      if (budget) clearTimeout(budget);
    },
    folderError: () => folderErr,
    get passes() {
      return passes;
    },
    health: () => watchdog.check(),
    stats: () => ({ pending: pending.size, done: done.size, skipped: skipped.size }),
    inProgress() {
      const since = wallNow() - 60_000;
      let n = 0;
      for (const p of pending.values()) if (p.size !== 0 && !p.fileErrorCode && p.firstSeenMs >= since) n++;
      return n;
    },
  };
  return poller;
}
