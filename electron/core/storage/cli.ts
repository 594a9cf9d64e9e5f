/**
 * `npm run storage -- <command>`: the admin's storage tools, for when the kiosk will not start or to check it.
 *
 *   backup [--to DIR]            online backup of the database now (works while the kiosk runs)
 *   list                         backups in the backup folder, newest first, with their check
 *   verify-backup (FILE|--latest)
 *   restore (FILE|--latest)      put a verified backup in place (stop the kiosk first); the old file is moved aside
 *   start-empty                  move the database aside and let the kiosk start an empty one
 *   verify-audit                 walk the audit chain: "intact" or the first broken entry
 *
 * Options: --data-dir DIR (default KIOSK_DATA_DIR, else the platform's app-data folder), --backup-dir DIR.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../audit/chain';
import { backupNow, listBackups, restoreBackup, verifyBackup } from './backup';
import { DB_FILE, defaultBackupDir, startEmpty } from './data-file';

export interface CliIo {
  out: (line: string) => void;
  nowIso: () => string;
  env: Record<string, string | undefined>;
  defaultDataDir: () => string;
}

const USAGE =
  'usage: storage <backup [--to DIR] | list | verify-backup FILE|--latest | restore FILE|--latest | start-empty | verify-audit> [--data-dir DIR] [--backup-dir DIR]';

function parseArgs(argv: string[]): { command?: string; target?: string; flags: Map<string, string | true> } {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--latest') flags.set('latest', true);
    else if (a === '--to' || a === '--data-dir' || a === '--backup-dir') {
      const v = argv[i + 1];
      if (v === undefined) return { flags: new Map([['error', `${a} needs a folder`]]) };
      flags.set(a.slice(2), v);
      i += 1;
    } else rest.push(a);
  }
  return { command: rest[0], target: rest[1], flags };
}

/** Runs one command; returns the process exit code (0 ok, 1 a problem found, 2 usage). */
export async function runStorageCommand(argv: string[], io: CliIo): Promise<number> {
  const { command, target, flags } = parseArgs(argv);
  if (flags.has('error') || !command) {
    io.out(String(flags.get('error') ?? USAGE));
    return 2;
  }
  const dataDir = path.resolve(String(flags.get('data-dir') ?? io.env.KIOSK_DATA_DIR ?? io.defaultDataDir()));
  const backupDir = path.resolve(String(flags.get('backup-dir') ?? defaultBackupDir(dataDir)));
  const dbFile = path.join(dataDir, DB_FILE);
  const pick = (): string | undefined =>
    flags.has('latest') ? listBackups(backupDir).find((b) => verifyBackup(b).ok) : target && path.resolve(target);

  switch (command) {
    case 'backup': {
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        const info = await backupNow(db, path.resolve(String(flags.get('to') ?? backupDir)), io.nowIso());
        io.out(
          `backup written and verified: ${info.file} (${info.bytes} bytes, ${info.counts.sessions} sessions, ${info.counts.transitions} transitions, ${info.counts.audit} audit entries)`,
        );
        return 0;
      } finally {
        db.close();
      }
    }
    case 'list': {
      const all = listBackups(backupDir);
      if (!all.length) io.out(`no backups in ${backupDir}`);
      for (const b of all) {
        const c = verifyBackup(b);
        io.out(
          c.ok
            ? `${b}  ok  sessions=${c.counts.sessions} transitions=${c.counts.transitions} audit=${c.audit.intact ? 'intact' : 'broken'}`
            : `${b}  NOT USABLE: ${c.problem}`,
        );
      }
      return 0;
    }
    case 'verify-backup': {
      const file = pick();
      if (!file) {
        io.out(flags.has('latest') ? `no verified backup in ${backupDir}` : USAGE);
        return flags.has('latest') ? 1 : 2;
      }
      const c = verifyBackup(file);
      if (!c.ok) {
        io.out(`${file}: NOT USABLE: ${c.problem}`);
        return 1;
      }
      io.out(
        `${file}: ok (integrity_check ok; ${c.counts.sessions} sessions, ${c.counts.transitions} transitions; audit ${c.audit.intact ? 'intact' : `broken at entry ${c.audit.brokenAt}`})`,
      );
      return c.audit.intact ? 0 : 1;
    }
    case 'restore': {
      const file = pick();
      if (!file) {
        io.out(flags.has('latest') ? `no verified backup in ${backupDir}` : USAGE);
        return flags.has('latest') ? 1 : 2;
      }
      try {
        const r = restoreBackup(file, dbFile, io.nowIso());
        io.out(
          `restored ${r.restored} into ${r.into}${r.movedAside ? `; the previous file was moved to ${r.movedAside}` : ''}`,
        );
        io.out(`(${r.counts.sessions} sessions, ${r.counts.transitions} transitions). Start the kiosk again.`);
        return 0;
      } catch (e) {
        io.out(e instanceof Error ? e.message : String(e));
        return 1;
      }
    }
    case 'start-empty': {
      const moved = startEmpty(dataDir, io.nowIso());
      io.out(
        `${moved ? `moved ${dbFile} to ${moved}; ` : ''}the kiosk will start an empty database (today's 受付番号 continue after the last one issued)`,
      );
      return 0;
    }
    case 'verify-audit': {
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        const v = verifyAuditChain(db);
        io.out(
          v.intact
            ? `audit intact: ${v.entries} entries, head ${v.head}`
            : `audit BROKEN at entry ${v.brokenAt}: ${v.message}`,
        );
        return v.intact ? 0 : 1;
      } finally {
        db.close();
      }
    }
  }
  io.out(USAGE);
  return 2;
}
