import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../electron/core/logger';
import { mountSmallDisk } from '../../../helpers/faults';
import { tempDir } from '../../../helpers/temp';

const lines = (file: string) =>
  fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .flatMap((l) => {
          try {
            return [JSON.parse(l) as Record<string, unknown>];
          } catch {
            return []; // a line torn by the full disk
          }
        })
    : [];
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

describe('logger recovers by itself after a failed write', () => {
  it('a log folder that cannot be created (a file in its place): lines are counted, then written once it can', () => {
    const root = tempDir();
    const dir = path.join(root, 'logs');
    fs.writeFileSync(dir, 'not a folder');
    let t = 0;
    const log = createLogger({ dir, console: false, now: () => t, retryMs: 1000 });
    log.info('while broken 1');
    log.info('while broken 2');
    fs.rmSync(dir);
    t = 500; // too early to retry
    log.info('still waiting');
    expect(fs.existsSync(dir)).toBe(false);
    t = 1500;
    log.info('after recovery');
    return until(() => lines(path.join(dir, 'kiosk.log')).length === 2).then(() => {
      const got = lines(path.join(dir, 'kiosk.log'));
      expect(got[0]).toMatchObject({ scope: 'logger', lost: 3, cause: 'EEXIST' });
      expect(got[1]).toMatchObject({ msg: 'after recovery' });
    });
  });

  it('a full disk mid-run (real tmpfs when it can be mounted, else a vanished log folder): logging resumes after space is freed', async () => {
    const disk = mountSmallDisk(1024);
    const root = disk?.dir ?? tempDir();
    const dir = path.join(root, 'logs');
    let t = 0;
    // Fallback without a mountable disk: a file blocks the log folder from the start (an open stream on a
    // normal disk cannot be made to fail from outside the process).
    if (!disk) fs.writeFileSync(dir, 'blocked');
    const log = createLogger({ dir, console: false, now: () => t, retryMs: 1000 });
    const file = path.join(dir, 'kiosk.log');
    try {
      log.info('before');
      if (disk) await until(() => lines(file).length === 1);
      if (disk) {
        disk.fill();
        // The stream fails asynchronously (ENOSPC): keep writing until it has noticed.
        for (let i = 0; i < 50; i++) {
          log.info('while full', { pad: 'x'.repeat(4096) });
          await new Promise((r) => setTimeout(r, 5));
        }
        disk.free();
      } else {
        t += 1000;
        log.info('cannot re-open');
        fs.rmSync(dir);
      }
      t += 5000;
      log.info('after');
      await until(() => lines(file).some((l) => l.msg === 'after'));
      const got = lines(file);
      if (disk) expect(got.some((l) => l.scope === 'logger' && Number(l.lost) > 0 && l.cause === 'ENOSPC')).toBe(true);
      expect(got.at(-1)).toMatchObject({ msg: 'after' });
    } finally {
      disk?.release();
    }
  });
});
