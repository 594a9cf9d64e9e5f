/**
 * The staff-accounts feature's own schema: accounts, sign-in sessions, the first-run setup code, device
 * pairing codes, enrolled devices and the LAN exposure setting. Run by the core's migration runner
 * (store/migrate.ts) when the feature is added; never edit a released entry, add the next number.
 */
import type { Migration } from '../store/index';

export const STAFF_ACCOUNTS_FEATURE = 'staff-accounts';

export const STAFF_ACCOUNTS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'staff accounts, sign-in sessions, setup code, pairing codes, enrolled devices',
    sql: `
      CREATE TABLE staff_accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
        secret_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        -- bumped on every change to the account: sessions of an older generation are dead
        generation INTEGER NOT NULL DEFAULT 1,
        failed_count INTEGER NOT NULL DEFAULT 0,
        locked_until_ms INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES staff_accounts(id) ON DELETE CASCADE,
        generation INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        last_seen_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL
      );
      CREATE INDEX staff_sessions_account ON staff_sessions(account_id);
      CREATE TABLE staff_setup_code (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        code_hash TEXT NOT NULL,
        expires_ms INTEGER NOT NULL
      );
      CREATE TABLE device_pairing_codes (
        code_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display')),
        label TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL
      );
      CREATE TABLE enrolled_devices (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display')),
        label TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT,
        revoked_at TEXT,
        revoked_by TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'host exposure on the clinic LAN (admin setting)',
    sql: `
      CREATE TABLE host_exposure (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        bind TEXT NOT NULL,
        port INTEGER NOT NULL,
        names TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
    `,
  },
];
