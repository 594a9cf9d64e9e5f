/**
 * A progress watchdog for a folder reader: the reader says when a polling pass starts and ends, when a file
 * read starts and ends, and when the folder cannot be listed. The watchdog turns that into a health value:
 * - 'stalled': a pass or a single file read has run longer than `stallMs` (a hung network share, a
 *   blocked worker thread), or no pass has completed for `stallMs` while the reader should be running;
 * - 'unreadable': the folder cannot be listed (missing, permissions, share gone);
 * and calls `onChange` when that changes, so the online status shows a fault instead of "up".
 *
 * Its own timer runs on the main event loop, which a stuck file-system call (on the libuv thread pool) does
 * not block. Time is injected (`now`), so tests drive it without waiting.
 */
export type WatchdogHealth =
  { ok: true } | { ok: false; fault: 'stalled' | 'unreadable'; detail: string; sinceMs: number };

export interface Watchdog {
  passStarted(): void;
  passEnded(): void;
  readStarted(name: string): number;
  readEnded(token: number): void;
  folderError(code: string, message: string): void;
  folderOk(): void;
  /** Evaluate now (the timer does it every `checkEveryMs`). */
  check(): WatchdogHealth;
  health(): WatchdogHealth;
  start(): void;
  stop(): void;
}

export interface WatchdogOptions {
  label: string;
  stallMs: number;
  checkEveryMs?: number;
  now: () => number;
  onChange?: (health: WatchdogHealth) => void;
}

export function createWatchdog(options: WatchdogOptions): Watchdog {
  const { stallMs, now } = options;
  let passStartedAt: number | undefined;
  let lastProgressAt = now();
  let folderErr: { code: string; message: string; sinceMs: number } | undefined;
  const reads = new Map<number, { name: string; startedAt: number }>();
  let nextToken = 1;
  let current: WatchdogHealth = { ok: true };
  let timer: NodeJS.Timeout | undefined;

  const evaluate = (): WatchdogHealth => {
    const t = now();
    if (folderErr)
      return {
        ok: false,
        fault: 'unreadable',
        detail: `${options.label} cannot be read (${folderErr.code})`,
        sinceMs: folderErr.sinceMs,
      };
    for (const r of reads.values()) {
      if (t - r.startedAt >= stallMs) {
        return {
          ok: false,
          fault: 'stalled',
          detail: `${options.label}: reading ${r.name.slice(0, 80)} has not finished for ${Math.round((t - r.startedAt) / 1000)} s`,
          sinceMs: r.startedAt,
        };
      }
    }
    if (passStartedAt !== undefined && t - passStartedAt >= stallMs) {
      return {
        ok: false,
        fault: 'stalled',
        detail: `${options.label}: a polling pass has not finished for ${Math.round((t - passStartedAt) / 1000)} s`,
        sinceMs: passStartedAt,
      };
    }
    if (t - lastProgressAt >= stallMs) {
      return {
        ok: false,
        fault: 'stalled',
        detail: `${options.label}: no polling pass for ${Math.round((t - lastProgressAt) / 1000)} s`,
        sinceMs: lastProgressAt,
      };
    }
    return { ok: true };
  };

  const check = (): WatchdogHealth => {
    const next = evaluate();
    const changed =
      next.ok !== current.ok ||
      (!next.ok &&
        !current.ok &&
        (next.fault !== current.fault || next.detail.split(':')[0] !== current.detail.split(':')[0]));
    current = next;
    if (changed) options.onChange?.(next);
    return next;
  };

  return {
    passStarted() {
      passStartedAt = now();
    },
    passEnded() {
      passStartedAt = undefined;
      lastProgressAt = now();
      if (!current.ok && current.fault === 'stalled') check();
    },
    readStarted(name) {
      const token = nextToken++;
      reads.set(token, { name, startedAt: now() });
      return token;
    },
    readEnded(token) {
      reads.delete(token);
    },
    folderError(code, message) {
      if (folderErr?.code !== code) folderErr = { code, message, sinceMs: now() };
      check();
    },
    folderOk() {
      if (!folderErr) return;
      folderErr = undefined;
      check();
    },
    check,
    health: () => current,
    start() {
      lastProgressAt = now();
      if (timer) return;
      timer = setInterval(check, options.checkEveryMs ?? Math.max(250, Math.floor(stallMs / 4)));
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
