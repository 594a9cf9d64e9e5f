/**
 * The HID 診察券 reader adapter: finds the configured device (vendor, product, usage page), opens it
 * exclusively, decodes its reports, assembles scans, and notices unplug/replug by itself (a read error or
 * the device leaving the enumeration ends the handle; the poll reopens it when it is back) — no restart.
 * Nothing a device sends can throw out of here: bad reports are counted and logged, never fatal.
 */
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { ScanAssembler, type AssembledScan } from './assembler';
import type { HidBoundary, HidDeviceInfo, HidHandle } from './boundary';
import { decodeReport } from './reports';
import type { PatientCardReader, ReaderConfig, ReaderEvent, ReaderState } from './types';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface HidReaderOptions {
  boundary: HidBoundary | { unavailable: string };
  config: ReaderConfig | undefined;
  clock: Clock;
  logger: Logger;
  /** How often the enumeration is checked for plug/unplug (ms). */
  pollMs?: number;
  timers?: Timers;
  /** Most reports handled per second; beyond that a device is flooding and reports are dropped. */
  maxReportsPerSecond?: number;
}

export const matches = (d: HidDeviceInfo, c: ReaderConfig) =>
  d.vendorId === c.vendorId &&
  d.productId === c.productId &&
  (c.usagePage === undefined || d.usagePage === c.usagePage);

