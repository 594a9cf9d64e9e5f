/**
 * Reading one entry of a watched folder so that nothing placed in the folder can stall or mislead the
 * reader:
 * - only a bare name inside the folder (no separators, no '.'/'..');
 * - `lstat` first: a symbolic link (to /etc/shadow, or to a real result file elsewhere), a FIFO, a socket, a
 *   device or a directory is never opened — opening a FIFO for reading blocks a libuv worker until a writer
 *   comes, which is how one FIFO stopped every card read;
 * - a regular file with more than one hard link is not read either (a hard link is another way to make a
 *   file from elsewhere appear inside the folder; the terminal writes new files, which have one link);
 * - `open` with O_NOFOLLOW | O_NONBLOCK where the platform has them, so an entry swapped for a link or a FIFO
 *   between lstat and open fails or returns at once instead of being followed or blocking;
 * - `fstat` after open must show the same regular file (device and inode) as the lstat;
 * - the size is checked before reading, and never more than that size is read.
 *
 * Errors are values. Plain Node, no Electron.
 */
import fs from 'node:fs';
import path from 'node:path';

/** What a folder entry is, when it is not something to read. */
export type SkippedKind = 'symlink' | 'fifo' | 'socket' | 'device' | 'directory' | 'hardlink' | 'other';

export type SafeReadResult =
  | { kind: 'file'; bytes: Uint8Array; size: number; mtimeMs: number; tooLarge: boolean }
  /** Not a regular file of its own: never opened (or closed at once), never read. */
  | { kind: 'skipped'; as: SkippedKind; detail: string }
  /** Vanished (ENOENT), or replaced between lstat and open: look again on the next pass. */
  | { kind: 'gone' }
  | { kind: 'error'; code: string; message: string };

const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
/** Flags for opening a folder entry: read-only, never follow a final symlink, never block on a FIFO. */
export const SAFE_OPEN_FLAGS = fs.constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK;

const errInfo = (e: unknown): { code: string; message: string } => ({
  code: (e as NodeJS.ErrnoException)?.code ?? 'EUNKNOWN',
  message: e instanceof Error ? e.message : String(e),
});

/** The kind of a non-regular entry from stat-like information; undefined for a regular file. */
export function kindOf(
  st: Pick<
    fs.Stats,
    'isFile' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice' | 'isDirectory'
  >,
): SkippedKind | undefined {
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isFile()) return undefined;
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isBlockDevice() || st.isCharacterDevice()) return 'device';
  if (st.isDirectory()) return 'directory';
  return 'other';
}

/**
 * The kind a directory listing already tells (no extra system call): a non-regular kind, 'file', or
 * 'unknown' (file systems that do not report types; the lstat in `safeReadFile` then decides).
 */
export function direntKind(entry: fs.Dirent): SkippedKind | 'file' | 'unknown' {
  if (entry.isFile()) return 'file';
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFIFO()) return 'fifo';
  if (entry.isSocket()) return 'socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'device';
  if (entry.isDirectory()) return 'directory';
  return 'unknown';
}

/** Whether `name` is a plain entry name (no path separators, not '.' or '..', no NUL). */
export function isBareName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[\\/\0]/.test(name);
}

export interface SafeReadOptions {
  /** Files above this size are not read: `tooLarge` with empty bytes. */
  maxBytes: number;
  /** Refuse regular files with more than one hard link (default true). */
  refuseHardLinks?: boolean;
}

/** Reads `dir/name` if, and only if, it is a regular file of its own inside `dir`. Never throws. */
export async function safeReadFile(dir: string, name: string, options: SafeReadOptions): Promise<SafeReadResult> {
  if (!isBareName(name)) return { kind: 'skipped', as: 'other', detail: 'not a plain file name' };
  const full = path.join(dir, name);
  let before: fs.Stats;
  try {
    before = await fs.promises.lstat(full);
  } catch (e) {
    const info = errInfo(e);
    return info.code === 'ENOENT' ? { kind: 'gone' } : { kind: 'error', ...info };
  }
  const kind = kindOf(before);
  if (kind) return { kind: 'skipped', as: kind, detail: describe(kind) };
  if (options.refuseHardLinks !== false && before.nlink > 1) {
    return {
      kind: 'skipped',
      as: 'hardlink',
      detail: `a regular file with ${before.nlink} hard links (may be a file from elsewhere)`,
    };
  }

  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(full, SAFE_OPEN_FLAGS);
  } catch (e) {
    const info = errInfo(e);
    if (info.code === 'ENOENT') return { kind: 'gone' };
    // O_NOFOLLOW on a link swapped in after the lstat.
    if (info.code === 'ELOOP' || info.code === 'EMLINK')
      return { kind: 'skipped', as: 'symlink', detail: describe('symlink') };
    // ENXIO: a FIFO without writer opened O_NONBLOCK for writing, or a socket — not something to read.
    if (info.code === 'ENXIO') return { kind: 'skipped', as: 'other', detail: 'cannot be opened as a file (ENXIO)' };
    return { kind: 'error', ...info };
  }
  try {
    const st = await fh.stat();
    const now = kindOf(st);
    if (now) return { kind: 'skipped', as: now, detail: describe(now) };
    // Replaced between lstat and open: not what was checked. Look again next time.
    if (st.ino !== before.ino || st.dev !== before.dev) return { kind: 'gone' };
    if (st.size > options.maxBytes)
      return { kind: 'file', bytes: new Uint8Array(0), size: st.size, mtimeMs: st.mtimeMs, tooLarge: true };
    const bytes = new Uint8Array(st.size);
    let off = 0;
    while (off < st.size) {
      const { bytesRead } = await fh.read(bytes, off, st.size - off, off);
      if (bytesRead === 0) break; // truncated while we read: the hash differs next time
      off += bytesRead;
    }
    return {
      kind: 'file',
      bytes: off === st.size ? bytes : bytes.subarray(0, off),
      size: st.size,
      mtimeMs: st.mtimeMs,
      tooLarge: false,
    };
  } catch (e) {
    const info = errInfo(e);
    return info.code === 'ENOENT' ? { kind: 'gone' } : { kind: 'error', ...info };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

function describe(kind: SkippedKind): string {
  switch (kind) {
    case 'symlink':
      return 'a symbolic link (never followed)';
    case 'fifo':
      return 'a FIFO (named pipe), not a file';
    case 'socket':
      return 'a socket, not a file';
    case 'device':
      return 'a device, not a file';
    case 'directory':
      return 'a folder, not a file';
    case 'hardlink':
      return 'a regular file with several hard links';
    case 'other':
      return 'not a regular file';
  }
}
