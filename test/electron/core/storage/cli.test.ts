import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStorageCommand } from '../../../../electron/core/storage/cli';
import { tempDir } from '../../../helpers/temp';
import { checkInToTicket, storageCore } from './kit';

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runStorageCommand(args, {
    out: (l) => lines.push(l),
    nowIso: () => '2026-11-25T05:00:00.000Z',
    env: {},
    defaultDataDir: () => '/nonexistent',
  });
  return { code, out: lines.join('\n') };
}

describe('storage CLI', () => {
  it('backup → destroy → restore --latest → the kiosk starts with every committed transition; verify-audit says intact', async () => {
    const dir = tempDir();
    let kit = await storageCore(dir);
    for (let i = 0; i < 5; i++) await checkInToTicket(kit);
    const transitions = kit.core.internals.db.prepare(`SELECT * FROM transitions ORDER BY session_id, version`).all();
    await kit.close();

    const b = await cli(['backup', '--data-dir', dir]);
    expect(b).toMatchObject({
      code: 0,
      out: expect.stringMatching(/backup written and verified: .*5 sessions, 15 transitions/),
    });
    expect((await cli(['list', '--data-dir', dir])).out).toMatch(/ ok {2}sessions=5 transitions=15 audit=intact/);

    fs.writeFileSync(path.join(dir, 'kiosk.sqlite3'), Buffer.alloc(0));
    await expect(storageCore(dir)).rejects.toThrow(/npm run storage -- restore --latest/);
    const r = await cli(['restore', '--latest', '--data-dir', dir]);
    expect(r).toMatchObject({
      code: 0,
      out: expect.stringMatching(/restored .* moved to .*kiosk\.sqlite3\.replaced-/),
    });

    kit = await storageCore(dir);
    try {
      expect(kit.core.internals.db.prepare(`SELECT * FROM transitions ORDER BY session_id, version`).all()).toEqual(
        transitions,
      );
    } finally {
      await kit.close();
    }
    expect(await cli(['verify-audit', '--data-dir', dir])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^audit intact: \d+ entries/),
    });
  });

  it('verify-audit names the first broken entry; usage errors are exit code 2', async () => {
    const dir = tempDir();
    const kit = await storageCore(dir);
    for (let i = 0; i < 3; i++) await checkInToTicket(kit);
    kit.core.internals.db.exec(`DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'x' WHERE id = 2;`);
    await kit.close();
    expect(await cli(['verify-audit', '--data-dir', dir])).toMatchObject({
      code: 1,
      out: 'audit BROKEN at entry 2: entry 2 was changed after it was written',
    });
    expect((await cli([])).code).toBe(2);
    expect((await cli(['restore', '--data-dir'])).code).toBe(2);
    expect((await cli(['frobnicate', '--data-dir', dir])).code).toBe(2);
  });

  it('npm run storage runs the same code as a program (exit code and output)', async () => {
    const dir = tempDir();
    const kit = await storageCore(dir);
    await checkInToTicket(kit);
    await kit.close();
    const out = execFileSync(
      path.resolve('node_modules/.bin/tsx'),
      ['scripts/storage.ts', 'verify-audit', '--data-dir', dir],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${path.resolve('node_modules/.bin')}:${process.env.PATH ?? ''}` },
      },
    );
    expect(out).toMatch(/^audit intact: \d+ entries/);
  });
});
