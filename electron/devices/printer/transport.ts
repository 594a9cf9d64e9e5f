/**
 * The device boundary of the ticket printer: open a connection, write bytes, ask for status. Raw TCP
 * (port 9100 printers answer DLE EOT on the same socket) and a device path (e.g. /dev/usb/lp0, written to;
 * status is not read back there, so it is reported as unknown rather than guessed).
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import { statusRequest } from './escpos';
import { parseRealtimeStatus, type PrinterCondition } from './status';
import type { PrinterTarget } from './target';

export class PrinterIoError extends Error {
  constructor(
    readonly code: 'unreachable' | 'timeout' | 'io' | 'bad-status',
    message: string,
  ) {
    super(message);
  }
}

export interface PrinterConnection {
  /** Real-time status (DLE EOT 1, 2, 4), or 'unknown' where the transport cannot read it. */
  status(): Promise<PrinterCondition | 'unknown'>;
  write(bytes: Buffer): Promise<void>;
  close(): Promise<void>;
}

export interface PrinterTransport {
  open(): Promise<PrinterConnection>;
}

export interface TransportOptions {
  /** Per step (connect, each status byte, each write). */
  timeoutMs: number;
}

export function createTransport(target: PrinterTarget, options: TransportOptions): PrinterTransport {
  return target.kind === 'tcp'
    ? tcpTransport(target.host, target.port, options)
    : deviceTransport(target.path, options);
}

function tcpTransport(host: string, port: number, { timeoutMs }: TransportOptions): PrinterTransport {
  return {
    open: () =>
      new Promise<PrinterConnection>((resolve, reject) => {
        const socket = net.connect({ host, port });
        const inbox: number[] = [];
        let waiter: (() => void) | undefined;
        let failure: PrinterIoError | undefined;
        const timer = setTimeout(() => {
          socket.destroy();
          reject(new PrinterIoError('timeout', `connect to ${host}:${port} timed out`));
        }, timeoutMs);
        socket.on('data', (chunk: Buffer) => {
          // A printer only ever sends a few status bytes; anything more is dropped, not buffered forever.
          for (const b of chunk) if (inbox.length < 64) inbox.push(b);
          waiter?.();
        });
        socket.on('error', (e) => {
          failure = new PrinterIoError('unreachable', `${host}:${port}: ${e.message}`);
          clearTimeout(timer);
          reject(failure);
          waiter?.();
        });
        socket.on('close', () => {
          failure ??= new PrinterIoError('io', 'printer closed the connection');
          waiter?.();
        });
        const readByte = () =>
          new Promise<number>((res, rej) => {
            const t = setTimeout(() => {
              waiter = undefined;
              rej(new PrinterIoError('timeout', 'no status answer'));
            }, timeoutMs);
            const check = () => {
              if (inbox.length > 0) {
                clearTimeout(t);
                waiter = undefined;
                res(inbox.shift()!);
              } else if (failure) {
                clearTimeout(t);
                waiter = undefined;
                rej(failure);
              }
            };
            waiter = check;
            check();
          });
        socket.once('connect', () => {
          clearTimeout(timer);
          resolve({
            async status() {
              inbox.length = 0;
              const answers: number[] = [];
              for (const n of [1, 2, 4] as const) {
                socket.write(statusRequest(n));
                answers.push(await readByte());
              }
              const parsed = parseRealtimeStatus([answers[0]!, answers[1]!, answers[2]!]);
              if (!parsed.ok) throw new PrinterIoError('bad-status', parsed.message);
              return parsed.value;
            },
            write: (bytes) =>
              new Promise<void>((res, rej) => {
                if (failure) return rej(failure);
                const t = setTimeout(() => rej(new PrinterIoError('timeout', 'write timed out')), timeoutMs);
                socket.write(bytes, (e) => {
                  clearTimeout(t);
                  if (e) rej(new PrinterIoError('io', e.message));
                  else res();
                });
              }),
            close: () =>
              new Promise<void>((res) => {
                if (socket.destroyed) return res();
                const t = setTimeout(() => {
                  socket.destroy();
                  res();
                }, timeoutMs);
                socket.end(() => {
                  clearTimeout(t);
                  res();
                });
              }),
          });
        });
      }),
  };
}

function deviceTransport(path: string, { timeoutMs }: TransportOptions): PrinterTransport {
  const withTimeout = <T>(p: Promise<T>, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => reject(new PrinterIoError('timeout', `${what} timed out`)), timeoutMs);
      p.then(
        (v) => (clearTimeout(t), resolve(v)),
        (e: unknown) => (
          clearTimeout(t),
          reject(new PrinterIoError('unreachable', `${path}: ${e instanceof Error ? e.message : String(e)}`))
        ),
      );
    });
  return {
    async open() {
      // 'a' (append, no truncate, no create of a missing device) — a typo'd path must fail, not make a file.
      await withTimeout(fs.access(path), 'open');
      const handle = await withTimeout(fs.open(path, 'a'), 'open');
      return {
        status: async () => 'unknown' as const,
        write: async (bytes) => {
          await withTimeout(handle.write(bytes), 'write');
        },
        close: () => handle.close().catch(() => undefined),
      };
    },
  };
}
