/**
 * Real storage faults for tests. As root with CAP_SYS_ADMIN (this machine) a small tmpfs is mounted so a
 * disk can really be filled; elsewhere `mountSmallDisk` returns undefined and callers use the documented
 * fallback (SQLite's max_page_count for SQLITE_FULL). Every mount is unmounted in `release()`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp';

export interface SmallDisk {
  dir: string;
  /** Fill the remaining space with a filler file (ENOSPC for everyone else). */
  fill(): void;
  /** Remove the filler: space is back. */
  free(): void;
  release(): void;
}

export function mountSmallDisk(sizeKb = 4096): SmallDisk | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = tempDir('kiosk-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const filler = path.join(dir, 'filler.bin');
  return {
    dir,
    fill() {
      const fd = fs.openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch {
        // ENOSPC: full. Top up the last few bytes one at a time.
        try {
          for (;;) fs.writeSync(fd, chunk.subarray(0, 512));
        } catch {
          /* full */
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    free() {
      fs.rmSync(filler, { force: true });
    },
    release() {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      } catch {
        /* already gone */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
