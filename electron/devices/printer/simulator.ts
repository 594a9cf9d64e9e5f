/**
 * A network ESC/POS printer played on 127.0.0.1: it records every byte it receives (per connection, as a
 * job), answers DLE EOT 1/2/3/4 from its current condition, sends ASB after GS a, and can be switched to
 * out of paper, cover open or offline. `npm start` may point the kiosk at it; tests read the jobs back.
 */
import net from 'node:net';
import { DLE, EOT, GS } from './escpos';
import { encodeRealtimeStatus, READY, type PrinterCondition } from './status';

export type SimulatedPrinterMode = 'ready' | 'out-of-paper' | 'cover-open' | 'offline' | 'paper-near-end';

export interface SimulatedPrinter {
  readonly port: number;
  readonly url: string;
  /** Completed connections' bytes, oldest first (status queries included, as a printer would see them). */
  jobs(): Buffer[];
  /** Resolves when `count` jobs have completed. */
  waitForJobs(count: number): Promise<Buffer[]>;
  setMode(mode: SimulatedPrinterMode): void;
  mode(): SimulatedPrinterMode;
  close(): Promise<void>;
}

const MAX_JOB_BYTES = 1 << 20;
const MAX_JOBS = 200;

export function conditionOf(mode: SimulatedPrinterMode): PrinterCondition {
  return {
    ...READY,
    offline: mode === 'offline',
    coverOpen: mode === 'cover-open',
    paperOut: mode === 'out-of-paper',
    paperNearEnd: mode === 'paper-near-end',
  };
}

function asbBytes(c: PrinterCondition): Buffer {
  const offline = c.offline || c.coverOpen || c.paperOut;
  return Buffer.from([
    0x10 | (offline ? 0x08 : 0) | (c.coverOpen ? 0x20 : 0),
    0x00,
    (c.paperNearEnd ? 0x03 : 0) | (c.paperOut ? 0x0c : 0),
    0x00,
  ]);
}

export async function startPrinterSimulator(
  options: { port?: number; host?: string; mode?: SimulatedPrinterMode } = {},
): Promise<SimulatedPrinter> {
  let mode: SimulatedPrinterMode = options.mode ?? 'ready';
  const done: Buffer[] = [];
  const waiters: { count: number; resolve: (jobs: Buffer[]) => void }[] = [];
  const asbSockets = new Set<net.Socket>();
  const sockets = new Set<net.Socket>();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    let size = 0;
    // The last two bytes of the previous chunk, so a DLE EOT n split across packets is still seen.
    let tail: number[] = [];
    socket.on('data', (chunk: Buffer) => {
      if (size + chunk.length <= MAX_JOB_BYTES) {
        chunks.push(chunk);
        size += chunk.length;
      }
      const scan = [...tail, ...chunk];
      for (let i = 0; i + 2 < scan.length; i++) {
        if (scan[i] === DLE && scan[i + 1] === EOT) {
          const n = scan[i + 2];
          if (n === 1 || n === 2 || n === 3 || n === 4)
            socket.write(Buffer.from([encodeRealtimeStatus(conditionOf(mode))[n]]));
        } else if (scan[i] === GS && scan[i + 1] === 0x61) {
          if ((scan[i + 2] ?? 0) !== 0) {
            asbSockets.add(socket);
            socket.write(asbBytes(conditionOf(mode)));
          } else asbSockets.delete(socket);
        }
      }
      tail = scan.slice(-2);
    });
    const finish = () => {
      if (!sockets.delete(socket)) return;
      asbSockets.delete(socket);
      done.push(Buffer.concat(chunks));
      if (done.length > MAX_JOBS) done.shift();
      for (const w of [...waiters]) {
        if (done.length >= w.count) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve([...done]);
        }
      }
    };
    socket.on('end', () => socket.end());
    socket.on('close', finish);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `tcp://127.0.0.1:${port}`,
    jobs: () => [...done],
    waitForJobs: (count) =>
      done.length >= count ? Promise.resolve([...done]) : new Promise((resolve) => waiters.push({ count, resolve })),
    setMode(next) {
      mode = next;
      for (const s of asbSockets) s.write(asbBytes(conditionOf(mode)));
    },
    mode: () => mode,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
