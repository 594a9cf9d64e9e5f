/**
 * `npm run bench:flood`: one client floods the browser host with 50,000 requests and never reads a byte of
 * the answers, while another client keeps asking for the status. Prints the host's peak memory (RSS, the
 * host alone, in its own process), when and how the flooder was dropped, and the other client's latency.
 * Targets (issue 8): RSS < 300 MB, other clients served. Two runs: the default limits (the request rate
 * closes the flooder) and with rate limits off (only the bound on unread output protects the host).
 * No assertions: it prints figures.
 */
import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

const N = Number(process.env.BENCH_FLOOD_N ?? 50_000);
const MB = 1024 * 1024;

/** A client-to-server (masked) text frame. */
function frame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = crypto.randomBytes(4);
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x81, 0x80 | len]) : Buffer.from([0x81, 0x80 | 126, len >> 8, len & 0xff]);
  const body = Buffer.alloc(len);
  for (let i = 0; i < len; i++) body[i] = payload[i]! ^ mask[i % 4]!;
  return Buffer.concat([head, mask, body]);
}

/** Open a WebSocket by hand, then stop reading and write N requests. Resolves when the host drops it. */
function flood(port: number): Promise<{ sentAt: number; droppedAt: number; how: string }> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let sentAt = 0;
    let handshake = '';
    const finish = (how: string) => resolve({ sentAt, droppedAt: performance.now(), how });
    s.on('error', (e) => finish(`socket error ${(e as NodeJS.ErrnoException).code ?? e.message}`));
    s.on('close', () => finish('closed by the host'));
    s.once('connect', () => {
      s.write(
        [
          'GET /api HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          `Origin: http://127.0.0.1:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Version: 13',
          `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
        ].join('\r\n') + '\r\n\r\n',
      );
    });
    const onData = (d: Buffer) => {
      handshake += d.toString('latin1');
      if (!handshake.includes('\r\n\r\n')) return;
      s.off('data', onData);
      s.pause(); // never read again: answers pile up in the kernel, then in the host
      const one = frame(JSON.stringify({ id: 1, name: 'status.get', input: {} }));
      const batch = Buffer.concat(Array.from({ length: 1000 }, () => one));
      for (let i = 0; i < N / 1000; i++) s.write(batch);
      sentAt = performance.now();
      // A paused socket does not notice the host's FIN; a write after the host dropped us fails (RST).
      const probe = setInterval(() => {
        if (s.destroyed) return clearInterval(probe);
        s.write(one);
      }, 100);
      s.on('close', () => clearInterval(probe));
    };
    s.on('data', onData);
  });
}

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

async function run(label: string, limits: Record<string, number>) {
  const child = fork(path.join(import.meta.dirname, 'flood-host.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_LIMITS: JSON.stringify(limits) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let peak = 0;
  let baseline = 0;
  const port = await new Promise<number>((resolve) =>
    child.on('message', (m: { port?: number; rss?: number }) => {
      if (m.port) resolve(m.port);
      if (m.rss) {
        peak = Math.max(peak, m.rss);
        baseline ||= m.rss;
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 300));
  baseline = peak;
  const other = new WebSocket(`ws://127.0.0.1:${port}/api`, { origin: `http://127.0.0.1:${port}` });
  const waiting = new Map<number, () => void>();
  other.on('message', (d) => {
    const m = JSON.parse(d.toString()) as { kind: string; id?: number };
    if (m.kind === 'response' && m.id !== undefined) waiting.get(m.id)?.();
  });
  await new Promise((r) => other.once('open', r));
  const latencies: number[] = [];
  let failures = 0;
  let stop = false;
  let id = 0;
  const ask = (n: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(n);
        resolve(false);
      }, 5000);
      waiting.set(n, () => {
        clearTimeout(timer);
        waiting.delete(n);
        resolve(true);
      });
      other.send(JSON.stringify({ id: n, name: 'status.get', input: {} }));
    });
  const prober = (async () => {
    while (!stop) {
      const t = performance.now();
      if (await ask(++id)) latencies.push(performance.now() - t);
      else failures++;
      await new Promise((r) => setTimeout(r, 50)); // a busy staff console, well within the request rate
    }
  })();
  const t0 = performance.now();
  const result = await flood(port);
  await new Promise((r) => setTimeout(r, 2000)); // the other client keeps going after the drop
  stop = true;
  await prober;
  other.close();
  child.disconnect();
  const sorted = latencies.sort((a, b) => a - b);
  console.log(`\n${label}`);
  console.log(
    `  flood: ${N} requests written in ${(result.sentAt - t0).toFixed(0)} ms, never read; ${result.how} after ${(result.droppedAt - t0).toFixed(0)} ms`,
  );
  console.log(
    `  host RSS: ${(baseline / MB).toFixed(1)} MB before, peak ${(peak / MB).toFixed(1)} MB during the flood (target < 300 MB)`,
  );
  console.log(
    `  other client: ${sorted.length} status requests answered, ${failures} unanswered within 5 s; latency p50 ${pct(sorted, 50).toFixed(1)} ms, p99 ${pct(sorted, 99).toFixed(1)} ms, max ${pct(sorted, 100).toFixed(1)} ms`,
  );
}

await run('default limits (20 requests/s, burst 60, 32 in flight, 1 MiB unread output)', {});
await run('rate limits off: only the 1 MiB bound on unread output protects the host', {
  requestsPerSecond: 1e9,
  burst: 1e9,
  maxPending: 1e9,
});
