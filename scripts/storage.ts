/**
 * `npm run storage -- <command>`: backup, list, verify-backup, restore, start-empty, verify-audit.
 * See electron/core/storage/cli.ts for the commands and options.
 */
import { defaultDataDir } from '../electron/core/index';
import { runStorageCommand } from '../electron/core/storage/cli';

const code = await runStorageCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  // Backup and restore names carry the real time (KIOSK_NOW fixes only the clinic clock of a running kiosk).
  nowIso: () => new Date().toISOString(),
  env: process.env,
  defaultDataDir,
});
process.exit(code);
