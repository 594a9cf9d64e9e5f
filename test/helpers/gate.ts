/**
 * The real identity gate on an in-memory database, in front of a test's own handle/subscribe — so shell
 * tests (Electron IPC, app start-up) see the identity decisions the core makes, without a whole core.
 */
import Database from 'better-sqlite3';
import { createClock, isClockError } from '../../electron/core/clock';
import { createDevices } from '../../electron/core/staff-accounts/devices';
import { createGate, type GatedCore } from '../../electron/core/staff-accounts/gate';
import { STAFF_ACCOUNTS_FEATURE, STAFF_ACCOUNTS_MIGRATIONS } from '../../electron/core/staff-accounts/migrations';
import { createStaffAccounts } from '../../electron/core/staff-accounts/service';
import { migrateFeature } from '../../electron/core/store/index';
import type { Core } from '../../electron/core/index';

export function gateOver(core: GatedCore, options: { setupCode?: string } = {}) {
  const db = new Database(':memory:');
  migrateFeature(db, STAFF_ACCOUNTS_FEATURE, STAFF_ACCOUNTS_MIGRATIONS);
  const clock = createClock({});
  if (isClockError(clock)) throw new Error(clock.message);
  const accounts = createStaffAccounts({ db, clock, cost: { log2N: 10, r: 8, p: 1 } });
  const devices = createDevices({ db, clock });
  const gate = createGate({ core, accounts, devices, setupCode: () => options.setupCode });
  const connect: Core['connect'] = (o) => gate.open(o);
  return { connect, accounts, devices };
}
