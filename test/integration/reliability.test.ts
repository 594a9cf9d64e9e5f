/**
 * Small bounded versions of the kill and soak proofs (the full ones: npm run bench:kill / bench:soak).
 * They run the real scripts as programs and read the figures they print.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('node_modules/.bin');
const env = (extra: Record<string, string>) => ({ ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, ...extra });
const figure = (out: string, label: string) => {
  const m = new RegExp(`${label}\\s+(\\d+)`).exec(out);
  if (!m) throw new Error(`no "${label}" in:\n${out}`);
  return Number(m[1]);
};

describe('reliability proofs, small', () => {
  it('kill: 20 check-ins under random SIGKILLs — nothing acknowledged lost, every session resumed, no duplicate 受付番号', async () => {
    const { stdout } = await run(path.join(bin, 'tsx'), ['test/bench/reliability/kill.ts'], {
      env: env({ KILL_SESSIONS: '20', KILL_MIN_MS: '20', KILL_MAX_MS: '150' }),
      timeout: 110_000,
    });
    expect(figure(stdout, 'SIGKILLs')).toBeGreaterThanOrEqual(1);
    expect(figure(stdout, 'acknowledged transitions lost')).toBe(0);
    expect(stdout).toMatch(/failed to resume: 0\)/);
    expect(figure(stdout, 'duplicate 受付番号')).toBe(0);
    expect(stdout).toMatch(/sessions\s+\d+ \(completed \d+, cancelled\/expired 0, open 0\)/);
  }, 120_000);

  it('soak: 120 check-ins on four paths — all completed, no record lost, nothing left running after close', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'test/bench/reliability/soak.ts'],
      {
        env: env({ SOAK_CHECKINS: '120', SOAK_KIOSKS: '4' }),
        timeout: 110_000,
      },
    );
    expect(stdout).toMatch(/check-ins completed\s+120 of 120 \(database: 120 completed\)/);
    expect(stdout).toMatch(/records lost 0/);
    expect(stdout).toMatch(/failures\s+0/);
    expect(stdout).not.toMatch(/after core\.close\(\).*Timeout/);
  }, 120_000);
});
