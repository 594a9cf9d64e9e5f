import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFolderPoller, type FolderPoller, type StableFile } from '../../../electron/terminal/folder-poller';
import { tempDir } from '../../helpers/temp';

const pollers: FolderPoller[] = [];
afterEach(async () => {
  while (pollers.length) await pollers.pop()!.stop();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const XML = /^f.*\.xml$/;

function start(dir: string, over: Partial<Parameters<typeof createFolderPoller>[0]> = {}) {
  const got: StableFile[] = [];
  const folderErrors: string[] = [];
  const fileErrors: string[] = [];
  let recovered = 0;
  const p = createFolderPoller({
    dir,
    match: (n) => XML.test(n),
    onFile: (f) => {
      got.push(f);
      return 'done';
    },
    onFolderError: (e) => folderErrors.push(e.code),
    onFolderRecovered: () => (recovered += 1),
    onFileError: (_n, e) => fileErrors.push(e.code),
    intervalMs: 10,
    idleIntervalMs: 10,
    stabilityMs: 15,
    emptyGraceMs: 150,
    watch: false,
    ...over,
  });
  p.start();
  pollers.push(p);
  return { p, got, folderErrors, fileErrors, recovered: () => recovered };
}

describe('folder poller', () => {
  it('hands over a new file once, after two identical reads, with its content and hash', async () => {
    const dir = tempDir();
    const { got } = start(dir);
    fs.writeFileSync(path.join(dir, 'f1.xml'), '<a>1</a>');
    fs.writeFileSync(path.join(dir, 'other.txt'), 'ignored');
    fs.writeFileSync(path.join(dir, '.f2.xml.tmp'), 'a temp file never matches');
    await expect.poll(() => got.length).toBe(1);
    await sleep(100);
    expect(got).toHaveLength(1);
    expect(Buffer.from(got[0]!.bytes).toString()).toBe('<a>1</a>');
    expect(got[0]).toMatchObject({ name: 'f1.xml', size: 8, tooLarge: false });
    expect(got[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(got[0]!.stableAtMs).toBeGreaterThanOrEqual(got[0]!.firstSeenMs);
  });

  it('waits while a file is written in chunks and hands over only the complete content', async () => {
    const dir = tempDir();
    const { got } = start(dir);
    const file = path.join(dir, 'f-chunked.xml');
    const fd = fs.openSync(file, 'w');
    const parts = ['<XmlMsg>', '<MessageHeader>', '</MessageHeader>', '</XmlMsg>'];
    for (const part of parts) {
      fs.writeSync(fd, part);
      await sleep(8); // less than the stability gap: a changing file is never stable
    }
    fs.closeSync(fd);
    await expect.poll(() => got.length).toBe(1);
    expect(Buffer.from(got[0]!.bytes).toString()).toBe(parts.join(''));
  });

  it('holds a zero-byte file until it gets content, or hands it over after the grace period', async () => {
    const dir = tempDir();
    const { got } = start(dir);
    fs.writeFileSync(path.join(dir, 'f-empty.xml'), '');
    fs.writeFileSync(path.join(dir, 'f-filled.xml'), '');
    await sleep(60);
    fs.writeFileSync(path.join(dir, 'f-filled.xml'), '<x/>');
    await expect.poll(() => got.map((f) => f.name).sort()).toEqual(['f-empty.xml', 'f-filled.xml']);
    const empty = got.find((f) => f.name === 'f-empty.xml')!;
    expect(empty.size).toBe(0);
    expect(empty.stableAtMs - empty.firstSeenMs).toBeGreaterThanOrEqual(140);
    expect(Buffer.from(got.find((f) => f.name === 'f-filled.xml')!.bytes).toString()).toBe('<x/>');
  });

  it('drops a file that vanishes between reads without an error', async () => {
    const dir = tempDir();
    const { got, fileErrors } = start(dir, { stabilityMs: 80 });
    const file = path.join(dir, 'f-gone.xml');
    fs.writeFileSync(file, '<x/>');
    await sleep(30);
    fs.unlinkSync(file);
    await sleep(150);
    expect(got).toEqual([]);
    expect(fileErrors).toEqual([]);
  });

  it('skips names the consumer already knows (persisted across restarts) and retries on request', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'f-old.xml'), '<x/>');
    fs.writeFileSync(path.join(dir, 'f-retry.xml'), '<y/>');
    let calls = 0;
    const got: string[] = [];
    const p = createFolderPoller({
      dir,
      match: (n) => XML.test(n),
      isKnown: (n) => n === 'f-old.xml',
      onFile: (f) => {
        got.push(f.name);
        if (f.name === 'f-retry.xml') calls += 1;
        return f.name === 'f-retry.xml' && calls < 3 ? 'retry' : 'done';
      },
      intervalMs: 10,
      stabilityMs: 10,
      watch: false,
    });
    pollers.push(p);
    p.start();
    await expect.poll(() => calls, { timeout: 3000 }).toBe(3);
    await sleep(150);
    expect(calls).toBe(3);
    expect(got).not.toContain('f-old.xml');
  });

  it('reports a missing folder, keeps polling, and recovers when it comes back', async () => {
    const root = tempDir();
    const dir = path.join(root, 'face');
    const { got, folderErrors, recovered } = start(dir);
    await expect.poll(() => folderErrors).toEqual(['ENOENT']);
    await sleep(50);
    expect(folderErrors).toEqual(['ENOENT']); // reported when it starts, not on every poll
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'f-back.xml'), '<x/>');
    await expect.poll(() => got.map((f) => f.name)).toEqual(['f-back.xml']);
    expect(recovered()).toBe(1);
  });

  it('skips and reports (once) a folder named like a file, does not crash, and goes on with the others', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'f-dir.xml')); // matches the pattern but is not a file
    const skipped: string[] = [];
    const { got, fileErrors } = start(dir, { onSkipped: (e) => skipped.push(`${e.name}:${e.kind}`) });
    fs.writeFileSync(path.join(dir, 'f-ok.xml'), '<x/>');
    await expect.poll(() => got.map((f) => f.name)).toEqual(['f-ok.xml']);
    expect(skipped).toEqual(['f-dir.xml:directory']);
    expect(fileErrors).toEqual([]);
  });

  it('flags a file above the size cap without reading it', async () => {
    const dir = tempDir();
    const { got } = start(dir, { maxBytes: 100 });
    fs.writeFileSync(path.join(dir, 'f-big.xml'), 'x'.repeat(500));
    await expect.poll(() => got.length).toBe(1);
    expect(got[0]).toMatchObject({ tooLarge: true, size: 500 });
    expect(got[0]!.bytes.length).toBe(0);
  });

  it('a consumer that throws does not stop the loop; the file is offered again', async () => {
    const dir = tempDir();
    let n = 0;
    const p = createFolderPoller({
      dir,
      match: (x) => XML.test(x),
      onFile: () => {
        n += 1;
        if (n === 1) throw new Error('boom');
        return 'done';
      },
      intervalMs: 10,
      idleIntervalMs: 20,
      stabilityMs: 10,
      watch: false,
    });
    pollers.push(p);
    p.start();
    fs.writeFileSync(path.join(dir, 'f.xml'), '<x/>');
    await expect.poll(() => n, { timeout: 3000 }).toBe(2);
  });

  it('never changes the folder it polls', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'f1.xml'), '<a/>');
    fs.writeFileSync(path.join(dir, 'f2.xml'), '');
    const before = fs.readdirSync(dir).map((n) => [n, fs.statSync(path.join(dir, n)).mtimeMs]);
    const { got } = start(dir);
    await expect.poll(() => got.length).toBe(2);
    expect(fs.readdirSync(dir).map((n) => [n, fs.statSync(path.join(dir, n)).mtimeMs])).toEqual(before);
  });

  it('with the watch hint, a new file is picked up well before the idle interval', async () => {
    const dir = tempDir();
    const { got } = start(dir, { watch: true, intervalMs: 5000, idleIntervalMs: 5000, active: () => false });
    await sleep(30);
    const t0 = Date.now();
    fs.writeFileSync(path.join(dir, 'f-hint.xml'), '<x/>');
    await expect.poll(() => got.length, { timeout: 3000 }).toBe(1);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
