/**
 * Per-connection bounds for the browser host. A client that floods requests is closed; a client that does
 * not read what we send is dropped once its outgoing buffer passes `maxBufferedBytes`, so it cannot grow
 * the host's memory; the number of requests in flight per connection is bounded too, and a client that no
 * longer answers pings is dropped.
 */
export interface ConnectionLimits {
  /** Largest WebSocket message accepted (bytes); larger closes the connection (1009). */
  maxMessageBytes: number;
  /** Outgoing bytes queued for one client before it is dropped. */
  maxBufferedBytes: number;
  /** Token bucket: sustained requests per second and the burst allowed. */
  requestsPerSecond: number;
  burst: number;
  /** Requests in flight per connection before it is closed. */
  maxPending: number;
  /** Open WebSocket connections per listener. */
  maxConnections: number;
  /**
   * Liveness: the host pings each client this often and drops one that has not answered the previous ping
   * (a tablet that lost its network or power sends no close), so a dead connection ends within two intervals
   * — and with it the kiosk's presence, which a card wait depends on (card-reads `kioskConnected`).
   */
  pingIntervalMs: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  maxMessageBytes: 64 * 1024,
  maxBufferedBytes: 1024 * 1024,
  requestsPerSecond: 20,
  burst: 60,
  maxPending: 32,
  maxConnections: 256,
  pingIntervalMs: 5_000,
};

/** A token bucket on a monotonic clock (performance.now by default). */
export function createRateLimiter(perSecond: number, burst: number, now: () => number = () => performance.now()) {
  let tokens = burst;
  let last = now();
  return {
    take(): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
