/**
 * The online monitor: is オンライン資格確認 usable right now? Automatic state from the reader's health,
 * overridden by the admin's forced online / forced offline.
 *
 * Automatic state:
 * - down: the periodic health probe failed (terminal share missing or unwritable), or `failuresForDown`
 *   failures in a row (timeouts, unreadable folders, terminal system errors);
 * - degraded: a failure within the last `degradedWindowMs`, or a probe that succeeded after a run of
 *   failures (half-open: the patient flow may try the terminal again; the next answer decides);
 * - up: otherwise.
 * `online` (what the patient flow uses) is true for up and degraded. Every change is pushed to listeners,
 * which the core turns into the 'status.changed' API event.
 */
import type { OnlineMode, OnlineStatus } from '../../shared/api/index';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { Clock } from './clock';
import type { TerminalHealth } from '../terminal/transport';

type ReaderHealth = TerminalHealth;

export interface OnlineMonitor {
  status(): OnlineStatus;
  setMode(mode: OnlineMode): OnlineStatus;
  /** Reports from the reader side: a success, or a failure (timeout, error answer, unreadable folder). */
  reportSuccess(): void;
  reportFailure(detail: string): void;
  onChange(listener: (s: OnlineStatus) => void): () => void;
  /** Runs the health probe now (also runs every `probeIntervalMs`); resolves with the resulting status. */
  probeNow(): Promise<OnlineStatus>;
  close(): void;
}

export interface OnlineMonitorOptions {
  mode: OnlineMode;
  /** Failures in a row before the state is 'down' (default: the setting's, shared/settings.ts). */
  failuresForDown?: number;
  /** How long one failure keeps the state 'degraded' (default: the setting's). */
  degradedWindowMs?: number;
  /** The reader's health check; without one there is no periodic probe. */
  probe?: () => Promise<ReaderHealth>;
  /** Default: the setting's. */
  probeIntervalMs?: number;
}

export function createOnlineMonitor(clock: Clock, options: OnlineMonitorOptions): OnlineMonitor {
  const failuresForDown = Math.max(1, options.failuresForDown ?? DEFAULT_SETTINGS.monitorFailuresForDown);
  const degradedWindowMs = options.degradedWindowMs ?? DEFAULT_SETTINGS.monitorDegradedWindowMs;
  const probeIntervalMs = options.probeIntervalMs ?? DEFAULT_SETTINGS.monitorProbeMs;
  let mode = options.mode;
  let failures = 0;
  let lastFailureAt: number | undefined;
  let healthDown: string | undefined;
  let detail: string | undefined;
  let since = clock.nowIso();
  let closed = false;
  const listeners = new Set<(s: OnlineStatus) => void>();

  const auto = (): OnlineStatus['state'] => {
    if (healthDown !== undefined || failures >= failuresForDown) return 'down';
    if (lastFailureAt !== undefined && clock.now().getTime() - lastFailureAt < degradedWindowMs) return 'degraded';
    return 'up';
  };
  const compute = (): OnlineStatus => {
    const state = mode === 'forced-offline' ? 'down' : mode === 'forced-online' ? 'up' : auto();
    const d = mode === 'auto' && state !== 'up' ? (healthDown ?? detail) : undefined;
    return { state, mode, online: state !== 'down', since, ...(d ? { detail: d } : {}) };
  };
  let last = compute();
  const emit = () => {
    const next = compute();
    if (next.state === last.state && next.mode === last.mode && next.detail === last.detail) return;
    if (next.state !== last.state) since = clock.nowIso();
    last = { ...next, since };
    for (const l of [...listeners]) {
      try {
        l(last);
      } catch {
        // a listener's failure is its own; the monitor keeps going
      }
    }
  };

  let probing: Promise<OnlineStatus> | undefined;
  const probeNow = (): Promise<OnlineStatus> => {
    if (!options.probe || closed) {
      emit();
      return Promise.resolve(last);
    }
    probing ??= (async () => {
      let h: ReaderHealth;
      try {
        h = await options.probe!();
      } catch (e) {
        h = { ok: false, detail: `health probe failed: ${e instanceof Error ? e.message : String(e)}` };
      }
      if (closed) return last;
      if (h.ok) {
        healthDown = undefined;
        // Half-open after a run of failures: let the next real query decide.
        if (failures >= failuresForDown) {
          failures = failuresForDown - 1;
          lastFailureAt = clock.now().getTime();
        }
      } else {
        healthDown = h.detail;
      }
      emit();
      return last;
    })().finally(() => {
      probing = undefined;
    });
    return probing;
  };

  let timer: NodeJS.Timeout | undefined;
  if (options.probe || degradedWindowMs > 0) {
    // The same tick also lets a 'degraded' state decay back to 'up' once its window has passed.
    timer = setInterval(() => void probeNow(), options.probe ? probeIntervalMs : Math.min(degradedWindowMs, 10_000));
    timer.unref();
  }

  return {
    status: () => {
      emit();
      return last;
    },
    setMode(m) {
      mode = m;
      emit();
      return last;
    },
    reportSuccess() {
      failures = 0;
      detail = undefined;
      emit();
    },
    reportFailure(d) {
      failures += 1;
      lastFailureAt = clock.now().getTime();
      detail = d;
      emit();
    },
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    probeNow,
    close() {
      closed = true;
      if (timer) clearInterval(timer);
      listeners.clear();
    },
  };
}

/**
 * The one place where the terminal's health reaches the monitor: every observation the transport makes
 * (card reads and answers parsed, system errors, timeouts, an unwritable req/) becomes a success or a
 * failure. (The monitor's periodic probe calls the transport's `probe` itself.)
 */
export function linkTerminalHealth(
  monitor: OnlineMonitor,
  terminal: {
    onHealth(listener: (h: TerminalHealth) => void): () => void;
    /** A folder watchdog's verdict changed: probe now, so a stalled or unreadable reader shows at once. */
    onFault?(listener: () => void): () => void;
  },
): () => void {
  const offHealth = terminal.onHealth((h) => (h.ok ? monitor.reportSuccess() : monitor.reportFailure(h.detail)));
  const offFault = terminal.onFault?.(() => void monitor.probeNow().catch(() => undefined)) ?? (() => undefined);
  return () => {
    offHealth();
    offFault();
  };
}
