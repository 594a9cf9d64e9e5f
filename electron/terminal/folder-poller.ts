/**
 * Polls one folder of the 資格確認端末's share (face/, res/ or, for the simulator, req/) and hands over each
 * new file once it is stable: two reads `stabilityMs` apart with the same size, mtime and content hash.
 *
 * Why polling: SMB shares drop or coalesce change notifications, so events alone would lose card reads.
 * A file-system watch is used only as a hint that makes the next poll happen at once (local folders); the
 * polling loop is what guarantees delivery.
 *
 * What it tolerates: files still being written (size/mtime/hash change between reads → wait), zero-byte
 * files (a writer that created the file but has not written yet → wait, then hand over after
 * `emptyGraceMs` so the consumer can record it), files that vanish between reads (dropped silently),
 * permission and sharing errors (retried at the idle interval), a folder that is missing or unreadable
 * (reported through `onFolderError`, polling continues and recovers when it comes back).
 *
 * It never writes, moves or deletes anything in the folder.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
  /** Poll interval when something waits for this folder (default 50 ms). */
  intervalMs?: number;
  /** Poll interval when nothing waits (default 1000 ms). */
  idleIntervalMs?: number;
  /** Whether something waits (fast polling) right now. Default: always. */
  active?: () => boolean;
  /** Gap between the two reads of the stability check (default 40 ms). */
  stabilityMs?: number;
  /** A zero-byte file is handed over only after it stayed empty this long (default 2000 ms). */
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

async function readFileOnce(
  file: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; size: number; mtimeMs: number; tooLarge: boolean }> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw Object.assign(new Error(`${file} is not a file`), { code: 'ENOTFILE' });
    if (st.size > maxBytes) return { bytes: new Uint8Array(0), size: st.size, mtimeMs: st.mtimeMs, tooLarge: true };
    const bytes = new Uint8Array(st.size);
    let off = 0;
    while (off < st.size) {
      const { bytesRead } = await fh.read(bytes, off, st.size - off, off);
      if (bytesRead === 0) break; // truncated while we read: the hash differs next time
      off += bytesRead;
    }
    return {
      bytes: off === st.size ? bytes : bytes.subarray(0, off),
      size: st.size,
      mtimeMs: st.mtimeMs,
      tooLarge: false,
    };
  } finally {
    await fh.close();
  }
}

const sha = (b: Uint8Array, size: number) => createHash('sha256').update(b).update(`:${size}`).digest('hex');

export function createFolderPoller(options: FolderPollerOptions): FolderPoller {
  const intervalMs = options.intervalMs ?? 50;
  const idleIntervalMs = options.idleIntervalMs ?? 1000;
  const stabilityMs = options.stabilityMs ?? 40;
  const emptyGraceMs = options.emptyGraceMs ?? 2000;
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  const wallNow = options.wallNow ?? (() => Date.now());
  const active = options.active ?? (() => true);
  const isKnown = options.isKnown ?? (() => false);

  const pending = new Map<string, Pending>();
  const done = new Set<string>();
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
    try {
      const full = path.join(options.dir, name);
      let read: Awaited<ReturnType<typeof readFileOnce>>;
      try {
        read = await readFileOnce(full, maxBytes);
      } catch (e) {
        const info = errInfo(e);
        if (info.code === 'ENOENT') {
          pending.delete(name); // vanished between reads (or renamed away): nothing to do
          return;
        }
        fileError(name, p, info);
        p.notBeforeMs = wallNow() + idleIntervalMs;
        return;
      }
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
        p.notBeforeMs = now + Math.min(intervalMs * 4, emptyGraceMs);
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
        done.add(name);
      } else {
        p.notBeforeMs = wallNow() + Math.max(intervalMs, 100);
      }
    } catch (e) {
      // A consumer failure must not kill the loop; try again later.
      fileError(name, p, errInfo(e));
      p.notBeforeMs = wallNow() + idleIntervalMs;
    } finally {
      p.busy = false;
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
    let names: string[];
    try {
      names = await fs.promises.readdir(options.dir);
    } catch (e) {
      const info = errInfo(e);
      if (!folderErr || folderErr.code !== info.code) {
        folderErr = info;
        options.onFolderError?.(info);
      }
      watcher?.close();
      watcher = undefined;
      return;
    }
    if (folderErr) {
      folderErr = undefined;
      options.onFolderRecovered?.();
    }
    ensureWatch();
    const present = new Set(names);
    for (const name of pending.keys()) {
      if (!present.has(name)) {
        const p = pending.get(name)!;
        if (p.checkTimer) clearTimeout(p.checkTimer);
        pending.delete(name);
      }
    }
    const now = wallNow();
    const firstReads: Promise<void>[] = [];
    for (const name of names) {
      if (done.has(name) || !options.match(name)) continue;
      if (isKnown(name)) {
        done.add(name);
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
    await Promise.all(firstReads);
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    tickTimer = undefined;
    inFlight = pass().finally(() => {
      running = false;
      passes += 1;
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
      schedule(0);
    },
    kick() {
      if (stopped) return;
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      if (tickTimer) clearTimeout(tickTimer);
      tickTimer = undefined;
      for (const p of pending.values()) if (p.checkTimer) clearTimeout(p.checkTimer);
      watcher?.close();
      watcher = undefined;
      await inFlight?.catch(() => undefined);
      await Promise.all([...checks].map((c) => c.catch(() => undefined)));
    },
    folderError: () => folderErr,
    get passes() {
      return passes;
    },
  };
  return poller;
}
