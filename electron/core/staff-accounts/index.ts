/**
 * The staff-accounts feature (identity): staff accounts and sign-in sessions, enrolled devices, the LAN
 * exposure setting and the first-run setup code. It owns no kiosk API request: its requests (sign-in,
 * pairing, account and device management — shared/api/auth.ts) are answered by the gate (gate.ts), which
 * every connection passes through and which the composition root builds around the request table.
 */
import type { HostExposureView } from '../../../shared/api/auth';
import type { AuditLog } from '../audit/index';
import type { Clock } from '../clock';
import { defineFeature } from '../feature';
import type { Logger } from '../logger';
import { ok, type RequestTable } from '../requests';
import type { Db } from '../store/index';
import { createDevices, type Devices } from './devices';
import { createExposureSetting, type ExposureSetting } from './exposure';
import { STAFF_ACCOUNTS_FEATURE, STAFF_ACCOUNTS_MIGRATIONS } from './migrations';
import { createStaffAccounts, type StaffAccounts, type StaffAccountsOptions } from './service';

export { createGate, type Gate, type GateConnection, type OpenOptions } from './gate';

export interface Identity {
  accounts: StaffAccounts;
  devices: Devices;
  exposure: ExposureSetting;
  /** The first-run setup code issued at start-up (undefined once an admin exists). Console only. */
  setupCode(): string | undefined;
  /** What the host is serving on the LAN right now (set by the host once it listens), for the admin screen. */
  served(): Omit<HostExposureView, 'setting'>;
  reportServed(view: Omit<HostExposureView, 'setting'>): void;
}

export type IdentityTuning = Partial<Pick<StaffAccountsOptions, 'cost' | 'idleMs' | 'sessionMs' | 'backoff'>>;

export interface IdentityDeps {
  clock: Clock;
  log: Logger;
  audit: AuditLog;
  tuning?: IdentityTuning;
}

export const staffAccountsFeature = defineFeature<IdentityDeps, Identity>({
  name: STAFF_ACCOUNTS_FEATURE,
  migrations: STAFF_ACCOUNTS_MIGRATIONS,
  create({ db, clock, log, audit, tuning }: IdentityDeps & { db: Db }) {
    const sink = (e: Parameters<AuditLog['write']>[0]) => audit.write(e);
    const accounts = createStaffAccounts({ db, clock, log, audit: sink, ...tuning });
    const devices = createDevices({ db, clock, audit: sink });
    const exposure = createExposureSetting({ db, clock, audit: sink });
    let code = accounts.issueSetupCode();
    let served: Omit<HostExposureView, 'setting'> = {};
    let timer: ReturnType<typeof setInterval> | undefined;
    const service: Identity = {
      accounts,
      devices,
      exposure,
      setupCode() {
        if (code && !accounts.setupNeeded()) code = undefined;
        return code;
      },
      served: () => served,
      reportServed(view) {
        served = view;
      },
    };
    const handlers: Pick<RequestTable, 'staff.kioskNames'> = {
      'staff.kioskNames': () =>
        ok(devices.list().flatMap((d) => (d.kind === 'kiosk' ? [{ kioskId: d.id, label: d.label }] : []))),
    };
    return {
      service,
      handlers,
      start() {
        timer = setInterval(() => accounts.sweep(), 60_000);
        timer.unref();
      },
      close() {
        if (timer) clearInterval(timer);
      },
    };
  },
});
