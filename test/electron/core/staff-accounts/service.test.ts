import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../electron/core/clock';
import { migrateFeature } from '../../../../electron/core/store/index';
import { STAFF_ACCOUNTS_FEATURE, STAFF_ACCOUNTS_MIGRATIONS } from '../../../../electron/core/staff-accounts/migrations';
import { createDevices } from '../../../../electron/core/staff-accounts/devices';
import { checkSecret, hashSecret, verifySecret } from '../../../../electron/core/staff-accounts/secrets';
import { createStaffAccounts } from '../../../../electron/core/staff-accounts/service';
import type { AuditRecord } from '../../../../electron/core/staff-accounts/types';
import { tempDir } from '../../../helpers/temp';

const FAST = { log2N: 10, r: 8, p: 1 };

function manualClock(start = Date.parse('2026-11-25T09:00:00+09:00')) {
  let t = start;
  const clock: Clock = {
    timeZone: 'Asia/Tokyo',
    now: () => new Date(t),
    nowIso: () => new Date(t).toISOString(),
    today: () => '2026-11-25',
  };
  return { clock, advance: (ms: number) => (t += ms) };
}

function setup(extra: { idleMs?: number } = {}) {
  const file = path.join(tempDir('accounts-'), 'kiosk.sqlite3');
  const db = new Database(file);
  migrateFeature(db, STAFF_ACCOUNTS_FEATURE, STAFF_ACCOUNTS_MIGRATIONS);
  const { clock, advance } = manualClock();
  const audit: AuditRecord[] = [];
  const accounts = createStaffAccounts({ db, clock, cost: FAST, audit: (e) => audit.push(e), ...extra });
  return { db, file, clock, advance, audit, accounts };
}

describe('secrets', () => {
  it('hashes with scrypt and a salt, verifies in constant time, refuses foreign hashes', async () => {
    const a = await hashSecret('482913', FAST);
    const b = await hashSecret('482913', FAST);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await verifySecret('482913', a)).toBe(true);
    expect(await verifySecret('482914', a)).toBe(false);
    expect(await verifySecret('482913', 'plain')).toBe(false);
    expect(await verifySecret('482913', 'scrypt$30$8$1$AAAAAAAAAAA=$AAAAAAAAAAA=')).toBe(false);
  });
  it('refuses short, runs and repeats', () => {
    expect(checkSecret('1234')).toBe('too-short');
    expect(checkSecret('123456')).toBe('too-simple');
    expect(checkSecret('666666')).toBe('too-simple');
    expect(checkSecret('482913')).toBeUndefined();
    expect(checkSecret('short')).toBe('too-short');
    expect(checkSecret('correct horse')).toBeUndefined();
  });
});

