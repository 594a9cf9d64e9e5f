/**
 * Growing back-off for guesses (sign-in, setup code, pairing code), per key: after `free` failures each
 * further failure locks the key for base × 2^(extra failures), up to `maxMs`. Used per client (the remote
 * address) in memory; accounts keep the same numbers in SQLite so a restart does not reset them. The map
 * is bounded: the oldest entries go first, so a flood of fresh addresses cannot grow memory.
 */
import type { Clock } from '../clock';

export interface BackoffPolicy {
  free: number;
  baseMs: number;
  maxMs: number;
}
export const DEFAULT_BACKOFF: BackoffPolicy = { free: 5, baseMs: 30_000, maxMs: 15 * 60_000 };

/** Lock time after `failures` failures in a row (0 while within the free attempts). */
export function lockMsAfter(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(20, failures - policy.free));
}

export interface Throttle {
  /** Milliseconds until this key may try again (0 = now). */
  waitMs(key: string): number;
  fail(key: string): void;
  succeed(key: string): void;
}

export function createThrottle(clock: Clock, policy: BackoffPolicy = DEFAULT_BACKOFF, maxKeys = 10_000): Throttle {
  const entries = new Map<string, { failures: number; lockedUntil: number }>();
  const now = () => clock.now().getTime();
  return {
    waitMs(key) {
      const e = entries.get(key);
      return e ? Math.max(0, e.lockedUntil - now()) : 0;
    },
    fail(key) {
      const e = entries.get(key) ?? { failures: 0, lockedUntil: 0 };
      e.failures += 1;
      e.lockedUntil = now() + lockMsAfter(e.failures, policy);
      entries.delete(key);
      entries.set(key, e);
      while (entries.size > maxKeys) entries.delete(entries.keys().next().value!);
    },
    succeed(key) {
      entries.delete(key);
    },
  };
}