export function createHidPatientCardReader(
  options: HidReaderOptions,
): PatientCardReader & { pollNow(): Promise<void> } {
  const log = options.logger.child('patient-card');
  const timers = options.timers ?? realTimers;
  const pollMs = options.pollMs ?? 1000;
  const maxRate = options.maxReportsPerSecond ?? 200;
  const boundary = 'kind' in options.boundary ? options.boundary : undefined;
  const unavailable = 'unavailable' in options.boundary ? options.boundary.unavailable : undefined;
  let config = options.config;
  let assembler = new ScanAssembler(config ?? { maxLength: 32, gapMs: 150 });
  let handle: HidHandle | undefined;
  let openPath: string | undefined;
  let generation = 0;
  let everConnected = false;
  let closed = false;
  let pollTimer: unknown;
  let gapTimer: unknown;
  let polling: Promise<void> | undefined;
  let rateWindow = { start: 0, count: 0 };
  const stateListeners = new Set<(s: ReaderState) => void>();
  const scanListeners = new Set<(e: ReaderEvent) => void>();
  let current: ReaderState = {
    status: 'searching',
    since: options.clock.nowIso(),
    scans: 0,
    rejected: 0,
    reconnects: 0,
  };

  const setState = (patch: Partial<ReaderState>) => {
    const statusChanged = patch.status !== undefined && patch.status !== current.status;
    current = { ...current, ...patch, ...(statusChanged ? { since: options.clock.nowIso() } : {}) };
    if (patch.status === 'connected') delete current.detail;
    if (patch.device === undefined && patch.status && patch.status !== 'connected') delete current.device;
    for (const l of stateListeners) {
      try {
        l(current);
      } catch (e) {
        log.error('state listener failed', { error: String(e) });
      }
    }
  };

  const emit = (events: AssembledScan[]) => {
    for (const e of events) {
      const at = options.clock.nowIso();
      if (e.kind === 'scan') setState({ scans: current.scans + 1, lastScanAt: at });
      else {
        setState({ rejected: current.rejected + 1 });
        log.warn('scan rejected', { code: e.code, length: e.length });
      }
      for (const l of scanListeners) {
        try {
          l({ ...e, at });
        } catch (err) {
          log.error('scan listener failed', { error: String(err) });
        }
      }
    }
  };

  const armGap = () => {
    if (gapTimer !== undefined) timers.clearTimeout(gapTimer);
    gapTimer = undefined;
    const deadline = assembler.deadline();
    if (deadline === undefined) return;
    const wait = Math.max(0, deadline - options.clock.now().getTime());
    gapTimer = timers.setTimeout(() => {
      gapTimer = undefined;
      emit(assembler.tick(options.clock.now().getTime()));
      armGap();
    }, wait);
  };

  const onReport = (gen: number) => (report: Uint8Array) => {
    if (gen !== generation || !config) return;
    const now = options.clock.now().getTime();
    if (now - rateWindow.start >= 1000) rateWindow = { start: now, count: 0 };
    if (++rateWindow.count > maxRate) return;
    const decoded = decodeReport(config.format, report);
    if (decoded.kind === 'ignore') return;
    if (decoded.kind === 'error') {
      // A malformed report spoils the scan it belongs to: drop what was pending and reject once.
      assembler.interrupt();
      log.warn('bad report', { code: decoded.code, message: decoded.message });
      emit([{ kind: 'rejected', code: 'garbage', length: 0 }]);
      armGap();
      return;
    }
    emit(assembler.push(decoded, now));
    armGap();
  };

  const dropHandle = async (reason: string) => {
    generation += 1;
    const h = handle;
    handle = undefined;
    openPath = undefined;
    emit(assembler.interrupt());
    armGap();
    await h?.close().catch(() => undefined);
    if (!closed) {
      setState({ status: config ? 'searching' : 'not-configured', detail: reason });
      log.info('reader disconnected', { reason });
    }
  };

  const onEnd = (gen: number) => (reason: string) => {
    if (gen !== generation) return;
    void dropHandle(reason).then(() => schedulePoll(0));
  };

  const pollOnce = async () => {
    if (closed) return;
    if (unavailable !== undefined || !boundary) return setState({ status: 'unavailable', detail: unavailable });
    if (!config) {
      if (handle) await dropHandle('not configured');
      return setState({ status: 'not-configured' });
    }
    let devices: HidDeviceInfo[];
    try {
      devices = await boundary.list();
    } catch (e) {
      return setState({ status: 'error', detail: `enumeration failed: ${e instanceof Error ? e.message : String(e)}` });
    }
    const c = config;
    const found = devices.find((d) => matches(d, c));
    if (handle) {
      if (!found || found.path !== openPath) await dropHandle('device removed');
      else return;
    }
    if (!found) return setState({ status: 'searching' });
    const gen = ++generation;
    try {
      const h = await boundary.open(found.path, onReport(gen), onEnd(gen));
      if (gen !== generation || closed) {
        await h.close();
        return;
      }
      handle = h;
      openPath = found.path;
      assembler = new ScanAssembler(c);
      const device = {
        vendorId: found.vendorId,
        productId: found.productId,
        ...(found.product ? { product: found.product } : {}),
      };
      setState({ status: 'connected', device, reconnects: current.reconnects + (everConnected ? 1 : 0) });
      everConnected = true;
      log.info('reader connected', { vendorId: found.vendorId, productId: found.productId });
    } catch (e) {
      setState({ status: 'error', detail: `cannot open: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const pollNow = (): Promise<void> => {
    polling ??= pollOnce()
      .catch((e: unknown) => log.error('poll failed', { error: String(e) }))
      .finally(() => {
        polling = undefined;
      });
    return polling;
  };

  function schedulePoll(ms: number) {
    if (closed) return;
    if (pollTimer !== undefined) timers.clearTimeout(pollTimer);
    pollTimer = timers.setTimeout(() => {
      pollTimer = undefined;
      void pollNow().then(() => schedulePoll(pollMs));
    }, ms);
  }

  schedulePoll(0);

  return {
    state: () => current,
    onState(l) {
      stateListeners.add(l);
      return () => stateListeners.delete(l);
    },
    onScan(l) {
      scanListeners.add(l);
      return () => scanListeners.delete(l);
    },
    listDevices: async () => (boundary ? boundary.list().catch(() => []) : []),
    configure(next) {
      config = next;
      everConnected = false;
      void (handle ? dropHandle('reconfigured') : Promise.resolve()).then(() => schedulePoll(0));
    },
    pollNow,
    async close() {
      closed = true;
      if (pollTimer !== undefined) timers.clearTimeout(pollTimer);
      if (gapTimer !== undefined) timers.clearTimeout(gapTimer);
      await polling;
      generation += 1;
      await handle?.close().catch(() => undefined);
      handle = undefined;
    },
  };
}