describe('staff accounts', () => {
  it('first run: a one-time setup code creates the first admin and signs them in', async () => {
    const { accounts, audit } = setup();
    expect(accounts.setupNeeded()).toBe(true);
    const code = accounts.issueSetupCode()!;
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const wrong = await accounts.createFirstAdmin({
      code: 'AAAA-BBBB-CCCC',
      name: 'Sato',
      secret: '482913',
      client: 'c1',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-code' } });
    const r = await accounts.createFirstAdmin({
      code: code.toLowerCase().replace(/-/g, ' '),
      name: 'Sato',
      secret: '482913',
      client: 'c1',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.account).toMatchObject({ name: 'Sato', role: 'admin' });
    expect(accounts.resolve(r.value.token)).toMatchObject({ name: 'Sato', role: 'admin' });
    expect(accounts.setupNeeded()).toBe(false);
    // one-time: the same code cannot make a second admin, and no new code is issued
    const again = await accounts.createFirstAdmin({ code, name: 'Mallory', secret: '482913', client: 'c2' });
    expect(again.ok).toBe(false);
    expect(accounts.issueSetupCode()).toBeUndefined();
    expect(audit.map((a) => a.action)).toContain('account.create');
  });

  it('stores only a slow salted hash, never the PIN', async () => {
    const { accounts, db } = setup();
    await accounts.create({ name: 'Tanaka', role: 'staff', secret: '739154' }, 'cli');
    const rows = JSON.stringify(db.prepare('SELECT * FROM staff_accounts').all());
    expect(rows).not.toContain('739154');
    expect(rows).toContain('scrypt$10$8$1$');
  });

  it('locks an account with growing back-off after repeated failures, and lets the right PIN in only after the wait', async () => {
    const { accounts, advance } = setup();
    await accounts.create({ name: 'Tanaka', role: 'staff', secret: '739154' }, 'cli');
    const tries = [];
    for (let i = 0; i < 6; i++)
      tries.push(await accounts.signIn({ name: 'Tanaka', secret: '000000', client: `c${i}` }));
    expect(tries.slice(0, 4).every((t) => !t.ok && t.error.retryAfterSeconds === undefined)).toBe(true);
    const fifth = tries[4]!;
    expect(!fifth.ok && fifth.error.retryAfterSeconds).toBe(30);
    // the right PIN from a fresh client is still refused while the account is locked
    const early = await accounts.signIn({ name: 'Tanaka', secret: '739154', client: 'fresh' });
    expect(early).toMatchObject({ ok: false, error: { code: 'locked' } });
    advance(31_000);
    const sixthFail = await accounts.signIn({ name: 'Tanaka', secret: '111112', client: 'fresh2' });
    expect(!sixthFail.ok && sixthFail.error.retryAfterSeconds).toBe(60); // doubled
    advance(61_000);
    expect((await accounts.signIn({ name: 'Tanaka', secret: '739154', client: 'fresh3' })).ok).toBe(true);
  });

  it('locks a client that guesses across many names', async () => {
    const { accounts } = setup();
    await accounts.create({ name: 'Tanaka', role: 'staff', secret: '739154' }, 'cli');
    for (let i = 0; i < 5; i++) await accounts.signIn({ name: `nobody${i}`, secret: '000000', client: 'attacker' });
    const r = await accounts.signIn({ name: 'Tanaka', secret: '739154', client: 'attacker' });
    expect(r).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect((await accounts.signIn({ name: 'Tanaka', secret: '739154', client: 'desk' })).ok).toBe(true);
  });

  it('sessions expire when idle, end on sign-out and on any account change, and survive a restart of the service', async () => {
    const { accounts, advance, db, clock } = setup({ idleMs: 60_000 });
    const admin = await accounts.create({ name: 'Sato', role: 'admin', secret: 'admin-pass-1' }, 'cli');
    const staff = await accounts.create({ name: 'Tanaka', role: 'staff', secret: '739154' }, 'cli');
    if (!admin.ok || !staff.ok) throw new Error('setup');
    const signIn = async () => {
      const r = await accounts.signIn({ name: 'Tanaka', secret: '739154', client: 'desk' });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.token;
    };
    const t1 = await signIn();
    advance(50_000);
    expect(accounts.resolve(t1)).toBeDefined(); // activity
    advance(50_000);
    expect(accounts.resolve(t1)).toBeDefined();
    advance(61_000);
    expect(accounts.resolve(t1)).toBeUndefined(); // idle

    const t2 = await signIn();
    const again = createStaffAccounts({ db, clock, cost: FAST });
    expect(again.resolve(t2)).toMatchObject({ name: 'Tanaka' }); // server-side, in SQLite
    accounts.signOut(t2);
    expect(again.resolve(t2)).toBeUndefined();

    const by = { accountId: admin.value.id, name: 'Sato', role: 'admin' as const };
    const t3 = await signIn();
    expect(accounts.setRole(staff.value.id, 'staff', by).ok).toBe(true); // even a no-op change revokes
    expect(accounts.resolve(t3)).toBeUndefined();
    const t4 = await signIn();
    expect(accounts.setDisabled(staff.value.id, true, by).ok).toBe(true);
    expect(accounts.resolve(t4)).toBeUndefined();
    expect((await accounts.signIn({ name: 'Tanaka', secret: '739154', client: 'desk' })).ok).toBe(false);
    expect(accounts.setDisabled(staff.value.id, false, by).ok).toBe(true);
    expect((await accounts.resetSecret(staff.value.id, '905612', by)).ok).toBe(true);
    expect((await accounts.signIn({ name: 'Tanaka', secret: '739154', client: 'desk' })).ok).toBe(false);
    expect((await accounts.signIn({ name: 'tanaka', secret: '905612', client: 'desk' })).ok).toBe(true);
  });

  it('never leaves the clinic without an enabled admin', async () => {
    const { accounts } = setup();
    const admin = await accounts.create({ name: 'Sato', role: 'admin', secret: 'admin-pass-1' }, 'cli');
    if (!admin.ok) throw new Error('setup');
    expect(accounts.setDisabled(admin.value.id, true, 'cli')).toMatchObject({
      ok: false,
      error: { code: 'last-admin' },
    });
    expect(accounts.setRole(admin.value.id, 'staff', 'cli')).toMatchObject({
      ok: false,
      error: { code: 'last-admin' },
    });
    expect(await accounts.create({ name: 'sato', role: 'staff', secret: '739154' }, 'cli')).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});

describe('device enrollment', () => {
  it('a pairing code is redeemed once for a credential that only its hash is kept of; revocation ends it', async () => {
    const { db, clock, advance, audit } = setup();
    const devices = createDevices({ db, clock, audit: (e) => audit.push(e) });
    const admin = { accountId: 'a1', name: 'Sato', role: 'admin' as const };
    const made = devices.createPairingCode({ kind: 'kiosk', label: '2F tablet' }, admin);
    if (!made.ok) throw new Error('code');
    const cred = devices.redeem({ code: made.value.code, client: 'tablet' });
    if (!cred.ok) throw new Error(cred.error.message);
    expect(cred.value.deviceId).toMatch(/^dev-/);
    expect(devices.redeem({ code: made.value.code, client: 'other' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-code' },
    });
    expect(JSON.stringify(db.prepare('SELECT * FROM enrolled_devices').all())).not.toContain(cred.value.secret);
    expect(devices.authenticate({ deviceId: cred.value.deviceId, secret: cred.value.secret })).toMatchObject({
      kind: 'kiosk',
      label: '2F tablet',
    });
    expect(devices.authenticate({ deviceId: cred.value.deviceId, secret: cred.value.secret + 'x' })).toBeUndefined();
    expect(devices.revoke(cred.value.deviceId, admin).ok).toBe(true);
    expect(devices.authenticate({ deviceId: cred.value.deviceId, secret: cred.value.secret })).toBeUndefined();
    // expired codes do not work, and guessing locks the client out
    const late = devices.createPairingCode({ kind: 'display', label: 'waiting room' }, admin);
    advance(11 * 60_000);
    expect(late.ok && devices.redeem({ code: late.value.code, client: 'x' }).ok).toBe(false);
    for (let i = 0; i < 6; i++) devices.redeem({ code: `ZZZZ-ZZZ${i}`, client: 'guesser' });
    expect(devices.redeem({ code: 'ZZZZ-ZZZZ', client: 'guesser' })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['device.pairing-code', 'device.enrolled', 'device.revoke']),
    );
  });
});
