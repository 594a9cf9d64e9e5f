/**
 * The 受付票 printer service: one job at a time, every step bounded in time, never throws. A check-in never
 * waits on it for long and never fails because of it — the caller gets an outcome and tells the patient to
 * ask at the desk when the slip did not print. Its state (condition, last error) is what staff and admin see.
 */
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { canPrint, type PrinterCondition } from './status';
import { describeTarget, type PrinterTarget } from './target';
import { encodeTicket, type TicketContent, type TicketLayout } from './ticket';
import { createTransport, PrinterIoError, type PrinterTransport } from './transport';

export type PrintFailure =
  'not-configured' | 'unreachable' | 'timeout' | 'offline' | 'cover-open' | 'out-of-paper' | 'error';

export type PrintOutcome = { ok: true; ticketNumber: number } | { ok: false; code: PrintFailure; message: string };

export interface PrinterState {
  configured: boolean;
  target?: string;
  /** 'unknown' until asked, or where the transport cannot read status (device path). */
  condition: PrinterCondition | 'unknown';
  reachable: boolean | 'unknown';
  lastError?: { code: PrintFailure; message: string; at: string };
  lastPrintedAt?: string;
}

export interface TicketPrinter {
  print(ticket: TicketContent): Promise<PrintOutcome>;
  /** Ask the printer now (DLE EOT) and update the state. */
  checkStatus(): Promise<PrinterState>;
  state(): PrinterState;
  setTarget(target: PrinterTarget | undefined): void;
  onState(listener: (s: PrinterState) => void): () => void;
}

export interface TicketPrinterOptions {
  target: PrinterTarget | undefined;
  clock: Clock;
  logger: Logger;
  timeoutMs?: number;
  layout?: TicketLayout;
  /** Tests and the simulator may inject a transport; otherwise one is made from the target. */
  transportFor?: (target: PrinterTarget) => PrinterTransport;
}

function failureFrom(c: PrinterCondition): { code: PrintFailure; message: string } {
  if (c.paperOut) return { code: 'out-of-paper', message: 'printer is out of paper' };
  if (c.coverOpen) return { code: 'cover-open', message: 'printer cover is open' };
  if (c.error) return { code: 'error', message: 'printer reports an error' };
  return { code: 'offline', message: 'printer is offline' };
}

export function createTicketPrinter(options: TicketPrinterOptions): TicketPrinter {
  const timeoutMs = options.timeoutMs ?? 3000;
  const log = options.logger.child('printer');
  const transportFor = options.transportFor ?? ((t: PrinterTarget) => createTransport(t, { timeoutMs }));
  let target = options.target;
  let current: PrinterState = {
    configured: target !== undefined,
    condition: 'unknown',
    reachable: 'unknown',
    ...(target ? { target: describeTarget(target) } : {}),
  };
  const listeners = new Set<(s: PrinterState) => void>();
  let queue: Promise<unknown> = Promise.resolve();

  const publish = (next: PrinterState) => {
    current = next;
    for (const l of listeners) {
      try {
        l(current);
      } catch (e) {
        log.error('state listener failed', { error: e instanceof Error ? e.message : String(e) });
      }
    }
  };
  const fail = (code: PrintFailure, message: string, extra: Partial<PrinterState> = {}): PrintOutcome => {
    publish({ ...current, ...extra, lastError: { code, message, at: options.clock.nowIso() } });
    log.warn('print failed', { code, message });
    return { ok: false, code, message };
  };

  /** One connection: status first (where readable), then the bytes if any. Runs inside the queue. */
  const job = async (bytes: Buffer | undefined, ticketNumber: number): Promise<PrintOutcome> => {
    if (!target) return fail('not-configured', 'no printer configured');
    let conn;
    try {
      conn = await transportFor(target).open();
    } catch (e) {
      const io = e instanceof PrinterIoError ? e : new PrinterIoError('unreachable', String(e));
      return fail(io.code === 'timeout' ? 'timeout' : 'unreachable', io.message, {
        reachable: false,
        condition: 'unknown',
      });
    }
    try {
      const condition = await conn.status();
      publish({ ...current, reachable: true, condition });
      if (condition !== 'unknown' && !canPrint(condition)) {
        const f = failureFrom(condition);
        return fail(f.code, f.message);
      }
      if (bytes) {
        await conn.write(bytes);
        publish({ ...current, lastPrintedAt: options.clock.nowIso() });
      }
      return { ok: true, ticketNumber };
    } catch (e) {
      const io = e instanceof PrinterIoError ? e : new PrinterIoError('io', String(e));
      const code: PrintFailure = io.code === 'timeout' ? 'timeout' : io.code === 'bad-status' ? 'error' : 'unreachable';
      return fail(code, io.message, { condition: 'unknown' });
    } finally {
      await conn.close().catch(() => undefined);
    }
  };

  const enqueue = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    async print(ticket) {
      let bytes: Buffer;
      try {
        bytes = encodeTicket(ticket, options.layout);
      } catch (e) {
        return fail('error', e instanceof Error ? e.message : String(e));
      }
      const r = await enqueue(() => job(bytes, ticket.ticketNumber));
      if (r.ok) log.info('ticket printed', { ticketNumber: ticket.ticketNumber });
      return r;
    },
    async checkStatus() {
      if (target) await enqueue(() => job(undefined, -1));
      return current;
    },
    state: () => current,
    setTarget(next) {
      target = next;
      publish({
        configured: next !== undefined,
        condition: 'unknown',
        reachable: 'unknown',
        ...(next ? { target: describeTarget(next) } : {}),
      });
    },
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
