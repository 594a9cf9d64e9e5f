// `npm run serve:supervised`: runs the browser host (dist/host/main.js) and starts it again whenever it
// ends other than by our own stop — a crash, an out-of-memory kill, a `kill -9`. Back-off doubles from 1 s
// to 30 s while it keeps failing fast, and resets after a minute of uptime. SIGINT/SIGTERM stop both.
// On Linux the shipped systemd unit (resources/systemd/clinic-kiosk-host.service) does the same job; this
// loop is for machines without systemd and for the supervision test.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = process.env.KIOSK_HOST_ENTRY ?? path.join(root, 'dist', 'host', 'main.js');
let stopping = false;
let child;
let delay = 1000;

function run() {
  const started = performance.now();
  child = spawn(process.execPath, [entry], { stdio: 'inherit', env: process.env });
  console.log(`[supervisor] host pid ${child.pid}`);
  child.on('exit', (code, signal) => {
    if (stopping) return process.exit(0);
    if (performance.now() - started > 60_000) delay = 1000;
    console.log(`[supervisor] host ended (${signal ?? `exit ${code}`}); starting it again in ${delay} ms`);
    setTimeout(run, delay);
    delay = Math.min(30_000, delay * 2);
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    else process.exit(0);
  });
}
run();
