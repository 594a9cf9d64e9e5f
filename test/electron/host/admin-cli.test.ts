import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClock, isClockError } from '../../../electron/core/clock';
import { openDatabase } from '../../../electron/core/store/index';
import { createStaffAccounts } from '../../../electron/core/staff-accounts/service';
import { tempDir } from '../../helpers/temp';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const cli = (dataDir: string, args: string[], input = '') =>
  spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'electron/host/admin-cli.ts'), ...args],
    {
      env: { ...process.env, KIOSK_DATA_DIR: dataDir },
      input,
      encoding: 'utf8',
    },
  );

describe('npm run admin', () => {
  // Seven CLI runs, each a fresh tsx process that compiles the CLI: seconds each on a busy 2-core machine.
  it(
    'creates the first admin and staff on the data folder; the host then signs them in',
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDir('kiosk-cli-');
      expect(cli(dataDir, ['create-admin', '--name', 'Sato Hanako'], 'correct horse\n').status).toBe(0);
      expect(cli(dataDir, ['create-staff', '--name', 'Tanaka'], '482913\n').status).toBe(0);
      const weak = cli(dataDir, ['create-staff', '--name', 'Weak'], '1234\n');
      expect(weak.status).toBe(1);
      expect(weak.stderr).toContain('at least 6 digits');
      expect(cli(dataDir, ['disable', '--name', 'Sato Hanako']).stderr).toContain('last enabled admin');
      const list = cli(dataDir, ['list']);
      expect(list.stdout).toMatch(/admin\s+enabled\s+Sato Hanako/);
      expect(list.stdout).toMatch(/staff\s+enabled\s+Tanaka/);
      expect(cli(dataDir, ['bogus']).status).toBe(2);

      const clock = createClock({});
      if (isClockError(clock)) throw new Error('clock');
      const db = openDatabase(dataDir);
      const accounts = createStaffAccounts({ db, clock });
      expect(await accounts.signIn({ name: 'sato hanako', secret: 'correct horse', client: 't' })).toMatchObject({
        ok: true,
        value: { account: { role: 'admin' } },
      });
      expect(JSON.stringify(db.prepare('SELECT * FROM audit').all())).toContain('"actor":"cli"');
      db.close();
    },
  );
});
