/**
 * Terminal-folder faults as staff see them, through the whole core (createCore on KIOSK_ONSHI_DIR, the real
 * transport, the card-reads feature, the monitor and the request table): junk in face/ is ONE
 * 'reader.unmatched' push with a count (and one row in staff.unmatchedReads); an unreadable face/ folder
 * and a reader that makes no progress turn the online status every window sees into 'down' with the
 * reason, not "up".
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KioskStatus, UnmatchedRead } from '../../shared/api/index';
import type { Core } from '../../electron/core/index';
import { STAFF, makeCore, tempDir } from '../helpers/core';

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});

async function terminalCore(settings: Record<string, unknown> = {}) {
  const onshiDir = tempDir('onshi-core-');
  for (const sub of ['req', 'res', 'face']) fs.mkdirSync(path.join(onshiDir, sub), { recursive: true });
  const { core } = await makeCore({
    onshiDir,
    settings: {
      readerPollMs: 10,
      readerIdlePollMs: 20,
      readerStabilityMs: 10,
      readerSettleMs: 0,
      readerWatchHint: false,
      monitorProbeMs: 600_000,
      ...settings,
    },
  });
  cores.push(core);
  const reads: UnmatchedRead[] = [];
  const statuses: string[] = [];
  core.subscribe(STAFF, (event, payload) => {
    if (event === 'reader.unmatched') reads.push(payload as UnmatchedRead);
    if (event === 'status.changed') statuses.push((payload as { state: string }).state);
  });
  const status = async () => {
    const r = await core.handle(STAFF, 'status.get', {});
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return (r.value as KioskStatus).online;
  };
  return { core, face: path.join(onshiDir, 'face'), reads, statuses, status };
}

describe('terminal folder faults reach staff through the core', () => {
  it('junk in face/ (300 broken files, a symlink, a FIFO) is one staff alert with a count', async () => {
    const t = await terminalCore();
    const name = (i: number) => `OQSsiquc01res_face_1312345678J${String(i).padStart(4, '0')}_20261125090000.xml`;
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(t.face, name(i)), `<XmlMsg>${i}`);
    fs.symlinkSync('/etc/hostname', path.join(t.face, name(300)));
    execFileSync('mkfifo', [path.join(t.face, name(301))]);
    await expect.poll(() => t.reads.length, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 2500)); // longer than the burst's quiet time: nothing more comes
    expect(t.reads).toHaveLength(1);
    expect(t.reads[0]).toMatchObject({ reason: 'unreadable', errorCode: 'flood', count: 302, status: 'open' });
    expect(t.reads[0]!.detail).toMatch(/symlink ×1/);
    expect(t.reads[0]!.detail).toMatch(/fifo ×1/);
    const listed = await t.core.handle(STAFF, 'staff.unmatchedReads', {});
    expect(listed).toMatchObject({ ok: true, value: [{ errorCode: 'flood', count: 302 }] });
    expect((await t.status()).state).toBe('up');
  });

  it('an unreadable face/ folder: the online status is down and says why; back to normal when it returns', async () => {
    const t = await terminalCore();
    await expect.poll(async () => (await t.status()).state).toBe('up');
    fs.rmSync(t.face, { recursive: true });
    fs.writeFileSync(t.face, 'not a folder');
    await expect.poll(async () => (await t.status()).state, { timeout: 5000 }).toBe('down');
    expect((await t.status()).detail).toMatch(/face\//);
    expect(t.statuses).toContain('down');
    fs.rmSync(t.face);
    fs.mkdirSync(t.face);
    await t.core.internals.monitor.probeNow();
    await expect.poll(async () => (await t.status()).state, { timeout: 5000 }).not.toBe('down');
  });

  it('a face/ reader that stops making progress (watchdog) is a fault in the online status', async () => {
    const t = await terminalCore({ readerStallMs: 300 });
    await expect.poll(async () => (await t.status()).state).toBe('up');
    // A poll stuck on a hung share: listing face/ never returns (the other folders still work).
    const realReaddir = fs.promises.readdir;
    const spy = vi
      .spyOn(fs.promises, 'readdir')
      .mockImplementation(((dir: fs.PathLike, options?: never) =>
        String(dir).endsWith(`${path.sep}face`)
          ? new Promise(() => undefined)
          : realReaddir(dir, options)) as typeof fs.promises.readdir);
    try {
      await expect.poll(async () => (await t.status()).state, { timeout: 5000 }).toBe('down');
      expect((await t.status()).detail).toMatch(/face\/: a polling pass has not finished/);
      expect(t.statuses).toContain('down');
    } finally {
      spy.mockRestore();
    }
  });
});
