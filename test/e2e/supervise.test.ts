/**
 * Supervision: the restart loop (scripts/supervise.mjs) brings the browser host back after it is killed
 * with SIGKILL, on the same data folder, serving again.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { ROOT } from './harness';

describe('supervised browser host', () => {
  const dataDir = tempDir('kiosk-supervise-');
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/supervise.mjs')], {
    env: { ...process.env, KIOSK_PORT: '0', KIOSK_DATA_DIR: dataDir, KIOSK_NOW: '2026-11-25T09:00:00+09:00' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d.toString()));
  child.stderr!.on('data', (d) => (out += d.toString()));
  afterAll(async () => {
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  });
  const hosts = () => [...out.matchAll(/browser host on (http:\/\/127\.0\.0\.1:\d+)/g)].map((m) => m[1]!);
  const pids = () => [...out.matchAll(/\[supervisor\] host pid (\d+)/g)].map((m) => Number(m[1]));

  it('restarts the host after kill -9 and it serves again', async () => {
    await expect.poll(() => hosts().length, { timeout: 60_000 }).toBe(1);
    expect((await fetch(hosts()[0]!)).status).toBe(200);
    process.kill(pids()[0]!, 'SIGKILL');
    await expect.poll(() => hosts().length, { timeout: 60_000 }).toBe(2);
    expect(out).toContain('host ended (SIGKILL)');
    expect(pids()[1]).not.toBe(pids()[0]);
    const res = await fetch(hosts()[1]! + '/staff');
    expect(res.status).toBe(200);
    // The first-run setup code is printed again (none was used), on the console only.
    expect(out.match(/one-time setup code {2}[2-9A-Z-]{14}/g)?.length).toBe(2);
  });
});
