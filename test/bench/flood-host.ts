/**
 * The browser host for the flood benchmark, in its own process so that its memory is measured alone: a real
 * core and identity gate on a temp data folder, with the connection limits given in BENCH_LIMITS (JSON).
 * Reports `{ port }` once listening and `{ rss }` every 50 ms over the IPC channel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/index';
import { startHost } from '../../electron/host/server';

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-flood-'));
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  const core = await createCore({
    dataDir: path.join(root, 'data'),
    now: '2026-11-25T09:00:00+09:00',
    logToConsole: false,
  });
  const limits = process.env.BENCH_LIMITS ? (JSON.parse(process.env.BENCH_LIMITS) as Record<string, number>) : {};
  const host = await startHost({ core, rendererDir, port: 0, limits });
  process.send?.({ port: host.port });
  setInterval(() => process.send?.({ rss: process.memoryUsage().rss }), 50);
  process.on('disconnect', () => process.exit(0));
}
void main();
