/**
 * The identity feature, composed: staff accounts, enrolled devices, the LAN exposure setting and the gate
 * every connection goes through. The host and the Electron shell build it from the core's SQLite handle.
 */
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { createDevices, type Devices } from './devices';
import { createExposureSetting, type ExposureSetting } from './exposure';
import { createGate, type Gate, type GateOptions } from './gate';
import { createStaffAccounts, type StaffAccounts, type StaffAccountsOptions } from './service';
import type { AuditSink } from './types';

export interface Identity {
  accounts: StaffAccounts;
  devices: Devices;
  exposure: ExposureSetting;
  gate: Gate;
  /** The first-run setup code issued at start-up (undefined once an admin exists). Console only. */
  setupCode(): string | undefined;
  close(): void;
}

export function createIdentity(options: {
  db: Database.Database;
  clock: Clock;
  log: Logger;
  audit: AuditSink;
  core: GateOptions['core'];
  exposure?: GateOptions['exposure'];
  accounts?: Partial<Pick<StaffAccountsOptions, 'cost' | 'idleMs' | 'sessionMs' | 'backoff'>>;
}): Identity {
  const { db, clock, log, audit } = options;
  const accounts = createStaffAccounts({ db, clock, log: log.child('accounts'), audit, ...options.accounts });
  const devices = createDevices({ db, clock, audit });
  const exposure = createExposureSetting({ db, clock, audit });
  let code = accounts.issueSetupCode();
  const setupCode = () => {
    if (code && !accounts.setupNeeded()) code = undefined;
    return code;
  };
  const gate = createGate({
    core: options.core,
    accounts,
    devices,
    setupCode,
    exposureSetting: exposure,
    ...(options.exposure ? { exposure: options.exposure } : {}),
  });
  // Idle sign-outs and revocations reach open screens within a few seconds; old sessions are swept.
  const timer = setInterval(() => {
    gate.recheckAll();
    accounts.sweep();
  }, 5_000);
  timer.unref();
  return { accounts, devices, exposure, gate, setupCode, close: () => clearInterval(timer) };
}
