/**
 * Nothing placed in a watched folder can stall or mislead the folder poller (issue 9): symbolic links,
 * FIFOs, hard links, floods of junk, an unreadable folder, a read that never finishes. Real folders, real
 * FIFOs (mkfifo), real links.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFolderPoller,
  type FolderPoller,
  type SkippedEntry,
  type StableFile,
  type WatchdogHealth,
} from '../../../electron/terminal/folder-poller';
import { safeReadFile } from '../../../electron/terminal/safe-file';
import { createSeenNames } from '../../../electron/terminal/seen-names';
import { createWatchdog } from '../../../electron/terminal/watchdog';
import { tempDir } from '../../helpers/temp';

const pollers: FolderPoller[] = [];
afterEach(async () => {
  while (pollers.length) await pollers.pop()!.stop();
});
const XML = /^f.*\.xml$/;

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

function start(dir: string, over: Partial<Parameters<typeof createFolderPoller>[0]> = {}) {
  const got: StableFile[] = [];
  const skipped: SkippedEntry[] = [];
  const health: WatchdogHealth[] = [];
  const p = createFolderPoller({
    dir,
    match: (n) => XML.test(n),
    onFile: (f) => {
      got.push(f);
      return 'done';
    },
    onSkipped: (e) => skipped.push(e),
    onHealth: (h) => health.push(h),
    intervalMs: 10,
    idleIntervalMs: 10,
    stabilityMs: 15,
    watch: false,
    ...over,
  });
  p.start();
  pollers.push(p);
  return { p, got, skipped, health };
}

describe('safeReadFile', () => {
  it('reads a regular file; refuses links, FIFOs, folders and hard links without opening them', async () => {
    const dir = tempDir();
    const outside = tempDir('outside-');
    const secret = path.join(outside, 'shadow');
    fs.writeFileSync(secret, 'root:$6$secret');
    fs.writeFileSync(path.join(dir, 'plain.xml'), '<x/>');
    fs.symlinkSync(secret, path.join(dir, 'link.xml'));
    fs.symlinkSync(path.join(outside, 'missing'), path.join(dir, 'dangling.xml'));
    mkfifo(path.join(dir, 'fifo.xml'));
    fs.mkdirSync(path.join(dir, 'folder.xml'));
    fs.linkSync(secret, path.join(dir, 'hard.xml'));

    const read = (name: string) => safeReadFile(dir, name, { maxBytes: 1000 });
    expect(await read('plain.xml')).toMatchObject({ kind: 'file', size: 4, tooLarge: false });
    expect(await read('link.xml')).toMatchObject({ kind: 'skipped', as: 'symlink' });
    expect(await read('dangling.xml')).toMatchObject({ kind: 'skipped', as: 'symlink' });
    // A FIFO with no writer would block an ordinary open for ever; this returns at once.
    expect(await read('fifo.xml')).toMatchObject({ kind: 'skipped', as: 'fifo' });
    expect(await read('folder.xml')).toMatchObject({ kind: 'skipped', as: 'directory' });
    expect(await read('hard.xml')).toMatchObject({ kind: 'skipped', as: 'hardlink' });
    expect(await read('nothing.xml')).toEqual({ kind: 'gone' });
    expect(await read('../outside/shadow')).toMatchObject({ kind: 'skipped', as: 'other' });
    expect(await read('..')).toMatchObject({ kind: 'skipped', as: 'other' });
  });

  it('checks the size before reading and reads no more than it', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'big.xml'), 'x'.repeat(5000));
    expect(await safeReadFile(dir, 'big.xml', { maxBytes: 4096 })).toMatchObject({
      kind: 'file',
      size: 5000,
      tooLarge: true,
      bytes: new Uint8Array(0),
    });
  });
});

describe('folder poller: entries that are not regular files', () => {
  it('a symlink to a file outside the folder is never read; reported once', async () => {
    const dir = tempDir();
    const outside = tempDir('outside-');
    fs.writeFileSync(path.join(outside, 'shadow'), 'root:$6$secret-hash');
    fs.symlinkSync(path.join(outside, 'shadow'), path.join(dir, 'f-shadow.xml'));
    const { p, got, skipped } = start(dir);
    fs.writeFileSync(path.join(dir, 'f-real.xml'), '<real/>');
    await expect.poll(() => got.map((f) => f.name)).toEqual(['f-real.xml']);
    const passes = p.passes;
    await expect.poll(() => p.passes).toBeGreaterThan(passes + 5);
    expect(skipped).toEqual([{ name: 'f-shadow.xml', kind: 'symlink', detail: expect.any(String) }]);
    expect(got.some((f) => Buffer.from(f.bytes).toString().includes('secret'))).toBe(false);
  });

  it('a symlink to a valid result file elsewhere is never handed over', async () => {
    const dir = tempDir();
    const elsewhere = tempDir('elsewhere-');
    fs.writeFileSync(path.join(elsewhere, 'f-result.xml'), '<XmlMsg>a real result</XmlMsg>');
    fs.symlinkSync(path.join(elsewhere, 'f-result.xml'), path.join(dir, 'f-result.xml'));
    const { p, got, skipped } = start(dir);
    await expect.poll(() => skipped.length).toBe(1);
    const passes = p.passes;
    await expect.poll(() => p.passes).toBeGreaterThan(passes + 5);
    expect(got).toEqual([]);
    expect(skipped[0]).toMatchObject({ name: 'f-result.xml', kind: 'symlink' });
  });

  it('a FIFO named like a result file does not stop the other files; reported once; health stays ok', async () => {
    const dir = tempDir();
    mkfifo(path.join(dir, 'f-fifo.xml'));
    const { p, got, skipped } = start(dir, { stallMs: 500 });
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(dir, `f-${i}.xml`), `<x>${i}</x>`);
    await expect.poll(() => got.length).toBe(5);
    mkfifo(path.join(dir, 'f-fifo2.xml'));
    fs.writeFileSync(path.join(dir, 'f-after.xml'), '<after/>');
    await expect.poll(() => got.map((f) => f.name)).toContain('f-after.xml');
    expect(skipped.map((s) => `${s.name}:${s.kind}`).sort()).toEqual(['f-fifo.xml:fifo', 'f-fifo2.xml:fifo']);
    expect(p.health()).toEqual({ ok: true });
  });

  it('a FIFO later replaced by a real file of the same name is read', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'f-swap.xml');
    mkfifo(fifo);
    const { got, skipped } = start(dir);
    await expect.poll(() => skipped.length).toBe(1);
    fs.unlinkSync(fifo);
    fs.writeFileSync(fifo, '<now-a-file/>');
    await expect.poll(() => got.map((f) => f.name)).toEqual(['f-swap.xml']);
  });
});

describe('folder poller: floods and memory', () => {
  it('5,000 junk files: each handed over once, then forgotten when they leave; memory of names stays bounded', async () => {
    const dir = tempDir();
    const forgotten: string[] = [];
    const { p, got } = start(dir, { forgetAfterMs: 100, onForget: (n) => forgotten.push(n), idleIntervalMs: 20 });
    for (let i = 0; i < 5000; i++) fs.writeFileSync(path.join(dir, `f-junk-${i}.xml`), `junk ${i}`);
    await expect.poll(() => got.length, { timeout: 15_000 }).toBe(5000);
    expect(new Set(got.map((f) => f.name)).size).toBe(5000);
    expect(p.stats()).toEqual({ pending: 0, done: 5000, skipped: 0 });
    for (let i = 0; i < 5000; i++) fs.unlinkSync(path.join(dir, `f-junk-${i}.xml`));
    await expect.poll(() => p.stats().done, { timeout: 5000 }).toBe(0);
    expect(forgotten).toHaveLength(5000);
  });

  it('remembered names have a hard cap', () => {
    const names = createSeenNames({ forgetAfterMs: 60_000, maxNames: 100 });
    for (let i = 0; i < 1000; i++) names.add(`n${i}`, i);
    expect(names.size).toBe(100);
    expect(names.has('n999')).toBe(true);
    expect(names.has('n0')).toBe(false);
    // Present names survive sweeps; absent ones go after forgetAfterMs.
    expect(names.sweep(new Set(['n999']), 30_000)).toEqual([]);
    expect(names.sweep(new Set(['n999']), 61_000)).toHaveLength(99);
    expect(names.size).toBe(1);
  });
});

describe('watchdog', () => {
  it('an unlistable folder is a fault (unreadable), and ok again when it is back', async () => {
    const root = tempDir();
    const dir = path.join(root, 'face');
    fs.mkdirSync(dir);
    const { p, got, health } = start(dir);
    fs.writeFileSync(path.join(dir, 'f-1.xml'), '<a/>');
    await expect.poll(() => got.length).toBe(1);
    // Running as root here, so permissions cannot make it unreadable: replace the folder by a file (ENOTDIR),
    // then remove it (ENOENT) — what a share that went away looks like.
    fs.rmSync(dir, { recursive: true });
    fs.writeFileSync(dir, 'not a folder');
    await expect
      .poll(() => p.health())
      .toMatchObject({ ok: false, fault: 'unreadable', detail: expect.stringMatching(/ENOTDIR/) });
    fs.rmSync(dir);
    await expect
      .poll(() => p.health())
      .toMatchObject({ ok: false, fault: 'unreadable', detail: expect.stringMatching(/ENOENT/) });
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'f-2.xml'), '<b/>');
    await expect.poll(() => got.map((f) => f.name)).toEqual(['f-1.xml', 'f-2.xml']);
    expect(p.health()).toEqual({ ok: true });
    expect(health.map((h) => (h.ok ? 'ok' : h.fault))).toEqual(['unreadable', 'unreadable', 'ok']);
  });

  it('a consumer (or read) that never finishes is reported as stalled; the other files keep flowing', async () => {
    const dir = tempDir();
    let release: () => void = () => undefined;
    const got: string[] = [];
    const health: WatchdogHealth[] = [];
    const p = createFolderPoller({
      dir,
      match: (n) => XML.test(n),
      onFile: (f) => {
        if (f.name === 'f-hang.xml') return new Promise((resolve) => (release = () => resolve('done')));
        got.push(f.name);
        return 'done';
      },
      onHealth: (h) => health.push(h),
      intervalMs: 10,
      idleIntervalMs: 10,
      stabilityMs: 10,
      readBudgetMs: 50,
      stallMs: 300,
      watch: false,
    });
    pollers.push(p);
    p.start();
    fs.writeFileSync(path.join(dir, 'f-hang.xml'), '<hang/>');
    await expect
      .poll(() => p.health(), { timeout: 3000 })
      .toMatchObject({ ok: false, fault: 'stalled', detail: expect.stringMatching(/f-hang\.xml/) });
    fs.writeFileSync(path.join(dir, 'f-next.xml'), '<next/>');
    await expect.poll(() => got).toEqual(['f-next.xml']);
    release();
    await expect.poll(() => p.health()).toEqual({ ok: true });
    expect(health.map((h) => (h.ok ? 'ok' : h.fault))).toEqual(['stalled', 'ok']);
  });

  it('a polling pass that never ends, or no pass at all, is stalled (injected clock)', () => {
    let t = 0;
    const changes: WatchdogHealth[] = [];
    const w = createWatchdog({ label: 'face/', stallMs: 1000, now: () => t, onChange: (h) => changes.push(h) });
    w.passStarted();
    t = 999;
    expect(w.check()).toEqual({ ok: true });
    t = 1000;
    expect(w.check()).toMatchObject({
      ok: false,
      fault: 'stalled',
      detail: expect.stringMatching(/polling pass has not finished/),
    });
    w.passEnded();
    expect(w.health()).toEqual({ ok: true });
    t = 2500;
    expect(w.check()).toMatchObject({ ok: false, fault: 'stalled', detail: expect.stringMatching(/no polling pass/) });
    expect(changes.map((h) => h.ok)).toEqual([false, true, false]);
  });
});
